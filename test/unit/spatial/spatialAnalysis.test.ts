/**
 * The pure analysis and its helpers: the treatment of bad input, the corrections' effect on clusters, the
 * fit of the scatter plot, and the edge cases of the smoothing.
 */
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../../shared/analysis/niceTicks';
import { contiguityWeights } from '../../../shared/spatial/contiguityWeights';
import { globalEmpiricalBayes } from '../../../shared/spatial/empiricalBayes';
import { linearFit } from '../../../shared/spatial/linearFit';
import { significanceClass, spatialAnalysis } from '../../../shared/spatial/spatialAnalysis';

/** An n × n lattice of unit squares, keys "r-c". */
function lattice(size: number) {
  const square = (x: number, y: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] });
  const areas = [];
  for (let row = 0; row < size; row++) for (let column = 0; column < size; column++) areas.push({ key: `${row}-${column}`, geometry: square(column, row) });
  return areas;
}

const OPTIONS = { permutations: 999, seed: 3, correction: 'none' as const, significanceLevel: 0.05 };

describe('spatialAnalysis', () => {
  const areas = lattice(6);
  const weights = contiguityWeights(areas, 'rook');
  // High values in the left half, low in the right: a clear pattern.
  const values = areas.map((area) => (Number(area.key.split('-')[1]) < 3 ? 10 : 1) + Number(area.key.split('-')[0]) * 0.1);

  it('finds the two halves as hot and cold spots, and the scatter slope is I', () => {
    const result = spatialAnalysis(areas.map((area, index) => ({ key: area.key, name: area.key, value: values[index]! })), weights, OPTIONS);
    expect(result.global.I).toBeGreaterThan(0.5);
    expect(result.global.pseudoPValue).toBeLessThanOrEqual(0.002);
    expect(result.scatterFit.slope).toBeCloseTo(result.global.I, 12);
    expect(result.clusterCounts.HH).toBeGreaterThan(0);
    expect(result.clusterCounts.LL).toBeGreaterThan(0);
    for (const area of result.areas.filter((candidate) => candidate.cluster === 'HH')) expect(area.value).toBeGreaterThan(5);
  });

  it('Bonferroni calls fewer areas significant than no correction, FDR lies between', () => {
    const input = areas.map((area, index) => ({ key: area.key, name: area.key, value: values[index]! }));
    const significant = (correction: 'none' | 'bonferroni' | 'fdr') => 36 - spatialAnalysis(input, weights, { ...OPTIONS, correction }).clusterCounts.ns;
    expect(significant('bonferroni')).toBeLessThanOrEqual(significant('fdr'));
    expect(significant('fdr')).toBeLessThanOrEqual(significant('none'));
  });

  it('leaves out areas without a value and turns an area whose neighbours all lack values into an island', () => {
    // 0-0 has the rook neighbours 0-1 and 1-0.
    const missing = new Set(['0-1', '1-0']);
    const result = spatialAnalysis(areas.map((area, index) => ({ key: area.key, name: area.key, value: missing.has(area.key) ? null : values[index]! })), weights, OPTIONS);
    expect(result.leftOutKeys.sort()).toEqual(['0-1', '1-0']);
    expect(result.islandKeys).toEqual(['0-0']);
    expect(result.analysedCount).toBe(34);
    expect(result.areas.find((area) => area.key === '0-0')).toMatchObject({ island: true, spatialLag: 0, pValue: null, cluster: 'ns' });
    expect(result.global.areasWithNeighbours).toBe(33);
  });

  it('refuses a constant indicator and fewer than 3 values with messages in both languages', () => {
    expect(() => spatialAnalysis(areas.map((area) => ({ key: area.key, name: area.key, value: 4.2 })), weights, OPTIONS)).toThrow(/same value/);
    expect(() => spatialAnalysis(areas.map((area, index) => ({ key: area.key, name: area.key, value: index < 2 ? 1 : null })), weights, OPTIONS)).toThrow(/Only 2 of 36/);
  });

  it('never returns NaN, also with 3 areas where the randomisation variance is undefined', () => {
    const three = lattice(2).slice(0, 3);
    const result = spatialAnalysis(three.map((area, index) => ({ key: area.key, name: area.key, value: index })), contiguityWeights(three, 'queen'), OPTIONS);
    expect(result.global.zScore).toBeNull();
    const numbers: number[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'number') numbers.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(result);
    expect(numbers.length).toBeGreaterThan(20);
    expect(numbers.filter((value) => !Number.isFinite(value))).toEqual([]);
    for (const area of result.areas) expect(Number.isFinite(area.localI)).toBe(true);
  });
});

describe('helpers', () => {
  it('significance classes as GeoDa', () => {
    expect([0.0005, 0.004, 0.03, 0.2, null].map((p) => significanceClass(p, 0.05))).toEqual(['0.001', '0.01', '0.05', 'ns', 'ns']);
    expect(significanceClass(0.03, 0.01)).toBe('ns');
  });

  it('the fit of a perfect line, and none for a constant variable', () => {
    expect(linearFit([1, 2, 3, null], [3, 5, 7, 1])).toEqual({ count: 3, slope: 2, intercept: 1, correlation: 1 });
    expect(linearFit([1, 1, 1], [1, 2, 3]).slope).toBeNull();
  });

  it('smoothing all-zero counts gives zero, not NaN', () => {
    expect(globalEmpiricalBayes([0, 0, 0], [10, 20, 30]).smoothed).toEqual([0, 0, 0]);
  });

  it('ticks at round numbers', () => {
    expect(niceTicks(-1.2, 3.4)).toEqual([-1, 0, 1, 2, 3]);
    expect(niceTicks(18.1, 37.4)).toEqual([20, 25, 30, 35]);
  });
});
