/**
 * A minimal ESRI shapefile writer for the hostile-input corpus: polygons or points with text and number
 * fields, written byte for byte as the format defines (so every later corruption is a precise change of a
 * known byte). Only for tests; Kleinraum itself never writes shapefiles.
 */
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';

export interface DbfFieldSpec {
  name: string;
  type: 'C' | 'N';
  length: number;
}

export interface ShapefileRecordSpec {
  geometry: Polygon | MultiPolygon | Point | null;
  /** Field name → value as text; numbers are written right-aligned. */
  properties: Record<string, string>;
}

export interface ShapefileBytes {
  shp: Uint8Array;
  shx: Uint8Array;
  dbf: Uint8Array;
}

function ringsOf(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

function boundsOf(points: Position[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of points) {
    minX = Math.min(minX, x!);
    minY = Math.min(minY, y!);
    maxX = Math.max(maxX, x!);
    maxY = Math.max(maxY, y!);
  }
  return [minX, minY, maxX, maxY];
}

function recordContent(geometry: ShapefileRecordSpec['geometry'], shapeType: number): Uint8Array {
  if (geometry === null) return new Uint8Array(4);
  if (geometry.type === 'Point') {
    const content = new DataView(new ArrayBuffer(20));
    content.setInt32(0, shapeType, true);
    content.setFloat64(4, geometry.coordinates[0]!, true);
    content.setFloat64(12, geometry.coordinates[1]!, true);
    return new Uint8Array(content.buffer);
  }
  const rings = ringsOf(geometry);
  const points = rings.flat();
  const content = new DataView(new ArrayBuffer(44 + rings.length * 4 + points.length * 16));
  content.setInt32(0, shapeType, true);
  boundsOf(points).forEach((value, index) => content.setFloat64(4 + index * 8, value, true));
  content.setInt32(36, rings.length, true);
  content.setInt32(40, points.length, true);
  let first = 0;
  rings.forEach((ring, index) => {
    content.setInt32(44 + index * 4, first, true);
    first += ring.length;
  });
  points.forEach((point, index) => {
    content.setFloat64(44 + rings.length * 4 + index * 16, point[0]!, true);
    content.setFloat64(52 + rings.length * 4 + index * 16, point[1]!, true);
  });
  return new Uint8Array(content.buffer);
}

function fileHeader(view: DataView, lengthBytes: number, shapeType: number, bounds: [number, number, number, number]): void {
  view.setInt32(0, 9994, false);
  view.setInt32(24, lengthBytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, shapeType, true);
  bounds.forEach((value, index) => view.setFloat64(36 + index * 8, value, true));
}

/**
 * Writes .shp, .shx and .dbf bytes. Text is encoded with `encodeText` (UTF-8 by default).
 * @example writeShapefile(5, [{ name: 'AGS', type: 'C', length: 8 }], records).shp.length
 */
export function writeShapefile(
  shapeType: 1 | 5,
  fields: DbfFieldSpec[],
  records: ShapefileRecordSpec[],
  encodeText: (text: string) => Uint8Array = (text) => new TextEncoder().encode(text),
): ShapefileBytes {
  const contents = records.map((record) => recordContent(record.geometry, shapeType));
  const allPoints = records.flatMap((record) => (record.geometry === null ? [] : record.geometry.type === 'Point' ? [record.geometry.coordinates] : ringsOf(record.geometry).flat()));
  const bounds = allPoints.length > 0 ? boundsOf(allPoints) : ([0, 0, 0, 0] as [number, number, number, number]);
  const shpLength = 100 + contents.reduce((sum, content) => sum + 8 + content.length, 0);
  const shp = new Uint8Array(shpLength);
  const shpView = new DataView(shp.buffer);
  fileHeader(shpView, shpLength, shapeType, bounds);
  const shx = new Uint8Array(100 + records.length * 8);
  const shxView = new DataView(shx.buffer);
  fileHeader(shxView, shx.length, shapeType, bounds);
  let offset = 100;
  contents.forEach((content, index) => {
    shpView.setInt32(offset, index + 1, false);
    shpView.setInt32(offset + 4, content.length / 2, false);
    shp.set(content, offset + 8);
    shxView.setInt32(100 + index * 8, offset / 2, false);
    shxView.setInt32(104 + index * 8, content.length / 2, false);
    offset += 8 + content.length;
  });

  const headerLength = 32 + fields.length * 32 + 1;
  const recordLength = 1 + fields.reduce((sum, field) => sum + field.length, 0);
  const dbf = new Uint8Array(headerLength + records.length * recordLength + 1);
  const dbfView = new DataView(dbf.buffer);
  dbf[0] = 0x03;
  dbf[1] = 124;
  dbf[2] = 1;
  dbf[3] = 1;
  dbfView.setUint32(4, records.length, true);
  dbfView.setUint16(8, headerLength, true);
  dbfView.setUint16(10, recordLength, true);
  fields.forEach((field, index) => {
    const base = 32 + index * 32;
    dbf.set(new TextEncoder().encode(field.name.slice(0, 10)), base);
    dbf[base + 11] = field.type.charCodeAt(0);
    dbf[base + 16] = field.length;
    dbf[base + 17] = 0;
  });
  dbf[headerLength - 1] = 0x0d;
  records.forEach((record, index) => {
    let position = headerLength + index * recordLength;
    dbf[position] = 0x20;
    position += 1;
    for (const field of fields) {
      const cell = new Uint8Array(field.length).fill(0x20);
      const text = record.properties[field.name] ?? '';
      const bytes = encodeText(text).subarray(0, field.length);
      cell.set(bytes, field.type === 'N' ? field.length - bytes.length : 0);
      dbf.set(cell, position);
      position += field.length;
    }
  });
  dbf[dbf.length - 1] = 0x1a;
  return { shp, shx, dbf };
}
