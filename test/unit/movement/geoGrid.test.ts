// "Anordnung: wie die Karte": the 21 municipalities' panels placed where they lie, one cell each, west
// left and north up; the assignment behind it is optimal (checked against brute force).
import { describe, expect, it } from 'vitest';
import { createDemoMunicipalities } from '../../../shared/demo/demoBoundaries';
import { assignMinimumCost, geographicGrid, gridSize, type GridPoint } from '../../../shared/movement/geoGrid';
import { expectOneCellEach, reversedShare } from './gridChecks';
import { areaCentroid } from '../../../shared/spatial/areaCentroid';

const municipalities = createDemoMunicipalities();
const points: GridPoint[] = municipalities.map((area) => {
  const [x, y] = areaCentroid(area.geometry);
  return { key: area.key, x, y };
});
const keyOf = (name: string) => municipalities.find((area) => area.name.startsWith(name))!.key;

describe('geographicGrid on the 21 municipalities of Region Hannover', () => {
  const grid = geographicGrid(points);
  const at = (name: string) => grid.cells.find((cell) => cell.key === keyOf(name))!;

  it('gives every area exactly one cell, none shared', () => {
    expectOneCellEach(grid, points);
    expect(grid.columns * grid.rows).toBeLessThan(21 * 2);
  });

  it('keeps Hannover among its neighbours: Langenhagen north, Laatzen and Hemmingen south, Garbsen and Seelze west, Lehrte east', () => {
    const hannover = at('Hannover');
    expect(at('Langenhagen').row).toBeLessThan(hannover.row);
    expect(at('Laatzen').row).toBeGreaterThan(hannover.row);
    expect(at('Hemmingen').row).toBeGreaterThan(hannover.row);
    expect(at('Garbsen').column).toBeLessThan(hannover.column);
    expect(at('Seelze').column).toBeLessThan(hannover.column);
    expect(at('Lehrte').column).toBeGreaterThan(hannover.column);
    // Neustadt am Rübenberge is the north-west corner, Springe lies in the south-west, Uetze in the east.
    expect(at('Neustadt').row).toBe(0);
    expect(at('Springe').row).toBe(grid.rows - 1);
    expect(at('Uetze').column).toBe(grid.columns - 1);
  });

  it('never reverses the west–east or north–south order of clearly separated areas', () => {
    expect(reversedShare(grid, points, 0.2)).toEqual({ columns: 0, rows: 0 });
    const close = reversedShare(grid, points, 0.05);
    expect(close.columns).toBeLessThan(0.05);
    expect(close.rows).toBeLessThan(0.05);
  });

  it('is deterministic', () => {
    expect(geographicGrid(points)).toEqual(grid);
  });
});

describe('assignMinimumCost', () => {
  function bruteForce(cost: number[][]): number {
    const n = cost.length;
    const m = cost[0]!.length;
    let best = Infinity;
    const used = new Array<boolean>(m).fill(false);
    const walk = (row: number, total: number) => {
      if (row === n) {
        best = Math.min(best, total);
        return;
      }
      for (let column = 0; column < m; column += 1) {
        if (used[column]) continue;
        used[column] = true;
        walk(row + 1, total + cost[row]![column]!);
        used[column] = false;
      }
    };
    walk(0, 0);
    return best;
  }

  it('finds the cheapest assignment (against brute force on random matrices), one column per row', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let trial = 0; trial < 40; trial += 1) {
      const n = 1 + Math.floor(random() * 5);
      const m = n + Math.floor(random() * 3);
      const cost = Array.from({ length: n }, () => Array.from({ length: m }, () => Math.round(random() * 20)));
      const assignment = assignMinimumCost(cost);
      expect(new Set(assignment).size).toBe(n);
      expect(assignment.reduce((total, column, row) => total + cost[row]![column]!, 0)).toBe(bruteForce(cost));
    }
  });
});

describe('gridSize', () => {
  it('has room for every area and follows the extent', () => {
    for (const count of [1, 2, 5, 21, 51]) {
      const size = gridSize(count, 2, 1);
      expect(size.columns * size.rows).toBeGreaterThanOrEqual(count);
    }
    expect(gridSize(21, 2, 1).columns).toBeGreaterThan(gridSize(21, 2, 1).rows);
  });
});
