import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSmallCount, protectSums, sumRevealsWithheld, type SumConstraint } from '../../../shared/indicators/smallCounts';

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

describe('protectSums', () => {
  it('withholds the smallest further part of a sum that would settle a small count, and the total only where no part is left', () => {
    const values = new Map([['a', 40], ['b', 2], ['c', 9], ['t', 51]]);
    const cells = protectSums(values, [{ total: 't', parts: ['a', 'b', 'c'] }], 3);
    expect([...cells.small]).toEqual(['b']);
    expect([...cells.complementary]).toEqual(['c']);
    // A part the caller keeps (shown elsewhere) is never chosen; then the total goes.
    const kept = protectSums(values, [{ total: 't', parts: ['a', 'b', 'c'] }], 3, (id) => id !== 'b');
    expect([...kept.complementary]).toEqual(['t']);
  });

  it('leaves no published sum of a random table settling its withheld cells', () => {
    // Rows r0…r3 with a total each, columns with the region's cell each, and the region's total.
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 4 }), fc.integer({ min: 2, max: 5 }), (table, threshold) => {
        const values = new Map<string, number>();
        const constraints: SumConstraint[] = [];
        const rows = table.map((_, row) => `r${row}`);
        table.forEach((cells, row) => {
          cells.forEach((value, column) => values.set(`r${row}c${column}`, value));
          values.set(`r${row}t`, cells.reduce((sum, value) => sum + value, 0));
          constraints.push({ total: `r${row}t`, parts: cells.map((_, column) => `r${row}c${column}`) });
        });
        for (const column of ['c0', 'c1', 'c2', 't']) {
          values.set(`R${column}`, rows.reduce((sum, row) => sum + (values.get(`${row}${column}`) ?? 0), 0));
          constraints.push({ total: `R${column}`, parts: rows.map((row) => `${row}${column}`) });
        }
        constraints.push({ total: 'Rt', parts: ['Rc0', 'Rc1', 'Rc2'] });
        const cells = protectSums(values, constraints, threshold, (id) => id.endsWith('t'));
        // Numbered in the texts' order (as the profiles number their half a million cells), the same cells go.
        const rank = new Map([...values.keys()].sort().map((id, index) => [id, index]));
        const numbered = protectSums(
          new Map([...values].map(([id, value]) => [rank.get(id) as number, value])),
          constraints.map((constraint) => ({ total: rank.get(constraint.total) as number, parts: constraint.parts.map((id) => rank.get(id) as number) })),
          threshold,
          (id) => [...rank].some(([text, index]) => index === id && text.endsWith('t')),
        );
        expect([...numbered.complementary].sort((a, b) => a - b)).toEqual([...cells.complementary].map((id) => rank.get(id) as number).sort((a, b) => a - b));
        const withheld = new Set([...cells.small, ...cells.complementary]);
        for (const value of values.keys()) if (isSmallCount(values.get(value) ?? 0, threshold)) expect(withheld.has(value)).toBe(true);
        for (const constraint of constraints) {
          const hidden = [constraint.total, ...constraint.parts].filter((id) => withheld.has(id));
          if (hidden.length === 0) continue;
          // Either nothing is settled, or the sum has nothing left to withhold (every cell already is).
          const settled = hidden.length === 1 || (!withheld.has(constraint.total) && sumRevealsWithheld(hidden.map((id) => values.get(id) ?? 0), threshold));
          const room = [constraint.total, ...constraint.parts].some((id) => !withheld.has(id) && (values.get(id) ?? 0) > 0);
          expect(settled && room).toBe(false);
        }
      }),
    );
  });
});
