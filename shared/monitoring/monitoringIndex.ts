/**
 * The status and dynamics index of Sozialmonitoring, as Berlin's Monitoring Soziale Stadtentwicklung and
 * Hamburg's RISE compute it (pure; data in, data out):
 *
 * 1. Areas with fewer inhabitants than the floor, or without a population, are not scored ("nicht
 *    bewertet"); areas lacking a value of any indicator at the Stichtag are not scored either ("keine Daten").
 * 2. For every indicator, the z-score over the scored areas: z = d · (x − mean) / sd, where d = +1 when a
 *    higher value means more need and −1 otherwise. Mean and standard deviation are the population moments
 *    (divided by n) or, weighted, by Σw with w = population: mean = Σ w·x / Σ w,
 *    sd = √(Σ w·(x − mean)² / Σ w). With equal weights both are the same.
 * 3. The status index is the mean of an area's z-scores (higher = more need). For the classes it is
 *    standardised again over the scored areas (same weights) and cut at the cut-offs in standard deviations:
 *    below statusCuts[0] "hoch", up to statusCuts[1] "mittel", up to statusCuts[2] "niedrig", above
 *    "sehr niedrig" (a value on a cut-off belongs to the better class).
 * 4. The dynamics index is the same over the change x(Stichtag) − x(start of the period), for the scored
 *    areas that have both values; standardised and cut at ±dynamicsCut: below "positiv", above "negativ".
 *
 * An indicator that is the same in every scored area (sd 0) has no z-score: it is left out of the index
 * with a message, never turned into NaN; when every indicator is constant there is no index (message).
 * Fewer than two scored areas give no index at all (message).
 */
import { type DynamicsClass, type StatusClass, STATUS_CLASSES, DYNAMICS_CLASSES } from './monitoringDefinition';

export interface IndexIndicator {
  id: string;
  direction: '+' | '-';
}

export interface IndexArea {
  key: string;
  name: string;
  population: number | null;
  /** Values at the Stichtag by indicator id (null: no value). */
  values: Readonly<Record<string, number | null>>;
  /** Values at the start of the dynamics period by indicator id; null when there is no such period. */
  startValues: Readonly<Record<string, number | null>> | null;
}

export interface IndexOptions {
  indicators: readonly IndexIndicator[];
  weighted: boolean;
  minPopulation: number;
  statusCuts: readonly [number, number, number];
  dynamicsCut: number;
}

export type NotScoredReason = 'belowFloor' | 'noPopulation' | 'noData';

export interface IndexedArea {
  key: string;
  name: string;
  population: number | null;
  scored: boolean;
  notScoredReason: NotScoredReason | null;
  /** z-score per indicator id (direction applied); null for indicators left out or areas not scored. */
  z: Record<string, number | null>;
  /** Mean of the z-scores (higher = more need). */
  status: number | null;
  /** The status index standardised over the scored areas: what the cut-offs apply to. */
  statusScore: number | null;
  statusClass: StatusClass | null;
  dynamicsZ: Record<string, number | null>;
  dynamics: number | null;
  dynamicsScore: number | null;
  dynamicsClass: DynamicsClass | null;
}

export type IndexMessage =
  | { code: 'tooFewAreas'; scored: number }
  | { code: 'constantIndicator'; indicator: string }
  | { code: 'constantChange'; indicator: string }
  | { code: 'noDynamicsPeriod' }
  | { code: 'tooFewDynamicsAreas'; count: number }
  | { code: 'constantIndex' }
  /** Every chosen indicator is constant over the scored areas: no status index at all. */
  | { code: 'noUsableIndicator' };

export interface IndicatorMoments {
  id: string;
  direction: '+' | '-';
  mean: number | null;
  sd: number | null;
  /** Left out of the status index (sd 0 or no scored areas). */
  leftOut: boolean;
  changeMean: number | null;
  changeSd: number | null;
  changeLeftOut: boolean;
}

export interface IndexResult {
  areas: IndexedArea[];
  indicators: IndicatorMoments[];
  scoredCount: number;
  dynamicsCount: number;
  messages: IndexMessage[];
}

/** A standard deviation this small relative to the values' magnitude counts as 0 (a constant). */
const RELATIVE_ZERO = 1e-12;

/**
 * Weighted population moments of `values` (weights all 1 when unweighted).
 * @example moments([1, 2, 3], [1, 1, 1]) // { mean: 2, sd: 0.816… }
 */
export function moments(values: readonly number[], weights: readonly number[]): { mean: number; sd: number } {
  let weightSum = 0;
  let sum = 0;
  values.forEach((value, index) => {
    const weight = weights[index] as number;
    weightSum += weight;
    sum += weight * value;
  });
  const mean = sum / weightSum;
  let squares = 0;
  values.forEach((value, index) => {
    squares += (weights[index] as number) * (value - mean) ** 2;
  });
  const sd = Math.sqrt(squares / weightSum);
  const magnitude = Math.max(...values.map(Math.abs), 1e-300);
  return { mean, sd: sd <= magnitude * RELATIVE_ZERO ? 0 : sd };
}

export function statusClassOf(score: number, cuts: readonly [number, number, number]): StatusClass {
  if (score < cuts[0]) return 'hoch';
  if (score <= cuts[1]) return 'mittel';
  if (score <= cuts[2]) return 'niedrig';
  return 'sehrNiedrig';
}

export function dynamicsClassOf(score: number, cut: number): DynamicsClass {
  if (score < -cut) return 'positiv';
  if (score > cut) return 'negativ';
  return 'stabil';
}

/** 0 (hoch) … 3 (sehr niedrig): larger is worse. */
export function statusRank(statusClass: StatusClass): number {
  return STATUS_CLASSES.indexOf(statusClass);
}

/**
 * The area moved into a worse status class since the previous Stichtag (the alert rule "worseClass", the
 * dashed outline on the class maps).
 * @example movedIntoWorseClass('niedrig', 'mittel') // true
 */
export function movedIntoWorseClass(now: StatusClass | null, before: StatusClass | null): boolean {
  return now !== null && before !== null && statusRank(now) > statusRank(before);
}

export function dynamicsRank(dynamicsClass: DynamicsClass): number {
  return DYNAMICS_CLASSES.indexOf(dynamicsClass);
}

interface Standardised {
  /** Per member index: the mean of the directed z-scores (null when no indicator is usable). */
  index: (number | null)[];
  z: Record<string, (number | null)[]>;
  moments: Record<string, { mean: number | null; sd: number | null; leftOut: boolean }>;
}

function standardise(rows: readonly (readonly number[])[], weights: readonly number[], indicators: readonly IndexIndicator[]): Standardised {
  const z: Record<string, (number | null)[]> = {};
  const stats: Standardised['moments'] = {};
  const usable: string[] = [];
  indicators.forEach((indicator, column) => {
    if (rows.length === 0) {
      stats[indicator.id] = { mean: null, sd: null, leftOut: true };
      z[indicator.id] = [];
      return;
    }
    const values = rows.map((row) => row[column] as number);
    const { mean, sd } = moments(values, weights);
    const sign = indicator.direction === '+' ? 1 : -1;
    stats[indicator.id] = { mean, sd, leftOut: sd === 0 };
    z[indicator.id] = values.map((value) => (sd === 0 ? null : (sign * (value - mean)) / sd));
    if (sd !== 0) usable.push(indicator.id);
  });
  const index = rows.map((_, member) => (usable.length === 0 ? null : usable.reduce((sum, id) => sum + (z[id]![member] as number), 0) / usable.length));
  return { index, z, moments: stats };
}

/** The index standardised over its members (null everywhere when it is constant). */
function scores(index: readonly (number | null)[], weights: readonly number[]): (number | null)[] | null {
  if (index.length < 2 || index.some((value) => value === null)) return null;
  const values = index as number[];
  const { mean, sd } = moments(values, weights);
  // The index is in standard deviations: a spread below 1e-9 of them is rounding noise (indicators that
  // cancel each other out), not a difference between areas.
  if (sd < 1e-9) return null;
  return values.map((value) => (value - mean) / sd);
}

/**
 * Status and dynamics index of every area.
 * @example computeMonitoringIndex(areas, { indicators: [{ id: 'refugees_per_1000', direction: '+' }], weighted: false, minPopulation: 300, statusCuts: [-1, 1, 1.5], dynamicsCut: 1 })
 */
export function computeMonitoringIndex(areas: readonly IndexArea[], options: IndexOptions): IndexResult {
  const { indicators } = options;
  const messages: IndexMessage[] = [];
  // A population is needed for the floor and for the weights; without either, an area is scored on its values alone.
  const needsPopulation = options.minPopulation > 0 || options.weighted;
  const reasonOf = (area: IndexArea): NotScoredReason | null => {
    const population = area.population;
    if (needsPopulation && (population === null || !Number.isFinite(population) || (options.weighted && population <= 0))) return 'noPopulation';
    if (population !== null && population < options.minPopulation) return 'belowFloor';
    return indicators.every((indicator) => isNumber(area.values[indicator.id])) ? null : 'noData';
  };
  const reasons = areas.map(reasonOf);
  const statusMembers = areas.flatMap((_, index) => (reasons[index] === null ? [index] : []));
  const weightOf = (area: IndexArea): number => (options.weighted ? (area.population as number) : 1);

  const emptyZ = (): Record<string, number | null> => Object.fromEntries(indicators.map((indicator) => [indicator.id, null]));
  const result: IndexedArea[] = areas.map((area, index) => ({
    key: area.key,
    name: area.name,
    population: area.population,
    scored: reasons[index] === null,
    notScoredReason: reasons[index] ?? null,
    z: emptyZ(),
    status: null,
    statusScore: null,
    statusClass: null,
    dynamicsZ: emptyZ(),
    dynamics: null,
    dynamicsScore: null,
    dynamicsClass: null,
  }));
  const momentsById = new Map<string, IndicatorMoments>(indicators.map((indicator) => [indicator.id, { id: indicator.id, direction: indicator.direction, mean: null, sd: null, leftOut: true, changeMean: null, changeSd: null, changeLeftOut: true }]));

  if (statusMembers.length < 2) {
    messages.push({ code: 'tooFewAreas', scored: statusMembers.length });
    return { areas: result, indicators: [...momentsById.values()], scoredCount: statusMembers.length, dynamicsCount: 0, messages };
  }

  // Status.
  const weights = statusMembers.map((index) => weightOf(areas[index] as IndexArea));
  const rows = statusMembers.map((index) => indicators.map((indicator) => areas[index]!.values[indicator.id] as number));
  const status = standardise(rows, weights, indicators);
  for (const indicator of indicators) {
    const stats = status.moments[indicator.id]!;
    Object.assign(momentsById.get(indicator.id)!, stats);
    if (stats.leftOut) messages.push({ code: 'constantIndicator', indicator: indicator.id });
  }
  const statusScores = scores(status.index, weights);
  if (indicators.every((indicator) => status.moments[indicator.id]!.leftOut)) messages.push({ code: 'noUsableIndicator' });
  else if (status.index.every((value) => value !== null) && statusScores === null) messages.push({ code: 'constantIndex' });
  statusMembers.forEach((areaIndex, member) => {
    const target = result[areaIndex] as IndexedArea;
    for (const indicator of indicators) target.z[indicator.id] = status.z[indicator.id]![member] ?? null;
    target.status = status.index[member] ?? null;
    const score = statusScores?.[member] ?? null;
    target.statusScore = score;
    target.statusClass = score === null ? null : statusClassOf(score, options.statusCuts);
  });

  // Dynamics.
  const dynamicsMembers = statusMembers.filter((index) => {
    const start = areas[index]!.startValues;
    return start !== null && indicators.every((indicator) => isNumber(start[indicator.id]));
  });
  if (areas.every((area) => area.startValues === null)) messages.push({ code: 'noDynamicsPeriod' });
  else if (dynamicsMembers.length < 2) messages.push({ code: 'tooFewDynamicsAreas', count: dynamicsMembers.length });
  let dynamicsCount = 0;
  if (dynamicsMembers.length >= 2) {
    const changeWeights = dynamicsMembers.map((index) => weightOf(areas[index] as IndexArea));
    const changes = dynamicsMembers.map((index) => indicators.map((indicator) => (areas[index]!.values[indicator.id] as number) - (areas[index]!.startValues![indicator.id] as number)));
    const dynamics = standardise(changes, changeWeights, indicators);
    for (const indicator of indicators) {
      const stats = dynamics.moments[indicator.id]!;
      Object.assign(momentsById.get(indicator.id)!, { changeMean: stats.mean, changeSd: stats.sd, changeLeftOut: stats.leftOut });
      if (stats.leftOut) messages.push({ code: 'constantChange', indicator: indicator.id });
    }
    const dynamicsScores = scores(dynamics.index, changeWeights);
    dynamicsMembers.forEach((areaIndex, member) => {
      const target = result[areaIndex] as IndexedArea;
      for (const indicator of indicators) target.dynamicsZ[indicator.id] = dynamics.z[indicator.id]![member] ?? null;
      target.dynamics = dynamics.index[member] ?? null;
      const score = dynamicsScores?.[member] ?? null;
      target.dynamicsScore = score;
      target.dynamicsClass = score === null ? null : dynamicsClassOf(score, options.dynamicsCut);
      if (score !== null) dynamicsCount += 1;
    });
  }
  return { areas: result, indicators: [...momentsById.values()], scoredCount: statusMembers.length, dynamicsCount, messages };
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
