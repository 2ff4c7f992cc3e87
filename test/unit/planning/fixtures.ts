/**
 * Fresh fixtures for the planning tests: stocks, rates and scenarios built by small create… functions,
 * so every test states the few numbers it depends on.
 */
import { cohortIndex, createCohortStock, type CohortStock, type ResidenceStatus, type Sex } from '../../../shared/planning/cohortStock';
import type { DemandRates, DocumentedValue, Scenario } from '../../../shared/planning/scenarioModel';

export interface CohortEntry {
  status: ResidenceStatus;
  sex: Sex;
  age: number;
  persons: number;
}

/** A stock holding exactly the given cohorts. */
export function createStock(entries: readonly CohortEntry[]): CohortStock {
  const stock = createCohortStock();
  for (const entry of entries) stock[cohortIndex(entry.status, entry.sex, entry.age)]! += entry.persons;
  return stock;
}

/** A value marked as a test assumption. */
export function testValue<T>(value: T): DocumentedValue<T> {
  return { value, basis: { kind: 'assumption', text: { de: 'Testannahme', en: 'Test assumption' } } };
}

/** Arrival shares with everybody of one sex and age. */
export function singleCohortArrivals(sex: Sex, age: number): Scenario['arrivalStructure'] {
  const shares = { f: new Array<number>(100).fill(0), m: new Array<number>(100).fill(0) };
  shares[sex][age] = 1;
  return { kind: 'singleYear', shares, basis: { kind: 'assumption', text: { de: 'Testannahme', en: 'Test assumption' } } };
}

/** A scenario with typed inflow and the given rates; everything else neutral. */
export function createTestScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    id: 'test',
    name: { de: 'Test', en: 'Test' },
    startYear: 2024,
    years: 2,
    yearlyInflow: { kind: 'typed', arrivalsPerYear: 40 },
    allocation: { carryOver: true },
    recognitionRate: testValue(0.5),
    departureRate: { asylumPending: testValue(0.1), protectionGranted: testValue(0) },
    onwardMoveRate: testValue(0.25),
    arrivalStructure: singleCohortArrivals('m', 20),
    assumptions: { de: 'Nur für Tests.', en: 'Tests only.' },
    ...overrides,
  };
}

/** Demand rates with round numbers for hand computation. */
export function createTestDemandRates(): DemandRates {
  return {
    kita: [
      { id: 'under-3', label: { de: 'U3', en: 'U3' }, fromAge: 0, toAge: 2, residents: testValue(0.4), refugees: testValue(0.2) },
      { id: '3-to-school', label: { de: 'Ü3', en: 'O3' }, fromAge: 3, toAge: 5, residents: testValue(0.9), refugees: testValue(0.5) },
    ],
    school: [{ id: 'primary', label: { de: 'Grundschule', en: 'Primary' }, fromAge: 6, toAge: 9, residents: testValue(1), refugees: testValue(1) }],
    integration: {
      fromAge: 18,
      toAge: 64,
      eligibleShare: { asylumPending: testValue(0.5), protectionGranted: testValue(1) },
      participationRate: testValue(0.8),
    },
    accommodationNeedShare: { asylumPending: testValue(1), protectionGranted: testValue(0.4) },
    staff: { asylumPending: { personsPerStaff: testValue(50) }, protectionGranted: { personsPerStaff: testValue(100) } },
  };
}

/**
 * `areaCount` synthetic areas with every cohort filled (residents of all ages, some refugees), sizes varying
 * from about 2,000 to 60,000 persons. Deterministic: the same count gives the same areas.
 */
export function createSyntheticAreas(areaCount: number): { key: string; name: string; stock: CohortStock }[] {
  return Array.from({ length: areaCount }, (_, area) => {
    const stock = createCohortStock();
    const size = 20 + ((area * 37) % 600);
    for (let age = 0; age < 100; age++) {
      const ageFactor = age < 80 ? 1 : (100 - age) / 20;
      stock[cohortIndex('resident', 'f', age)] = Math.round(size * ageFactor);
      stock[cohortIndex('resident', 'm', age)] = Math.round(size * ageFactor * 0.97);
      if (age < 65) {
        stock[cohortIndex('asylumPending', 'm', age)] = (area % 5) + (age % 3);
        stock[cohortIndex('protectionGranted', 'f', age)] = (area % 7) + (age % 2);
      }
    }
    return { key: `0324100${String(area).padStart(2, '0')}`, name: `Gebiet ${area + 1}`, stock };
  });
}
