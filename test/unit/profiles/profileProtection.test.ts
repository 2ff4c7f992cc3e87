/**
 * The profiles' secondary protection numbers its half a million cells (11 000 areas) instead of naming
 * them; ties between equal cells must still go as the names "chart|row|cell" sort, so that every view and
 * every earlier export withhold the same cells.
 */
import { describe, expect, it } from 'vitest';
import { protectProfiles } from '../../../shared/profiles/profileProtection';
import type { RawCounts } from '../../../shared/profiles/rawCounts';

function counts(status: number[]): RawCounts {
  return {
    population: new Float64Array([1000, 1000]),
    refugees: new Float64Array([500, 500]),
    refugeesByStatus: new Float64Array(status),
    foreignByNationality: new Float64Array([400, 400]),
    hasPopulation: true,
    hasRefugees: true,
    hasForeign: true,
    sourceIds: new Set(),
    synthetic: false,
  };
}

describe('protectProfiles', () => {
  it('a tie between equal cells of two rows goes to the row whose name sorts first ("10|" before "1|")', () => {
    // Row 0 has a small count (2) in its first status; the column's smallest further cells are rows 1 and 10 (10 each).
    const perArea = Array.from({ length: 12 }, (_, row) => counts(row === 0 ? [2, 60] : row === 1 || row === 10 ? [10, 60] : [20, 60]));
    const region = counts([0, 1].map((cell) => perArea.reduce((sum, area) => sum + (area.refugeesByStatus[cell] as number), 0)));
    const result = protectProfiles(perArea, region, 3);
    const withheld = result.areas.flatMap((area, row) => ([0, 1, 'total'] as const).filter((cell) => area.withheld('status', cell)).map((cell) => `${row}/${cell}`));
    expect(withheld).toEqual(['0/0', '0/1', '10/0', '10/1']);
    expect(result.areas[10]!.complementary('status', 0)).toBe(true);
    expect(result.areas[1]!.withheld('status', 0)).toBe(false);
  });
});
