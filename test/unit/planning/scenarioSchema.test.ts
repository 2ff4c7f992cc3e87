import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/contract/errors';
import { createPresetScenario } from '../../../shared/planning/presetScenarios';
import { DEFAULT_COST_RATES, DEFAULT_DEMAND_RATES } from '../../../shared/planning/presets';
import { parseCostRates, parseDemandRates, parseScenario } from '../../../shared/planning/scenarioSchema';

describe('scenario schemas', () => {
  it('round-trip the presets through JSON', () => {
    const scenario = createPresetScenario('high', 2024, 10);
    expect(parseScenario(JSON.parse(JSON.stringify(scenario)))).toEqual(scenario);
    expect(parseDemandRates(JSON.parse(JSON.stringify(DEFAULT_DEMAND_RATES)))).toEqual(DEFAULT_DEMAND_RATES);
    expect(parseCostRates(JSON.parse(JSON.stringify(DEFAULT_COST_RATES)))).toEqual(DEFAULT_COST_RATES);
  });

  it("keep a scenario's own care ratios, and refuse them incomplete", () => {
    const scenario = { ...createPresetScenario('high', 2024, 10), careRatios: DEFAULT_DEMAND_RATES.staff };
    expect(parseScenario(JSON.parse(JSON.stringify(scenario))).careRatios).toEqual(DEFAULT_DEMAND_RATES.staff);
    const incomplete = JSON.parse(JSON.stringify({ ...scenario, careRatios: { asylumPending: DEFAULT_DEMAND_RATES.staff.asylumPending } })) as unknown;
    expect(() => parseScenario(incomplete)).toThrow(UserError);
  });

  it('names the wrong field in a user error', () => {
    const broken = JSON.parse(JSON.stringify(createPresetScenario('low', 2024, 3))) as Record<string, unknown>;
    delete broken.recognitionRate;
    let error: unknown;
    try {
      parseScenario(broken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).text.de).toContain('recognitionRate');
  });
});
