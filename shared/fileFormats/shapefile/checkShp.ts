/**
 * Strict structural checks of an ESRI shapefile's geometry part (.shp) and its index (.shx), run on the
 * bytes before readShp.ts builds the geometries from them (trusting the counts checked here). Lenient
 * readers such as the `shapefile` package skip records with an unexpected shape type, stop quietly at a
 * short file and trust every count. For a planner a silently shorter or shifted layer is worse than a
 * refusal, so anything that cannot be read exactly is a `UserError` that names the record and says what to
 * do. Pure: bytes in, a summary out.
 */
import { UserError } from '../../contract/errors';
import type { BoundingBox } from '../../geo/crs';

const POLYGON_TYPES = new Set([5, 15, 25]);
const POINT_TYPES = new Set([1, 11, 21]);
const FILE_CODE = 9994;

export interface ShpSummary {
  shapeType: number;
  kind: 'polygon' | 'point';
  /** Bounding box from the file header, in the file's coordinates. */
  bounds: BoundingBox;
  /** Records in the .shp (null shapes included): must equal the .dbf's record count. */
  recordCount: number;
  /** Total vertices over all polygon records (0 for points): lets callers refuse geometry too large to handle. */
  vertexCount: number;
  /** True when a .shx was given and agreed with the .shp. */
  indexChecked: boolean;
}

/** A damaged or cut-off shapefile part: what is wrong, and the advice to fetch the data again. */
export function damagedShapefile(fileName: string, detail: { de: string; en: string }): UserError {
  return new UserError('bad-input', {
    de: `Die Datei ${fileName} ist unvollständig oder beschädigt (${detail.de}). Bitte die Daten erneut herunterladen oder vollständig kopieren.`,
    en: `The file ${fileName} is incomplete or damaged (${detail.en}). Please download or copy the data again.`,
  });
}

function record(number: number, de: string, en: string): { de: string; en: string } {
  return { de: `Datensatz ${number}: ${de}`, en: `record ${number}: ${en}` };
}

/**
 * Checks a .shp (and its .shx when present) completely: header, every record's length, type, part and point
 * counts, part indices and coordinates. Throws a UserError for anything that would be read inexactly.
 * @example checkShp(shpBytes, shxBytes, 'VG5000_KRS.shp').recordCount // 401
 */
export function checkShp(bytes: Uint8Array, shx: Uint8Array | null, fileName: string): ShpSummary {
  if (bytes.length < 100) throw damagedShapefile(fileName, { de: 'kürzer als der Dateikopf', en: 'shorter than the file header' });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0, false) !== FILE_CODE) {
    throw new UserError('bad-input', {
      de: `${fileName} ist keine Shapefile-Geometriedatei (.shp). Bitte die .shp-Datei des Shapefiles wählen.`,
      en: `${fileName} is not a shapefile geometry file (.shp). Please choose the shapefile's .shp file.`,
    });
  }
  const declaredLength = view.getInt32(24, false) * 2;
  if (declaredLength < 100) throw damagedShapefile(fileName, { de: `Dateilänge im Kopf ist ${declaredLength} Bytes`, en: `the header states a length of ${declaredLength} bytes` });
  if (declaredLength > bytes.length) {
    throw damagedShapefile(fileName, { de: `${bytes.length} von ${declaredLength} Bytes vorhanden`, en: `${bytes.length} of ${declaredLength} bytes present` });
  }
  const shapeType = view.getInt32(32, true);
  const kind = POLYGON_TYPES.has(shapeType) ? 'polygon' : POINT_TYPES.has(shapeType) ? 'point' : null;
  if (kind === null) {
    throw new UserError('unsupported', {
      de: `${fileName} enthält weder Flächen noch Punkte (Shape-Typ ${shapeType}, z. B. Linien). Bitte für Gebiete eine Flächen-Ebene wählen (z. B. VG250_GEM), für Einrichtungen eine Punkt-Ebene.`,
      en: `${fileName} holds neither polygons nor points (shape type ${shapeType}, e.g. lines). Please choose a polygon layer for areas (e.g. VG250_GEM), a point layer for facilities.`,
    });
  }
  const bounds: BoundingBox = [view.getFloat64(36, true), view.getFloat64(44, true), view.getFloat64(52, true), view.getFloat64(60, true)];
  const offsets: number[] = [];
  const lengths: number[] = [];
  let vertexCount = 0;
  let offset = 100;
  while (offset < declaredLength) {
    const number = offsets.length + 1;
    if (offset + 12 > declaredLength) throw damagedShapefile(fileName, record(number, 'abgeschnitten', 'cut off'));
    const contentLength = view.getInt32(offset + 4, false) * 2;
    const start = offset + 8;
    const end = start + contentLength;
    if (contentLength < 4 || end > declaredLength) throw damagedShapefile(fileName, record(number, `Länge ${contentLength} passt nicht in die Datei`, `length ${contentLength} does not fit the file`));
    const recordType = view.getInt32(start, true);
    if (recordType !== 0 && recordType !== shapeType) {
      throw damagedShapefile(fileName, record(number, `Shape-Typ ${recordType} statt ${shapeType}`, `shape type ${recordType} instead of ${shapeType}`));
    }
    if (recordType !== 0 && kind === 'point') {
      if (contentLength < 20) throw damagedShapefile(fileName, record(number, 'Punkt abgeschnitten', 'point cut off'));
      if (!Number.isFinite(view.getFloat64(start + 4, true)) || !Number.isFinite(view.getFloat64(start + 12, true))) {
        throw damagedShapefile(fileName, record(number, 'Koordinate ist keine Zahl (NaN oder unendlich)', 'a coordinate is not a number (NaN or infinite)'));
      }
    } else if (recordType !== 0) {
      vertexCount += checkPolygonRecord(view, start, contentLength, number, fileName);
    }
    offsets.push(offset);
    lengths.push(contentLength);
    offset = end;
  }
  const indexChecked = shx !== null;
  if (shx) checkShx(shx, offsets, lengths, fileName.replace(/\.shp$/i, '.shx'));
  return { shapeType, kind, bounds, recordCount: offsets.length, vertexCount, indexChecked };
}

/** Part and point counts, part indices and coordinates of one polygon record; returns its vertex count. */
function checkPolygonRecord(view: DataView, start: number, contentLength: number, number: number, fileName: string): number {
  if (contentLength < 44) throw damagedShapefile(fileName, record(number, 'Fläche abgeschnitten', 'polygon cut off'));
  const partCount = view.getInt32(start + 36, true);
  const pointCount = view.getInt32(start + 40, true);
  if (partCount < 1 || pointCount < 1) {
    throw damagedShapefile(fileName, record(number, `${partCount} Teile und ${pointCount} Punkte`, `${partCount} parts and ${pointCount} points`));
  }
  if (partCount > pointCount) throw damagedShapefile(fileName, record(number, `mehr Teile (${partCount}) als Punkte (${pointCount})`, `more parts (${partCount}) than points (${pointCount})`));
  const partsStart = start + 44;
  const pointsStart = partsStart + partCount * 4;
  if (pointsStart + pointCount * 16 > start + contentLength) {
    throw damagedShapefile(fileName, record(number, `${partCount} Teile und ${pointCount} Punkte passen nicht in ${contentLength} Bytes`, `${partCount} parts and ${pointCount} points do not fit ${contentLength} bytes`));
  }
  let previous = -1;
  for (let part = 0; part < partCount; part += 1) {
    const first = view.getInt32(partsStart + part * 4, true);
    if ((part === 0 && first !== 0) || first <= previous || first >= pointCount) {
      throw damagedShapefile(fileName, record(number, `Teil ${part + 1} beginnt bei Punkt ${first}`, `part ${part + 1} starts at point ${first}`));
    }
    previous = first;
  }
  for (let point = 0; point < pointCount; point += 1) {
    const position = pointsStart + point * 16;
    if (!Number.isFinite(view.getFloat64(position, true)) || !Number.isFinite(view.getFloat64(position + 8, true))) {
      throw damagedShapefile(fileName, record(number, `Koordinate von Punkt ${point + 1} ist keine Zahl (NaN oder unendlich)`, `coordinate of point ${point + 1} is not a number (NaN or infinite)`));
    }
  }
  return pointCount;
}

/**
 * The .shx lists offset and length of every .shp record. GDAL and QGIS read records through it, so an index
 * that disagrees with the .shp means other programs show other data than Kleinraum would import.
 */
function checkShx(bytes: Uint8Array, offsets: number[], lengths: number[], fileName: string): void {
  const advice = (de: string, en: string) =>
    new UserError('bad-input', {
      de: `Der Index ${fileName} passt nicht zur .shp-Datei (${de}). GIS-Programme lesen über den Index und zeigen dann andere Daten. Bitte das Shapefile erneut herunterladen oder neu exportieren.`,
      en: `The index ${fileName} does not match the .shp file (${en}). GIS programs read through the index and would show different data. Please download or export the shapefile again.`,
    });
  if (bytes.length < 100) throw advice('kürzer als der Dateikopf', 'shorter than the file header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0, false) !== FILE_CODE) throw advice('kein Shapefile-Index', 'not a shapefile index');
  const declaredLength = view.getInt32(24, false) * 2;
  if (declaredLength !== bytes.length || (declaredLength - 100) % 8 !== 0) {
    throw advice(`Länge ${bytes.length} statt ${declaredLength} Bytes`, `length ${bytes.length} instead of ${declaredLength} bytes`);
  }
  const entries = (declaredLength - 100) / 8;
  if (entries !== offsets.length) throw advice(`${entries} Einträge, aber ${offsets.length} Datensätze`, `${entries} entries but ${offsets.length} records`);
  for (let index = 0; index < entries; index += 1) {
    const offset = view.getInt32(100 + index * 8, false) * 2;
    const length = view.getInt32(104 + index * 8, false) * 2;
    if (offset !== offsets[index] || length !== lengths[index]) {
      throw advice(`Eintrag ${index + 1} zeigt auf Byte ${offset}, der Datensatz steht bei ${offsets[index]}`, `entry ${index + 1} points to byte ${offset}, the record is at ${offsets[index]}`);
    }
  }
}
