import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/contract/errors';
import { spreadAgeGroups } from '../../../shared/planning/ageGroups';
import { addPersonsByAge, cohortIndex, createCohortStock, personsInAgeRange, stockTotal } from '../../../shared/planning/cohortStock';

describe('cohort stock layout', () => {
  it('gives every status × sex × age its own cell', () => {
    const seen = new Set<number>();
    for (const status of ['resident', 'asylumPending', 'protectionGranted'] as const) {
      for (const sex of ['f', 'm'] as const) for (let age = 0; age < 100; age++) seen.add(cohortIndex(status, sex, age));
    }
    expect(seen.size).toBe(600);
    expect(Math.max(...seen)).toBe(599);
  });
});

describe('spreadAgeGroups and addPersonsByAge', () => {
  it('spreads grouped counts evenly and keeps the total', () => {
    const byAge = spreadAgeGroups([
      { fromAge: 0, toAge: 2, value: 30 },
      { fromAge: 3, toAge: 5, value: 12 },
      { fromAge: 75, toAge: 120, value: 50 },
    ]);
    expect(byAge).toHaveLength(100);
    expect(byAge[1]).toBe(10);
    expect(byAge[4]).toBe(4);
    expect(byAge[99]).toBeCloseTo(2, 12);
    expect(byAge.reduce((sum, value) => sum + value, 0)).toBeCloseTo(92, 12);
  });

  it('builds a stock from grouped data', () => {
    const stock = addPersonsByAge(createCohortStock(), 'asylumPending', 'm', spreadAgeGroups([{ fromAge: 18, toAge: 27, value: 100 }]));
    expect(stockTotal(stock)).toBeCloseTo(100, 12);
    expect(personsInAgeRange(stock, 18, 22, ['asylumPending'])).toBeCloseTo(50, 12);
    expect(personsInAgeRange(stock, 18, 22, ['resident'])).toBe(0);
  });

  it('refuses an age group that ends before it starts', () => {
    expect(() => spreadAgeGroups([{ fromAge: 10, toAge: 5, value: 1 }])).toThrow(UserError);
  });
});
