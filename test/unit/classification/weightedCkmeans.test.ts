/**
 * The weighted Ckmeans over distinct values must be exactly optimal: its partition has the same total
 * within-class sum of squares as a plain O(k·n²) Fisher programme over all values, and as simple-statistics'
 * Ckmeans (the implementation it replaced), on data with and without ties.
 */
import fc from 'fast-check';
import { ckmeans } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { naturalBreaksBounds } from '../../../shared/classification/methods/naturalBreaks';
import { weightedCkmeansStarts } from '../../../shared/classification/methods/weightedCkmeans';

function sumOfSquares(values: readonly number[]): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
}

/** Total within-class SSQ when sorted values are cut at the given inner breaks (a value on a break goes above). */
function totalWithinSumOfSquares(sortedValues: readonly number[], bounds: readonly number[]): number {
  const inner = bounds.slice(1, -1);
  const groups: number[][] = inner.map(() => []);
  groups.push([]);
  for (const value of sortedValues) (groups[inner.filter((cut) => cut <= value).length] as number[]).push(value);
  return groups.filter((group) => group.length > 0).reduce((sum, group) => sum + sumOfSquares(group), 0);
}

/** Fisher's exact programme in its plain O(k·n²) form, over all values (equal values may be split). */
function fisherOptimum(sortedValues: readonly number[], classCount: number): number {
  const count = sortedValues.length;
  const within = (first: number, last: number) => sumOfSquares(sortedValues.slice(first, last + 1));
  let previous = Array.from({ length: count }, (_, last) => within(0, last));
  for (let cluster = 1; cluster < classCount; cluster++) {
    const current = new Array<number>(count).fill(Number.POSITIVE_INFINITY);
    for (let last = cluster; last < count; last++) {
      for (let first = cluster; first <= last; first++) current[last] = Math.min(current[last] as number, (previous[first - 1] as number) + within(first, last));
    }
    previous = current;
  }
  return previous[count - 1] as number;
}

describe('weighted Ckmeans', () => {
  it('splits two obvious groups', () => {
    expect(weightedCkmeansStarts([1, 2, 10, 11], [1, 1, 1, 1], 2)).toEqual([2]);
  });

  it('lets weights move a break: the middle value leaves the class of a heavy end', () => {
    // 0, 3, 6 once each: both cuts cost 4.5. Ten areas at 6: {0, 3} {6} costs 4.5, {0} {3, 6×10} 8.18.
    expect(weightedCkmeansStarts([0, 3, 6], [1, 1, 10], 2)).toEqual([2]);
    expect(weightedCkmeansStarts([0, 3, 6], [10, 1, 1], 2)).toEqual([1]);
  });

  it('reaches the optimum of the plain Fisher programme on data with ties', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }).map((value) => value / 2), { minLength: 2, maxLength: 24 }), fc.integer({ min: 2, max: 6 }), (values, classCount) => {
        const sorted = [...values].sort((a, b) => a - b);
        const distinct = new Set(sorted).size;
        fc.pre(distinct >= classCount);
        const { bounds } = naturalBreaksBounds(sorted, classCount);
        expect(bounds.length - 1).toBe(classCount);
        expect(totalWithinSumOfSquares(sorted, bounds)).toBeCloseTo(fisherOptimum(sorted, classCount), 8);
      }),
      { numRuns: 300 },
    );
  });

  it('matches the within-class sum of squares of simple-statistics on 3 000 continuous values', () => {
    let state = 4711;
    const next = (): number => {
      state = (state * 16807) % 2147483647;
      return state / 2147483647;
    };
    const sorted = Array.from({ length: 3000 }, () => -Math.log(next()) * 25).sort((a, b) => a - b);
    for (const classCount of [2, 5, 9]) {
      const ours = totalWithinSumOfSquares(sorted, naturalBreaksBounds(sorted, classCount).bounds);
      const reference = ckmeans(sorted, classCount).reduce((sum, cluster) => sum + sumOfSquares(cluster), 0);
      expect(ours).toBeLessThanOrEqual(reference * (1 + 1e-12));
      expect(ours).toBeGreaterThanOrEqual(reference * (1 - 1e-12));
    }
  });
});
