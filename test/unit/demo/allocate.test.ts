import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateByLargestRemainder } from '../../../shared/demo/allocate';

describe('allocateByLargestRemainder', () => {
  it('gives the leftover persons to the largest remainders, ties to the earlier cell', () => {
    expect(allocateByLargestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocateByLargestRemainder(7, [0.5, 0.3, 0.2])).toEqual([4, 2, 1]);
  });

  it('returns zeros for a zero total', () => {
    expect(allocateByLargestRemainder(0, [3, 4])).toEqual([0, 0]);
  });

  it('always sums to the total and keeps each cell within one of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), fc.array(fc.double({ min: 0.001, max: 1000, noNaN: true }), { minLength: 1, maxLength: 60 }), (total, weights) => {
        const counts = allocateByLargestRemainder(total, weights);
        const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
        expect(counts.reduce((sum, count) => sum + count, 0)).toBe(total);
        counts.forEach((count, index) => {
          expect(Number.isInteger(count)).toBe(true);
          expect(Math.abs(count - ((weights[index] as number) / weightSum) * total)).toBeLessThan(1 + 1e-9);
        });
      }),
    );
  });
});
