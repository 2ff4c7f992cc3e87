import { describe, expect, it } from 'vitest';
import { computeCosts, checkCostRates } from '../../../shared/planning/costs';
import { checkDemandRates, computeDemand } from '../../../shared/planning/demand';
import { computeGap } from '../../../shared/planning/gap';
import { DEFAULT_COST_RATES, DEFAULT_DEMAND_RATES } from '../../../shared/planning/presets';
import { UserError } from '../../../shared/contract/errors';
import { createStock, createTestDemandRates, testValue } from './fixtures';

describe('computeDemand', () => {
  // 10 resident and 5 refugee one-year-olds, 20 resident four-year-olds, 8 pending and 4 protected
  // adults (30), 6 resident seven-year-olds. Rates: U3 0.4/0.2, Ü3 0.9/0.5, primary 1/1,
  // integration 18–64: eligible 0.5/1 × participation 0.8, accommodation 1/0.4, staff 1:50/1:100.
  const stock = createStock([
    { status: 'resident', sex: 'f', age: 1, persons: 10 },
    { status: 'asylumPending', sex: 'm', age: 1, persons: 5 },
    { status: 'resident', sex: 'm', age: 4, persons: 20 },
    { status: 'resident', sex: 'f', age: 7, persons: 6 },
    { status: 'asylumPending', sex: 'm', age: 30, persons: 8 },
    { status: 'protectionGranted', sex: 'f', age: 30, persons: 4 },
  ]);
  const demand = computeDemand(stock, createTestDemandRates());

  it('adds KiTa places of residents and refugees by age range', () => {
    expect(demand.kitaByRate['under-3']).toBeCloseTo(10 * 0.4 + 5 * 0.2, 12);
    expect(demand.kitaByRate['3-to-school']).toBeCloseTo(20 * 0.9, 12);
    expect(demand.figures.kita).toBeCloseTo(23, 12);
    expect(demand.figures.school).toBe(6);
  });

  it('derives integration, accommodation and staff from refugees by status', () => {
    expect(demand.figures.integration).toBeCloseTo((8 * 0.5 + 4 * 1) * 0.8, 12);
    expect(demand.figures.accommodation).toBeCloseTo(13 * 1 + 4 * 0.4, 12);
    expect(demand.figures.staff).toBeCloseTo(13 / 50 + 4 / 100, 12);
  });

  it('changes staff demand with the care ratio', () => {
    const rates = createTestDemandRates();
    rates.staff.asylumPending.personsPerStaff = testValue(100);
    expect(computeDemand(stock, rates).figures.staff).toBeCloseTo(13 / 100 + 4 / 100, 12);
  });

  it('accepts the shipped presets and refuses a rate above 100 %', () => {
    expect(() => checkDemandRates(DEFAULT_DEMAND_RATES)).not.toThrow();
    const rates = createTestDemandRates();
    rates.kita[0]!.residents = testValue(1.2);
    expect(() => checkDemandRates(rates)).toThrow(UserError);
  });
});

describe('computeGap', () => {
  it('is demand minus supply, positive for a shortage, percent of demand', () => {
    const gap = computeGap({ kita: 120, school: 50, integration: 0, accommodation: 10, staff: 2 }, { kita: 100, school: 75, integration: 5, accommodation: null, staff: 2 });
    expect(gap.absolute).toEqual({ kita: 20, school: -25, integration: -5, accommodation: null, staff: 0 });
    expect(gap.percentOfDemand.kita).toBeCloseTo((20 / 120) * 100, 12);
    expect(gap.percentOfDemand.school).toBe(-50);
    expect(gap.percentOfDemand.integration).toBeNull();
    expect(gap.percentOfDemand.accommodation).toBeNull();
  });
});

describe('computeCosts', () => {
  it('costs the shortage both ways and leaves spare capacity free', () => {
    const costs = computeCosts({ kita: 20, school: -25, integration: 0, accommodation: 3, staff: 0.5 }, DEFAULT_COST_RATES);
    expect(costs.acting.kita).toBe(20 * DEFAULT_COST_RATES.costPerUnitPerYear.kita.value);
    expect(costs.notActing.accommodation).toBe(3 * DEFAULT_COST_RATES.costOfMissingUnitPerYear.accommodation.value);
    expect(costs.acting.school).toBe(0);
    expect(costs.actingTotal).toBe(
      20 * DEFAULT_COST_RATES.costPerUnitPerYear.kita.value + 3 * DEFAULT_COST_RATES.costPerUnitPerYear.accommodation.value + 0.5 * DEFAULT_COST_RATES.costPerUnitPerYear.staff.value,
    );
    expect(costs.incomplete).toBe(false);
  });

  it('marks totals incomplete where the gap is unknown', () => {
    const costs = computeCosts({ kita: null, school: 1, integration: 0, accommodation: 0, staff: 0 }, DEFAULT_COST_RATES);
    expect(costs.acting.kita).toBeNull();
    expect(costs.incomplete).toBe(true);
  });

  it('refuses negative cost figures', () => {
    const rates = structuredClone(DEFAULT_COST_RATES);
    rates.costPerUnitPerYear.school = testValue(-1);
    expect(() => checkCostRates(rates)).toThrow(UserError);
  });
});
