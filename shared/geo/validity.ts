/**
 * Checking and repairing area geometries (WGS84) before they enter a project. Problems found in real data:
 * self-intersections after simplification, holes outside their shell, rings in the wrong order. Every
 * problem is reported with the area key; a geometry is repaired where that is safe and otherwise kept and
 * flagged. Nothing is dropped.
 */
import { featureCollection, polygon as turfPolygon } from '@turf/helpers';
import { union } from '@turf/union';
import polygonClipping from 'polygon-clipping';
import { unkinkPolygon } from '@turf/unkink-polygon';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringSignedArea } from './rings';
import { countEdgeIntersections } from './segmentIntersections';

export type GeometryProblem = 'self-intersection' | 'hole-outside-shell' | 'too-few-points' | 'empty';

export interface GeometryIssue {
  key: string;
  problem: GeometryProblem;
  repaired: boolean;
  /** For self-intersections: how many crossing points were found. */
  detail: string;
}

/** Orders rings as RFC 7946 asks: shells counter-clockwise, holes clockwise. Returns a new polygon. */
export function rewindPolygonRings(rings: Position[][]): Position[][] {
  return rings.map((ring, index) => {
    const counterClockwise = ringSignedArea(ring) > 0;
    const wantCounterClockwise = index === 0;
    return counterClockwise === wantCounterClockwise ? ring : [...ring].reverse();
  });
}

function pointInRing(point: Position, ring: Position[]): boolean {
  // Indexed reads: destructuring runs through the iterator protocol in cold code (see readShp's ringContains).
  const x = point[0]!;
  const y = point[1]!;
  let inside = false;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index, index += 1) {
    const xi = ring[index]![0]!;
    const yi = ring[index]![1]!;
    const xj = ring[previous]![0]!;
    const yj = ring[previous]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function closeRing(ring: Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) return [...ring, first];
  return ring;
}

/**
 * Repairs a self-intersecting polygon by splitting it at its crossings (turf `unkinkPolygon`) and merging the
 * pieces again, the equivalent of GEOS buffer(0) for bow-ties and spikes. Null when it fails.
 *
 * The pieces are merged by polygon-clipping, which computes in floating point: on the 31 polygons a
 * Germany-wide VG250 layer needs repaired it gives the same coordinates as turf's `union` (polyclip-ts, the
 * same algorithm in arbitrary precision) in a fifth of the time (80 → 15 ms of a 1-second import). Where
 * floating point is not enough it throws, and turf's exact `union` merges instead.
 */
function repairSelfIntersection(rings: Position[][]): Polygon | MultiPolygon | null {
  try {
    const pieces = unkinkPolygon(turfPolygon(rings)).features;
    if (pieces.length === 0) return null;
    if (pieces.length === 1) return pieces[0]!.geometry;
    try {
      const [first, ...others] = pieces.map((piece) => piece.geometry.coordinates as polygonClipping.Polygon);
      const merged = polygonClipping.union(first!, ...others);
      if (merged.length === 0) return null;
      return merged.length === 1 ? { type: 'Polygon', coordinates: merged[0]! } : { type: 'MultiPolygon', coordinates: merged };
    } catch {
      const merged = union(featureCollection(pieces));
      return merged ? merged.geometry : null;
    }
  } catch {
    return null;
  }
}

/** Largest polygon (vertices) repaired automatically; a larger one with crossings is kept and flagged for repair in QGIS. */
export const MAX_REPAIR_VERTICES = 20_000;

export interface ValidationResult {
  geometry: Polygon | MultiPolygon;
  issues: GeometryIssue[];
}

/**
 * Validates one area geometry and repairs what can be repaired. Winding is always normalised (not an issue).
 * @example validateAreaGeometry('03241001', hannoverPolygon).issues // []
 */
export function validateAreaGeometry(key: string, geometry: Polygon | MultiPolygon, repair = true): ValidationResult {
  const issues: GeometryIssue[] = [];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const output: Position[][][] = [];
  for (const rawRings of polygons) {
    const rings = rawRings.map(closeRing).filter((ring) => ring.length >= 4);
    if (rings.length < rawRings.length) issues.push({ key, problem: 'too-few-points', repaired: true, detail: `${rawRings.length - rings.length}` });
    if (rings.length === 0) continue;
    const [shell, ...holes] = rings;
    const keptHoles: Position[][] = [];
    for (const hole of holes) {
      if (pointInRing(hole[0]!, shell!) || hole.some((point) => pointInRing(point, shell!))) keptHoles.push(hole);
      else {
        // A hole outside its shell is most likely an island written with the wrong orientation: keep it as its own polygon.
        issues.push({ key, problem: 'hole-outside-shell', repaired: repair, detail: `${hole.length} points` });
        if (repair) output.push([hole]);
        else keptHoles.push(hole);
      }
    }
    output.push([shell!, ...keptHoles]);
  }
  if (output.length === 0) {
    issues.push({ key, problem: 'empty', repaired: false, detail: '' });
    return { geometry, issues };
  }
  const repairedPolygons: Position[][][] = [];
  for (const rings of output) {
    const rewound = rewindPolygonRings(rings);
    const crossings = countEdgeIntersections(rewound);
    if (crossings === 0) {
      repairedPolygons.push(rewound);
      continue;
    }
    // turf's unkink and union grow much faster than linearly: beyond the limit a crossing is flagged, not repaired.
    const vertices = rewound.reduce((sum, ring) => sum + ring.length, 0);
    const fixed = repair && vertices <= MAX_REPAIR_VERTICES ? repairSelfIntersection(rewound) : null;
    issues.push({ key, problem: 'self-intersection', repaired: fixed !== null, detail: `${crossings} crossing points${repair && vertices > MAX_REPAIR_VERTICES ? `, ${vertices} vertices: too large for automatic repair` : ''}` });
    if (fixed === null) repairedPolygons.push(rewound);
    else if (fixed.type === 'Polygon') repairedPolygons.push(rewindPolygonRings(fixed.coordinates));
    else for (const part of fixed.coordinates) repairedPolygons.push(rewindPolygonRings(part));
  }
  const result: Polygon | MultiPolygon =
    repairedPolygons.length === 1 ? { type: 'Polygon', coordinates: repairedPolygons[0]! } : { type: 'MultiPolygon', coordinates: repairedPolygons };
  return { geometry: result, issues };
}

/** Merges several geometries of one key (e.g. land and water part of a coastal Gemeinde) into one MultiPolygon. */
export function mergeAreaGeometries(geometries: (Polygon | MultiPolygon)[]): Polygon | MultiPolygon {
  if (geometries.length === 1) return geometries[0]!;
  const parts: Position[][][] = [];
  for (const geometry of geometries) {
    if (geometry.type === 'Polygon') parts.push(geometry.coordinates);
    else parts.push(...geometry.coordinates);
  }
  return { type: 'MultiPolygon', coordinates: parts };
}

