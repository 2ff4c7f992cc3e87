import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/contract/errors';
import { stockTotal } from '../../../shared/planning/cohortStock';
import { createPresetScenarios } from '../../../shared/planning/presetScenarios';
import { DEFAULT_COST_RATES, DEFAULT_DEMAND_RATES } from '../../../shared/planning/presets';
import { runScenario, type ScenarioInput } from '../../../shared/planning/runScenario';
import { INFRASTRUCTURE_KINDS } from '../../../shared/planning/scenarioModel';
import { createStock, createSyntheticAreas, createTestDemandRates, createTestScenario, testValue } from './fixtures';

/**
 * Two areas, two years, worked out by hand (see cohortProjection.test.ts for the same flows):
 * A: 100 residents, B: 300 residents → quotas of 40 arrivals per year: A 10, B 30 (men aged 20).
 * End of year 2: A has 14.5 pending (4.5 aged 21 + 10 new) and 6.75 protected; B 43.5 pending and 11.25 protected.
 */
function createTwoAreaInput(): ScenarioInput {
  return {
    scenario: createTestScenario(),
    demandRates: createTestDemandRates(),
    costRates: DEFAULT_COST_RATES,
    areas: [
      { key: '03241001', name: 'A', stock: createStock([{ status: 'resident', sex: 'f', age: 30, persons: 100 }]), supply: { accommodation: 10, staff: 1 } },
      {
        key: '03241002',
        name: 'B',
        stock: createStock([{ status: 'resident', sex: 'm', age: 40, persons: 300 }]),
        supply: { accommodation: 40, staff: 0.5, kita: 0, school: 0, integration: 30 },
        supplyFromYear: { 2026: { accommodation: 60 } },
      },
    ],
  };
}

describe('runScenario: a scenario with its own care ratios', () => {
  // The project's care ratios are 1:50 (pending) and 1:100 (granted); this scenario plans with 1:40 and 1:60.
  const careRatios = { asylumPending: { personsPerStaff: testValue(40) }, protectionGranted: { personsPerStaff: testValue(60) } };
  const input = createTwoAreaInput();
  const own = runScenario({ ...input, scenario: { ...input.scenario, careRatios } });
  const project = runScenario(input);

  it("computes the staff demand with the scenario's ratios, everything else as with the project's", () => {
    const year = own.areas[0]!.years[1]!;
    expect(year.demand.staff).toBeCloseTo(14.5 / 40 + 6.75 / 60, 12);
    expect(project.areas[0]!.years[1]!.demand.staff).toBeCloseTo(14.5 / 50 + 6.75 / 100, 12);
    expect(year.demand.accommodation).toBe(project.areas[0]!.years[1]!.demand.accommodation);
    expect(year.population).toBe(project.areas[0]!.years[1]!.population);
  });

  it("names the ratios it used among its assumptions (what the banner reads), and leaves the project's rates alone", () => {
    const staff = own.assumptions.filter((entry) => entry.id.startsWith('demand.staff.')).map((entry) => entry.value);
    expect(staff).toEqual([40, 60]);
    expect(project.assumptions.filter((entry) => entry.id.startsWith('demand.staff.')).map((entry) => entry.value)).toEqual([50, 100]);
    expect(input.demandRates.staff.asylumPending.personsPerStaff.value).toBe(50);
  });

  it('refuses a care ratio of 0 with a message naming it', () => {
    const broken = { ...careRatios, protectionGranted: { personsPerStaff: testValue(0) } };
    let error: unknown;
    try {
      runScenario({ ...input, scenario: { ...input.scenario, careRatios: broken } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).text.de).toMatch(/^Der Betreuungsschlüssel dieses Szenarios \(Schutz gewährt\)/);
  });
});

describe('runScenario: hand-computed two areas, two years', () => {
  const result = runScenario(createTwoAreaInput());
  const [areaA, areaB] = result.areas;

  it('allocates by population share and projects the stocks', () => {
    expect(result.years).toEqual([2025, 2026]);
    expect(areaA!.years[0]!.allocation).toEqual({ quota: 10, credited: 0, received: 10, balanceAfter: 0 });
    expect(areaB!.years[1]!.allocation.received).toBe(30);
    expect(areaA!.years[1]!.population).toBeCloseTo(121.25, 12);
    expect(areaA!.years[1]!.asylumPending).toBeCloseTo(14.5, 12);
    expect(areaA!.years[1]!.protectionGranted).toBeCloseTo(6.75, 12);
    expect(areaB!.years[1]!.refugees).toBeCloseTo(43.5 + 11.25, 12);
  });

  it('derives demand, gap and costs for area A in year 2', () => {
    const year = areaA!.years[1]!;
    expect(year.demand.accommodation).toBeCloseTo(14.5 + 6.75 * 0.4, 12);
    expect(year.demand.staff).toBeCloseTo(14.5 / 50 + 6.75 / 100, 12);
    expect(year.demand.integration).toBeCloseTo((14.5 * 0.5 + 6.75) * 0.8, 12);
    expect(year.gap.accommodation).toBeCloseTo(17.2 - 10, 12);
    expect(year.gapPercent.accommodation).toBeCloseTo((7.2 / 17.2) * 100, 10);
    expect(year.gap.staff).toBeCloseTo(0.3575 - 1, 12);
    expect(year.gap.kita).toBeNull();
    expect(year.costs!.acting.accommodation).toBeCloseTo(7.2 * DEFAULT_COST_RATES.costPerUnitPerYear.accommodation.value, 6);
    expect(year.costs!.acting.staff).toBe(0);
    expect(year.costs!.incomplete).toBe(true);
  });

  it('applies a supply change from its year on', () => {
    expect(areaB!.years[0]!.supply.accommodation).toBe(40);
    expect(areaB!.years[1]!.supply.accommodation).toBe(60);
  });

  it('sums areas to the region and keeps the region balance', () => {
    const regionYear2 = result.region.years[1]!;
    expect(regionYear2.population).toBeCloseTo(400 + 80 - 1 - 3, 12);
    expect(regionYear2.demand.staff).toBeCloseTo(areaA!.years[1]!.demand.staff + areaB!.years[1]!.demand.staff, 12);
    // Area A has no KiTa supply figure, so the region's is unknown too rather than B's alone.
    expect(regionYear2.supply.kita).toBeNull();
    expect(regionYear2.supply.accommodation).toBe(70);
    // Shortages do not offset: A misses 7.2 beds while B has spare ones, so the region still misses 7.2.
    expect(regionYear2.shortage.accommodation).toBeCloseTo(7.2, 12);
    expect(regionYear2.gap.accommodation).toBeCloseTo(areaA!.years[1]!.demand.accommodation + areaB!.years[1]!.demand.accommodation - 70, 12);
    expect(regionYear2.shortage.kita).toBeNull();
  });

  it('marks every value projected and attaches the assumptions', () => {
    expect(result.quality).toBe('projected');
    expect(result.areas.every((area) => area.years.every((year) => year.quality === 'projected'))).toBe(true);
    const ids = result.assumptions.map((entry) => entry.id);
    expect(ids).toContain('scenario.recognitionRate');
    expect(ids).toContain('demand.staff.asylumPending');
    expect(ids).toContain('costs.notActing.accommodation');
    expect(result.assumptions.every((entry) => entry.basis.text.de.length > 0 && entry.basis.text.en.length > 0)).toBe(true);
  });

  it('produces the JSON shape of `kleinraum scenario --json`', () => {
    const json = JSON.parse(JSON.stringify(result)) as typeof result;
    expect(json.scenario.id).toBe('test');
    for (const area of json.areas) {
      expect(typeof area.key).toBe('string');
      expect(typeof area.name).toBe('string');
      for (const year of area.years) {
        expect(typeof year.year).toBe('number');
        expect(typeof year.population).toBe('number');
        expect(typeof year.refugees).toBe('number');
        for (const part of [year.demand, year.supply, year.gap]) expect(Object.keys(part).sort()).toEqual([...INFRASTRUCTURE_KINDS].sort());
      }
    }
  });
});

describe('runScenario: care ratio and credits', () => {
  it('raises the staff gap when the care ratio gets tighter', () => {
    const loose = runScenario(createTwoAreaInput()).areas[0]!.years[1]!.gap.staff!;
    const input = createTwoAreaInput();
    input.demandRates.staff.asylumPending.personsPerStaff = testValue(25);
    const tight = runScenario(input).areas[0]!.years[1]!.gap.staff!;
    expect(tight - loose).toBeCloseTo(14.5 / 25 - 14.5 / 50, 12);
  });

  it('reduces an area’s share by its credits and carries the balance', () => {
    const input = createTwoAreaInput();
    input.scenario.allocation = { carryOver: true, credits: { '03241001': [15, 0] } };
    const result = runScenario(input);
    const [a, b] = result.areas;
    // Year 1: A quota 10, credited 15 → 5 over; B gets the remaining 25 of its 30 and owes 5.
    expect(a!.years[0]!.allocation).toEqual({ quota: 10, credited: 15, received: 15, balanceAfter: -5 });
    expect(b!.years[0]!.allocation).toEqual({ quota: 30, credited: 0, received: 25, balanceAfter: 5 });
    // Year 2: needs A 10 − 5 = 5, B 30 + 5 = 35 → balanced again.
    expect(a!.years[1]!.allocation.received).toBe(5);
    expect(b!.years[1]!.allocation.received).toBe(35);
    expect(b!.years[1]!.allocation.balanceAfter).toBe(0);
  });
});

describe('runScenario: input errors reach the user, never a crash', () => {
  it('refuses an allocation entry for an area that does not exist', () => {
    const input = createTwoAreaInput();
    input.scenario.allocation = { carryOver: true, credits: { '3241001': 1 } };
    expect(() => runScenario(input)).toThrow(UserError);
    expect(() => runScenario(input)).toThrow(/leading zeros/);
  });

  it('refuses a horizon outside 1–10 years', () => {
    const input = createTwoAreaInput();
    input.scenario.years = 11;
    expect(() => runScenario(input)).toThrow(UserError);
  });

  it('refuses arrival shares that do not add up to 100 %', () => {
    const input = createTwoAreaInput();
    input.scenario.arrivalStructure = { kind: 'ageGroups', groups: { f: [{ fromAge: 0, toAge: 9, value: 0.5 }], m: [{ fromAge: 10, toAge: 19, value: 0.4 }] }, basis: testValue(0).basis };
    let error: unknown;
    try {
      runScenario(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).text.de).toContain('90,0 %');
    expect((error as UserError).text.en).toContain('90.0 %');
  });

  it('refuses a duplicate area key', () => {
    const input = createTwoAreaInput();
    input.areas[1]!.key = input.areas[0]!.key;
    expect(() => runScenario(input)).toThrow(UserError);
  });
});

describe('runScenario: full size', () => {
  it('projects 51 areas over 10 years in one-year ages, balanced and allocating every arrival', () => {
    const areas = createSyntheticAreas(51);
    const [, medium] = createPresetScenarios(2024, 10);
    const result = runScenario({ scenario: medium!, demandRates: DEFAULT_DEMAND_RATES, costRates: DEFAULT_COST_RATES, areas });
    expect(result.areas).toHaveLength(51);
    expect(result.years).toHaveLength(10);
    const startPopulation = areas.reduce((sum, area) => sum + stockTotal(area.stock), 0);
    expect(result.scenario.arrivalsPerYear[0]).toBe(Math.round((3.9 * startPopulation) / 1000));
    let expectedRegion = startPopulation;
    result.region.years.forEach((regionYear, yearIndex) => {
      const received = result.areas.reduce((sum, area) => sum + area.years[yearIndex]!.allocation.received, 0);
      expect(received).toBe(regionYear.arrivals);
      const flowTotal = (flow: 'departures' | 'births' | 'deaths') => result.areas.reduce((sum, area) => sum + area.years[yearIndex]!.flows[flow], 0);
      expectedRegion += regionYear.arrivals - flowTotal('departures') + flowTotal('births') - flowTotal('deaths');
      expect(regionYear.population).toBeCloseTo(expectedRegion, 6);
    });
    // Presets have no supply: every gap is unknown rather than equal to the demand.
    expect(result.areas[0]!.years[9]!.gap.kita).toBeNull();
    expect(result.areas[0]!.years[9]!.demand.kita).toBeGreaterThan(0);
  });

  it('orders the three preset scenarios by refugees in the last year', () => {
    const areas = createSyntheticAreas(21);
    const refugees = createPresetScenarios(2024, 5).map((scenario) => runScenario({ scenario, demandRates: DEFAULT_DEMAND_RATES, areas }).region.years[4]!.refugees);
    expect(refugees[0]).toBeLessThan(refugees[1]!);
    expect(refugees[1]).toBeLessThan(refugees[2]!);
  });
});
