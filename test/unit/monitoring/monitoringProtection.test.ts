/**
 * A value withheld for a small count must not come back through the area's other figures: the z-score
 * (value = mean + z · sd) and the status index (the mean of the area's z-scores). The first case shows the
 * leak on the unprotected figures, so the test fails if the protection stops covering it.
 */
import { describe, expect, it } from 'vitest';
import { computeMonitoringIndex, type IndexArea } from '../../../shared/monitoring/monitoringIndex';
import { protectMonitoredArea } from '../../../shared/monitoring/monitoringProtection';

const options = { weighted: false, minPopulation: 0, statusCuts: [-1, 1, 1.5] as [number, number, number], dynamicsCut: 1, indicators: [{ id: 'small', direction: '+' as const }, { id: 'rate', direction: '+' as const }] };

function area(key: string, small: number, rate: number): IndexArea {
  return { key, name: key, population: 1000, values: { small, rate }, startValues: { small: small + 1, rate: rate - 1 } };
}

const areas = [area('A', 2, 10), area('B', 40, 12), area('C', 55, 9), area('D', 70, 15)];
const result = computeMonitoringIndex(areas, options);
const smallNumbers = (key: string) => (key === 'A' ? ['small'] : []);
const shown = result.areas.map((entry, index) => protectMonitoredArea({ ...entry, values: areas[index]!.values as Record<string, number | null>, smallNumbers: smallNumbers(entry.key) }));

describe('protectMonitoredArea', () => {
  it('the unprotected status index gives the withheld count back; the protected figures do not carry it', () => {
    const a = result.areas[0]!;
    // status · 2 − z(rate) = z(small); mean and sd of "small" follow from two other areas' values and z-scores.
    const zSmall = a.status! * 2 - a.z['rate']!;
    const [b, c] = [result.areas[1]!, result.areas[2]!];
    const sd = (40 - 55) / (b.z['small']! - c.z['small']!);
    const mean = 40 - b.z['small']! * sd;
    expect(mean + zSmall * sd).toBeCloseTo(2, 8);

    const protectedA = shown[0]!;
    expect(protectedA.values).toEqual({ small: null, rate: 10 });
    expect(protectedA.z['small']).toBeNull();
    expect(protectedA.z['rate']).toBe(a.z['rate']);
    expect(protectedA.dynamicsZ['small']).toBeNull();
    expect([protectedA.status, protectedA.statusScore, protectedA.dynamics, protectedA.dynamicsScore]).toEqual([null, null, null, null]);
    expect(protectedA.indexWithheld).toBe(true);
    // The class, like a classed map, stays.
    expect(protectedA.statusClass).toBe(a.statusClass);
    expect(protectedA.dynamicsClass).toBe(a.dynamicsClass);
  });

  it('leaves areas without small counts as they are', () => {
    for (const [index, entry] of shown.entries()) {
      if (index === 0) continue;
      const original = result.areas[index]!;
      expect(entry.indexWithheld).toBe(false);
      expect(entry.status).toBe(original.status);
      expect(entry.z).toEqual(original.z);
      expect(entry.values).toEqual(areas[index]!.values);
    }
  });
});
