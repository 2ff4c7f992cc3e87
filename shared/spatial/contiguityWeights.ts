/**
 * Contiguity weights from polygon geometry: two areas are neighbours when their boundaries touch.
 *
 * - queen: they share at least one boundary point (a corner is enough);
 * - rook: they share at least one boundary edge (two consecutive vertices of one ring that are also
 *   consecutive in a ring of the other area).
 *
 * Points count as shared when they lie within `toleranceDegrees` of each other in both longitude and
 * latitude (spdep `poly2nb`'s `snap` box test). The project stores boundaries as WGS84 doubles after a
 * reprojection, so a shared vertex of two neighbours is normally bitwise equal; the tolerance (default
 * 1e-7° ≈ 1 cm) also accepts last-digit differences from other tools' exports.
 *
 * Spatial index: every vertex goes into a grid cell of at least the tolerance's size (a hash of the cell
 * number); each vertex is compared only with the vertices of its own and the 8 surrounding cells, so the
 * work grows with the number of vertices, not with the square of the number of areas (VG250's 11 000
 * Gemeinden: a few hundred thousand vertices, well under a second).
 *
 * Matches spdep `poly2nb(queen = TRUE, snap = toleranceDegrees)` and PySAL `Queen`; rook matches PySAL
 * `Rook` (shared edge). spdep's rook criterion differs: "more than one shared boundary point", which also
 * links areas touching at two separate corners; such pairs are rare in administrative boundaries and are
 * listed by the golden script when they occur.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { weightsFromNeighbourLists, type SpatialWeights } from './spatialWeights';

export interface AreaGeometry {
  key: string;
  geometry: Polygon | MultiPolygon;
}

export type ContiguityRule = 'queen' | 'rook';

/** Default tolerance in degrees (≈ 1,1 cm north–south, ≈ 0,7 cm east–west in Germany). */
export const DEFAULT_CONTIGUITY_TOLERANCE_DEGREES = 1e-7;

interface VertexTable {
  x: Float64Array;
  y: Float64Array;
  /** Area index of each vertex. */
  owner: Int32Array;
  /** Next and previous vertex in the same ring (rings are closed cyclically). */
  next: Int32Array;
  previous: Int32Array;
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** All ring vertices of all areas, without the repeated closing point and without consecutive duplicates. */
function vertexTable(areas: readonly AreaGeometry[]): VertexTable {
  let total = 0;
  for (const area of areas) for (const polygon of polygonsOf(area.geometry)) for (const ring of polygon) total += ring.length;
  const x = new Float64Array(total);
  const y = new Float64Array(total);
  const owner = new Int32Array(total);
  const next = new Int32Array(total);
  const previous = new Int32Array(total);
  let count = 0;
  areas.forEach((area, areaIndex) => {
    for (const polygon of polygonsOf(area.geometry)) {
      for (const ring of polygon) {
        const start = count;
        for (const position of ring) {
          const px = position[0] as number;
          const py = position[1] as number;
          if (count > start && x[count - 1] === px && y[count - 1] === py) continue;
          x[count] = px;
          y[count] = py;
          owner[count] = areaIndex;
          count++;
        }
        // The closing point repeats the first.
        if (count - start > 1 && x[count - 1] === x[start] && y[count - 1] === y[start]) count--;
        for (let vertex = start; vertex < count; vertex++) {
          next[vertex] = vertex + 1 < count ? vertex + 1 : start;
          previous[vertex] = vertex > start ? vertex - 1 : count - 1;
        }
      }
    }
  });
  return { x: x.subarray(0, count), y: y.subarray(0, count), owner: owner.subarray(0, count), next: next.subarray(0, count), previous: previous.subarray(0, count) };
}

/**
 * Contiguity weights (binary) for the areas, in their order.
 * @example contiguityWeights(areas, 'queen').neighbourIndex
 */
export function contiguityWeights(areas: readonly AreaGeometry[], rule: ContiguityRule, toleranceDegrees = DEFAULT_CONTIGUITY_TOLERANCE_DEGREES): SpatialWeights {
  const keys = areas.map((area) => area.key);
  const pairs = touchingPairs(vertexTable(areas), areas.length, toleranceDegrees, rule === 'rook');
  const lists: number[][] = areas.map(() => []);
  for (const [first, second] of pairs) {
    (lists[first] as number[]).push(second);
    (lists[second] as number[]).push(first);
  }
  return weightsFromNeighbourLists(keys, lists, { type: rule });
}

/** Pairs [a, b] (a < b) of areas sharing a point (or, with `needEdge`, an edge) within the tolerance. */
function touchingPairs(table: VertexTable, areaCount: number, tolerance: number, needEdge: boolean): [number, number][] {
  const { x, y, owner } = table;
  const vertexCount = x.length;
  if (vertexCount === 0) return [];
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    minX = Math.min(minX, x[vertex] as number);
    maxX = Math.max(maxX, x[vertex] as number);
    minY = Math.min(minY, y[vertex] as number);
    maxY = Math.max(maxY, y[vertex] as number);
  }
  // Cells at least as large as the tolerance, and few enough that a cell number stays an exact integer.
  const cellSize = Math.max(tolerance, (maxX - minX) / 2 ** 26, (maxY - minY) / 2 ** 26, Number.MIN_VALUE);
  const rows = Math.floor((maxY - minY) / cellSize) + 3;
  const cellOf = new Float64Array(vertexCount);
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const column = Math.floor(((x[vertex] as number) - minX) / cellSize) + 1;
    const row = Math.floor(((y[vertex] as number) - minY) / cellSize) + 1;
    cellOf[vertex] = column * rows + row;
  }
  const order = new Uint32Array(vertexCount);
  for (let vertex = 0; vertex < vertexCount; vertex++) order[vertex] = vertex;
  order.sort((a, b) => (cellOf[a] as number) - (cellOf[b] as number));
  // First position in `order` of each occupied cell; the cell ends where the next cell starts.
  const cellStart = new Map<number, number>();
  for (let position = 0; position < vertexCount; position++) {
    const cell = cellOf[order[position] as number] as number;
    if (position === 0 || cell !== cellOf[order[position - 1] as number]) cellStart.set(cell, position);
  }
  const cellOffsets = [-rows - 1, -rows, -rows + 1, -1, 0, 1, rows - 1, rows, rows + 1];
  const pairKeys = new Set<number>();
  // For the rook rule: every matched vertex pair, per area pair.
  const matches = new Map<number, number[]>();
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const area = owner[vertex] as number;
    const cell = cellOf[vertex] as number;
    const vx = x[vertex] as number;
    const vy = y[vertex] as number;
    for (const offset of cellOffsets) {
      let position = cellStart.get(cell + offset);
      if (position === undefined) continue;
      const neighbourCell = cell + offset;
      for (; position < vertexCount; position++) {
        const other = order[position] as number;
        if (cellOf[other] !== neighbourCell) break;
        const otherArea = owner[other] as number;
        if (otherArea <= area) continue;
        if (Math.abs((x[other] as number) - vx) > tolerance || Math.abs((y[other] as number) - vy) > tolerance) continue;
        const pairKey = area * areaCount + otherArea;
        if (!needEdge) {
          pairKeys.add(pairKey);
          continue;
        }
        const list = matches.get(pairKey);
        if (list) list.push(vertex, other);
        else matches.set(pairKey, [vertex, other]);
      }
    }
  }
  if (needEdge) {
    for (const [pairKey, list] of matches) if (sharesEdge(table, list)) pairKeys.add(pairKey);
  }
  return [...pairKeys].sort((a, b) => a - b).map((pairKey) => [Math.floor(pairKey / areaCount), pairKey % areaCount]);
}

/**
 * True when two matched vertex pairs form a common edge: (a, b) and (next(a), next(b) or previous(b)).
 * `list` holds matched pairs flat: a0, b0, a1, b1, …
 */
function sharesEdge(table: VertexTable, list: readonly number[]): boolean {
  if (list.length < 4) return false;
  const matched = new Set<string>();
  for (let index = 0; index < list.length; index += 2) matched.add(`${list[index]},${list[index + 1]}`);
  for (let index = 0; index < list.length; index += 2) {
    const first = list[index] as number;
    const second = list[index + 1] as number;
    const firstNext = table.next[first] as number;
    if (firstNext === first) continue;
    if (matched.has(`${firstNext},${table.next[second]}`) || matched.has(`${firstNext},${table.previous[second]}`)) return true;
  }
  return false;
}
