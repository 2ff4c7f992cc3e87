/**
 * Topology-preserving simplification of a set of polygons that share borders (municipalities, Länder),
 * the way mapshaper and TopoJSON do it: the rings are cut into arcs at the points where the set of
 * neighbours changes (junctions), every arc is stored once, simplified once (Douglas–Peucker, ends kept)
 * and put back into every ring that uses it. A border shared by two polygons therefore stays shared
 * vertex for vertex: no gaps, no slivers. Simplifying each polygon on its own (e.g. turf's `simplify`)
 * moves the two copies of a border differently and opens gaps.
 *
 * Where a simplified arc would cross another arc (or itself), collapse a ring, or move past another ring
 * without crossing it (swallow an island), the dropped vertex farthest from the offending segment comes
 * back, until nothing is left to fix; so every output ring is simple and keeps its islands where the input did.
 * The output uses only input positions (a subset, in input order), never new ones, so it keeps the input's
 * precision and CRS.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Planar coordinates in metres (or any unit the tolerance is given in). */
export type PlanarPosition = readonly [number, number];

export interface SimplifySharedBordersOptions {
  /** Largest distance a removed vertex may lie from the simplified border, in the unit of `toPlanar` (e.g. 60 m). */
  tolerance: number;
  /** Maps an input position to planar coordinates for measuring distances (e.g. WGS84 → UTM 32N). Default: as is. */
  toPlanar?: (position: Position) => PlanarPosition;
}

interface ArcUse {
  arc: number;
  reversed: boolean;
}

interface RingReference {
  geometry: number;
  polygon: number;
  ring: number;
  arcs: ArcUse[];
}

const keyOf = (position: Position): string => `${position[0]},${position[1]}`;

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** The ring without its closing position and without repeated consecutive positions. */
function openRing(ring: Position[]): Position[] {
  const open: Position[] = [];
  for (const position of ring) {
    const last = open[open.length - 1];
    if (!last || last[0] !== position[0] || last[1] !== position[1]) open.push(position);
  }
  const first = open[0];
  const last = open[open.length - 1];
  if (open.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) open.pop();
  return open;
}

/** Positions where the neighbours differ between the rings that use them: the ends of shared borders. */
function findJunctions(rings: Position[][]): Set<string> {
  const neighbours = new Map<string, string>();
  const junctions = new Set<string>();
  for (const ring of rings) {
    ring.forEach((position, index) => {
      const key = keyOf(position);
      const previous = keyOf(ring[(index - 1 + ring.length) % ring.length]!);
      const next = keyOf(ring[(index + 1) % ring.length]!);
      const pair = previous < next ? `${previous}|${next}` : `${next}|${previous}`;
      const seen = neighbours.get(key);
      if (seen === undefined) neighbours.set(key, pair);
      else if (seen !== pair) junctions.add(key);
    });
  }
  return junctions;
}

/** Squared distance from p to the segment a–b. */
function squaredSegmentDistance(p: PlanarPosition, a: PlanarPosition, b: PlanarPosition): number {
  let [x, y] = a;
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) [x, y] = b;
    else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = p[0] - x;
  dy = p[1] - y;
  return dx * dx + dy * dy;
}

/** Indexes of the vertices Douglas–Peucker keeps (always the first and the last). */
function douglasPeucker(points: readonly PlanarPosition[], tolerance: number): number[] {
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const squaredTolerance = tolerance * tolerance;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let farthestDistance = squaredTolerance;
    for (let index = first + 1; index < last; index++) {
      const distance = squaredSegmentDistance(points[index]!, points[first]!, points[last]!);
      if (distance > farthestDistance) {
        farthest = index;
        farthestDistance = distance;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  const kept: number[] = [];
  keep.forEach((flag, index) => {
    if (flag) kept.push(index);
  });
  return kept;
}

function orientation(a: PlanarPosition, b: PlanarPosition, c: PlanarPosition): number {
  const value = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return value > 0 ? 1 : value < 0 ? -1 : 0;
}

function onSegment(a: PlanarPosition, b: PlanarPosition, p: PlanarPosition): boolean {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

const samePoint = (a: PlanarPosition, b: PlanarPosition): boolean => a[0] === b[0] && a[1] === b[1];

/**
 * True when segments a–b and c–d meet anywhere other than at one shared end point (where consecutive
 * segments of a line, or arcs at a junction, legitimately touch).
 */
function segmentsConflict(a: PlanarPosition, b: PlanarPosition, c: PlanarPosition, d: PlanarPosition): boolean {
  const sharedEnds = [samePoint(a, c), samePoint(a, d), samePoint(b, c), samePoint(b, d)].filter(Boolean).length;
  if (sharedEnds >= 2) return true; // the same segment twice: a collapsed ring or a doubled border
  if (sharedEnds === 1) {
    // Touching at the shared end is fine; running on along the same line from it is an overlap.
    const [shared, ownEnd, otherEnd] = samePoint(a, c) ? [a, b, d] : samePoint(a, d) ? [a, b, c] : samePoint(b, c) ? [b, a, d] : [b, a, c];
    const along = (ownEnd[0] - shared[0]) * (otherEnd[0] - shared[0]) + (ownEnd[1] - shared[1]) * (otherEnd[1] - shared[1]);
    return orientation(shared, ownEnd, otherEnd) === 0 && along > 0;
  }
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(a, b, c)) || (o2 === 0 && onSegment(a, b, d)) || (o3 === 0 && onSegment(c, d, a)) || (o4 === 0 && onSegment(c, d, b));
}

interface Segment {
  arc: number;
  /** Position of the segment's first vertex in the arc's kept vertices. */
  index: number;
  a: PlanarPosition;
  b: PlanarPosition;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Segments (arc, index of their first kept vertex) that cross or overlap another one (sweep along x). */
function conflictingSegments(arcs: readonly (readonly PlanarPosition[])[], kept: readonly number[][]): Segment[] {
  const segments: Segment[] = [];
  kept.forEach((indexes, arc) => {
    for (let index = 1; index < indexes.length; index++) {
      const a = arcs[arc]![indexes[index - 1]!]!;
      const b = arcs[arc]![indexes[index]!]!;
      segments.push({ arc, index: index - 1, a, b, minX: Math.min(a[0], b[0]), maxX: Math.max(a[0], b[0]), minY: Math.min(a[1], b[1]), maxY: Math.max(a[1], b[1]) });
    }
  });
  segments.sort((first, second) => first.minX - second.minX);
  const conflicts = new Set<Segment>();
  for (let first = 0; first < segments.length; first++) {
    const s = segments[first]!;
    for (let second = first + 1; second < segments.length && segments[second]!.minX <= s.maxX; second++) {
      const t = segments[second]!;
      if (t.minY > s.maxY || t.maxY < s.minY) continue;
      if (segmentsConflict(s.a, s.b, t.a, t.b)) {
        conflicts.add(s);
        conflicts.add(t);
      }
    }
  }
  return [...conflicts];
}

function pointInRing(point: PlanarPosition, ring: readonly PlanarPosition[]): boolean {
  let inside = false;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index, index += 1) {
    // Indexed reads: destructuring runs through the iterator protocol in cold code.
    const xi = ring[index]![0];
    const yi = ring[index]![1];
    const xj = ring[previous]![0];
    const yj = ring[previous]![1];
    if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Puts back the dropped vertex farthest from the kept segment that starts at kept position `index`;
 * false when the segment is an input segment (nothing dropped there).
 */
function refineSegment(points: readonly PlanarPosition[], kept: number[], index: number): boolean {
  const first = kept[index]!;
  const last = kept[index + 1]!;
  if (last - first < 2) return false;
  let farthest = first + 1;
  let farthestDistance = -1;
  for (let candidate = first + 1; candidate < last; candidate++) {
    const distance = squaredSegmentDistance(points[candidate]!, points[first]!, points[last]!);
    if (distance > farthestDistance) {
      farthest = candidate;
      farthestDistance = distance;
    }
  }
  kept.splice(index + 1, 0, farthest);
  return true;
}

/**
 * Simplifies polygons that share borders so that shared borders stay identical (see the module comment).
 * Geometries come back in input order with the same number of polygons and rings.
 * @param geometries polygons in any CRS; shared borders must use identical positions (as BKG data does)
 * @example
 * // 21 VG250 municipalities (WGS84), 100 m tolerance measured in UTM 32N:
 * simplifySharedBorders(geometries, { tolerance: 100, toPlanar: toUtm32 }) // same 21 geometries, a third of the vertices
 */
export function simplifySharedBorders<T extends Polygon | MultiPolygon>(geometries: readonly T[], options: SimplifySharedBordersOptions): T[] {
  const toPlanar = options.toPlanar ?? ((position: Position): PlanarPosition => [position[0]!, position[1]!]);
  const structure = geometries.map((geometry) => polygonsOf(geometry).map((polygon) => polygon.map(openRing)));
  const allRings = structure.flat(2);
  const junctions = findJunctions(allRings);
  // A ring that shares no junction with anything (an island, or an enclave used whole by two polygons) gets
  // one chosen by position alone, so both users of an enclave's ring cut it at the same place.
  for (const ring of allRings) {
    if (ring.some((position) => junctions.has(keyOf(position)))) continue;
    const smallest = ring.reduce((best, position) => (position[0]! < best[0]! || (position[0] === best[0] && position[1]! < best[1]!) ? position : best));
    junctions.add(keyOf(smallest));
  }

  const arcs: Position[][] = [];
  const arcIndexByKey = new Map<string, number>();
  const references: RingReference[] = [];
  structure.forEach((polygons, geometry) =>
    polygons.forEach((rings, polygon) =>
      rings.forEach((ring, ringIndex) => {
        const start = ring.findIndex((position) => junctions.has(keyOf(position)));
        const rotated = [...ring.slice(start), ...ring.slice(0, start)];
        const uses: ArcUse[] = [];
        let current: Position[] = [rotated[0]!];
        const finish = (): void => {
          const forward = current.map(keyOf).join(';');
          const backward = [...current].reverse().map(keyOf).join(';');
          const known = arcIndexByKey.get(forward) ?? arcIndexByKey.get(backward);
          if (known !== undefined) {
            uses.push({ arc: known, reversed: arcIndexByKey.get(forward) === undefined });
          } else {
            arcIndexByKey.set(forward, arcs.length);
            uses.push({ arc: arcs.length, reversed: false });
            arcs.push(current);
          }
        };
        for (let index = 1; index <= rotated.length; index++) {
          const position = rotated[index % rotated.length]!;
          current.push(position);
          if (index === rotated.length || junctions.has(keyOf(position))) {
            finish();
            current = [position];
          }
        }
        references.push({ geometry, polygon, ring: ringIndex, arcs: uses });
      }),
    ),
  );

  const planarArcs = arcs.map((arc) => arc.map(toPlanar));
  const kept = planarArcs.map((points) => douglasPeucker(points, options.tolerance));
  // Where simplified lines cross or overlap, a ring falls below three corners, or a ring moves past another
  // ring's first vertex (it would swallow or drop an island without any crossing), the dropped vertex that
  // lies farthest from the offending segment comes back, until nothing is left to fix. Only the spot that
  // needs it gets detail back; the input rings are simple, so this ends at the latest with the input.
  const ringVertexCount = (reference: RingReference): number => reference.arcs.reduce((sum, use) => sum + kept[use.arc]!.length - 1, 0);
  const planarRing = (reference: RingReference, full: boolean): PlanarPosition[] =>
    reference.arcs.flatMap((use) => {
      const indexes = full ? planarArcs[use.arc]!.map((_, index) => index) : kept[use.arc]!;
      const positions = indexes.map((index) => planarArcs[use.arc]![index]!);
      return (use.reversed ? positions.reverse() : positions).slice(1);
    });
  // Every ring starts at a junction, which is always kept: its first vertex stands for the ring.
  const anchors = references.map((reference) => planarArcs[reference.arcs[0]!.arc]![reference.arcs[0]!.reversed ? planarArcs[reference.arcs[0]!.arc]!.length - 1 : 0]!);
  const ringKeys = references.map((reference) => new Set(planarRing(reference, true).map((position) => `${position[0]},${position[1]}`)));
  const insideAtStart = references.map((reference) => {
    const ring = planarRing(reference, true);
    return anchors.map((anchor) => pointInRing(anchor, ring));
  });
  for (;;) {
    let changed = false;
    // Highest index first within an arc, so earlier positions stay valid while inserting.
    const segments = conflictingSegments(planarArcs, kept).sort((first, second) => first.arc - second.arc || second.index - first.index);
    for (const segment of segments) changed = refineSegment(planarArcs[segment.arc]!, kept[segment.arc]!, segment.index) || changed;
    references.forEach((reference, ringIndex) => {
      const collapsed = ringVertexCount(reference) < 3;
      const ring = collapsed ? [] : planarRing(reference, false);
      const movedPast = collapsed
        ? []
        : anchors.filter((anchor, other) => other !== ringIndex && !ringKeys[ringIndex]!.has(`${anchor[0]},${anchor[1]}`) && pointInRing(anchor, ring) !== insideAtStart[ringIndex]![other]);
      if (!collapsed && movedPast.length === 0) return;
      for (const use of reference.arcs) {
        const points = planarArcs[use.arc]!;
        const indexes = kept[use.arc]!;
        for (let index = indexes.length - 2; index >= 0; index--) {
          // The area between a dropped chain and its chord lies inside the chain's bounding box.
          const chain = points.slice(indexes[index]!, indexes[index + 1]! + 1);
          const near = (anchor: PlanarPosition): boolean =>
            anchor[0] >= Math.min(...chain.map((point) => point[0])) && anchor[0] <= Math.max(...chain.map((point) => point[0])) &&
            anchor[1] >= Math.min(...chain.map((point) => point[1])) && anchor[1] <= Math.max(...chain.map((point) => point[1]));
          if (collapsed || movedPast.some(near)) changed = refineSegment(points, indexes, index) || changed;
        }
      }
    });
    if (!changed) break;
  }

  const output = structure.map((polygons) => polygons.map((rings) => rings.map((): Position[] => [])));
  for (const reference of references) {
    const ring: Position[] = [];
    for (const use of reference.arcs) {
      const positions = kept[use.arc]!.map((index) => arcs[use.arc]![index]!);
      const ordered = use.reversed ? positions.reverse() : positions;
      ring.push(...(ring.length === 0 ? ordered : ordered.slice(1)));
    }
    output[reference.geometry]![reference.polygon]![reference.ring] = ring;
  }
  return geometries.map((geometry, index) => {
    const polygons = output[index]!;
    return (geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons }) as T;
  });
}
