import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/contract/errors';
import { allocateArrivals, largestRemainder } from '../../../shared/planning/allocation';

describe('largestRemainder (Hare–Niemeyer)', () => {
  it('gives exact shares when the quotas are whole', () => {
    expect(largestRemainder(10, [5000, 3000, 2000])).toEqual([5, 3, 2]);
  });

  it('hands the leftover units to the largest remainders', () => {
    // Quotas 7 × [0.45, 0.35, 0.2] = [3.15, 2.45, 1.4] → floors [3, 2, 1], one left → largest remainder 0.45 (area 1).
    expect(largestRemainder(7, [45, 35, 20])).toEqual([3, 3, 1]);
  });

  it('breaks ties by the larger weight, then the earlier position', () => {
    expect(largestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(largestRemainder(1, [2, 3, 0])).toEqual([0, 1, 0]);
  });

  it('always sums to the total and stays within one unit of the exact quota', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 1, maxLength: 60 }), (total, weights) => {
        fc.pre(weights.some((weight) => weight > 0));
        const shares = largestRemainder(total, weights);
        const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
        expect(shares.reduce((sum, share) => sum + share, 0)).toBe(total);
        shares.forEach((share, index) => {
          expect(Number.isInteger(share)).toBe(true);
          expect(Math.abs(share - (total * weights[index]!) / weightSum)).toBeLessThan(1);
        });
      }),
    );
  });

  it('refuses fractional persons and an empty key with a user error', () => {
    expect(() => largestRemainder(2.5, [1, 1])).toThrow(UserError);
    expect(() => largestRemainder(3, [0, 0])).toThrow(UserError);
  });
});

describe('allocateArrivals', () => {
  // Hand-computed: weights 500/300/200, 10 arrivals per year, area 1 has 6 persons credited in year 1.
  // Year 1: quota [5,3,2]; need = quota − credits = [5,−3,2]; 4 left to distribute over needs [5,0,2]:
  //   4×5/7 = 2.86 → 2, 4×2/7 = 1.14 → 1, one left → largest remainder (area 0) → [3,0,1].
  //   received [3,6,1]; balance [5−3, 3−6, 2−1] = [2,−3,1].
  // Year 2 with carry-over: need = [2+5, −3+3, 1+2] = [7,0,3] → received [7,0,3]; balance [0,0,0].
  const input = { arrivalsPerYear: [10, 10], weights: [500, 300, 200], credits: [[0, 6, 0]] };

  it('computes quotas, credits and carry-over as worked out by hand', () => {
    const [first, second] = allocateArrivals({ ...input, carryOver: true });
    expect(first).toEqual({
      arrivals: 10,
      quota: [5, 3, 2],
      balanceBefore: [0, 0, 0],
      credited: [0, 6, 0],
      distributed: [3, 0, 1],
      received: [3, 6, 1],
      balanceAfter: [2, -3, 1],
    });
    expect(second!.received).toEqual([7, 0, 3]);
    expect(second!.balanceBefore).toEqual([2, -3, 1]);
    expect(second!.balanceAfter).toEqual([0, 0, 0]);
  });

  it('forgets last year’s balance without carry-over', () => {
    const [, second] = allocateArrivals({ ...input, carryOver: false });
    expect(second!.balanceBefore).toEqual([0, 0, 0]);
    expect(second!.received).toEqual([5, 3, 2]);
  });

  it('serves an opening balance first and spreads any rest by the key', () => {
    // Area 0 owes 4 from earlier years, area 1 is 4 ahead: needs [5+4, 5−4] = [9, 1].
    const [year] = allocateArrivals({ arrivalsPerYear: [10], weights: [1, 1], carryOver: true, openingBalance: [4, -4] });
    expect(year!.received).toEqual([9, 1]);
    expect(year!.balanceAfter).toEqual([0, 0]);
  });

  it('keeps totals exact for any arrivals, credits and balances', () => {
    const scenario = fc
      .integer({ min: 1, max: 8 })
      .chain((areaCount) =>
        fc.record({
          weights: fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: areaCount, maxLength: areaCount }),
          years: fc.array(
            fc.record({ arrivals: fc.integer({ min: 0, max: 500 }), credits: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: areaCount, maxLength: areaCount }) }),
            { minLength: 1, maxLength: 10 },
          ),
          openingBalance: fc.array(fc.integer({ min: -30, max: 30 }), { minLength: areaCount, maxLength: areaCount }),
          carryOver: fc.boolean(),
        }),
      );
    fc.assert(
      fc.property(scenario, ({ weights, years, openingBalance, carryOver }) => {
        // Credits may not exceed arrivals: make the arrivals the credits plus a random rest.
        const arrivalsPerYear = years.map((year) => year.arrivals + year.credits.reduce((sum, credit) => sum + credit, 0));
        const result = allocateArrivals({ arrivalsPerYear, weights, credits: years.map((year) => year.credits), carryOver, openingBalance });
        let expectedBalanceSum = carryOver ? openingBalance.reduce((sum, value) => sum + value, 0) : 0;
        result.forEach((year, yearIndex) => {
          expect(year.received.reduce((sum, value) => sum + value, 0)).toBe(arrivalsPerYear[yearIndex]);
          expect(year.quota.reduce((sum, value) => sum + value, 0)).toBe(arrivalsPerYear[yearIndex]);
          year.received.forEach((received, area) => {
            expect(received).toBeGreaterThanOrEqual(year.credited[area]!);
            expect(year.balanceAfter[area]).toBe(year.balanceBefore[area]! + year.quota[area]! - received);
          });
          if (!carryOver) expectedBalanceSum = 0;
          expect(year.balanceAfter.reduce((sum, value) => sum + value, 0)).toBe(expectedBalanceSum);
        });
      }),
    );
  });

  it('refuses more credits than arrivals', () => {
    expect(() => allocateArrivals({ arrivalsPerYear: [5], weights: [1, 1], credits: [[3, 3]], carryOver: true })).toThrow(/credited/);
  });
});
