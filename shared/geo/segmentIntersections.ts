/**
 * Finding where a polygon's edges cross, in near-linear time. Checking every edge against every other
 * (turf's `kinks`) takes 54 s for a polygon of 100 000 vertices; here edges are put into a uniform grid
 * over the polygon's extent and only edges sharing a grid cell are compared, so real boundaries (whose
 * edges are short and spread out) cost about one comparison per edge. Pure: coordinates in, a count out.
 */
import type { Position } from 'geojson';

/** Edges per polygon are fewer than 2^24 (16.7 million): the vertex budget of an import is 20 million in all. */
const EDGE_FACTOR = 2 ** 24;

/**
 * Below this many edges every pair is compared directly: for the small polygons that make up most of a
 * municipal layer (VG250: 17 vertices on average) that is cheaper than building a grid.
 */
export const PAIRWISE_MAX_EDGES = 48;

function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const value = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return value > 0 ? 1 : value < 0 ? -1 : 0;
}

function onSegment(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);
}

/**
 * The edges of a polygon in flat typed arrays (no object per edge: a Germany-wide layer has 190 000 of
 * them): edge e runs from (coordinates[4e], coordinates[4e+1]) to (coordinates[4e+2], coordinates[4e+3]).
 */
interface Edges {
  count: number;
  coordinates: Float64Array;
  ring: Int32Array;
  /** Position of the edge within its ring, repeated points skipped. */
  index: Int32Array;
  /** Edges per ring. */
  ringLengths: number[];
}

/** True when the closed edges touch or cross (collinear overlaps included). */
function edgesMeet(edges: Edges, first: number, second: number): boolean {
  const c = edges.coordinates;
  const ax = c[first * 4]!;
  const ay = c[first * 4 + 1]!;
  const bx = c[first * 4 + 2]!;
  const by = c[first * 4 + 3]!;
  const cx = c[second * 4]!;
  const cy = c[second * 4 + 1]!;
  const dx = c[second * 4 + 2]!;
  const dy = c[second * 4 + 3]!;
  // Quick rejection by bounding boxes before the orientation tests.
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) return false;
  if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return false;
  const o1 = orientation(ax, ay, bx, by, cx, cy);
  const o2 = orientation(ax, ay, bx, by, dx, dy);
  const o3 = orientation(cx, cy, dx, dy, ax, ay);
  const o4 = orientation(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(ax, ay, bx, by, cx, cy)) ||
    (o2 === 0 && onSegment(ax, ay, bx, by, dx, dy)) ||
    (o3 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) ||
    (o4 === 0 && onSegment(cx, cy, dx, dy, bx, by))
  );
}

/** Neighbouring edges of one ring share a vertex by construction; that is no crossing. */
function adjacent(edges: Edges, first: number, second: number): boolean {
  const ring = edges.ring[first]!;
  if (ring !== edges.ring[second]) return false;
  const difference = Math.abs(edges.index[first]! - edges.index[second]!);
  return difference <= 1 || difference === edges.ringLengths[ring]! - 1;
}

// One set of buffers for all calls, grown when a polygon needs more: validating a Germany-wide layer calls this
// 11 000 times, and three fresh typed arrays per call cost more than the test of a small polygon itself.
let scratch = { coordinates: new Float64Array(1024 * 4), ring: new Int32Array(1024), index: new Int32Array(1024) };

/** The edges of `rings`, in the shared buffers: valid until the next call. */
function edgesOf(rings: Position[][]): Edges {
  let capacity = 0;
  for (const ring of rings) capacity += Math.max(0, ring.length - 1);
  if (capacity > scratch.ring.length) {
    const size = Math.max(capacity, scratch.ring.length * 2);
    scratch = { coordinates: new Float64Array(size * 4), ring: new Int32Array(size), index: new Int32Array(size) };
  }
  const edges: Edges = { count: 0, coordinates: scratch.coordinates, ring: scratch.ring, index: scratch.index, ringLengths: [] };
  for (let ringIndex = 0; ringIndex < rings.length; ringIndex += 1) {
    const ring = rings[ringIndex]!;
    let inRing = 0;
    for (let index = 0; index + 1 < ring.length; index += 1) {
      const ax = ring[index]![0]!;
      const ay = ring[index]![1]!;
      const bx = ring[index + 1]![0]!;
      const by = ring[index + 1]![1]!;
      if (ax === bx && ay === by) continue;
      const edge = edges.count;
      edges.coordinates[edge * 4] = ax;
      edges.coordinates[edge * 4 + 1] = ay;
      edges.coordinates[edge * 4 + 2] = bx;
      edges.coordinates[edge * 4 + 3] = by;
      edges.ring[edge] = ringIndex;
      edges.index[edge] = inRing;
      edges.count += 1;
      inRing += 1;
    }
    edges.ringLengths.push(inRing);
  }
  return edges;
}

function countPairwise(edges: Edges, limit: number): number {
  let count = 0;
  for (let first = 0; first < edges.count; first += 1) {
    for (let second = first + 1; second < edges.count; second += 1) {
      if (adjacent(edges, first, second) || !edgesMeet(edges, first, second)) continue;
      count += 1;
      if (count >= limit) return count;
    }
  }
  return count;
}

/**
 * Counts pairs of non-neighbouring edges that touch or cross, over all rings of one polygon (a shell and
 * its holes), like turf's `kinks` but without its quadratic cost. Repeated points are ignored.
 * Stops counting at `limit` (a figure for the report, not an exact census of a shredded polygon).
 * @example countEdgeIntersections([[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]) // 1 (a bow-tie)
 */
export function countEdgeIntersections(rings: Position[][], limit = 10_000): number {
  const edges = edgesOf(rings);
  if (edges.count < 4) return 0;
  if (edges.count <= PAIRWISE_MAX_EDGES) return countPairwise(edges, limit);
  const c = edges.coordinates;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  // About one edge per cell; cells no smaller than the typical edge, so an edge spans few cells.
  let lengthSum = 0;
  for (let edge = 0; edge < edges.count; edge += 1) {
    const ax = c[edge * 4]!;
    const ay = c[edge * 4 + 1]!;
    const bx = c[edge * 4 + 2]!;
    const by = c[edge * 4 + 3]!;
    minX = Math.min(minX, ax, bx);
    minY = Math.min(minY, ay, by);
    maxX = Math.max(maxX, ax, bx);
    maxY = Math.max(maxY, ay, by);
    lengthSum += Math.max(Math.abs(bx - ax), Math.abs(by - ay));
  }
  const width = Math.max(maxX - minX, Number.MIN_VALUE);
  const height = Math.max(maxY - minY, Number.MIN_VALUE);
  const side = Math.ceil(Math.sqrt(edges.count));
  const cellSize = Math.max(width / side, height / side, lengthSum / edges.count);
  const columns = Math.max(1, Math.ceil(width / cellSize) + 1);
  const maxCellsPerSegment = 4096;
  const firstColumns = new Int32Array(edges.count);
  const firstRows = new Int32Array(edges.count);
  const overflow: number[] = [];
  const isOverflow = new Uint8Array(edges.count);
  // (cell, edge) entries packed into one number each, cell × 2^24 + edge, and sorted: edges of a cell become
  // neighbours without a map of a million small arrays.
  let entries = new Float64Array(edges.count * 2);
  let entryCount = 0;
  for (let edge = 0; edge < edges.count; edge += 1) {
    const firstColumn = Math.floor((Math.min(c[edge * 4]!, c[edge * 4 + 2]!) - minX) / cellSize);
    const lastColumn = Math.floor((Math.max(c[edge * 4]!, c[edge * 4 + 2]!) - minX) / cellSize);
    const firstRow = Math.floor((Math.min(c[edge * 4 + 1]!, c[edge * 4 + 3]!) - minY) / cellSize);
    const lastRow = Math.floor((Math.max(c[edge * 4 + 1]!, c[edge * 4 + 3]!) - minY) / cellSize);
    firstColumns[edge] = firstColumn;
    firstRows[edge] = firstRow;
    // A very long edge (a straight border across the whole polygon) is checked against all edges instead.
    if ((lastColumn - firstColumn + 1) * (lastRow - firstRow + 1) > maxCellsPerSegment) {
      overflow.push(edge);
      isOverflow[edge] = 1;
      continue;
    }
    for (let column = firstColumn; column <= lastColumn; column += 1) {
      for (let row = firstRow; row <= lastRow; row += 1) {
        if (entryCount === entries.length) {
          const grown = new Float64Array(entries.length * 2);
          grown.set(entries);
          entries = grown;
        }
        entries[entryCount] = (row * columns + column) * EDGE_FACTOR + edge;
        entryCount += 1;
      }
    }
  }
  const sorted = entries.subarray(0, entryCount).sort();
  let count = 0;
  const test = (first: number, second: number): boolean => {
    if (first === second || adjacent(edges, first, second) || !edgesMeet(edges, first, second)) return false;
    count += 1;
    return count >= limit;
  };
  for (let start = 0; start < sorted.length; ) {
    const key = Math.floor(sorted[start]! / EDGE_FACTOR);
    let end = start + 1;
    while (end < sorted.length && Math.floor(sorted[end]! / EDGE_FACTOR) === key) end += 1;
    const column = key % columns;
    const row = (key - column) / columns;
    for (let first = start; first < end; first += 1) {
      const a = sorted[first]! - key * EDGE_FACTOR;
      for (let second = first + 1; second < end; second += 1) {
        const b = sorted[second]! - key * EDGE_FACTOR;
        // Two edges may share several cells: the pair is judged only in the first cell they share.
        if (Math.max(firstColumns[a]!, firstColumns[b]!) !== column || Math.max(firstRows[a]!, firstRows[b]!) !== row) continue;
        if (test(a, b)) return count;
      }
    }
    start = end;
  }
  // Overflow edges are few (long straight borders): each is checked against every edge (another overflow edge once).
  for (const long of overflow) {
    for (let other = 0; other < edges.count; other += 1) {
      if (isOverflow[other] === 1 && other <= long) continue;
      if (test(long, other)) return count;
    }
  }
  return count;
}
