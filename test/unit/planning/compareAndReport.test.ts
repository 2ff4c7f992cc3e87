import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/contract/errors';
import { compareScenarios } from '../../../shared/planning/compareScenarios';
import { DEFAULT_COST_RATES } from '../../../shared/planning/presets';
import { runScenario, type ScenarioInput } from '../../../shared/planning/runScenario';
import { toScenarioReport } from '../../../shared/planning/scenarioReport';
import { createStock, createTestDemandRates, createTestScenario } from './fixtures';

function createInput(arrivalsPerYear: number): ScenarioInput {
  return {
    scenario: createTestScenario({ id: `inflow-${arrivalsPerYear}`, yearlyInflow: { kind: 'typed', arrivalsPerYear } }),
    demandRates: createTestDemandRates(),
    costRates: DEFAULT_COST_RATES,
    areas: [
      { key: '03241001', name: 'A', stock: createStock([{ status: 'resident', sex: 'f', age: 30, persons: 100 }]), supply: { accommodation: 10, staff: 1 } },
      { key: '03241002', name: 'B', stock: createStock([{ status: 'resident', sex: 'm', age: 40, persons: 300 }]), supply: { accommodation: 40, staff: 0.5 } },
    ],
  };
}

describe('compareScenarios', () => {
  it('gives B − A per area and year', () => {
    const low = runScenario(createInput(40));
    const high = runScenario(createInput(80));
    const difference = compareScenarios(low, high);
    expect(difference.a).toBe('inflow-40');
    // Year 1: A receives 10 more arrivals (a quarter of 40 more), all pending men aged 20 needing a bed.
    const firstYearA = difference.areas[0]!.years[0]!;
    expect(firstYearA.population).toBeCloseTo(10, 12);
    expect(firstYearA.demand.accommodation).toBeCloseTo(10, 12);
    expect(firstYearA.gap.accommodation).toBeCloseTo(10, 12);
    expect(firstYearA.gap.kita).toBeNull();
  });

  it('refuses results over different years', () => {
    const short = createInput(40);
    short.scenario.years = 1;
    expect(() => compareScenarios(runScenario(short), runScenario(createInput(40)))).toThrow(UserError);
  });
});

describe('toScenarioReport', () => {
  const result = runScenario(createInput(40));

  it('rounds for reading and keeps the contract fields', () => {
    const report = toScenarioReport(result);
    const year2A = report.areas[0]!.years[1]!;
    expect(report.years).toEqual([2025, 2026]);
    expect(year2A.population).toBe(121.3);
    expect(year2A.demand.staff).toBe(0.4);
    expect(year2A.gap.accommodation).toBe(7.2);
    expect(year2A.gapPercent.accommodation).toBe(41.9);
    expect(year2A.supply.kita).toBeNull();
    expect(year2A.costs!.incomplete).toBe(true);
    expect(report.quality).toBe('projected');
    expect(report.assumptions.length).toBeGreaterThan(5);
  });

  it('filters one year (--year) and refuses a year outside the horizon', () => {
    expect(toScenarioReport(result, { year: 2026 }).areas[1]!.years.map((year) => year.year)).toEqual([2026]);
    expect(() => toScenarioReport(result, { year: 2030 })).toThrow(/--year/);
  });
});
