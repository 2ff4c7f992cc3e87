/**
 * Finding where a polygon's edges cross, in near-linear time. Checking every edge against every other
 * (turf's `kinks`) takes 54 s for a polygon of 100 000 vertices; here edges are put into a uniform grid
 * over the polygon's extent and only edges sharing a grid cell are compared, so real boundaries (whose
 * edges are short and spread out) cost about one comparison per edge. Pure: coordinates in, a count out.
 */
import type { Position } from 'geojson';

/** Edges per polygon are fewer than 2^24 (16.7 million): the vertex budget of an import is 20 million in all. */
const EDGE_FACTOR = 2 ** 24;

interface Segment {
  ring: number;
  index: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const value = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return value > 0 ? 1 : value < 0 ? -1 : 0;
}

function onSegment(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);
}

/** True when the closed segments touch or cross (collinear overlaps included). */
function segmentsMeet(first: Segment, second: Segment): boolean {
  const o1 = orientation(first.ax, first.ay, first.bx, first.by, second.ax, second.ay);
  const o2 = orientation(first.ax, first.ay, first.bx, first.by, second.bx, second.by);
  const o3 = orientation(second.ax, second.ay, second.bx, second.by, first.ax, first.ay);
  const o4 = orientation(second.ax, second.ay, second.bx, second.by, first.bx, first.by);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(first.ax, first.ay, first.bx, first.by, second.ax, second.ay)) ||
    (o2 === 0 && onSegment(first.ax, first.ay, first.bx, first.by, second.bx, second.by)) ||
    (o3 === 0 && onSegment(second.ax, second.ay, second.bx, second.by, first.ax, first.ay)) ||
    (o4 === 0 && onSegment(second.ax, second.ay, second.bx, second.by, first.bx, first.by))
  );
}

/** Neighbouring edges of one ring share a vertex by construction; that is no crossing. */
function adjacent(first: Segment, second: Segment, ringLengths: number[]): boolean {
  if (first.ring !== second.ring) return false;
  const edges = ringLengths[first.ring]!;
  const difference = Math.abs(first.index - second.index);
  return difference <= 1 || difference === edges - 1;
}

/**
 * Counts pairs of non-neighbouring edges that touch or cross, over all rings of one polygon (a shell and
 * its holes), like turf's `kinks` but without its quadratic cost. Repeated points are ignored.
 * Stops counting at `limit` (a figure for the report, not an exact census of a shredded polygon).
 * @example countEdgeIntersections([[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]) // 1 (a bow-tie)
 */
export function countEdgeIntersections(rings: Position[][], limit = 10_000): number {
  const segments: Segment[] = [];
  const ringLengths: number[] = [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  rings.forEach((ring, ringIndex) => {
    let edges = 0;
    for (let index = 0; index + 1 < ring.length; index += 1) {
      const [ax, ay] = ring[index] as [number, number];
      const [bx, by] = ring[index + 1] as [number, number];
      if (ax === bx && ay === by) continue;
      segments.push({ ring: ringIndex, index: edges, ax, ay, bx, by });
      edges += 1;
      minX = Math.min(minX, ax, bx);
      minY = Math.min(minY, ay, by);
      maxX = Math.max(maxX, ax, bx);
      maxY = Math.max(maxY, ay, by);
    }
    ringLengths.push(edges);
  });
  if (segments.length < 4) return 0;
  // About one edge per cell; cells no smaller than the typical edge, so an edge spans few cells.
  let lengthSum = 0;
  for (const segment of segments) lengthSum += Math.max(Math.abs(segment.bx - segment.ax), Math.abs(segment.by - segment.ay));
  const width = Math.max(maxX - minX, Number.MIN_VALUE);
  const height = Math.max(maxY - minY, Number.MIN_VALUE);
  const side = Math.ceil(Math.sqrt(segments.length));
  const cellSize = Math.max(width / side, height / side, lengthSum / segments.length);
  const columns = Math.max(1, Math.ceil(width / cellSize) + 1);
  const maxCellsPerSegment = 4096;
  const firstColumns = new Int32Array(segments.length);
  const firstRows = new Int32Array(segments.length);
  const overflow: number[] = [];
  const isOverflow = new Uint8Array(segments.length);
  // (cell, edge) entries packed into one number each, cell × 2^24 + edge, and sorted: edges of a cell become
  // neighbours without a map of a million small arrays.
  let entries = new Float64Array(segments.length * 2);
  let entryCount = 0;
  segments.forEach((segment, segmentIndex) => {
    const firstColumn = Math.floor((Math.min(segment.ax, segment.bx) - minX) / cellSize);
    const lastColumn = Math.floor((Math.max(segment.ax, segment.bx) - minX) / cellSize);
    const firstRow = Math.floor((Math.min(segment.ay, segment.by) - minY) / cellSize);
    const lastRow = Math.floor((Math.max(segment.ay, segment.by) - minY) / cellSize);
    firstColumns[segmentIndex] = firstColumn;
    firstRows[segmentIndex] = firstRow;
    // A very long edge (a straight border across the whole polygon) is checked against all edges instead.
    if ((lastColumn - firstColumn + 1) * (lastRow - firstRow + 1) > maxCellsPerSegment) {
      overflow.push(segmentIndex);
      isOverflow[segmentIndex] = 1;
      return;
    }
    for (let column = firstColumn; column <= lastColumn; column += 1) {
      for (let row = firstRow; row <= lastRow; row += 1) {
        if (entryCount === entries.length) {
          const grown = new Float64Array(entries.length * 2);
          grown.set(entries);
          entries = grown;
        }
        entries[entryCount] = (row * columns + column) * EDGE_FACTOR + segmentIndex;
        entryCount += 1;
      }
    }
  });
  const sorted = entries.subarray(0, entryCount).sort();
  let count = 0;
  const test = (firstIndex: number, secondIndex: number): boolean => {
    if (firstIndex === secondIndex) return false;
    const first = segments[firstIndex]!;
    const second = segments[secondIndex]!;
    if (adjacent(first, second, ringLengths)) return false;
    // Quick rejection by bounding boxes before the orientation tests.
    if (Math.max(first.ax, first.bx) < Math.min(second.ax, second.bx) || Math.max(second.ax, second.bx) < Math.min(first.ax, first.bx)) return false;
    if (Math.max(first.ay, first.by) < Math.min(second.ay, second.by) || Math.max(second.ay, second.by) < Math.min(first.ay, first.by)) return false;
    if (!segmentsMeet(first, second)) return false;
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
    for (let other = 0; other < segments.length; other += 1) {
      if (isOverflow[other] === 1 && other <= long) continue;
      if (test(long, other)) return count;
    }
  }
  return count;
}
