/**
 * The Quellenvergleich: the same figure from several sources, side by side — per area each source's value
 * at its own Stichtag nearest the one asked for, the gap of the second against the first (absolute and in
 * percent), flags where the gap exceeds a threshold, the region's totals with each source's reported
 * total and "nicht zuordenbar" remainder, and how the gap developed over the Stichtage both sources cover.
 * Nothing is added across sources. Pure: observations in, comparison out.
 */
import type { AreaKey, Observation } from '../model/project';
import { unassignableKey } from '../model/project';
import { sumVariableSelection } from '../indicators/sumVariableSelection';

/** Stichtage of two sources up to this many days apart count as the same date (31.12. vs. last Monday). */
export const SAME_DATE_TOLERANCE_DAYS = 45;
/** A Stichtag further than this from the one asked for is not used for a source (it then has no value). */
export const NEAREST_DATE_LIMIT_DAYS = 366;

export interface ComparedSource {
  id: string;
  name: string;
  /** The source's Stichtag used for the comparison (nearest to the one asked for), or null when it has none near. */
  stichtag: string | null;
  definition: string;
  quality: string;
  synthetic: boolean;
}

export interface ComparedArea {
  key: AreaKey;
  name: string;
  /** Per source id its value (summed over the variable's breakdowns), null when it has none. */
  values: Record<string, number | null>;
  /** Second source minus first; null when either is missing. */
  gap: number | null;
  /** Gap in percent of the first source's value; null when it is missing or 0. */
  gapPercent: number | null;
  /** |gapPercent| exceeds the threshold (or the first is 0 and the second is not). */
  flagged: boolean;
}

export interface SourceTotalCheck {
  sourceId: string;
  /** Sum over the areas that have a value. */
  sumOfAreas: number;
  /** Areas with a value. */
  areaCount: number;
  /** The source's own total for the parent (e.g. the Kreis row), null when it reports none. */
  reported: number | null;
  /** What the source could not assign to an area, null when it reports nothing of the kind. */
  unassignable: number | null;
  /** reported − (sumOfAreas + unassignable); null without a reported total. */
  difference: number | null;
}

/**
 * The first two sources' sums over the areas where BOTH have a value: the only sums whose gap says
 * something. Sums over different sets of areas (a Kreis table with Hannover alone against 21 Gemeinden)
 * would show a gap of half the region that no source reports.
 */
export interface PairedTotals {
  first: number;
  second: number;
  /** The areas summed (those compared). */
  areaCount: number;
}

/**
 * Whether the paired sums are the sources' whole sums: both have values in exactly the compared areas.
 * Otherwise a view shows the paired sums as a row of their own ("Summe der 1 verglichenen Gebiete") and no
 * gap between sums over different areas.
 * @example pairedTotalsCoverAll(kreisTableAgainstRegister) // false: the Kreis table holds Hannover alone
 */
export function pairedTotalsCoverAll(comparison: Pick<SourceComparison, 'pairedTotals' | 'checks' | 'sources'>): boolean {
  const paired = comparison.pairedTotals;
  if (paired === null) return false;
  return comparison.sources.slice(0, 2).every((source) => comparison.checks.find((check) => check.sourceId === source.id)?.areaCount === paired.areaCount);
}

export interface GapTrendPoint {
  /** Per source id the Stichtag used at this point. */
  periods: Record<string, string>;
  /** Per source id the sum over the areas compared at this point (both sources have a value). */
  totals: Record<string, number>;
  gap: number;
  gapPercent: number | null;
  /** Per area key the gap in percent (null where a value is missing). */
  areaGapPercent: Record<string, number | null>;
}

export interface SourceComparison {
  variable: string;
  /** The Stichtag asked for (or, by default, the first source's latest that the second has too: see defaultPeriod). */
  period: string;
  sources: ComparedSource[];
  areas: ComparedArea[];
  /** Per source id the sum over the areas that have a value; absent for a source without any value at its Stichtag. */
  totals: Record<string, number>;
  /** The first two sources' sums over the compared areas alone (the region's gap); null when none was compared. */
  pairedTotals: PairedTotals | null;
  /** Per source id its "nicht zuordenbar" remainder, null when it reports none. */
  unassignable: Record<string, number | null>;
  checks: SourceTotalCheck[];
  thresholdPercent: number;
  flaggedCount: number;
  /** Areas where both sources have a value, so that a gap could be computed; 0: nothing was compared. */
  comparedCount: number;
  trend: GapTrendPoint[];
}

export interface CompareSourcesInput {
  variable: string;
  areas: readonly { key: AreaKey; name: string }[];
  /** Observations of the variable from the compared sources, every Stichtag. */
  observations: readonly Observation[];
  /** The sources to compare, first is the reference (gap = second − first). */
  sources: readonly Omit<ComparedSource, 'stichtag'>[];
  /** Stichtag (ISO); null: the first source's latest that the second has too (see defaultPeriod). */
  period: string | null;
  thresholdPercent: number;
  /** The layer's parent key (e.g. "03241"): where reported totals and "nicht zuordenbar" are kept. */
  parentKey: AreaKey | null;
}

const DAY = 24 * 60 * 60 * 1000;
const daysBetween = (a: string, b: string): number => Math.abs(Date.parse(a) - Date.parse(b)) / DAY;

/**
 * @example
 * compareSources({ variable: 'refugees', areas, observations, sources: [azr, asylblg], period: '2024-12-31', thresholdPercent: 10, parentKey: '03241' })
 *   .areas[0] // { key: '03241001', values: { azr: 14210, asylblg: 9630 }, gap: -4580, gapPercent: -32.2, flagged: true }
 */
export function compareSources(input: CompareSourcesInput): SourceComparison {
  const periodsBySource = new Map<string, string[]>();
  for (const source of input.sources) periodsBySource.set(source.id, []);
  for (const observation of input.observations) {
    if (observation.variable !== input.variable) continue;
    const list = periodsBySource.get(observation.sourceId);
    if (list && !list.includes(observation.period)) list.push(observation.period);
  }
  for (const list of periodsBySource.values()) list.sort();
  const first = input.sources[0];
  const byCell = indexObservations(input.observations, input.variable);
  const nearest = (sourceId: string, wanted: string, limit: number): string | null => {
    let best: string | null = null;
    for (const candidate of periodsBySource.get(sourceId) ?? []) {
      if (daysBetween(candidate, wanted) > limit) continue;
      if (best === null || daysBetween(candidate, wanted) < daysBetween(best, wanted)) best = candidate;
    }
    return best;
  };
  const period = input.period ?? (first ? defaultPeriod(periodsBySource.get(first.id) ?? [], input.sources[1]?.id, nearest) : null) ?? '';
  const sources: ComparedSource[] = input.sources.map((source) => ({ ...source, stichtag: nearest(source.id, period, NEAREST_DATE_LIMIT_DAYS) }));
  const snapshot = compareAt(input, byCell, sources.map((source) => [source.id, source.stichtag] as const));

  // The gap over time: every Stichtag of the first source that the second has (nearly) too.
  const trend: GapTrendPoint[] = [];
  const second = input.sources[1];
  if (first && second) {
    for (const firstPeriod of periodsBySource.get(first.id) ?? []) {
      const secondPeriod = nearest(second.id, firstPeriod, SAME_DATE_TOLERANCE_DAYS);
      if (secondPeriod === null) continue;
      const point = compareAt(input, byCell, [
        [first.id, firstPeriod],
        [second.id, secondPeriod],
      ]);
      if (point.pairedTotals === null) continue;
      const { first: totalFirst, second: totalSecond } = point.pairedTotals;
      trend.push({
        periods: { [first.id]: firstPeriod, [second.id]: secondPeriod },
        totals: { [first.id]: totalFirst, [second.id]: totalSecond },
        gap: totalSecond - totalFirst,
        gapPercent: totalFirst === 0 ? null : ((totalSecond - totalFirst) / totalFirst) * 100,
        areaGapPercent: Object.fromEntries(point.areas.map((area) => [area.key, area.gapPercent])),
      });
    }
  }
  return { variable: input.variable, period, sources, ...snapshot, thresholdPercent: input.thresholdPercent, flaggedCount: snapshot.areas.filter((area) => area.flagged).length, comparedCount: snapshot.areas.filter((area) => area.gap !== null).length, trend };
}

/**
 * The Stichtag compared when none is asked for: the first source's latest that the second has too (within
 * SAME_DATE_TOLERANCE_DAYS), else the first's Stichtag nearest to one of the second (a census of 15.05.2022
 * against a register of every 31.12.: 31.12.2021), else the first's latest — never a date where the second
 * has nothing while they share another.
 */
function defaultPeriod(firstPeriods: readonly string[], secondId: string | undefined, nearest: (sourceId: string, wanted: string, limit: number) => string | null): string | null {
  const latest = firstPeriods.at(-1) ?? null;
  if (secondId === undefined) return latest;
  const newestFirst = [...firstPeriods].reverse();
  const same = newestFirst.find((period) => nearest(secondId, period, SAME_DATE_TOLERANCE_DAYS) !== null);
  if (same) return same;
  let best: { period: string; days: number } | null = null;
  for (const period of newestFirst) {
    const partner = nearest(secondId, period, NEAREST_DATE_LIMIT_DAYS);
    if (partner === null) continue;
    const days = daysBetween(period, partner);
    if (best === null || days < best.days) best = { period, days };
  }
  return best?.period ?? latest;
}

function indexObservations(observations: readonly Observation[], variable: string): Map<string, Observation[]> {
  const byCell = new Map<string, Observation[]>();
  for (const observation of observations) {
    if (observation.variable !== variable) continue;
    const id = `${observation.sourceId}\u0000${observation.areaKey}\u0000${observation.period}`;
    const list = byCell.get(id);
    if (list) list.push(observation);
    else byCell.set(id, [observation]);
  }
  return byCell;
}

/** The comparison at one Stichtag per source (null: the source has no value near the asked date). */
function compareAt(
  input: CompareSourcesInput,
  byCell: ReadonlyMap<string, Observation[]>,
  periods: readonly (readonly [string, string | null])[],
): Pick<SourceComparison, 'areas' | 'totals' | 'pairedTotals' | 'unassignable' | 'checks'> {
  const valueOf = (sourceId: string, areaKey: string, period: string | null): number | null => {
    if (period === null) return null;
    const cell = byCell.get(`${sourceId}\u0000${areaKey}\u0000${period}`);
    if (!cell) return null;
    const sum = sumVariableSelection(cell, { variable: input.variable });
    return sum.status === 'ok' ? sum.value : null;
  };
  const [firstId, secondId] = [periods[0]?.[0], periods[1]?.[0]];
  const areas: ComparedArea[] = input.areas.map((area) => {
    const values = Object.fromEntries(periods.map(([sourceId, period]) => [sourceId, valueOf(sourceId, area.key, period)]));
    const a = firstId !== undefined ? (values[firstId] ?? null) : null;
    const b = secondId !== undefined ? (values[secondId] ?? null) : null;
    const gap = a !== null && b !== null ? b - a : null;
    const gapPercent = gap !== null && a !== null && a !== 0 ? (gap / a) * 100 : null;
    const flagged = gap !== null && (gapPercent === null ? gap !== 0 : Math.abs(gapPercent) > input.thresholdPercent);
    return { key: area.key, name: area.name, values, gap, gapPercent, flagged };
  });
  const totals: Record<string, number> = {};
  const unassignable: Record<string, number | null> = {};
  const checks: SourceTotalCheck[] = periods.map(([sourceId, period]) => {
    let sumOfAreas = 0;
    let areaCount = 0;
    for (const area of areas) {
      const value = area.values[sourceId];
      if (value === null || value === undefined) continue;
      sumOfAreas += value;
      areaCount += 1;
    }
    // A source without any value here has no total (not 0): it is shown as "–", never as a count of nobody.
    if (areaCount > 0) totals[sourceId] = sumOfAreas;
    const reported = input.parentKey ? valueOf(sourceId, input.parentKey, period) : null;
    const rest = input.parentKey ? valueOf(sourceId, unassignableKey(input.parentKey), period) : null;
    unassignable[sourceId] = rest;
    return { sourceId, sumOfAreas, areaCount, reported, unassignable: rest, difference: reported === null ? null : reported - (sumOfAreas + (rest ?? 0)) };
  });
  let pairedTotals: PairedTotals | null = null;
  for (const area of areas) {
    if (area.gap === null || firstId === undefined || secondId === undefined) continue;
    pairedTotals ??= { first: 0, second: 0, areaCount: 0 };
    pairedTotals.first += area.values[firstId] ?? 0;
    pairedTotals.second += area.values[secondId] ?? 0;
    pairedTotals.areaCount += 1;
  }
  return { areas, totals, pairedTotals, unassignable, checks };
}
