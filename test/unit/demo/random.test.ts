import { describe, expect, it } from 'vitest';
import { createDemoRandom } from '../../../shared/demo/random';

const draws = (seed: number, stream: string, count = 5): number[] => {
  const random = createDemoRandom(seed, stream);
  return Array.from({ length: count }, () => random.next());
};

describe('createDemoRandom', () => {
  it('repeats the same numbers for the same seed and stream', () => {
    expect(draws(42, 'population')).toEqual(draws(42, 'population'));
  });

  it('differs between seeds and between streams', () => {
    expect(draws(42, 'population')).not.toEqual(draws(43, 'population'));
    expect(draws(42, 'population')).not.toEqual(draws(42, 'refugees'));
  });

  it('draws uniformly from [0, 1)', () => {
    const values = draws(7, 'uniformity', 20000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    // Each tenth of the interval gets roughly a tenth of the draws.
    const deciles = Array.from({ length: 10 }, (_, decile) => values.filter((value) => Math.floor(value * 10) === decile).length);
    for (const count of deciles) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it('draws normal values with mean ≈ 0 and standard deviation ≈ 1', () => {
    const random = createDemoRandom(3, 'normal');
    const values = Array.from({ length: 20000 }, () => random.normal());
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(Math.sqrt(variance) - 1)).toBeLessThan(0.03);
  });
});
