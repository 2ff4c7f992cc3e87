/**
 * The layout of a population broken down into cohorts: residence status × sex × single year of age.
 *
 * A stock is one flat `Float64Array` per area, so that a projection of 51 areas over 10 years touches
 * contiguous memory and allocates nothing per cohort. Values are persons and may be fractional: a
 * projection applies rates, and rounding each step would break the balance (see cohortProjection.ts).
 */

/**
 * Residence status of a person, in the order used inside a stock.
 * - resident: the existing population without a current refugee status (everyone not counted below)
 * - asylumPending: asylum seekers whose procedure is not yet decided (Aufenthaltsgestattung)
 * - protectionGranted: persons granted protection (asylum, refugee, subsidiary protection, deportation ban)
 */
export const RESIDENCE_STATUSES = ['resident', 'asylumPending', 'protectionGranted'] as const;
export type ResidenceStatus = (typeof RESIDENCE_STATUSES)[number];

/** The statuses counted as "refugees" (Schutzsuchende) in results. */
export const REFUGEE_STATUSES: readonly ResidenceStatus[] = ['asylumPending', 'protectionGranted'];

/**
 * Sex as registered. The population register's "divers"/"ohne Angabe" are so few that Destatis assigns them
 * to f/m at random in its tables; Kleinraum follows that convention.
 */
export const SEXES = ['f', 'm'] as const;
export type Sex = (typeof SEXES)[number];

/** Ages 0..99 in one-year steps; the last age is open-ended: 99 means "99 years and older". */
export const AGE_COUNT = 100;
export const OLDEST_AGE = AGE_COUNT - 1;

export const STATUS_COUNT = RESIDENCE_STATUSES.length;
export const SEX_COUNT = SEXES.length;
/** Number of cohorts (cells) in one area's stock: 3 statuses × 2 sexes × 100 ages = 600. */
export const COHORT_COUNT = STATUS_COUNT * SEX_COUNT * AGE_COUNT;

/** Persons per cohort, indexed by `cohortIndex`. */
export type CohortStock = Float64Array;

const statusOffset: Record<ResidenceStatus, number> = { resident: 0, asylumPending: 1, protectionGranted: 2 };
const sexOffset: Record<Sex, number> = { f: 0, m: 1 };

/**
 * Position of a cohort in a stock array.
 * @example cohortIndex('asylumPending', 'm', 25) // 1 * 200 + 1 * 100 + 25 = 325
 */
export function cohortIndex(status: ResidenceStatus, sex: Sex, age: number): number {
  return statusOffset[status] * SEX_COUNT * AGE_COUNT + sexOffset[sex] * AGE_COUNT + age;
}

/** Index of the first age (0) of a status × sex block; ages follow contiguously. */
export function blockStart(status: ResidenceStatus, sex: Sex): number {
  return cohortIndex(status, sex, 0);
}

/** A stock with every cohort at zero persons. */
export function createCohortStock(): CohortStock {
  return new Float64Array(COHORT_COUNT);
}

/** Total persons in a stock, optionally only those of the given statuses. */
export function stockTotal(stock: CohortStock, statuses: readonly ResidenceStatus[] = RESIDENCE_STATUSES): number {
  let total = 0;
  for (const status of statuses) {
    for (const sex of SEXES) {
      const start = blockStart(status, sex);
      for (let age = 0; age < AGE_COUNT; age++) total += stock[start + age]!;
    }
  }
  return total;
}

/**
 * Persons of the given statuses whose age lies in [fromAge, toAge] (both inclusive), both sexes.
 * @example personsInAgeRange(stock, 3, 5, ['resident']) // residents aged 3, 4 and 5
 */
export function personsInAgeRange(stock: CohortStock, fromAge: number, toAge: number, statuses: readonly ResidenceStatus[] = RESIDENCE_STATUSES): number {
  const lastAge = Math.min(toAge, OLDEST_AGE);
  let total = 0;
  for (const status of statuses) {
    for (const sex of SEXES) {
      const start = blockStart(status, sex);
      for (let age = Math.max(0, fromAge); age <= lastAge; age++) total += stock[start + age]!;
    }
  }
  return total;
}

/**
 * Adds persons given per single year of age (100 entries, e.g. from `spreadAgeGroups`) to one status × sex
 * block of a stock. Returns the same stock, so calls can be chained while building an area's start.
 * @example addPersonsByAge(createCohortStock(), 'resident', 'f', spreadAgeGroups(groups))
 */
export function addPersonsByAge(stock: CohortStock, status: ResidenceStatus, sex: Sex, personsByAge: readonly number[]): CohortStock {
  const start = blockStart(status, sex);
  const ages = Math.min(personsByAge.length, AGE_COUNT);
  for (let age = 0; age < ages; age++) stock[start + age]! += personsByAge[age]!;
  // Ages beyond 99 belong to the open-ended last age.
  for (let age = AGE_COUNT; age < personsByAge.length; age++) stock[start + OLDEST_AGE]! += personsByAge[age]!;
  return stock;
}
