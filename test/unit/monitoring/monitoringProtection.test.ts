/**
 * A value withheld for a small count must not come back through what monitoring prints beside it. The
 * first case works the value back from the unprotected figures in three ways (so the test fails if the
 * protection stops covering one); the second checks that the protected result carries none of them.
 */
import { describe, expect, it } from 'vitest';
import { computeMonitoringIndex, type IndexArea } from '../../../shared/monitoring/monitoringIndex';
import { protectMonitoring } from '../../../shared/monitoring/monitoringProtection';

const options = { weighted: false, minPopulation: 0, statusCuts: [-1, 1, 1.5] as [number, number, number], dynamicsCut: 1, indicators: [{ id: 'small', direction: '+' as const }, { id: 'rate', direction: '+' as const }] };

function area(key: string, small: number, rate: number): IndexArea {
  return { key, name: key, population: 1000, values: { small, rate }, startValues: { small: small + 1, rate: rate - 1 } };
}

const areas = [area('A', 2, 10), area('B', 40, 12), area('C', 55, 9), area('D', 70, 15)];
const index = computeMonitoringIndex(areas, options);
const result = {
  areas: index.areas.map((entry, position) => ({ ...entry, values: areas[position]!.values as Record<string, number | null>, smallNumbers: entry.key === 'A' ? ['small'] : [] })),
  indicators: index.indicators.map((moments) => ({ ...moments, regionValue: 167 / 4 })),
  alerts: [
    { rule: 'deviation', indicator: 'small', smallNumber: false, value: 70, threshold: 50, reference: 167 / 4, measure: 70 - 167 / 4, key: 'D' },
    { rule: 'above', indicator: 'small', smallNumber: true, value: 2, threshold: 1, reference: null, measure: null, key: 'A' },
    { rule: 'fences', indicator: 'small', smallNumber: false, value: 70, threshold: 66, reference: null, measure: null, key: 'D' },
    { rule: 'above', indicator: 'rate', smallNumber: false, value: 15, threshold: 14, reference: null, measure: null, key: 'D' },
  ],
};
const shown = protectMonitoring(result, { now: new Set(['small']), change: new Set(['small']) });

describe('protectMonitoring', () => {
  it('without it, the status index, the z-scores and the mean each give the withheld count back', () => {
    const [a, b, c, d] = index.areas as [(typeof index.areas)[number], (typeof index.areas)[number], (typeof index.areas)[number], (typeof index.areas)[number]];
    // The statuses of the scored areas sum to zero: A's is minus the others'; then z(small) = 2 · status − z(rate).
    const statusA = -(b.status! + c.status! + d.status!);
    const zSmall = statusA * 2 - a.z['rate']!;
    // Mean and spread of "small" from two other areas' values and z-scores.
    const sd = (40 - 55) / (b.z['small']! - c.z['small']!);
    const mean = 40 - b.z['small']! * sd;
    expect(mean + zSmall * sd).toBeCloseTo(2, 8);
    // n · mean minus the other values.
    expect(4 * index.indicators[0]!.mean! - 40 - 55 - 70).toBeCloseTo(2, 8);
  });

  it("withholds the value, the indicator's z-scores, mean, spread and region value, every index and computed alert references; keeps classes and the rest", () => {
    const [a, b] = shown.areas;
    expect(a!.values).toEqual({ small: null, rate: 10 });
    for (const entry of shown.areas) {
      expect(entry.z['small']).toBeNull();
      expect(entry.dynamicsZ['small']).toBeNull();
      expect([entry.status, entry.statusScore, entry.dynamics, entry.dynamicsScore]).toEqual([null, null, null, null]);
      expect(entry.indexWithheld).toBe(true);
    }
    // The other indicator's z-scores, the other areas' values and every class stay.
    expect(b!.values).toEqual({ small: 40, rate: 12 });
    expect(b!.z['rate']).toBe(index.areas[1]!.z['rate']);
    expect(shown.areas.map((entry) => entry.statusClass)).toEqual(index.areas.map((entry) => entry.statusClass));
    const small = shown.indicators.find((indicator) => indicator.id === 'small')!;
    expect([small.mean, small.sd, small.changeMean, small.changeSd, small.regionValue]).toEqual([null, null, null, null, null]);
    expect(shown.indicators.find((indicator) => indicator.id === 'rate')!.mean).toBe(index.indicators[1]!.mean);
    const [deviation, own, fence, other] = shown.alerts;
    expect([deviation!.reference, deviation!.measure, deviation!.value]).toEqual([null, null, 70]);
    expect(own!.value).toBeNull();
    expect(own!.threshold).toBe(1);
    expect(fence!.threshold).toBeNull();
    expect(other).toEqual(result.alerts[3]);
  });

  it('changes nothing but an alert\'s own small value where no indicator has a withheld value', () => {
    const untouched = protectMonitoring(result, { now: new Set(), change: new Set() });
    expect(untouched.areas.map((entry) => entry.status)).toEqual(index.areas.map((entry) => entry.status));
    expect(untouched.areas.every((entry) => !entry.indexWithheld)).toBe(true);
    // Only an alert's own small value is withheld.
    expect(untouched.alerts.filter((alert) => !alert.smallNumber)).toEqual(result.alerts.filter((alert) => !alert.smallNumber));
  });
});
