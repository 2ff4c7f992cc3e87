/**
 * Exact counts of one area at one period, before small-number protection: the sums from which every chart
 * cell and indicator of a profile is derived. NaN marks a count built from a missing observation, so it
 * propagates through sums (a region total that includes an unknown part is unknown, never too small).
 */
import { UserError } from '../contract/errors';
import type { Observation } from '../model/project';
import type { ProfileVariables } from './profileVariables';

export interface RawCounts {
  /** Population, index sex × ageGroupCount + age (sex 0 = male, 1 = female). */
  population: Float64Array;
  /** Refugees, same layout as population. */
  refugees: Float64Array;
  /** Refugees per status (category order). */
  refugeesByStatus: Float64Array;
  /** Foreign population per nationality group (category order). */
  foreignByNationality: Float64Array;
  /** Whether any observation of the variable was found. */
  hasPopulation: boolean;
  hasRefugees: boolean;
  hasForeign: boolean;
  sourceIds: Set<string>;
  synthetic: boolean;
}

export interface CategoryIndex {
  ageGroups: readonly string[];
  nationalities: readonly string[];
  statuses: readonly string[];
}

export function emptyRawCounts(categories: CategoryIndex): RawCounts {
  const cells = 2 * categories.ageGroups.length;
  return {
    population: new Float64Array(cells),
    refugees: new Float64Array(cells),
    refugeesByStatus: new Float64Array(categories.statuses.length),
    foreignByNationality: new Float64Array(categories.nationalities.length),
    hasPopulation: false,
    hasRefugees: false,
    hasForeign: false,
    sourceIds: new Set(),
    synthetic: false,
  };
}

/**
 * Sums the observations of one period into raw counts per area key. Observations of other periods or
 * variables are ignored; a dimension value outside the categories is an error (it would be lost silently).
 * @example rawCountsByArea(observations, '2024-12-31', categories, DEFAULT_PROFILE_VARIABLES).get('03241001')?.population
 */
export function rawCountsByArea(observations: readonly Observation[], period: string, categories: CategoryIndex, variables: ProfileVariables): Map<string, RawCounts> {
  const ageIndex = new Map(categories.ageGroups.map((id, index) => [id, index]));
  const nationalityIndex = new Map(categories.nationalities.map((id, index) => [id, index]));
  const statusIndex = new Map(categories.statuses.map((id, index) => [id, index]));
  const ageCount = categories.ageGroups.length;
  const [male, female] = variables.sexValues;
  const result = new Map<string, RawCounts>();

  const sexAgeCell = (observation: Observation): number => {
    const sex = observation.dimensions[variables.sexDimension];
    const age = ageIndex.get(observation.dimensions[variables.ageDimension] ?? '');
    const sexOffset = sex === male ? 0 : sex === female ? 1 : -1;
    if (age === undefined || sexOffset < 0) return -1;
    return sexOffset * ageCount + age;
  };

  for (const observation of observations) {
    if (observation.period !== period) continue;
    const isPopulation = observation.variable === variables.population;
    const isRefugees = observation.variable === variables.refugees;
    const isForeign = observation.variable === variables.foreignPopulation;
    if (!isPopulation && !isRefugees && !isForeign) continue;
    let counts = result.get(observation.areaKey);
    if (!counts) {
      counts = emptyRawCounts(categories);
      result.set(observation.areaKey, counts);
    }
    const value = observation.value ?? Number.NaN;
    counts.sourceIds.add(observation.sourceId);
    if (observation.quality === 'synthetic') counts.synthetic = true;
    if (isPopulation) {
      const cell = sexAgeCell(observation);
      if (cell < 0) throw unknownCategory(observation);
      counts.population[cell] = (counts.population[cell] as number) + value;
      counts.hasPopulation = true;
    } else if (isRefugees) {
      const cell = sexAgeCell(observation);
      const status = statusIndex.get(observation.dimensions[variables.statusDimension] ?? '');
      if (cell < 0 || status === undefined) throw unknownCategory(observation);
      counts.refugees[cell] = (counts.refugees[cell] as number) + value;
      counts.refugeesByStatus[status] = (counts.refugeesByStatus[status] as number) + value;
      counts.hasRefugees = true;
    } else {
      const nationality = nationalityIndex.get(observation.dimensions[variables.nationalityDimension] ?? '');
      if (nationality === undefined) throw unknownCategory(observation);
      counts.foreignByNationality[nationality] = (counts.foreignByNationality[nationality] as number) + value;
      counts.hasForeign = true;
    }
  }
  return result;
}

function unknownCategory(observation: Observation): UserError {
  const dimensions = JSON.stringify(observation.dimensions);
  return new UserError('bad-input', {
    de: `Die Profile können nicht gebildet werden: „${observation.variable}“ für ${observation.areaKey} hat die Merkmalsausprägungen ${dimensions}, die im Projekt nicht beschrieben sind. Bitte die Daten mit den Ausprägungen des Projekts neu importieren.`,
    en: `The profiles cannot be built: "${observation.variable}" for ${observation.areaKey} has the dimension values ${dimensions}, which the project does not describe. Please re-import the data with the project's dimension values.`,
  });
}

/** Adds `addend` into `total` cell by cell (the region is the sum of its areas). */
export function addRawCounts(total: RawCounts, addend: RawCounts): void {
  for (const field of ['population', 'refugees', 'refugeesByStatus', 'foreignByNationality'] as const) {
    const target = total[field];
    const source = addend[field];
    for (let index = 0; index < target.length; index++) target[index] = (target[index] as number) + (source[index] as number);
  }
  total.hasPopulation ||= addend.hasPopulation;
  total.hasRefugees ||= addend.hasRefugees;
  total.hasForeign ||= addend.hasForeign;
  total.synthetic ||= addend.synthetic;
  for (const id of addend.sourceIds) total.sourceIds.add(id);
}

/** Sum of a count array (NaN when any part is unknown). */
export function sumOf(values: Float64Array): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
