/**
 * Reading the geometry part of an ESRI shapefile (.shp) from bytes. Pure and strict: a truncated file or a
 * record that runs past the end is a `UserError`, never a silently shorter layer. Polygon rings are
 * assembled as the format defines them: clockwise rings are shells, counter-clockwise rings are holes,
 * and each hole goes to the smallest shell that contains it (a hole without a shell is reported).
 */
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import { UserError } from '../../contract/errors';
import type { BoundingBox } from '../../geo/crs';

export interface ShpReadResult {
  shapeType: number;
  bounds: BoundingBox;
  /** One entry per record; null for null shapes. */
  geometries: (Polygon | MultiPolygon | Point | null)[];
  /** Records with a hole outside every shell (kept as a hole; validation flags and repairs it). */
  orphanHoleRecords: number[];
}

const POLYGON_TYPES = new Set([5, 15, 25]);
const POINT_TYPES = new Set([1, 11, 21]);

function truncated(fileName: string, detail: { de: string; en: string }): UserError {
  return new UserError('bad-input', {
    de: `Die Datei ${fileName} ist unvollständig oder beschädigt (${detail.de}). Bitte die Daten erneut herunterladen oder vollständig kopieren.`,
    en: `The file ${fileName} is incomplete or damaged (${detail.en}). Please download or copy the data again.`,
  });
}

/** Signed area (shoelace) in squared coordinate units: positive for counter-clockwise rings (y up), negative for clockwise. */
export function ringSignedArea(ring: Position[]): number {
  let sum = 0;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index, index += 1) {
    sum += ring[previous]![0]! * ring[index]![1]! - ring[index]![0]! * ring[previous]![1]!;
  }
  return sum / 2;
}

function pointInRing(point: Position, ring: Position[]): boolean {
  const [x, y] = point as [number, number];
  let inside = false;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index, index += 1) {
    const [xi, yi] = ring[index] as [number, number];
    const [xj, yj] = ring[previous] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function assemblePolygon(rings: Position[][]): { geometry: Polygon | MultiPolygon; orphanHoles: number } {
  const shells: { ring: Position[]; holes: Position[][]; area: number }[] = [];
  const holes: Position[][] = [];
  for (const ring of rings) {
    const signed = ringSignedArea(ring);
    // Shapefile shells are clockwise (negative signed area), holes counter-clockwise.
    if (signed <= 0) shells.push({ ring, holes: [], area: Math.abs(signed) });
    else holes.push(ring);
  }
  let orphanHoles = 0;
  if (shells.length === 0) {
    // Some writers store single polygons counter-clockwise: treat every ring as a shell then.
    for (const ring of holes) shells.push({ ring, holes: [], area: Math.abs(ringSignedArea(ring)) });
    holes.length = 0;
  }
  for (const hole of holes) {
    const probe = hole[0]!;
    const containers = shells.filter((shell) => pointInRing(probe, shell.ring)).sort((first, second) => first.area - second.area);
    if (containers[0]) containers[0].holes.push(hole);
    else {
      // Kept as a hole of the largest shell so geometry validation reports it ("hole outside shell") and repairs it.
      orphanHoles += 1;
      [...shells].sort((first, second) => second.area - first.area)[0]!.holes.push(hole);
    }
  }
  if (shells.length === 1) return { geometry: { type: 'Polygon', coordinates: [shells[0]!.ring, ...shells[0]!.holes] }, orphanHoles };
  return { geometry: { type: 'MultiPolygon', coordinates: shells.map((shell) => [shell.ring, ...shell.holes]) }, orphanHoles };
}

/**
 * Reads a .shp file (polygons or points).
 * @example readShp(bytes, 'VG5000_GEM.shp').geometries.length // 10997
 */
export function readShp(bytes: Uint8Array, fileName: string): ShpReadResult {
  if (bytes.length < 100) throw truncated(fileName, { de: 'kürzer als der Dateikopf', en: 'shorter than the file header' });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0, false) !== 9994) {
    throw new UserError('bad-input', {
      de: `${fileName} ist keine Shapefile-Geometriedatei (.shp). Bitte die .shp-Datei des Shapefiles wählen.`,
      en: `${fileName} is not a shapefile geometry file (.shp). Please choose the shapefile's .shp file.`,
    });
  }
  const declaredLength = view.getInt32(24, false) * 2;
  if (declaredLength > bytes.length) {
    throw truncated(fileName, { de: `${bytes.length} von ${declaredLength} Bytes vorhanden`, en: `${bytes.length} of ${declaredLength} bytes present` });
  }
  const shapeType = view.getInt32(32, true);
  if (!POLYGON_TYPES.has(shapeType) && !POINT_TYPES.has(shapeType)) {
    throw new UserError('unsupported', {
      de: `${fileName} enthält weder Flächen noch Punkte (Shape-Typ ${shapeType}). Für Gebiete wird eine Flächen-Ebene benötigt.`,
      en: `${fileName} holds neither polygons nor points (shape type ${shapeType}). Areas need a polygon layer.`,
    });
  }
  const bounds: BoundingBox = [view.getFloat64(36, true), view.getFloat64(44, true), view.getFloat64(52, true), view.getFloat64(60, true)];
  const geometries: (Polygon | MultiPolygon | Point | null)[] = [];
  const orphanHoleRecords: number[] = [];
  let offset = 100;
  while (offset < declaredLength) {
    if (offset + 12 > bytes.length) throw truncated(fileName, { de: `Datensatz ${geometries.length + 1} abgeschnitten`, en: `record ${geometries.length + 1} cut off` });
    const contentLength = view.getInt32(offset + 4, false) * 2;
    const start = offset + 8;
    const end = start + contentLength;
    if (end > bytes.length || contentLength < 4) throw truncated(fileName, { de: `Datensatz ${geometries.length + 1} abgeschnitten`, en: `record ${geometries.length + 1} cut off` });
    const recordType = view.getInt32(start, true);
    if (recordType === 0) {
      geometries.push(null);
    } else if (POINT_TYPES.has(recordType)) {
      geometries.push({ type: 'Point', coordinates: [view.getFloat64(start + 4, true), view.getFloat64(start + 12, true)] });
    } else if (POLYGON_TYPES.has(recordType)) {
      const partCount = view.getInt32(start + 36, true);
      const pointCount = view.getInt32(start + 40, true);
      const partsStart = start + 44;
      const pointsStart = partsStart + partCount * 4;
      if (pointsStart + pointCount * 16 > end || partCount < 1) throw truncated(fileName, { de: `Datensatz ${geometries.length + 1} fehlerhaft`, en: `record ${geometries.length + 1} malformed` });
      const rings: Position[][] = [];
      for (let part = 0; part < partCount; part += 1) {
        const first = view.getInt32(partsStart + part * 4, true);
        const last = part + 1 < partCount ? view.getInt32(partsStart + (part + 1) * 4, true) : pointCount;
        const ring: Position[] = [];
        for (let point = first; point < last; point += 1) {
          const position = pointsStart + point * 16;
          ring.push([view.getFloat64(position, true), view.getFloat64(position + 8, true)]);
        }
        if (ring.length >= 4) rings.push(ring);
      }
      if (rings.length === 0) geometries.push(null);
      else {
        const { geometry, orphanHoles } = assemblePolygon(rings);
        if (orphanHoles > 0) orphanHoleRecords.push(geometries.length);
        geometries.push(geometry);
      }
    } else {
      throw truncated(fileName, { de: `unerwarteter Shape-Typ ${recordType} in Datensatz ${geometries.length + 1}`, en: `unexpected shape type ${recordType} in record ${geometries.length + 1}` });
    }
    offset = end;
  }
  return { shapeType, bounds, geometries, orphanHoleRecords };
}
