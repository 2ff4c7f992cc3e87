/**
 * Small multiples laid out roughly like the map ("Anordnung: wie die Karte"): every area's panel goes to
 * one cell of a grid so that panels lie about where their areas lie — west left, north up.
 *
 * The grid has somewhat more cells than areas (so the shape of the region can show) in the aspect of the
 * region's extent (longitude scaled by cos latitude). Areas are assigned to cells by an optimal assignment
 * (Hungarian method) minimising the sum of squared distances between each area's centroid, scaled to the
 * grid, and its cell's centre: no two areas share a cell, and the result is deterministic (ties broken by
 * input order). Empty rows and columns at the edges and in between are removed afterwards.
 */

export interface GridPoint {
  key: string;
  /** Longitude (or any x growing eastwards). */
  x: number;
  /** Latitude (or any y growing northwards). */
  y: number;
}

export interface GridCell {
  key: string;
  column: number;
  row: number;
}

export interface GeoGrid {
  columns: number;
  rows: number;
  /** One cell per area, in input order. */
  cells: GridCell[];
}

/** Cells per area: room for the region's outline without spreading the panels too thin. */
const SPARE = 1.5;

/**
 * The grid's size for `count` areas in an extent of `width` × `height` (same units).
 * @example gridSize(21, 1, 1) // { columns: 6, rows: 6 }
 */
export function gridSize(count: number, width: number, height: number): { columns: number; rows: number } {
  if (count <= 1) return { columns: 1, rows: 1 };
  const aspect = width > 0 && height > 0 ? Math.min(4, Math.max(0.25, width / height)) : 1;
  const cells = count * SPARE;
  let columns = Math.max(1, Math.round(Math.sqrt(cells * aspect)));
  let rows = Math.max(1, Math.ceil(cells / columns));
  while (columns * rows < count) rows += 1;
  // Never a single row or column for several areas when both directions have extent.
  if (rows === 1 && count > 2 && height > 0) rows = 2;
  if (columns === 1 && count > 2 && width > 0) columns = 2;
  return { columns, rows };
}

/**
 * Minimum-cost assignment of n rows to m ≥ n columns (Hungarian method with potentials, O(n² m)).
 * Returns for each row its column. Deterministic: ties go to the lowest index.
 */
export function assignMinimumCost(cost: readonly (readonly number[])[]): number[] {
  const n = cost.length;
  const m = cost[0]?.length ?? 0;
  if (n === 0) return [];
  if (m < n) throw new Error(`assignMinimumCost: ${n} rows but only ${m} columns`);
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const match = new Array<number>(m + 1).fill(0); // column → row (1-based), 0 = free
  const way = new Array<number>(m + 1).fill(0);
  for (let row = 1; row <= n; row += 1) {
    match[0] = row;
    let column0 = 0;
    const minimum = new Array<number>(m + 1).fill(Infinity);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[column0] = true;
      const row0 = match[column0] as number;
      let delta = Infinity;
      let column1 = 0;
      for (let column = 1; column <= m; column += 1) {
        if (used[column]) continue;
        const reduced = (cost[row0 - 1]?.[column - 1] as number) - (u[row0] as number) - (v[column] as number);
        if (reduced < (minimum[column] as number)) {
          minimum[column] = reduced;
          way[column] = column0;
        }
        if ((minimum[column] as number) < delta) {
          delta = minimum[column] as number;
          column1 = column;
        }
      }
      for (let column = 0; column <= m; column += 1) {
        if (used[column]) {
          u[match[column] as number] = (u[match[column] as number] as number) + delta;
          v[column] = (v[column] as number) - delta;
        } else {
          minimum[column] = (minimum[column] as number) - delta;
        }
      }
      column0 = column1;
    } while (match[column0] !== 0);
    do {
      const column1 = way[column0] as number;
      match[column0] = match[column1] as number;
      column0 = column1;
    } while (column0 !== 0);
  }
  const result = new Array<number>(n).fill(-1);
  for (let column = 1; column <= m; column += 1) if ((match[column] as number) > 0) result[(match[column] as number) - 1] = column - 1;
  return result;
}

/**
 * Grid cells for areas at their centroids, roughly where they lie on the map.
 * @example geographicGrid([{ key: 'w', x: 9.5, y: 52.4 }, { key: 'e', x: 10, y: 52.4 }]).cells // w in a column left of e
 */
export function geographicGrid(points: readonly GridPoint[]): GeoGrid {
  if (points.length === 0) return { columns: 0, rows: 0, cells: [] };
  const meanLatitude = points.reduce((sum, point) => sum + point.y, 0) / points.length;
  // Degrees of longitude shrink with latitude: scale x so distances are about true on the ground.
  const xScale = Math.abs(meanLatitude) <= 90 ? Math.cos((meanLatitude * Math.PI) / 180) : 1;
  const xs = points.map((point) => point.x * xScale);
  const ys = points.map((point) => point.y);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const { columns, rows } = gridSize(points.length, maxX - minX, maxY - minY);
  // Centroids scaled into the grid's cell-centre coordinates (column 0 west, row 0 north).
  const scaled = points.map((_, index) => ({
    column: maxX > minX ? (((xs[index] as number) - minX) / (maxX - minX)) * (columns - 1) : (columns - 1) / 2,
    row: maxY > minY ? ((maxY - (ys[index] as number)) / (maxY - minY)) * (rows - 1) : (rows - 1) / 2,
  }));
  const cost = scaled.map((point) => {
    const row: number[] = [];
    for (let cellRow = 0; cellRow < rows; cellRow += 1) {
      for (let cellColumn = 0; cellColumn < columns; cellColumn += 1) row.push((point.column - cellColumn) ** 2 + (point.row - cellRow) ** 2);
    }
    return row;
  });
  const assigned = assignMinimumCost(cost);
  const raw = assigned.map((cell, index) => ({ key: (points[index] as GridPoint).key, column: cell % columns, row: Math.floor(cell / columns) }));
  // Drop empty columns and rows, keeping the order of the others.
  const usedColumns = [...new Set(raw.map((cell) => cell.column))].sort((a, b) => a - b);
  const usedRows = [...new Set(raw.map((cell) => cell.row))].sort((a, b) => a - b);
  return {
    columns: usedColumns.length,
    rows: usedRows.length,
    cells: raw.map((cell) => ({ key: cell.key, column: usedColumns.indexOf(cell.column), row: usedRows.indexOf(cell.row) })),
  };
}
