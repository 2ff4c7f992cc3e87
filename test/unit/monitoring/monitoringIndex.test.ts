/**
 * The status and dynamics index against values computed by hand (the arithmetic is written beside each
 * expectation), the population floor, the weighting and the messages instead of NaN.
 */
import { describe, expect, it } from 'vitest';
import { computeMonitoringIndex, type IndexArea, type IndexOptions } from '../../../shared/monitoring/monitoringIndex';
import { areaText } from '../../../shared/monitoring/monitoringTexts';
import { monitoringDefinition } from '../../../shared/monitoring/monitoringDefinition';
import { decodeStoredSetting } from '../../../shared/settings/projectSettings';

const base: Omit<IndexOptions, 'indicators'> = { weighted: false, minPopulation: 300, statusCuts: [-1, 1, 1.5], dynamicsCut: 1 };

function area(key: string, population: number | null, values: Record<string, number | null>, startValues: Record<string, number | null> | null = null): IndexArea {
  return { key, name: `Gebiet ${key}`, population, values, startValues };
}

describe('computeMonitoringIndex', () => {
  it('z-scores, status index and classes of two indicators with opposite directions', () => {
    // x: 1, 2, 3, 6 → mean 3, population sd √(14/4) = 1.870829; y: 10, 10, 20, 20 → mean 15, sd 5, direction − flips the sign.
    const areas = [area('A', 1000, { x: 1, y: 10 }), area('B', 1000, { x: 2, y: 10 }), area('C', 1000, { x: 3, y: 20 }), area('D', 1000, { x: 6, y: 20 })];
    const result = computeMonitoringIndex(areas, { ...base, indicators: [{ id: 'x', direction: '+' }, { id: 'y', direction: '-' }] });
    const byKey = new Map(result.areas.map((entry) => [entry.key, entry]));
    expect(byKey.get('A')!.z['x']).toBeCloseTo(-2 / 1.870829, 5);
    expect(byKey.get('D')!.z['x']).toBeCloseTo(3 / 1.870829, 5);
    expect(byKey.get('A')!.z['y']).toBeCloseTo(1, 10);
    expect(byKey.get('C')!.z['y']).toBeCloseTo(-1, 10);
    // status = mean of the two z: A (−1.069045 + 1) / 2 = −0.0345225, B 0.232739, C −0.5, D 0.3017835.
    expect(byKey.get('A')!.status).toBeCloseTo(-0.0345225, 6);
    expect(byKey.get('B')!.status).toBeCloseTo(0.232739, 6);
    expect(byKey.get('C')!.status).toBeCloseTo(-0.5, 10);
    expect(byKey.get('D')!.status).toBeCloseTo(0.3017835, 6);
    // standardised: mean 0, sd √((0.0011918 + 0.0541674 + 0.25 + 0.0910733) / 4) = 0.314815.
    expect(byKey.get('C')!.statusScore).toBeCloseTo(-0.5 / 0.314815, 4);
    expect(byKey.get('D')!.statusScore).toBeCloseTo(0.3017835 / 0.314815, 4);
    expect(result.areas.map((entry) => entry.statusClass)).toEqual(['mittel', 'mittel', 'hoch', 'mittel']);
    expect(result.messages).toEqual([{ code: 'noDynamicsPeriod' }]);
    expect(result.areas.every((entry) => entry.dynamicsClass === null)).toBe(true);
  });

  it('cuts at the standard-deviation bands (a value on a cut-off takes the better class)', () => {
    // 0, 0, 0, 0, 10 → mean 2, sd √((4·4 + 64) / 5) = 4: z = −0.5 four times and 2.
    const areas = ['A', 'B', 'C', 'D', 'E'].map((key, index) => area(key, 500, { x: index === 4 ? 10 : 0 }));
    const result = computeMonitoringIndex(areas, { ...base, indicators: [{ id: 'x', direction: '+' }] });
    expect(result.areas.map((entry) => entry.statusScore)).toEqual([-0.5, -0.5, -0.5, -0.5, 2]);
    expect(result.areas.map((entry) => entry.statusClass)).toEqual(['mittel', 'mittel', 'mittel', 'mittel', 'sehrNiedrig']);
    // Cut-offs −0.5 / 1 / 2: −0.5 is on the first cut (mittel, not hoch), 2 on the last (niedrig, not sehr niedrig).
    const edges = computeMonitoringIndex(areas, { ...base, statusCuts: [-0.5, 1, 2], indicators: [{ id: 'x', direction: '+' }] });
    expect(edges.areas.map((entry) => entry.statusClass)).toEqual(['mittel', 'mittel', 'mittel', 'mittel', 'niedrig']);
    // Direction − turns the need around: the high value is now the best status.
    const reversed = computeMonitoringIndex(areas, { ...base, indicators: [{ id: 'x', direction: '-' }] });
    expect(reversed.areas[4]!.statusClass).toBe('hoch');
  });

  it('leaves areas under the population floor out of the moments and says "nicht bewertet"', () => {
    const scored = [area('A', 300, { x: 1 }), area('B', 5000, { x: 3 })];
    const withSmall = [...scored, area('S', 299, { x: 1000 })];
    const result = computeMonitoringIndex(withSmall, { ...base, indicators: [{ id: 'x', direction: '+' }] });
    // 1 and 3: mean 2, sd 1 → z −1 and 1; the area with 299 inhabitants (floor 300) does not change them.
    expect(result.areas.map((entry) => entry.z['x'])).toEqual([-1, 1, null]);
    expect(result.areas[2]).toMatchObject({ scored: false, notScoredReason: 'belowFloor', statusClass: null });
    expect(areaText(result.areas[2]!, 300, 'de')).toBe('nicht bewertet (unter 300 Einwohnern)');
    expect(areaText(result.areas[2]!, 300, 'en')).toBe('not scored (fewer than 300 inhabitants)');
    // An area without a value is "keine Daten", not "nicht bewertet".
    const missing = computeMonitoringIndex([...scored, area('M', 800, { x: null })], { ...base, indicators: [{ id: 'x', direction: '+' }] });
    expect(areaText(missing.areas[2]!, 300, 'de')).toBe('keine Daten');
    expect(result.scoredCount).toBe(2);
  });

  it('weights by population when asked', () => {
    // 1 (1 000 inh.) and 3 (3 000 inh.): weighted mean (1000 + 9000) / 4000 = 2.5,
    // sd √((1000 · 2.25 + 3000 · 0.25) / 4000) = √0.75 → z (1 − 2.5) / 0.866025 = −1.732051 and 0.577350.
    const areas = [area('A', 1000, { x: 1 }), area('B', 3000, { x: 3 })];
    const weighted = computeMonitoringIndex(areas, { ...base, weighted: true, indicators: [{ id: 'x', direction: '+' }] });
    expect(weighted.areas[0]!.z['x']).toBeCloseTo(-1.732051, 5);
    expect(weighted.areas[1]!.z['x']).toBeCloseTo(0.57735, 5);
    expect(weighted.indicators[0]).toMatchObject({ mean: 2.5 });
    const unweighted = computeMonitoringIndex(areas, { ...base, indicators: [{ id: 'x', direction: '+' }] });
    expect(unweighted.areas.map((entry) => entry.z['x'])).toEqual([-1, 1]);
  });

  it('scores the dynamics over the change in the period', () => {
    // Changes 0, 0, 0, 4 → mean 1, sd √((1 + 1 + 1 + 9) / 4) = √3: z −0.57735 three times and 1.732051.
    const areas = [area('A', 900, { x: 5 }, { x: 5 }), area('B', 900, { x: 7 }, { x: 7 }), area('C', 900, { x: 2 }, { x: 2 }), area('D', 900, { x: 9 }, { x: 5 })];
    const result = computeMonitoringIndex(areas, { ...base, indicators: [{ id: 'x', direction: '+' }] });
    expect(result.areas[0]!.dynamicsZ['x']).toBeCloseTo(-0.57735, 5);
    expect(result.areas[3]!.dynamics).toBeCloseTo(1.732051, 5);
    expect(result.areas.map((entry) => entry.dynamicsClass)).toEqual(['stabil', 'stabil', 'stabil', 'negativ']);
    expect(areaText(result.areas[3]!, 300, 'de')).toMatch(/^Status (hoch|mittel|niedrig|sehr niedrig), Dynamik negativ$/);
    const reversed = computeMonitoringIndex(areas, { ...base, indicators: [{ id: 'x', direction: '-' }] });
    expect(reversed.areas[3]!.dynamicsClass).toBe('positiv');
    expect(result.messages).toEqual([]);
  });

  it('gives messages, never NaN, for a constant indicator and too few areas', () => {
    const areas = [area('A', 1000, { x: 1, c: 7 }), area('B', 1000, { x: 3, c: 7 })];
    const constant = computeMonitoringIndex(areas, { ...base, indicators: [{ id: 'x', direction: '+' }, { id: 'c', direction: '+' }] });
    expect(constant.messages).toContainEqual({ code: 'constantIndicator', indicator: 'c' });
    expect(constant.areas.map((entry) => entry.status)).toEqual([-1, 1]);
    expect(constant.areas.every((entry) => entry.z['c'] === null)).toBe(true);
    const onlyConstant = computeMonitoringIndex(areas, { ...base, indicators: [{ id: 'c', direction: '+' }] });
    expect(onlyConstant.areas.every((entry) => entry.status === null && entry.statusClass === null)).toBe(true);
    // Nothing is left to build an index from: said once, beside the indicator's own message.
    expect(onlyConstant.messages).toEqual([{ code: 'constantIndicator', indicator: 'c' }, { code: 'noUsableIndicator' }, { code: 'noDynamicsPeriod' }]);
    // y = 3x + 0.1 with the opposite direction cancels x out: the index is rounding noise (≈ 1e-17), never classes.
    const cancelling = computeMonitoringIndex(
      [0.1, 0.7, 0.3, 1.9, 0.55].map((x, index) => area(String(index), 1000, { x, y: x * 3 + 0.1 })),
      { ...base, indicators: [{ id: 'x', direction: '+' }, { id: 'y', direction: '-' }] },
    );
    expect(cancelling.messages).toContainEqual({ code: 'constantIndex' });
    expect(cancelling.areas.every((entry) => entry.statusClass === null)).toBe(true);
    const few = computeMonitoringIndex([areas[0]!, area('S', 10, { x: 2, c: 7 })], { ...base, indicators: [{ id: 'x', direction: '+' }] });
    expect(few.messages).toEqual([{ code: 'tooFewAreas', scored: 1 }]);
    for (const result of [constant, onlyConstant, few]) {
      for (const entry of result.areas) for (const value of [entry.status, entry.statusScore, entry.dynamics, ...Object.values(entry.z)]) expect(Number.isNaN(value)).toBe(false);
    }
  });
});

describe('monitoringDefinition', () => {
  it('fills the defaults of the method (RISE floor 300, MSS cut-offs) and refuses unordered cut-offs', () => {
    const parsed = monitoringDefinition.parse({ name: 'Soziale Lage', indicators: [{ id: 'x' }] });
    expect(parsed).toMatchObject({ minPopulation: 300, statusCuts: [-1, 1, 1.5], dynamicsCut: 1, weighted: false, indicators: [{ id: 'x', direction: '+' }] });
    expect(monitoringDefinition.safeParse({ name: 'x', indicators: [{ id: 'x' }], statusCuts: [1, 0, 2] }).success).toBe(false);
  });

  it('reads a stored definition of version 1 written before later fields existed, and refuses one of a newer version', () => {
    // As the first Monitoring wrote it: no weighting, population indicator, cut-offs or rules yet.
    const stored = JSON.stringify({ name: 'Soziale Lage', indicators: [{ id: 'refugees_per_1000' }, { id: 'under18_share', direction: '-' }], dynamicsYears: 2 });
    const decoded = decodeStoredSetting('monitoring.definition.lage', stored, 1);
    expect(decoded).toEqual({ ok: true, value: monitoringDefinition.parse(JSON.parse(stored)) });
    expect(decoded.ok && decoded.value).toMatchObject({ dynamicsYears: 2, weighted: false, populationIndicator: 'population_total', statusCuts: [-1, 1, 1.5], rules: [] });
    expect(decodeStoredSetting('monitoring.definition.lage', stored, 2)).toMatchObject({ ok: false, reason: expect.stringMatching(/newer/) });
  });
});
