// A tiny writer of point shapefiles (.shp + .dbf with text fields + .prj) for import tests: the bytes a GIS would write.

export interface PointRow {
  x: number;
  y: number;
  fields: Record<string, string>;
}

/** ETRS89 / UTM zone 32N as QGIS writes it (ESRI WKT without EPSG authority, as BKG ships it). */
export const UTM32_PRJ =
  'PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

export function pointShp(rows: readonly PointRow[]): Uint8Array {
  const bytes = new Uint8Array(100 + rows.length * 28);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, 9994, false);
  view.setInt32(24, bytes.length / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, 1, true);
  const xs = rows.map((row) => row.x);
  const ys = rows.map((row) => row.y);
  [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((value, index) => view.setFloat64(36 + index * 8, value, true));
  rows.forEach((row, index) => {
    const start = 100 + index * 28;
    view.setInt32(start, index + 1, false);
    view.setInt32(start + 4, 10, false);
    view.setInt32(start + 8, 1, true);
    view.setFloat64(start + 12, row.x, true);
    view.setFloat64(start + 20, row.y, true);
  });
  return bytes;
}

export function textDbf(rows: readonly PointRow[], fieldNames: readonly string[], width = 40): Uint8Array {
  const headerLength = 32 + fieldNames.length * 32 + 1;
  const recordLength = 1 + fieldNames.length * width;
  const bytes = new Uint8Array(headerLength + rows.length * recordLength + 1);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x03;
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  const encoder = new TextEncoder();
  fieldNames.forEach((name, index) => {
    const at = 32 + index * 32;
    bytes.set(encoder.encode(name.slice(0, 10)), at);
    bytes[at + 11] = 'C'.charCodeAt(0);
    bytes[at + 16] = width;
  });
  bytes[headerLength - 1] = 0x0d;
  rows.forEach((row, rowIndex) => {
    const at = headerLength + rowIndex * recordLength;
    bytes.fill(0x20, at, at + recordLength);
    fieldNames.forEach((name, index) => bytes.set(encoder.encode((row.fields[name] ?? '').slice(0, width)), at + 1 + index * width));
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}
