import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSmallCount, sumRevealsWithheld } from '../../../shared/indicators/smallCounts';

describe('sumRevealsWithheld', () => {
  it('settles one withheld count, and several only at the least or the most small counts can be', () => {
    expect(sumRevealsWithheld([], 3)).toBe(false);
    expect(sumRevealsWithheld([2], 3)).toBe(true);
    expect(sumRevealsWithheld([1, 1], 3)).toBe(true);
    expect(sumRevealsWithheld([2, 2], 3)).toBe(true);
    expect(sumRevealsWithheld([1, 2], 3)).toBe(false);
    expect(sumRevealsWithheld([1, 1, 2], 3)).toBe(false);
    expect(sumRevealsWithheld([4, 4, 4], 5)).toBe(true);
    // A withheld value that is no small count (a net) is settled only when alone.
    expect(sumRevealsWithheld([-7], 3)).toBe(true);
    expect(sumRevealsWithheld([-7, 2], 3)).toBe(false);
  });

  it('says "settled" exactly when no other set of small counts of the same size has the same sum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }), (threshold, raw) => {
        const withheld = raw.map((value) => Math.min(value, threshold - 1));
        const sum = withheld.reduce((total, value) => total + value, 0);
        // Other vectors of small counts with this sum: one exists unless the sum pins every entry.
        const smallest = withheld.length;
        const largest = withheld.length * (threshold - 1);
        const onlyOneVector = withheld.length === 1 || sum === smallest || sum === largest;
        expect(withheld.every((value) => isSmallCount(value, threshold))).toBe(true);
        expect(sumRevealsWithheld(withheld, threshold)).toBe(onlyOneVector);
      }),
    );
  });
});
