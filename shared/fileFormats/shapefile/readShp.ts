/**
 * Reading the geometries of a .shp into GeoJSON, in one synchronous pass over bytes that `checkShp` has
 * already checked record by record. Kleinraum reads the geometry part itself (the `shapefile` package still
 * reads the .dbf) for two reasons: the package copies every record twice and answers each with a promise,
 * which for the Germany-wide VG250 was most of the import's reading time; and it silently makes a hole that
 * lies in no shell a polygon of its own, which Kleinraum had to undo afterwards.
 *
 * The rules are the package's, and those of the ESRI specification: a ring of at least four points that
 * runs clockwise is a shell, every other ring is a hole; a hole belongs to the first shell that contains a
 * point of it. A hole in no shell is given to the largest shell, so geometry validation reports it ("hole
 * outside shell", with the area key) and repairs it visibly; without any shell, each ring is a polygon.
 * Only x and y are read (Z and M values are left out). Pure: bytes in, geometries out.
 */
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import { ringSignedArea } from '../../geo/rings';
import type { ShpSummary } from './checkShp';

export type ShpGeometry = Polygon | MultiPolygon | Point | null;

/** A ring of at least four points that runs clockwise (y up) is a shell, as the package's `ringClockwise` decides. */
function isShell(ring: Position[]): boolean {
  return ring.length >= 4 && ringSignedArea(ring) <= 0;
}

/**
 * True when `point` lies on the segment from `start` to `end`, as the package decides it (a point whose
 * projection falls on an end point counts as on it): such a point is skipped when testing a hole.
 */
function onSegment(start: Position, end: Position, point: Position): boolean {
  const x20 = point[0]! - start[0]!;
  const y20 = point[1]! - start[1]!;
  if (x20 === 0 && y20 === 0) return true;
  const x10 = end[0]! - start[0]!;
  const y10 = end[1]! - start[1]!;
  if (x10 === 0 && y10 === 0) return false;
  const t = (x20 * x10 + y20 * y10) / (x10 * x10 + y10 * y10);
  if (t < 0 || t > 1) return false;
  return t === 0 || t === 1 || (t * x10 === x20 && t * y10 === y20);
}

/** 1 inside, -1 outside, 0 on the boundary. */
function ringContains(ring: Position[], point: Position): number {
  // Indexed reads, not destructuring: in a short command this runs cold, where destructuring an array
  // goes through the iterator protocol (several times slower per vertex).
  const x = point[0]!;
  const y = point[1]!;
  let contains = -1;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index, index += 1) {
    const xi = ring[index]![0]!;
    const yi = ring[index]![1]!;
    const xj = ring[previous]![0]!;
    const yj = ring[previous]![1]!;
    if (onSegment(ring[index]!, ring[previous]!, point)) return 0;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) contains = -contains;
  }
  return contains;
}

/** Whether the first point of `hole` not on the shell's boundary lies inside it. */
function shellContainsHole(shell: Position[], hole: Position[]): boolean {
  for (const point of hole) {
    const contains = ringContains(shell, point);
    if (contains !== 0) return contains > 0;
  }
  return false;
}

function polygonFromRings(rings: Position[][]): Polygon | MultiPolygon {
  const polygons: Position[][][] = [];
  const holes: Position[][] = [];
  for (const ring of rings) {
    if (isShell(ring)) polygons.push([ring]);
    else holes.push(ring);
  }
  if (polygons.length === 0) {
    for (const hole of holes) polygons.push([hole]);
  } else {
    const orphans: Position[][] = [];
    for (const hole of holes) {
      const shell = polygons.find((polygon) => shellContainsHole(polygon[0]!, hole));
      if (shell) shell.push(hole);
      else orphans.push(hole);
    }
    if (orphans.length > 0) {
      const largest = polygons.reduce((best, polygon) => (Math.abs(ringSignedArea(polygon[0]!)) > Math.abs(ringSignedArea(best[0]!)) ? polygon : best));
      largest.push(...orphans);
    }
  }
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * The geometries of all records, in record order (null for a null shape). `bytes` must have passed
 * `checkShp`, whose summary is passed along: counts and part indices are trusted here.
 * @example readShpGeometries(shpBytes, checkShp(shpBytes, shxBytes, 'VG250_GEM.shp')).length // 10 990
 */
export function readShpGeometries(bytes: Uint8Array, summary: ShpSummary): ShpGeometry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declaredLength = view.getInt32(24, false) * 2;
  const geometries: ShpGeometry[] = [];
  for (let offset = 100; offset < declaredLength; ) {
    const start = offset + 8;
    offset = start + view.getInt32(offset + 4, false) * 2;
    if (view.getInt32(start, true) === 0) {
      geometries.push(null);
    } else if (summary.kind === 'point') {
      geometries.push({ type: 'Point', coordinates: [view.getFloat64(start + 4, true), view.getFloat64(start + 12, true)] });
    } else {
      const partCount = view.getInt32(start + 36, true);
      const pointCount = view.getInt32(start + 40, true);
      const pointsStart = start + 44 + partCount * 4;
      const rings: Position[][] = [];
      for (let part = 0; part < partCount; part += 1) {
        const first = view.getInt32(start + 44 + part * 4, true);
        const end = part + 1 < partCount ? view.getInt32(start + 48 + part * 4, true) : pointCount;
        const ring: Position[] = new Array(end - first);
        for (let point = first; point < end; point += 1) {
          const position = pointsStart + point * 16;
          ring[point - first] = [view.getFloat64(position, true), view.getFloat64(position + 8, true)];
        }
        rings.push(ring);
      }
      geometries.push(polygonFromRings(rings));
    }
  }
  return geometries;
}
