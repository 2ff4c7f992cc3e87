/**
 * The profiles' secondary protection numbers its half a million cells (11 000 areas) instead of naming
 * them; ties between equal cells must still go as the names "chart|row|cell" sort, so that every view and
 * every earlier export withhold the same cells.
 */
import { describe, expect, it } from 'vitest';
import { protectProfiles } from '../../../shared/profiles/profileProtection';
import type { RawCounts } from '../../../shared/profiles/rawCounts';

function counts(status: number[], refugees = [500, 500]): RawCounts {
  return {
    population: new Float64Array([1000, 1000]),
    refugees: new Float64Array(refugees),
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

  it('the statuses that add up to the refugees have one total: withheld in the status chart, it is withheld in the pyramid too', () => {
    // Found by a random search: area 3's status total (4) was withheld to protect its statuses 2 and 2,
    // while its refugee total (4, the same number) stayed in the pyramid and gave it back.
    const table = [
      [[2, 19, 12, 23], [7, 13, 36]],
      [[13, 26, 3, 18], [55, 1, 4]],
      [[0, 25, 2, 0], [0, 26, 1]],
      [[1, 2, 1, 0], [0, 2, 2]],
      [[2, 3, 0, 3], [3, 1, 4]],
    ];
    const perArea = table.map(([refugees, status]) => counts(status!, refugees!));
    const columnSums = (get: (area: RawCounts) => Float64Array) => [...get(perArea[0]!).keys()].map((cell) => perArea.reduce((sum, area) => sum + (get(area)[cell] as number), 0));
    const region = counts(columnSums((area) => area.refugeesByStatus), columnSums((area) => area.refugees));
    const result = protectProfiles(perArea, region, 3);
    for (const row of [...result.areas, result.region]) expect(row.withheld('status', 'total')).toBe(row.withheld('refugees', 'total'));
    expect(result.areas[3]!.withheld('status', 'total')).toBe(true);
  });
});
