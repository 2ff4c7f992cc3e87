/**
 * The start of a projection from a project's observations: per area one cohort stock (status × sex ×
 * single year of age) at a Stichtag, built from the population by sex × age group and the persons seeking
 * protection by sex × age group × status.
 *
 * Assumptions (shown with every result through the scenario's assumption list):
 * - Persons seeking protection are part of the population; residents = population − pending − granted.
 *   Tolerated persons (Duldung) stay with the residents: the model has no status for them.
 * - Age groups are spread evenly over their single years; an open group "65+" is spread over 65–99.
 */
import { UserError } from '../contract/errors';
import type { AreaKey, Observation } from '../model/project';
import { spreadAgeGroups, type AgeGroupValue } from './ageGroups';
import { addPersonsByAge, createCohortStock, OLDEST_AGE, SEXES, type CohortStock, type Sex } from './cohortStock';

/** Which variables and dimension values hold the start population; the demo's names are the default. */
export interface StartStockVariables {
  population: string;
  refugees: string;
  /** Value of the `status` dimension for asylum pending and for protection granted. */
  pendingStatus: string;
  grantedStatus: string;
}

export const DEFAULT_START_STOCK_VARIABLES: StartStockVariables = { population: 'population', refugees: 'refugees', pendingStatus: 'pending', grantedStatus: 'granted' };

/**
 * Reads an age-group id such as "0-2", "3 bis 5", "65+" as an age range (both ends inclusive).
 * @example ageRangeOfGroup('65+') // { fromAge: 65, toAge: 99 }
 */
export function ageRangeOfGroup(groupId: string): { fromAge: number; toAge: number } | null {
  const open = /^(\d+)\s*\+$/.exec(groupId.trim());
  if (open) return { fromAge: Number(open[1]), toAge: OLDEST_AGE };
  const closed = /^(\d+)\s*(?:-|–|bis)\s*(\d+)$/.exec(groupId.trim());
  if (closed) return { fromAge: Number(closed[1]), toAge: Number(closed[2]) };
  return null;
}

function isSex(value: string | undefined): value is Sex {
  return value === 'f' || value === 'm';
}

type GroupSums = Map<string, number>;

function addTo(sums: Map<AreaKey, GroupSums>, areaKey: AreaKey, cell: string, value: number): void {
  let areaSums = sums.get(areaKey);
  if (!areaSums) sums.set(areaKey, (areaSums = new Map()));
  areaSums.set(cell, (areaSums.get(cell) ?? 0) + value);
}

function missingDataError(what: string, period: string): UserError {
  return new UserError('bad-input', {
    de: `Für die Szenariorechnung fehlen Daten: ${what} zum Stichtag ${period}. Bitte Bevölkerung nach Geschlecht und Altersgruppe (und Schutzsuchende nach Status) importieren oder ein anderes Startjahr wählen.`,
    en: `The scenario needs data that is missing: ${what} at ${period}. Please import population by sex and age group (and persons seeking protection by status) or choose another start year.`,
  });
}

/**
 * One stock per area from the observations at `period`. Areas without population rows are an error (a
 * scenario without a start population would silently show zero demand).
 * @example startStocksFromObservations(observations, ['03241001'], '2024-12-31').get('03241001') // Float64Array(600)
 */
export function startStocksFromObservations(
  observations: readonly Observation[],
  areaKeys: readonly AreaKey[],
  period: string,
  variables: StartStockVariables = DEFAULT_START_STOCK_VARIABLES,
): Map<AreaKey, CohortStock> {
  const population = new Map<AreaKey, GroupSums>();
  const refugees = new Map<AreaKey, GroupSums>();
  for (const observation of observations) {
    if (observation.period !== period || observation.value === null) continue;
    const sex = observation.dimensions.sex;
    const age = observation.dimensions.age;
    if (!isSex(sex) || age === undefined) continue;
    if (observation.variable === variables.population) addTo(population, observation.areaKey, `${sex}|${age}`, observation.value);
    else if (observation.variable === variables.refugees) {
      const status = observation.dimensions.status;
      if (status === variables.pendingStatus || status === variables.grantedStatus) addTo(refugees, observation.areaKey, `${sex}|${age}|${status}`, observation.value);
    }
  }
  const stocks = new Map<AreaKey, CohortStock>();
  for (const areaKey of areaKeys) {
    const areaPopulation = population.get(areaKey);
    if (!areaPopulation) throw missingDataError(`${variables.population} (${areaKey})`, period);
    const areaRefugees = refugees.get(areaKey) ?? new Map<string, number>();
    const stock = createCohortStock();
    for (const sex of SEXES) {
      const residents: AgeGroupValue[] = [];
      const pending: AgeGroupValue[] = [];
      const granted: AgeGroupValue[] = [];
      for (const [cell, persons] of areaPopulation) {
        const [cellSex, group] = cell.split('|');
        if (cellSex !== sex || group === undefined) continue;
        const range = ageRangeOfGroup(group);
        if (!range) throw missingDataError(`Altersgruppe „${group}“ nicht lesbar / age group "${group}" unreadable`, period);
        const pendingPersons = areaRefugees.get(`${sex}|${group}|${variables.pendingStatus}`) ?? 0;
        const grantedPersons = areaRefugees.get(`${sex}|${group}|${variables.grantedStatus}`) ?? 0;
        // Persons seeking protection are counted in the population; a group with more of them than people
        // (inconsistent input) keeps them and no residents rather than a negative stock.
        residents.push({ ...range, value: Math.max(0, persons - pendingPersons - grantedPersons) });
        pending.push({ ...range, value: pendingPersons });
        granted.push({ ...range, value: grantedPersons });
      }
      addPersonsByAge(stock, 'resident', sex, spreadAgeGroups(residents));
      addPersonsByAge(stock, 'asylumPending', sex, spreadAgeGroups(pending));
      addPersonsByAge(stock, 'protectionGranted', sex, spreadAgeGroups(granted));
    }
    stocks.set(areaKey, stock);
  }
  return stocks;
}

/**
 * The latest Stichtag at which the population variable has values, as ISO date, or null.
 * @example latestPopulationPeriod(observations) // "2024-12-31"
 */
export function latestPopulationPeriod(periods: readonly string[]): string | null {
  return [...periods].sort().at(-1) ?? null;
}
