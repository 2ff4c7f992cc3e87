/**
 * Movement indicators of a stock variable with arrivals and departures (e.g. persons seeking protection):
 * arrivals, departures, net migration (arrivals − departures) and turnover (Umzugsintensität: arrivals +
 * departures), each absolute and per 1.000 inhabitants (the population at the period's Stichtag). The
 * region's value is Σ numerators / Σ inhabitants × 1.000 over all areas, null when any area lacks a value
 * (so the reference line never covers fewer areas than the panels).
 *
 * Every value names its source: arrivals and departures each draw from their variable's sources in
 * priority order (never summed across sources); when the two come from different sources the value names
 * the arrivals' source and `mixedSources` lists both.
 */
import type { AreaKey, LocalizedText, Observation, QualityFlag } from '../model/project';
import { sumVariableSelection, type SelectionSum } from '../indicators/sumVariableSelection';
import { weakestQuality } from '../indicators/qualityRanking';
import { isSmallCount, sumRevealsWithheld } from '../indicators/smallCounts';
import type { AreaSeries, SeriesIndicator, SeriesPoint } from './timeSeriesTypes';
import { stockVariablesWithFlows } from './accountVariables';
import { accountTermWord } from './accountLabels';
import { localized } from '../i18n/translate';
import type { Locale } from '../format/number';

export const MOVEMENT_MEASURES = ['arrivals', 'departures', 'net', 'turnover'] as const;
export type MovementMeasure = (typeof MOVEMENT_MEASURES)[number];

/** Id prefix of the movement indicators (never clashes with a project's indicator ids, which have no dot). */
export const MOVEMENT_PREFIX = 'movement.';

export interface MovementIndicator extends SeriesIndicator {
  measure: MovementMeasure;
  perThousand: boolean;
}

const MEASURE_NAMES: Record<MovementMeasure, LocalizedText> = {
  arrivals: { de: 'Zuzüge', en: 'Arrivals' },
  departures: { de: 'Fortzüge', en: 'Departures' },
  net: { de: 'Wanderungssaldo', en: 'Net migration' },
  turnover: { de: 'Umzugsintensität (Zu- und Fortzüge)', en: 'Turnover (arrivals and departures)' },
};

/** The eight movement indicators: each measure absolute and per 1.000 inhabitants. */
export const MOVEMENT_INDICATORS: readonly MovementIndicator[] = MOVEMENT_MEASURES.flatMap((measure) => [
  { id: `${MOVEMENT_PREFIX}${measure}_per_1000`, measure, perThousand: true, count: false, name: { de: `${MEASURE_NAMES[measure].de} je 1.000 Einw.`, en: `${MEASURE_NAMES[measure].en} per 1,000 inhabitants` }, unit: { de: 'je 1.000 Einw.', en: 'per 1,000 inhabitants' }, decimals: 1 },
  { id: `${MOVEMENT_PREFIX}${measure}`, measure, perThousand: false, count: true, name: MEASURE_NAMES[measure], unit: { de: 'Personen', en: 'persons' }, decimals: 0 },
]);

/**
 * The series a view of Bestand und Bewegung shows first: turnover per 1.000 inhabitants where the project
 * has a stock with arrivals and departures, else its first indicator with a series (a project of population
 * tables opened the Zeitreihen tab on a missing-data message), else turnover, whose message says what to import.
 * @example defaultSeriesIndicatorId([{ id: 'population', kind: 'stock' }], [{ id: 'population_total' }]) // 'population_total'
 */
export function defaultSeriesIndicatorId(variables: readonly { id: string; kind: 'stock' | 'flow' }[], seriesIndicators: readonly { id: string }[]): string {
  const turnover = `${MOVEMENT_PREFIX}turnover_per_1000`;
  if (stockVariablesWithFlows(variables).length > 0) return turnover;
  return seriesIndicators[0]?.id ?? turnover;
}

/**
 * A movement indicator is recognised by its id prefix alone (project indicator ids have no dot), so no
 * list of ids needs keeping in step anywhere else.
 * @example isMovementIndicatorId('movement.net') // true
 * @example isMovementIndicatorId('refugees_per_1000') // false
 */
export function isMovementIndicatorId(id: string): boolean {
  return id.startsWith(MOVEMENT_PREFIX);
}

/** @example movementIndicator('movement.turnover_per_1000')?.measure // 'turnover' */
export function movementIndicator(id: string): MovementIndicator | null {
  return MOVEMENT_INDICATORS.find((indicator) => indicator.id === id) ?? null;
}

/**
 * The movement indicator named after the stock it moves, e.g. "Zuzüge je 1.000 Einw. – Schutzsuchende";
 * arrivals and departures in the words of their variables where these name them ("Zugänge – Wohnungslose",
 * shared/movement/accountLabels.ts), as the balance beside the chart does.
 */
export function movementIndicatorOf(indicator: MovementIndicator, stockName: LocalizedText, flowNames: MovementFlowNames = {}): SeriesIndicator {
  const name = movementIndicatorName(indicator, flowNames);
  return { id: indicator.id, name: { de: `${name.de} – ${stockName.de}`, en: `${name.en} – ${stockName.en}` }, unit: indicator.unit, decimals: indicator.decimals, count: indicator.count };
}

/** The names of the arrivals and departures variables a movement indicator is computed from. */
export interface MovementFlowNames {
  inflow?: LocalizedText;
  outflow?: LocalizedText;
}

/**
 * A movement indicator's name in the words of its variables: "Zugänge je 1.000 Einw." for a statistic of
 * Zugänge; its net and turnover then "Saldo (Zugänge − Abgänge)" and "Umschlag (Zugänge und Abgänge)"
 * ("Wanderungssaldo" is a word for migration, not for persons leaving a shelter). The catalogue's names
 * where the variables use the catalogue's words.
 * @example movementIndicatorName(movementIndicator('movement.net')!, { inflow: { de: 'Zugänge', en: 'Admissions' }, outflow: { de: 'Abgänge', en: 'Exits' } }).de // 'Saldo (Zugänge − Abgänge)'
 */
export function movementIndicatorName(indicator: MovementIndicator, flowNames: MovementFlowNames = {}): LocalizedText {
  const name = (locale: Locale) => {
    const own = localized(indicator.name, locale);
    const arrivals = accountTermWord('inflow', flowNames.inflow, locale);
    const departures = accountTermWord('outflow', flowNames.outflow, locale);
    const catalogueWords = arrivals === localized(MEASURE_NAMES.arrivals, locale) && departures === localized(MEASURE_NAMES.departures, locale);
    const measureName = localized(MEASURE_NAMES[indicator.measure], locale);
    if (indicator.measure === 'arrivals') return own.replace(measureName, arrivals);
    if (indicator.measure === 'departures') return own.replace(measureName, departures);
    if (catalogueWords) return own;
    const words = locale === 'de' ? (indicator.measure === 'net' ? `Saldo (${arrivals} − ${departures})` : `Umschlag (${arrivals} und ${departures})`) : indicator.measure === 'net' ? `Net (${arrivals} − ${departures})` : `Turnover (${arrivals} and ${departures})`;
    return own.replace(measureName, words);
  };
  return { de: name('de'), en: name('en') };
}

export interface MovementSeriesInput {
  indicator: MovementIndicator;
  areas: readonly { key: AreaKey; name: string }[];
  /** Observations of the inflow, outflow and population variables. */
  observations: readonly Observation[];
  inflowVariable: string;
  outflowVariable: string;
  /** Inhabitants for the per-1.000 figures; null: only absolute figures can be computed. */
  populationVariable: string | null;
  priorityOf?: (variable: string) => readonly string[];
  smallNumberThreshold?: number;
}

export interface MovementSeries {
  periods: string[];
  series: AreaSeries[];
  region: SeriesPoint[];
  sourceIds: string[];
  /** Areas and periods where arrivals and departures came from different sources. */
  mixedSources: { key: AreaKey; period: string; sources: string[] }[];
}

interface Parts {
  inflow: SelectionSum;
  outflow: SelectionSum;
  population: SelectionSum | null;
}

function valueOf(sum: SelectionSum | null): number | null {
  return sum !== null && sum.status === 'ok' ? sum.value : null;
}

function numeratorOf(measure: MovementMeasure, inflow: number | null, outflow: number | null): number | null {
  if (measure === 'arrivals') return inflow;
  if (measure === 'departures') return outflow;
  if (inflow === null || outflow === null) return null;
  return measure === 'net' ? inflow - outflow : inflow + outflow;
}

/**
 * @example computeMovementSeries({ indicator: movementIndicator('movement.net')!, areas, observations, inflowVariable: 'refugee_arrivals', outflowVariable: 'refugee_departures', populationVariable: 'population' }).series[0].values[1].value
 */
export function computeMovementSeries(input: MovementSeriesInput): MovementSeries {
  const { indicator } = input;
  const threshold = input.smallNumberThreshold ?? 3;
  const flowVariables = new Set([input.inflowVariable, input.outflowVariable]);
  const relevant = new Set([...flowVariables, ...(input.populationVariable ? [input.populationVariable] : [])]);
  const byAreaPeriod = new Map<string, Map<string, Observation[]>>();
  const flowPeriods = new Set<string>();
  for (const observation of input.observations) {
    if (!relevant.has(observation.variable)) continue;
    if (flowVariables.has(observation.variable)) flowPeriods.add(observation.period);
    let periods = byAreaPeriod.get(observation.areaKey);
    if (!periods) byAreaPeriod.set(observation.areaKey, (periods = new Map()));
    const list = periods.get(observation.period);
    if (list) list.push(observation);
    else periods.set(observation.period, [observation]);
  }
  const periods = [...flowPeriods].sort();
  const sourceIds: string[] = [];
  const mixedSources: MovementSeries['mixedSources'] = [];
  const partsByArea = input.areas.map((area) =>
    periods.map((period): Parts => {
      const observations = byAreaPeriod.get(area.key)?.get(period) ?? [];
      const sum = (variable: string) => sumVariableSelection(observations, { variable }, input.priorityOf?.(variable));
      return { inflow: sum(input.inflowVariable), outflow: sum(input.outflowVariable), population: input.populationVariable ? sum(input.populationVariable) : null };
    }),
  );

  const point = (period: string, parts: Parts): SeriesPoint => {
    const inflow = valueOf(parts.inflow);
    const outflow = valueOf(parts.outflow);
    const numerator = numeratorOf(indicator.measure, inflow, outflow);
    const population = valueOf(parts.population);
    const used = indicator.measure === 'arrivals' ? [parts.inflow] : indicator.measure === 'departures' ? [parts.outflow] : [parts.inflow, parts.outflow];
    const sources = [...new Set(used.flatMap((sum) => (sum.status === 'no-data' ? [] : sum.sourceIds)))];
    const qualities = used.flatMap((sum) => (sum.status === 'no-data' || sum.quality === null ? [] : [sum.quality]));
    const value = numerator === null ? null : indicator.perThousand ? (population !== null && population > 0 ? (numerator / population) * 1000 : null) : numerator;
    const counts = used.map(valueOf).filter((count): count is number => count !== null);
    return {
      period,
      value,
      sourceId: sources[0] ?? null,
      quality: weakestQuality(qualities),
      smallNumber: counts.some((count) => isSmallCount(count, threshold)),
      projected: qualities.includes('projected'),
    };
  };

  const series: AreaSeries[] = input.areas.map((area, areaIndex) => ({
    key: area.key,
    name: area.name,
    values: periods.map((period, periodIndex) => {
      const parts = partsByArea[areaIndex]?.[periodIndex] as Parts;
      const result = point(period, parts);
      const used = [parts.inflow, parts.outflow].flatMap((sum) => (sum.status === 'no-data' ? [] : sum.sourceIds));
      for (const id of used) if (!sourceIds.includes(id)) sourceIds.push(id);
      if (new Set(used).size > 1) mixedSources.push({ key: area.key, period, sources: [...new Set(used)] });
      return result;
    }),
  }));

  const region: SeriesPoint[] = periods.map((period, periodIndex) => {
    const all = partsByArea.map((parts) => parts[periodIndex] as Parts);
    const total = (pick: (parts: Parts) => SelectionSum | null): SelectionSum => {
      let value = 0;
      const ids = new Set<string>();
      const qualities: QualityFlag[] = [];
      for (const parts of all) {
        const sum = pick(parts);
        if (sum === null || sum.status !== 'ok') return { status: 'no-data' };
        value += sum.value;
        sum.sourceIds.forEach((id) => ids.add(id));
        if (sum.quality !== null) qualities.push(sum.quality);
      }
      return { status: 'ok', value, quality: weakestQuality(qualities), sourceIds: [...ids], sourceRank: 0 };
    };
    const regionPoint = point(period, { inflow: total((parts) => parts.inflow), outflow: total((parts) => parts.outflow), population: input.populationVariable ? total((parts) => parts.population) : null });
    // A count's region total minus the areas' drawn values is what they withhold (smallCounts.ts).
    const withheldValues = series.flatMap((entry) => {
      const areaPoint = entry.values[periodIndex];
      return areaPoint?.smallNumber && areaPoint.value !== null ? [areaPoint.value] : [];
    });
    if (!indicator.perThousand && regionPoint.value !== null && sumRevealsWithheld(withheldValues, threshold)) return { ...regionPoint, value: null, smallNumber: false, withheld: true };
    return { ...regionPoint, smallNumber: false };
  });
  return { periods, series, region, sourceIds, mixedSources };
}
