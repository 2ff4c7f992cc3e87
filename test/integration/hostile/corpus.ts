/**
 * The hostile-input corpus: broken and malicious variants of what planners receive, generated here from real
 * data (the 21 municipalities of Region Hannover from BKG's VG5000 and their Zensus 2022 counts) so each
 * case is small but has the structure of the real thing. Every case says what must happen: either the
 * import succeeds and accounts for every record it read, or it is refused with a message — and the project
 * stays as it was. Classes follow issue 17: shapefile and DBF headers, .shx, encodings, zips (bombs,
 * encryption, nesting, traversal), GeoJSON, GeoPackages, CSV, XLSX and project files.
 */
import { readFileSync } from 'node:fs';
import { deflateSync, zipSync } from 'fflate';
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import Database from 'better-sqlite3';
import { decodeText } from '../../../shared/fileFormats/text/decode';
import { readShapefile } from '../../../electron/node/import/readShapefile';
import { sharedDataPath } from '../../helpers/sharedData';
import { writeShapefile, type DbfFieldSpec, type ShapefileBytes, type ShapefileRecordSpec } from './shapefileWriter';

export type Expectation =
  /** `secret`: text of the file that the message must not echo (browser mode must never reveal file contents). */
  | { outcome: 'refused'; message?: RegExp; secret?: string }
  /** `info` succeeds: the layers it lists must be those of the file. */
  | { outcome: 'opened'; layers: number }
  /** `records`: rows or features the input holds; the import must account for each (used or skipped with a reason). */
  | { outcome: 'imported'; records: number; note?: RegExp; check?: (document: Record<string, unknown>) => void };

export interface HostileCase {
  id: string;
  /** The input class of issue 17. */
  kind: 'shapefile' | 'dbf' | 'shx' | 'encoding' | 'geometry' | 'zip' | 'geojson' | 'geopackage' | 'csv' | 'xlsx' | 'project';
  command: 'import' | 'info';
  /** Files to write into the case's folder (relative name → bytes). */
  files: Record<string, Uint8Array>;
  /** The file given to `kleinraum import` (relative), or the project given to `info`. */
  input: string;
  /** A project file of the case itself (relative); otherwise a copy of the base project is used. */
  project?: string;
  args?: string[];
  expect: Expectation;
}

export interface RealMunicipality {
  ags: string;
  name: string;
  /** Polygon in Gauß-Krüger zone 3 metres, as in the BKG file (shells clockwise). */
  geometry: Polygon | MultiPolygon;
  population: number;
}

export interface RealData {
  municipalities: RealMunicipality[];
  prj: Uint8Array;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Loads the 21 Region Hannover municipalities from VG5000 and their Zensus 2022 population. */
export async function loadRealData(): Promise<RealData> {
  const folder = sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3');
  const read = (extension: string) => new Uint8Array(readFileSync(`${folder}/VG5000_GEM${extension}`));
  const shapefile = await readShapefile(read, 'VG5000_GEM');
  const zensus = readFileSync(sharedDataPath('population', 'zensus2022', 'zensus2022_1000A-0000_bevoelkerung_gemeinden.csv'), 'utf8');
  const population = new Map<string, number>();
  for (const line of zensus.split(/\r?\n/)) {
    const cells = line.split(';');
    if (/^03241\d{7}$/.test(cells[0] ?? '')) population.set(`${cells[0]!.slice(0, 5)}${cells[0]!.slice(9)}`, Number(cells[4]));
  }
  const municipalities = shapefile.features
    .filter((feature) => String(feature.properties.AGS ?? '').startsWith('03241') && feature.geometry && feature.geometry.type !== 'Point')
    .map((feature) => ({ ags: feature.properties.AGS!, name: feature.properties.GEN!, geometry: feature.geometry as Polygon | MultiPolygon, population: population.get(feature.properties.AGS!) ?? 0 }));
  return { municipalities, prj: read('.prj') };
}

const FIELDS: DbfFieldSpec[] = [
  { name: 'AGS', type: 'C', length: 8 },
  { name: 'GEN', type: 'C', length: 40 },
  { name: 'EWZ', type: 'N', length: 10 },
];

function records(real: RealData, change: (record: ShapefileRecordSpec, index: number) => ShapefileRecordSpec = (record) => record): ShapefileRecordSpec[] {
  return real.municipalities.map((municipality, index) =>
    change({ geometry: municipality.geometry, properties: { AGS: municipality.ags, GEN: municipality.name, EWZ: String(municipality.population) } }, index),
  );
}

const CP850 = (() => {
  const byCharacter = new Map<string, number>();
  for (let byte = 0x80; byte < 0x100; byte += 1) byCharacter.set(decodeText(Uint8Array.of(byte), 'cp850'), byte);
  return (text: string) => Uint8Array.from(text, (character) => byCharacter.get(character) ?? character.charCodeAt(0));
})();
const LATIN1 = (text: string) => Uint8Array.from(text, (character) => (character.charCodeAt(0) < 256 ? character.charCodeAt(0) : 0x3f));

/** A shapefile set as case files named `gemeinden.*`. */
function shapefileFiles(real: RealData, bytes: Partial<ShapefileBytes> & { prj?: Uint8Array | null; cpg?: Uint8Array | null }, base = 'gemeinden'): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const [extension, content] of Object.entries({ prj: real.prj, cpg: utf8('UTF-8'), ...bytes })) {
    if (content) files[`${base}.${extension}`] = content;
  }
  return files;
}

function copy(bytes: Uint8Array, change: (view: DataView, bytes: Uint8Array) => void): Uint8Array {
  const result = bytes.slice();
  change(new DataView(result.buffer), result);
  return result;
}

/** Byte offset of record `index` (0-based) in a .shp. */
function recordOffset(shp: Uint8Array, index: number): number {
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  let offset = 100;
  for (let current = 0; current < index; current += 1) offset += 8 + view.getInt32(offset + 4, false) * 2;
  return offset;
}

function shapefileCases(real: RealData): HostileCase[] {
  const valid = writeShapefile(5, FIELDS, records(real));
  const count = real.municipalities.length;
  const cases: HostileCase[] = [];
  const refused = (id: string, kind: HostileCase['kind'], bytes: Parameters<typeof shapefileFiles>[1], message?: RegExp, input = 'gemeinden.shp') =>
    cases.push({ id, kind, command: 'import', files: shapefileFiles(real, { ...valid, ...bytes }), input, expect: { outcome: 'refused', message } });
  const imported = (id: string, kind: HostileCase['kind'], bytes: Parameters<typeof shapefileFiles>[1], records: number, note?: RegExp, args?: string[]) =>
    cases.push({ id, kind, command: 'import', files: shapefileFiles(real, { ...valid, ...bytes }), input: 'gemeinden.shp', args, expect: { outcome: 'imported', records, note } });

  imported('shp/valid', 'shapefile', {}, count);
  imported('shp/without-shx', 'shx', { shx: undefined }, count);
  // Truncation anywhere: header, record header, inside coordinates, last byte.
  const cuts = [0, 50, 99, 100, 104, 112, recordOffset(valid.shp, 3) + 60, recordOffset(valid.shp, 10) + 7, Math.floor(valid.shp.length / 2), valid.shp.length - 8, valid.shp.length - 1];
  for (const cut of cuts) refused(`shp/truncated-at-${cut}`, 'shapefile', { shp: valid.shp.slice(0, cut) }, /incomplete|damaged|index/);
  refused('shp/wrong-magic', 'shapefile', { shp: copy(valid.shp, (view) => view.setInt32(0, 1234, false)) }, /not a shapefile/);
  refused('shp/declared-length-too-large', 'shapefile', { shp: copy(valid.shp, (view) => view.setInt32(24, valid.shp.length, false)) }, /incomplete|damaged/);
  refused('shp/declared-length-negative', 'shapefile', { shp: copy(valid.shp, (view) => view.setInt32(24, -5, false)) }, /damaged/);
  refused('shp/line-layer', 'shapefile', { shp: copy(valid.shp, (view) => view.setInt32(32, 3, true)) }, /neither polygons nor points/);
  refused('shp/unknown-shape-type', 'shapefile', { shp: copy(valid.shp, (view) => view.setInt32(32, 77, true)) }, /neither polygons nor points/);
  for (const record of [0, 7, count - 1]) {
    const at = recordOffset(valid.shp, record);
    const content = at + 8;
    refused(`shp/r${record}/record-type-mismatch`, 'shapefile', { shp: copy(valid.shp, (view) => view.setInt32(content, 3, true)) }, new RegExp(`record ${record + 1}`));
    refused(`shp/r${record}/content-length-zero`, 'shapefile', { shp: copy(valid.shp, (view) => view.setInt32(at + 4, 0, false)) }, /damaged/);
    refused(`shp/r${record}/content-length-negative`, 'shapefile', { shp: copy(valid.shp, (view) => view.setInt32(at + 4, -20, false)) }, /damaged/);
    refused(`shp/r${record}/content-length-huge`, 'shapefile', { shp: copy(valid.shp, (view) => view.setInt32(at + 4, 0x3fffffff, false)) }, /damaged/);
    refused(`shp/r${record}/negative-part-count`, 'shapefile', { shp: copy(valid.shp, (view) => view.setInt32(content + 36, -1, true)) }, /parts/);
    refused(`shp/r${record}/negative-point-count`, 'shapefile', { shp: copy(valid.shp, (view) => view.setInt32(content + 40, -7, true)) }, /points/);
    refused(`shp/r${record}/zero-parts`, 'shapefile', { shp: copy(valid.shp, (view) => view.setInt32(content + 36, 0, true)) }, /parts/);
    refused(`shp/r${record}/more-parts-than-points`, 'shapefile', { shp: copy(valid.shp, (view) => view.setInt32(content + 36, 100000, true)) }, /parts/);
    refused(`shp/r${record}/first-part-not-zero`, 'shapefile', { shp: copy(valid.shp, (view) => view.setInt32(content + 44, 3, true)) }, /part 1/);
    refused(`shp/r${record}/part-index-out-of-range`, 'shapefile', { shp: copy(valid.shp, (view) => view.setInt32(content + 44, -1, true)) }, /part 1/);
    const pointsAt = content + 44 + new DataView(valid.shp.buffer).getInt32(content + 36, true) * 4;
    for (const [label, value] of [['nan', Number.NaN], ['infinity', Infinity], ['minus-infinity', -Infinity]] as const) {
      refused(`shp/r${record}/x-${label}`, 'shapefile', { shp: copy(valid.shp, (view) => view.setFloat64(pointsAt + 16, value, true)) }, /not a number/);
      refused(`shp/r${record}/y-${label}`, 'shapefile', { shp: copy(valid.shp, (view) => view.setFloat64(pointsAt + 24, value, true)) }, /not a number/);
    }
  }
  // The index (.shx) that GDAL and QGIS read through.
  refused('shx/truncated', 'shx', { shx: valid.shx.slice(0, valid.shx.length - 8) }, /index .*does not match/);
  refused('shx/short-header', 'shx', { shx: valid.shx.slice(0, 60) }, /index .*does not match/);
  refused('shx/wrong-magic', 'shx', { shx: copy(valid.shx, (view) => view.setInt32(0, 1, false)) }, /index .*does not match/);
  refused('shx/offset-shifted', 'shx', { shx: copy(valid.shx, (view) => view.setInt32(100 + 5 * 8, view.getInt32(100 + 5 * 8, false) + 2, false)) }, /entry 6/);
  refused('shx/length-wrong', 'shx', { shx: copy(valid.shx, (view) => view.setInt32(104 + 2 * 8, 10, false)) }, /entry 3/);
  refused('shx/one-entry-missing', 'shx', { shx: copy(valid.shx.slice(0, valid.shx.length - 8), (view) => view.setInt32(24, (valid.shx.length - 8) / 2, false)) }, /20 entries but 21 records/);
  // Attribute tables.
  const dbfView = new DataView(valid.dbf.buffer);
  const headerLength = dbfView.getUint16(8, true);
  const recordLength = dbfView.getUint16(10, true);
  refused('dbf/record-length-0', 'dbf', { dbf: copy(valid.dbf, (view) => view.setUint16(10, 0, true)) }, /record length 0/);
  refused('dbf/record-length-1', 'dbf', { dbf: copy(valid.dbf, (view) => view.setUint16(10, 1, true)) }, /record length 1/);
  refused('dbf/record-length-plus-one', 'dbf', { dbf: copy(valid.dbf, (view) => view.setUint16(10, recordLength + 1, true)) }, /record length/);
  refused('dbf/record-length-minus-one', 'dbf', { dbf: copy(valid.dbf, (view) => view.setUint16(10, recordLength - 1, true)) }, /record length/);
  refused('dbf/header-length-small', 'dbf', { dbf: copy(valid.dbf, (view) => view.setUint16(8, 20, true)) }, /header length/);
  refused('dbf/header-length-beyond-file', 'dbf', { dbf: copy(valid.dbf, (view) => view.setUint16(8, 60000, true)) }, /header length/);
  refused('dbf/no-field-terminator', 'dbf', { dbf: copy(valid.dbf, (_, bytes) => (bytes[headerLength - 1] = 0x20)) }, /not terminated/);
  refused('dbf/unknown-field-type', 'dbf', { dbf: copy(valid.dbf, (_, bytes) => (bytes[32 + 11] = 'Z'.charCodeAt(0))) }, /unknown type "Z"/);
  refused('dbf/field-length-0', 'dbf', { dbf: copy(valid.dbf, (_, bytes) => (bytes[32 + 32 + 16] = 0)) }, /without name or length/);
  refused('dbf/truncated', 'dbf', { dbf: valid.dbf.slice(0, headerLength + recordLength * 10) }, /11 of 21|10 of 21/);
  refused('dbf/empty', 'dbf', { dbf: new Uint8Array(0) }, /empty or damaged/);
  refused('dbf/more-records-than-shapes', 'dbf', { dbf: copy(valid.dbf, (view) => view.setUint32(4, count - 1, true)) }, /21 geometries but 20 records/);
  refused('dbf/record-count-huge', 'dbf', { dbf: copy(valid.dbf, (view) => view.setUint32(4, 0xffffffff, true)) }, /incomplete/);
  refused('dbf/eof-marker-early', 'dbf', { dbf: copy(valid.dbf, (_, bytes) => (bytes[headerLength + recordLength * 4] = 0x1a)) }, /record 5/);
  refused('dbf/bad-record-flag', 'dbf', { dbf: copy(valid.dbf, (_, bytes) => (bytes[headerLength + recordLength * 2] = 0x41)) }, /record 3/);
  refused('dbf/missing', 'dbf', { dbf: undefined }, /missing \.dbf/);
  // A .dbf is a table: on its own it is read as one (and needs a Stichtag); beside its .shp the refusal
  // also says where the boundaries are.
  refused('shp/missing', 'shapefile', { shp: undefined }, /No reference date is known/, 'gemeinden.dbf');
  refused('shp/dbf-chosen-instead', 'shapefile', {}, /For the boundaries, please choose gemeinden\.shp/, 'gemeinden.dbf');
  refused('shp/shx-chosen-without-shp', 'shapefile', { shp: undefined }, /geometry gemeinden\.shp is missing/, 'gemeinden.shx');
  for (const deleted of [[0], [4, 9], [count - 1], Array.from({ length: count - 1 }, (_, index) => index)]) {
    imported(
      `dbf/deleted-records-${deleted.join('-').slice(0, 20)}`,
      'dbf',
      { dbf: copy(valid.dbf, (_, bytes) => deleted.forEach((index) => (bytes[headerLength + recordLength * index] = 0x2a))) },
      count,
      /flagged as deleted/,
    );
  }
  // Encodings: the .cpg against the bytes.
  const cp850 = writeShapefile(5, FIELDS, records(real), CP850);
  const latin1 = writeShapefile(5, FIELDS, records(real), LATIN1);
  imported('encoding/cpg-utf8-on-cp850', 'encoding', { dbf: cp850.dbf, cpg: utf8('UTF-8') }, count, /\.cpg file says UTF-8/);
  imported('encoding/cpg-utf8-on-latin1', 'encoding', { dbf: latin1.dbf, cpg: utf8('UTF-8') }, count, /\.cpg file says UTF-8/);
  imported('encoding/no-cpg-cp850', 'encoding', { dbf: cp850.dbf, cpg: null }, count);
  imported('encoding/cpg-garbage', 'encoding', { cpg: utf8('KLINGON-8') }, count);
  imported('encoding/cpg-cp850-forced-by-flag', 'encoding', { dbf: cp850.dbf, cpg: utf8('UTF-8') }, count, undefined, ['--encoding', 'cp850']);
  // Coordinate systems and other members.
  refused('prj/missing', 'shapefile', { prj: null }, /--crs/);
  refused('prj/garbage', 'shapefile', { prj: utf8('das ist keine Projektion') }, /--crs/);
  refused('prj/wgs84-on-metres', 'shapefile', { prj: utf8('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]') }, /--crs/);
  const points = writeShapefile(1, FIELDS, records(real, (record) => ({ ...record, geometry: { type: 'Point', coordinates: ringOf(record.geometry as Polygon | MultiPolygon)[0]! } as Point })));
  refused('shp/point-layer', 'shapefile', points, /points, not polygons/);
  const empty = writeShapefile(5, FIELDS, []);
  refused('shp/no-records', 'shapefile', empty, /no polygon|no feature|no polygons/i);
  const nulls = writeShapefile(5, FIELDS, records(real, (record) => ({ ...record, geometry: null })));
  refused('shp/all-null-shapes', 'shapefile', nulls, /no polygon at all/);
  const someNull = writeShapefile(5, FIELDS, records(real, (record, index) => (index % 5 === 0 ? { ...record, geometry: null } : record)));
  imported('shp/some-null-shapes', 'shapefile', someNull, count);
  // Huge geometries (the audit's 25 000-vertex polygon took 6 s to validate): Hannover's outer ring densified
  // to 25 000 vertices, once as it is and once with one vertex pulled across the polygon so that its edges cross.
  const densified = densifyRing(ringOf(real.municipalities[0]!.geometry), 25_000);
  const crossed = densified.slice();
  const middle = Math.floor(crossed.length / 2);
  const [centreX, centreY] = [0, 1].map((axis) => densified.reduce((sum, point) => sum + point[axis]!, 0) / densified.length) as [number, number];
  crossed[middle] = [centreX + 1.5 * (centreX - crossed[middle]![0]!), centreY + 1.5 * (centreY - crossed[middle]![1]!)];
  for (const [label, ring] of [['25k-vertices', densified], ['25k-vertices-self-crossing', crossed]] as const) {
    const huge = writeShapefile(5, FIELDS, records(real, (record, index) => (index === 0 ? { ...record, geometry: { type: 'Polygon', coordinates: [ring] } } : record)));
    imported(`geometry/${label}`, 'geometry', huge, count, label.endsWith('crossing') ? /geometries are invalid/ : undefined);
  }
  const noKey = writeShapefile(5, [{ name: 'FOO', type: 'C', length: 8 }], records(real));
  refused('dbf/no-key-field', 'dbf', noKey, /--key/);
  return cases;
}

/** The ring with points inserted evenly along its edges until it has about `vertices` vertices (same shape). */
function densifyRing(ring: Position[], vertices: number): Position[] {
  const perEdge = Math.max(1, Math.ceil(vertices / (ring.length - 1)));
  const result: Position[] = [];
  for (let index = 0; index + 1 < ring.length; index += 1) {
    const [x0, y0] = ring[index] as [number, number];
    const [x1, y1] = ring[index + 1] as [number, number];
    for (let step = 0; step < perEdge; step += 1) result.push([x0 + ((x1 - x0) * step) / perEdge, y0 + ((y1 - y0) * step) / perEdge]);
  }
  result.push(result[0]!);
  return result;
}

function ringOf(geometry: Polygon | MultiPolygon): Position[] {
  return geometry.type === 'Polygon' ? geometry.coordinates[0]! : geometry.coordinates[0]![0]!;
}

/** Central-directory and local-header flag bit 0: the entry is encrypted. */
function withEncryptionFlag(zip: Uint8Array): Uint8Array {
  return copy(zip, (view, bytes) => {
    for (let offset = 0; offset + 4 <= bytes.length; offset += 1) {
      const signature = view.getUint32(offset, true);
      if (signature === 0x04034b50) view.setUint16(offset + 6, view.getUint16(offset + 6, true) | 1, true);
      if (signature === 0x02014b50) view.setUint16(offset + 8, view.getUint16(offset + 8, true) | 1, true);
    }
  });
}

function withMethod(zip: Uint8Array, method: number): Uint8Array {
  return copy(zip, (view, bytes) => {
    for (let offset = 0; offset + 4 <= bytes.length; offset += 1) {
      const signature = view.getUint32(offset, true);
      if (signature === 0x04034b50) view.setUint16(offset + 8, method, true);
      if (signature === 0x02014b50) view.setUint16(offset + 10, method, true);
    }
  });
}

function zipCases(real: RealData): HostileCase[] {
  const valid = writeShapefile(5, FIELDS, records(real));
  const members = { 'gemeinden.shp': valid.shp, 'gemeinden.shx': valid.shx, 'gemeinden.dbf': valid.dbf, 'gemeinden.prj': real.prj, 'gemeinden.cpg': utf8('UTF-8') };
  const zip = zipSync(members);
  const count = real.municipalities.length;
  const cases: HostileCase[] = [];
  const add = (id: string, bytes: Uint8Array, expect: Expectation, args?: string[]) => cases.push({ id, kind: 'zip', command: 'import', files: { 'grenzen.zip': bytes }, input: 'grenzen.zip', args, expect });
  add('zip/valid', zip, { outcome: 'imported', records: count });
  add('zip/in-folder-with-macos-junk', zipSync({ 'vg/gemeinden.shp': valid.shp, 'vg/gemeinden.dbf': valid.dbf, 'vg/gemeinden.prj': real.prj, '__MACOSX/vg/._gemeinden.shp': utf8('junk') }), { outcome: 'imported', records: count });
  add('zip/traversal', zipSync({ '../../etc/gemeinden.shp': valid.shp, 'gemeinden.dbf': valid.dbf }), { outcome: 'refused', message: /unsafe path/ });
  add('zip/absolute-path', zipSync({ '/tmp/gemeinden.shp': valid.shp }), { outcome: 'refused', message: /unsafe path/ });
  add('zip/drive-letter', zipSync({ 'C:/gemeinden.shp': valid.shp }), { outcome: 'refused', message: /unsafe path/ });
  add('zip/encrypted', withEncryptionFlag(zip), { outcome: 'refused', message: /password-protected/ });
  add('zip/nested', zipSync({ 'inner.zip': zip }), { outcome: 'refused', message: /further archives.*unpack/ });
  add('zip/unsupported-method', withMethod(zipSync(members, { level: 0 }), 14), { outcome: 'refused', message: /unsupported compression/ });
  for (const fraction of [0.1, 0.5, 0.9, 0.99]) add(`zip/truncated-${fraction}`, zip.slice(0, Math.floor(zip.length * fraction)), { outcome: 'refused', message: /not a readable ZIP/ });
  add('zip/not-a-zip', utf8('AGS;Name\n03241001;GEHEIM-4711\n'), { outcome: 'refused', message: /not a readable ZIP/, secret: 'GEHEIM' });
  add('zip/empty-file', new Uint8Array(0), { outcome: 'refused', message: /not a readable ZIP/ });
  add('zip/only-folders', zipSync({ 'leer/': new Uint8Array(0) }), { outcome: 'refused', message: /no shapefile/ });
  add('zip/two-layers', zipSync({ ...members, 'kreise.shp': valid.shp, 'kreise.dbf': valid.dbf, 'kreise.prj': real.prj }), { outcome: 'refused', message: /2 layers.*--layer/ });
  add('zip/two-layers-chosen', zipSync({ ...members, 'kreise.shp': valid.shp, 'kreise.dbf': valid.dbf, 'kreise.prj': real.prj }), { outcome: 'imported', records: count }, ['--layer', 'gemeinden']);
  add('zip/unknown-layer', zip, { outcome: 'refused', message: /not present.*--layer/ }, ['--layer', 'kreise']);
  // A zip bomb: 32 MiB of zeros in the .dbf's place, deflated to a few dozen kilobytes.
  const bomb = zipSync({ ...members, 'gemeinden.dbf': new Uint8Array(32 * 1024 * 1024) });
  add('zip/bomb', bomb, { outcome: 'refused', message: /zip bomb/ });
  // An entry that inflates to more than its declared size.
  const lying = copy(zipSync({ ...members }), (view, bytes) => {
    for (let offset = 0; offset + 4 <= bytes.length; offset += 1) {
      if (view.getUint32(offset, true) === 0x02014b50) view.setUint32(offset + 24, Math.max(1, view.getUint32(offset + 24, true) - 100), true);
    }
  });
  add('zip/size-lies', lying, { outcome: 'refused', message: /larger|beyond|damaged|readable/ });
  const corruptDeflate = copy(zip, (view, bytes) => {
    const dataStart = 30 + view.getUint16(26, true) + view.getUint16(28, true);
    for (let index = dataStart + 10; index < dataStart + 200; index += 1) bytes[index] = 0xff;
  });
  add('zip/corrupt-deflate-data', corruptDeflate, { outcome: 'refused', message: /not a readable ZIP|damaged|incomplete/ });
  void deflateSync;
  return cases;
}

function geoJsonDocument(real: RealData, change: (feature: Record<string, unknown>, index: number) => unknown = (feature) => feature): Record<string, unknown> {
  // GK3 metres to rough WGS84 degrees is not needed: the older `crs` member names EPSG:31467.
  return {
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::31467' } },
    features: real.municipalities.map((municipality, index) => change({ type: 'Feature', properties: { AGS: municipality.ags, GEN: municipality.name, EWZ: municipality.population }, geometry: municipality.geometry }, index)),
  };
}

function geoJsonCases(real: RealData): HostileCase[] {
  const count = real.municipalities.length;
  const cases: HostileCase[] = [];
  const add = (id: string, bytes: Uint8Array, expect: Expectation) => cases.push({ id, kind: 'geojson', command: 'import', files: { 'gemeinden.geojson': bytes }, input: 'gemeinden.geojson', expect });
  const json = (value: unknown) => utf8(JSON.stringify(value));
  const valid = json(geoJsonDocument(real));
  add('geojson/valid', valid, { outcome: 'imported', records: count });
  add('geojson/null-feature', json({ ...geoJsonDocument(real), features: [...(geoJsonDocument(real).features as unknown[]), null] }), { outcome: 'imported', records: count + 1, note: /not features/ });
  add('geojson/only-null-features', json({ type: 'FeatureCollection', features: [null] }), { outcome: 'refused', message: /no features/ });
  add('geojson/no-features', json({ type: 'FeatureCollection', features: [] }), { outcome: 'refused', message: /no features/ });
  add('geojson/features-not-array', json({ type: 'FeatureCollection', features: { a: 1 } }), { outcome: 'refused', message: /FeatureCollection/ });
  add('geojson/null-geometry', json(geoJsonDocument(real, (feature, index) => (index === 3 ? { ...feature, geometry: null } : feature))), { outcome: 'imported', records: count });
  add('geojson/all-null-geometry', json(geoJsonDocument(real, (feature) => ({ ...feature, geometry: null }))), { outcome: 'refused', message: /no polygon at all/ });
  add('geojson/null-in-ring', json(geoJsonDocument(real, (feature, index) => (index === 2 ? { ...feature, geometry: { type: 'Polygon', coordinates: [[null, [1, 2], [3, 4], null]] } } : feature))), { outcome: 'refused', message: /feature 3/ });
  add('geojson/null-coordinates', json(geoJsonDocument(real, (feature, index) => (index === 5 ? { ...feature, geometry: { type: 'Polygon', coordinates: null } } : feature))), { outcome: 'refused', message: /feature 6/ });
  add('geojson/string-coordinates', json(geoJsonDocument(real, (feature, index) => (index === 0 ? { ...feature, geometry: { type: 'Polygon', coordinates: [[['NaN', 'NaN'], [1, 2], [2, 3], ['NaN', 'NaN']]] } } : feature))), { outcome: 'refused', message: /feature 1/ });
  add('geojson/overflowing-number', utf8(new TextDecoder().decode(valid).replace(/\[(\d+\.?\d*),/, '[1e400,')), { outcome: 'refused', message: /feature 1/ });
  add('geojson/point-layer', json(geoJsonDocument(real, (feature) => ({ ...feature, geometry: { type: 'Point', coordinates: [3550000, 5800000] } }))), { outcome: 'refused', message: /points, not polygons/ });
  add('geojson/line-layer', json(geoJsonDocument(real, (feature) => ({ ...feature, geometry: { type: 'LineString', coordinates: [[1, 2], [3, 4]] } }))), { outcome: 'refused', message: /no polygon at all/ });
  add('geojson/properties-array', json(geoJsonDocument(real, (feature) => ({ ...feature, properties: [1, 2] }))), { outcome: 'refused', message: /--key/ });
  add('geojson/not-a-collection', json({ type: 'Feature', geometry: null, properties: {} }), { outcome: 'refused', message: /FeatureCollection/ });
  add('geojson/json-null', utf8('null'), { outcome: 'refused', message: /FeatureCollection/ });
  add('geojson/secret-text', utf8('GEHEIM-4711 Passwort: Sommer2024\nroot:x:0:0'), { outcome: 'refused', message: /not valid GeoJSON/, secret: 'GEHEIM' });
  add('geojson/secret-broken-json', utf8('{"type": "FeatureCollection", "GEHEIM-4711": '), { outcome: 'refused', message: /not valid GeoJSON/, secret: 'GEHEIM' });
  add('geojson/unknown-crs', json({ ...geoJsonDocument(real), crs: { type: 'name', properties: { name: 'EPSG:99999' } } }), { outcome: 'refused', message: /--crs/ });
  for (const fraction of [0.01, 0.3, 0.7, 0.999]) add(`geojson/truncated-${fraction}`, valid.slice(0, Math.floor(valid.length * fraction)), { outcome: 'refused', message: /not valid GeoJSON/ });
  add('geojson/latin1', LATIN1(new TextDecoder().decode(valid)), { outcome: 'imported', records: count, note: /not UTF-8 encoded/ });
  const utf16 = (() => {
    const text = new TextDecoder().decode(valid);
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let index = 0; index < text.length; index += 1) new DataView(bytes.buffer).setUint16(2 + index * 2, text.charCodeAt(index), true);
    return bytes;
  })();
  add('geojson/utf16', utf16, { outcome: 'imported', records: count, note: /UTF-16/ });
  add('geojson/deep-nesting', utf8(`${'['.repeat(20000)}${']'.repeat(20000)}`), { outcome: 'refused', message: /FeatureCollection|not valid GeoJSON/ });
  add('geojson/binary', Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256), { outcome: 'refused', message: /not valid GeoJSON|UTF-16/ });
  return cases;
}

/** A GeoPackage made with plain SQL, as GDAL would lay it out, with one feature table. */
function geoPackageBytes(directory: string, build: (db: Database.Database) => void): Uint8Array {
  const file = `${directory}/${Math.random().toString(36).slice(2)}.gpkg`;
  const db = new Database(file);
  db.exec(`
    CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
    CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
    CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL);
    INSERT INTO gpkg_spatial_ref_sys VALUES ('DHDN / 3-degree Gauss-Kruger zone 3', 31467, 'EPSG', 31467, 'PROJCS["DHDN / 3-degree Gauss-Kruger zone 3"]', '');
    CREATE TABLE stadtteile (fid INTEGER PRIMARY KEY, geom BLOB, AGS TEXT, GEN TEXT);
    INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('stadtteile', 'features', 'stadtteile', 31467);
    INSERT INTO gpkg_geometry_columns VALUES ('stadtteile', 'geom', 'MULTIPOLYGON', 31467, 0, 0);
  `);
  build(db);
  db.close();
  const bytes = new Uint8Array(readFileSync(file));
  return bytes;
}

function geoPackageCases(real: RealData, scratch: string, encodeGeometry: (geometry: Polygon | MultiPolygon) => Uint8Array): HostileCase[] {
  const count = real.municipalities.length;
  const fill = (db: Database.Database, blob: (index: number) => Uint8Array | null = (index) => encodeGeometry(real.municipalities[index]!.geometry)) => {
    const insert = db.prepare('INSERT INTO stadtteile (geom, AGS, GEN) VALUES (?, ?, ?)');
    real.municipalities.forEach((municipality, index) => insert.run(blob(index), municipality.ags, municipality.name));
  };
  const cases: HostileCase[] = [];
  const add = (id: string, bytes: Uint8Array, expect: Expectation) => cases.push({ id, kind: 'geopackage', command: 'import', files: { 'stadtteile.gpkg': bytes }, input: 'stadtteile.gpkg', expect });
  add('gpkg/valid', geoPackageBytes(scratch, (db) => fill(db)), { outcome: 'imported', records: count });
  add('gpkg/no-geometry-columns-row', geoPackageBytes(scratch, (db) => (fill(db), db.exec('DELETE FROM gpkg_geometry_columns'))), { outcome: 'refused', message: /no geometry column/ });
  add('gpkg/bad-geometry-blob', geoPackageBytes(scratch, (db) => fill(db, (index) => (index === 4 ? utf8('GPxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx') : encodeGeometry(real.municipalities[index]!.geometry)))), { outcome: 'refused', message: /row 5/ });
  add('gpkg/blob-not-gp', geoPackageBytes(scratch, (db) => fill(db, () => utf8('not a geometry'))), { outcome: 'refused', message: /row 1/ });
  add('gpkg/missing-layer-table', geoPackageBytes(scratch, (db) => db.exec('DROP TABLE stadtteile')), { outcome: 'refused', message: /table is missing/ });
  add('gpkg/no-gpkg-tables', geoPackageBytes(scratch, (db) => db.exec('DROP TABLE gpkg_contents')), { outcome: 'refused', message: /gpkg_ tables are missing/ });
  add('gpkg/not-sqlite', utf8('SQLite format 2\u0000 nothing here'), { outcome: 'refused', message: /not a readable GeoPackage/ });
  add('gpkg/empty-file', new Uint8Array(0), { outcome: 'refused', message: /not a readable GeoPackage|gpkg_ tables/ });
  add('gpkg/empty-layer', geoPackageBytes(scratch, () => undefined), { outcome: 'refused', message: /no polygon at all|no features|0 objects/ });
  add('gpkg/missing-srs-row', geoPackageBytes(scratch, (db) => (fill(db), db.exec('DELETE FROM gpkg_spatial_ref_sys'))), { outcome: 'refused', message: /--crs/ });
  add('gpkg/null-geometries', geoPackageBytes(scratch, (db) => fill(db, () => null)), { outcome: 'refused', message: /no polygon at all/ });
  return cases;
}

/** A CSV of the municipalities' Zensus counts in the GENESIS layout (title, header with Stichtag, rows, © line). */
function csvText(real: RealData, options: { value?: (index: number, population: number) => string; key?: (ags: string, index: number) => string; extraRows?: string[]; delimiter?: string } = {}): string {
  const delimiter = options.delimiter ?? ';';
  const lines = ['Bevölkerung nach Gemeinden', `AGS${delimiter}Gemeinde${delimiter}Einwohner 31.12.2022`];
  real.municipalities.forEach((municipality, index) => lines.push([options.key?.(municipality.ags, index) ?? municipality.ags, municipality.name, options.value?.(index, municipality.population) ?? String(municipality.population)].join(delimiter)));
  lines.push(...(options.extraRows ?? []), '', '© Statistische Ämter des Bundes und der Länder, 2024');
  return `${lines.join('\r\n')}\r\n`;
}

function csvCases(real: RealData): HostileCase[] {
  const count = real.municipalities.length;
  const cases: HostileCase[] = [];
  const add = (id: string, bytes: Uint8Array | string, expect: Expectation, args?: string[], name = 'tabelle.csv') =>
    cases.push({ id, kind: 'csv', command: 'import', files: { [name]: typeof bytes === 'string' ? utf8(bytes) : bytes }, input: name, args, expect });
  add('csv/valid', csvText(real), { outcome: 'imported', records: count });
  for (const line of [0, 9, count - 1]) {
    add(`csv/unterminated-quote-row-${line}`, csvText(real, { key: (ags, index) => (index === line ? `"${ags}` : ags) }), { outcome: 'refused', message: new RegExp(`line ${line + 3}`) });
  }
  add('csv/unterminated-quote-in-name', csvText(real, { extraRows: ['03241999;"Nirgendwo;5'] }), { outcome: 'refused', message: /line 24/ });
  for (const value of ['k.A.', 'n.v.', 'NaN', '1e400', '=1+1', '+1', '@SUM(A1)', '-', '.', 'x', '', 'unbekannt']) {
    for (const row of [0, 10]) {
      add(`csv/value-${value || 'empty'}-in-row-${row}`, csvText(real, { value: (index, population) => (index === row ? value : String(population)) }), {
        outcome: 'imported',
        records: count,
        check: (document) => {
          const variables = (document.mapping as { valueColumns: { column: number }[] }).valueColumns;
          if (variables.length !== 1) throw new Error(`expected one value column, got ${variables.length}`);
        },
      });
    }
  }
  // GENESIS and Zensus exports end in a footnote quoted over several lines. A stray quotation mark in a data
  // row is then closed by the footnote's quotation mark, and every row in between would become one value
  // without any parser error (the real Zensus file lost 9 520 of 10 787 rows that way).
  const footnote = ['__________', '"Nachrichtlich aus dem Gemeindeverzeichnis GV-ISys:', 'Gemeindefläche zum 31.12.2011; Bevölkerung', 'Die Angaben unterliegen keiner datenverändernden', 'Geheimhaltung."'];
  add('csv/genesis-footnote', csvText(real, { extraRows: footnote }), { outcome: 'imported', records: count });
  for (const line of [0, 9, count - 1]) {
    add(`csv/stray-quote-closed-by-footnote-row-${line}`, csvText(real, { key: (ags, index) => (index === line ? `"${ags}` : ags), extraRows: footnote }), { outcome: 'refused', message: new RegExp(`Line ${line + 3}: .*only closed in line`) });
  }
  const sixth = real.municipalities[5]!.name;
  add('csv/stray-quote-in-name-closed-by-footnote', csvText(real, { extraRows: footnote }).replace(`;${sixth};`, `;"${sixth};`), { outcome: 'refused', message: /Line 8: / });
  add('csv/stray-quote-closed-by-footnote-end', csvText(real, { key: (ags, index) => (index === 4 ? `"${ags}` : ags), extraRows: ['Geheimhaltung."'] }), { outcome: 'refused', message: /Line 7: .*only closed in line/ });
  add('csv/quoted-word-then-text', csvText(real).replace(`;${sixth};`, `;"${sixth}" Stadt;`), { outcome: 'refused', message: /Line 8: / });
  add('csv/quoted-word-then-text-and-footnote', csvText(real, { extraRows: footnote }).replace(`;${sixth};`, `;"${sixth}" Stadt;`), { outcome: 'refused', message: /Line 8: / });
  add('csv/header-only', 'AGS;Gemeinde;Einwohner 31.12.2022\r\n', { outcome: 'refused', message: /no data rows|only a header/ });
  add('csv/title-only', 'Bevölkerung nach Gemeinden\r\n', { outcome: 'refused', message: /no data rows|only a header/ });
  add('csv/empty', new Uint8Array(0), { outcome: 'refused', message: /empty/ });
  add('csv/whitespace-only', '   \r\n\r\n  \t \r\n', { outcome: 'refused', message: /empty|no data rows/ });
  const utf16 = (text: string, bigEndian: boolean, bom: boolean) => {
    const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2);
    const view = new DataView(bytes.buffer);
    if (bom) view.setUint16(0, 0xfeff, !bigEndian);
    for (let index = 0; index < text.length; index += 1) view.setUint16((bom ? 2 : 0) + index * 2, text.charCodeAt(index), !bigEndian);
    return bytes;
  };
  add('csv/utf16le-bom', utf16(csvText(real), false, true), { outcome: 'imported', records: count, note: /UTF-16/ });
  add('csv/utf16be-bom', utf16(csvText(real), true, true), { outcome: 'imported', records: count, note: /UTF-16/ });
  add('csv/utf16le-no-bom', utf16(csvText(real), false, false), { outcome: 'imported', records: count, note: /UTF-16/ });
  add('csv/binary', Uint8Array.from({ length: 2048 }, (_, index) => (index * 31) % 256), { outcome: 'refused', message: /binary data|not a text table/ });
  add('csv/nul-bytes', utf8(csvText(real).replace('Hannover', 'Hann\u0000over')), { outcome: 'refused', message: /binary data/ });
  add('csv/latin1', LATIN1(csvText(real)), { outcome: 'imported', records: count });
  add('csv/cp850', CP850(csvText(real)), { outcome: 'imported', records: count });
  add('csv/bom-and-cr-only', `\ufeff${csvText(real).replace(/\r\n/g, '\r')}`, { outcome: 'imported', records: count });
  add('csv/lf-only', csvText(real).replace(/\r\n/g, '\n'), { outcome: 'imported', records: count });
  add('csv/comma-delimited', csvText(real, { delimiter: ',' }), { outcome: 'imported', records: count });
  add('csv/tab-delimited', csvText(real, { delimiter: '\t' }), { outcome: 'imported', records: count }, undefined, 'tabelle.txt');
  add('csv/mixed-delimiters', csvText(real).split('\r\n').map((line, index) => (index > 8 && /^03/.test(line) ? line.replaceAll(';', ',') : line)).join('\r\n'), { outcome: 'refused', message: /mixes delimiters/ });
  // Excel dropped the zero from all keys but the first two rows'.
  add('csv/leading-zero-lost', csvText(real, { key: (ags, index) => (index < 2 ? ags : ags.replace(/^0/, '')) }), {
    outcome: 'imported',
    records: count,
    check: (document) => {
      const join = document.join as { restoredLeadingZeros: number };
      if (join.restoredLeadingZeros !== count - 2) throw new Error(`restoredLeadingZeros ${join.restoredLeadingZeros}`);
      // The example is one of the file's own keys, not a fixed one (a Kreis table's 3241 → 03241).
      const warning = (document.warnings as { code: string; en: string }[] | undefined)?.find((entry) => entry.code === 'restored-leading-zeros');
      const first = real.municipalities[2]!.ags;
      if (!warning?.en.includes(`e.g. ${first.replace(/^0/, '')} instead of ${first}`)) throw new Error(`leading-zero example: ${warning?.en}`);
    },
  });
  add('csv/unknown-keys', csvText(real, { key: (ags, index) => (index < 5 ? `0999${index}001` : ags) }), { outcome: 'imported', records: count });
  add('csv/aggregate-row', csvText(real, { extraRows: ['03241;Region Hannover;1157624'] }), { outcome: 'imported', records: count + 1 });
  add('csv/duplicate-keys', csvText(real, { key: (ags, index) => (index === 1 ? real.municipalities[0]!.ags : ags) }), { outcome: 'refused', message: /Duplicate|twice|more than once/ });
  add('csv/ragged-rows', csvText(real).replace(/;Hannover[^\r]*/, ';Hannover'), { outcome: 'imported', records: count });
  add('csv/no-key-column', csvText(real, { key: () => 'abc' }), { outcome: 'refused' });
  add('csv/too-many-columns', `AGS;${Array.from({ length: 3000 }, (_, index) => `Merkmal ${index}`).join(';')}\r\n03241001;${Array.from({ length: 3000 }, () => '1').join(';')}\r\n`, { outcome: 'refused', message: /columns/ });
  // The million-row CSV of the audit: refused by counting lines, before a row is built (1 000 001 short lines, 12 MB).
  add('csv/rows-over-limit', `AGS;Einwohner\r\n${'03241001;1\r\n'.repeat(1_000_000)}`, { outcome: 'refused', message: /more than 1,000,000 rows.*export only/ });
  add('csv/very-long-cell', csvText(real, { extraRows: [`03241998;${'A'.repeat(2_000_000)};1`] }), { outcome: 'imported', records: count + 1 });
  add('csv/formula-in-name', csvText(real).replace('Hannover', '=HYPERLINK("http://example.invalid")'), { outcome: 'imported', records: count });
  add('csv/bidi-in-name', csvText(real).replace('Hannover', 'Hann\u202eover'), { outcome: 'imported', records: count });
  return cases;
}

export interface CorpusContext {
  real: RealData;
  /** Folder for scratch files the generator needs (GeoPackages are built with SQLite on disk). */
  scratch: string;
  encodeGeometry: (geometry: Polygon | MultiPolygon) => Uint8Array;
  /** Projects broken in the ways issue 17 lists, each as file bytes. */
  brokenProjects: Record<string, { bytes: Uint8Array; info: Expectation; importTable: Expectation }>;
  xlsx: Record<string, { bytes: Uint8Array; expect: Expectation; args?: string[] }>;
  /** The base project with a table "gemeinden" that a GIS colleague added with QGIS/GDAL (features, registration, spatial index). */
  foreignTableProject: Uint8Array;
}

/** Every case of the corpus. */
export function hostileCorpus(context: CorpusContext): HostileCase[] {
  const cases = [...shapefileCases(context.real), ...zipCases(context.real), ...geoJsonCases(context.real), ...geoPackageCases(context.real, context.scratch, context.encodeGeometry), ...csvCases(context.real)];
  for (const [id, entry] of Object.entries(context.xlsx)) cases.push({ id: `xlsx/${id}`, kind: 'xlsx', command: 'import', files: { 'tabelle.xlsx': entry.bytes }, input: 'tabelle.xlsx', args: entry.args, expect: entry.expect });
  // An import whose name is taken by a table Kleinraum does not own: the table is never dropped or overwritten.
  const boundaries = shapefileFiles(context.real, writeShapefile(5, FIELDS, records(context.real)));
  const foreign = (id: string, expect: Expectation, args?: string[]) =>
    cases.push({ id: `project/foreign-table/${id}`, kind: 'project', command: 'import', files: { 'projekt.gpkg': context.foreignTableProject, ...boundaries }, input: 'gemeinden.shp', project: 'projekt.gpkg', args, expect });
  foreign('same-name', {
    outcome: 'imported',
    records: context.real.municipalities.length,
    note: /already holds a table "gemeinden" that Kleinraum did not create/,
    check: (document) => {
      if (document.layer === 'gemeinden') throw new Error('the import took the name of the foreign table');
    },
  });
  foreign('name-chosen', { outcome: 'refused', message: /did not create.*--layer-name/ }, ['--layer-name', 'gemeinden']);
  foreign('name-chosen-other-case', { outcome: 'refused', message: /did not create.*--layer-name/ }, ['--layer-name', 'Gemeinden']);
  foreign(
    'spatial-index-name',
    {
      outcome: 'imported',
      records: context.real.municipalities.length,
      check: (document) => {
        // The preview's note about its proposed name ("the new layer is named gemeinden_2") would now be wrong.
        const warnings = (document.warnings as { code: string }[]).map((warning) => warning.code);
        if (document.layer !== 'ebene_rtree_gemeinden_geom' || warnings.includes('foreign-table-name')) throw new Error(`layer ${String(document.layer)}, warnings ${warnings.join(', ')}`);
      },
    },
    ['--layer-name', 'rtree_gemeinden_geom'],
  );
  for (const [id, { bytes, info, importTable }] of Object.entries(context.brokenProjects)) {
    cases.push({ id: `project/info/${id}`, kind: 'project', command: 'info', files: { 'projekt.gpkg': bytes }, input: 'projekt.gpkg', project: 'projekt.gpkg', expect: info });
    cases.push({ id: `project/import-into/${id}`, kind: 'project', command: 'import', files: { 'projekt.gpkg': bytes, 'tabelle.csv': utf8(csvText(context.real)) }, input: 'tabelle.csv', project: 'projekt.gpkg', expect: importTable });
  }
  return cases;
}

export { csvText, FIELDS, records };
