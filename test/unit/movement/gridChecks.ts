// Checks of a geographic grid layout shared by the unit test (21 municipalities) and the integration test (51 Stadtteile).
import { expect } from 'vitest';
import type { GeoGrid, GridPoint } from '../../../shared/movement/geoGrid';

/** Checks every area has exactly one cell inside the grid and no two share one. */
export function expectOneCellEach(grid: GeoGrid, points: readonly GridPoint[]): void {
  expect(grid.cells.map((cell) => cell.key)).toEqual(points.map((point) => point.key));
  const taken = new Set(grid.cells.map((cell) => `${cell.column},${cell.row}`));
  expect(taken.size).toBe(points.length);
  for (const cell of grid.cells) {
    expect(cell.column).toBeGreaterThanOrEqual(0);
    expect(cell.column).toBeLessThan(grid.columns);
    expect(cell.row).toBeGreaterThanOrEqual(0);
    expect(cell.row).toBeLessThan(grid.rows);
  }
}

/** Share of clearly separated pairs (more than `fraction` of the extent apart) whose order the grid reverses. */
export function reversedShare(grid: GeoGrid, points: readonly GridPoint[], fraction: number): { columns: number; rows: number } {
  const cell = new Map(grid.cells.map((entry) => [entry.key, entry]));
  const width = Math.max(...points.map((p) => p.x)) - Math.min(...points.map((p) => p.x));
  const height = Math.max(...points.map((p) => p.y)) - Math.min(...points.map((p) => p.y));
  let pairsX = 0;
  let reversedX = 0;
  let pairsY = 0;
  let reversedY = 0;
  for (const a of points) {
    for (const b of points) {
      if (b.x - a.x > fraction * width) {
        pairsX += 1;
        if (cell.get(a.key)!.column > cell.get(b.key)!.column) reversedX += 1;
      }
      // North (larger y) is a smaller row.
      if (b.y - a.y > fraction * height) {
        pairsY += 1;
        if (cell.get(a.key)!.row < cell.get(b.key)!.row) reversedY += 1;
      }
    }
  }
  return { columns: reversedX / Math.max(1, pairsX), rows: reversedY / Math.max(1, pairsY) };
}

