/**
 * Projections in the time series: where the project holds a scenario's stored results (planning
 * "Ergebnisse speichern", shared/planning/projectedResults.ts), an observed indicator whose variables the
 * scenario projects (population, persons seeking protection) continues after its last observed Stichtag
 * with the scenario's values, drawn dashed and labelled "Projektion – Szenario …".
 *
 * The projected values come from the same indicator engine as the observed ones: `projectedDefinition`
 * turns the indicator into one over the projected variables of one scenario (its own source only), and
 * `appendProjection` adds its periods after the last observed one. Observed and projected points are never
 * mixed at one Stichtag: where both exist the observed value is kept.
 */
import type { IndicatorDefinition, LocalizedText, Source, VariableSelection } from '../model/project';
import { PROJECTED_VARIABLES, SCENARIO_DIMENSION, projectionSourceId } from '../planning/projectedResults';
import type { AreaSeries, SeriesPoint } from './timeSeriesTypes';

/** Which scenario's results continue a series, and from when. */
export interface SeriesProjection {
  scenarioId: string;
  name: LocalizedText;
  sourceId: string;
  /** The first projected Stichtag (after the last observed one). */
  firstPeriod: string;
  /** The last observed Stichtag (where the dashed line starts). */
  lastObserved: string;
}

/** Observed variable → the variable a scenario projects it as. */
const PROJECTABLE: Readonly<Record<string, string>> = {
  population: PROJECTED_VARIABLES.population,
  refugees: PROJECTED_VARIABLES.refugees,
};

const PROJECTION_PREFIX = projectionSourceId('');

/**
 * The scenarios with stored results: their sources (`projection_<id>`, quality 'projected').
 * @example storedScenarios(sources) // [{ id: 'mittel', name: { de: 'mittel', … }, sourceId: 'projection_mittel' }]
 */
export function storedScenarios(sources: readonly Source[], scenarioNames: ReadonlyMap<string, LocalizedText> = new Map()): { id: string; name: LocalizedText; sourceId: string }[] {
  return sources
    .filter((source) => source.quality === 'projected' && source.id.startsWith(PROJECTION_PREFIX))
    .map((source) => {
      const id = source.id.slice(PROJECTION_PREFIX.length);
      return { id, name: scenarioNames.get(id) ?? { de: id, en: id }, sourceId: source.id };
    });
}

function projectedSelection(selection: VariableSelection, scenarioId: string): VariableSelection | null {
  const variable = PROJECTABLE[selection.variable];
  // The projected variables carry no dimension but the scenario: a filtered selection (age groups …) has no projection.
  if (variable === undefined || Object.keys(selection.filter ?? {}).length > 0) return null;
  return { variable, filter: { [SCENARIO_DIMENSION]: [scenarioId] }, sources: [projectionSourceId(scenarioId)] };
}

/**
 * The indicator computed from a scenario's projected variables, or null when the scenario does not
 * project what the indicator counts (e.g. a share of an age group, or an indicator that is itself a
 * stored projection).
 * @example projectedDefinition(refugeesPer1000, 'mittel')?.numerator.variable // 'projected_refugees'
 */
export function projectedDefinition(indicator: IndicatorDefinition, scenarioId: string): IndicatorDefinition | null {
  if (indicator.scale === 'perKm2') return null;
  const numerator = projectedSelection(indicator.numerator, scenarioId);
  if (numerator === null) return null;
  const denominator = indicator.denominator === null ? null : projectedSelection(indicator.denominator, scenarioId);
  if (indicator.denominator !== null && denominator === null) return null;
  return { ...indicator, id: `${indicator.id}__projection__${scenarioId}`, numerator, denominator };
}

/**
 * Observed series continued by projected ones: the projected periods after the last observed Stichtag are
 * appended, each point marked `projected` with quality 'projected'. Returns null when the projection adds
 * no period.
 */
export function appendProjection(
  observed: { periods: readonly string[]; series: readonly AreaSeries[]; region: readonly SeriesPoint[] },
  projected: { periods: readonly string[]; series: readonly AreaSeries[]; region: readonly SeriesPoint[] },
): { periods: string[]; series: AreaSeries[]; region: SeriesPoint[]; firstPeriod: string; lastObserved: string } | null {
  const lastObserved = observed.periods.at(-1);
  if (lastObserved === undefined) return null;
  const added = projected.periods.flatMap((period, index) => (period > lastObserved ? [index] : []));
  if (added.length === 0) return null;
  const mark = (point: SeriesPoint | undefined, period: string): SeriesPoint => ({
    period,
    value: point?.value ?? null,
    sourceId: point?.sourceId ?? null,
    quality: 'projected',
    smallNumber: point?.smallNumber ?? false,
    projected: true,
  });
  const byKey = new Map(projected.series.map((series) => [series.key, series]));
  return {
    periods: [...observed.periods, ...added.map((index) => projected.periods[index] as string)],
    series: observed.series.map((series) => ({
      ...series,
      values: [...series.values, ...added.map((index) => mark(byKey.get(series.key)?.values[index], projected.periods[index] as string))],
    })),
    region: [...observed.region, ...added.map((index) => mark(projected.region[index], projected.periods[index] as string))],
    firstPeriod: projected.periods[added[0] as number] as string,
    lastObserved,
  };
}
