/**
 * Reading one shapefile (.shp + .dbf, with .shx, .prj and .cpg when present): the geometries with
 * Kleinraum's own reader of the checked bytes (shared/fileFormats/shapefile/readShp.ts), the attributes
 * through the `shapefile` package, with Kleinraum's strict checks around both (checkShp, checkDbf): the .shx must
 * agree with the .shp, counts and part indices must be sound, the .dbf must have as many records as the
 * .shp has shapes, and records flagged deleted are left out and counted. Used by boundary import and by
 * the facility import of point layers.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { openDbf } from 'shapefile';
import textEncoding from 'text-encoding';
import { UserError } from '../../../shared/contract/errors';
import { checkDbf, dbfIsInvalidUtf8, detectDbfEncoding, type DbfSummary } from '../../../shared/fileFormats/shapefile/checkDbf';
import { checkShp, damagedShapefile, type ShpSummary } from '../../../shared/fileFormats/shapefile/checkShp';
import { readShpGeometries, type ShpGeometry } from '../../../shared/fileFormats/shapefile/readShp';
import { decodeText, normaliseEncodingName, type EncodingDetection, type TextEncoding } from '../../../shared/fileFormats/text/decode';
import type { LocalizedText } from '../../../shared/model/project';
import { readFileBytes } from './readFileBytes';

/** Returns the bytes of a member of the set by extension (".shp", ".dbf", …), or null when it is missing. */
export type ShapefileMemberReader = (extension: string) => Uint8Array | null;

/** Case-insensitive lookup of the members of a shapefile set beside `base` (Windows users send `.SHP` and `.prj` mixed). */
export function siblingReader(directory: string, base: string): ShapefileMemberReader & { has(extension: string): boolean } {
  const lower = new Map(readdirSync(directory).map((name) => [name.toLowerCase(), name]));
  const fileOf = (extension: string) => lower.get(`${base}${extension}`.toLowerCase());
  const read = (extension: string) => {
    const actual = fileOf(extension);
    return actual ? readFileBytes(path.join(directory, actual)) : null;
  };
  return Object.assign(read, { has: (extension: string) => fileOf(extension) !== undefined });
}

export interface ShapefileFeature {
  /** Attributes as text (numbers as written, dates as YYYYMMDD), so keys keep their form. */
  properties: Record<string, string | null>;
  geometry: ShpGeometry;
}

export interface ShapefileRead {
  shp: ShpSummary;
  dbf: DbfSummary;
  /** Features in record order, deleted records left out. */
  features: ShapefileFeature[];
  /** Records flagged deleted in the .dbf, left out as GDAL and QGIS do. */
  deletedRecords: number;
  encoding: { detected: EncodingDetection; used: TextEncoding; fromCpg: boolean };
  /** The .prj text (windows-1252), or null. */
  prj: string | null;
  /** Things the planner should know that did not stop the reading (e.g. a .cpg that was wrong). */
  notes: { code: string; text: LocalizedText }[];
}

/**
 * The `shapefile` package decodes text with the TextDecoder of its `text-encoding` dependency, which knows
 * no CP850 and, as Node's own (the bundles' stand-in for it), maps some windows-1252 bytes differently from
 * the WHATWG table. It is therefore given a single-byte "carrier" encoding that maps all 256 byte values to
 * distinct characters; those are turned back into the original bytes and decoded with Kleinraum's own
 * tables. The table back to bytes comes from the same decoder the package uses: Node's and the polyfill's
 * differ, and a table from the other one turned „ “ – € into "?". The carrier for CP850 is IBM866, which
 * puts the no-break space (removed by the package's trim) on the same byte 0xFF, so no letter is ever
 * trimmed away.
 */
function carrierFor(encoding: TextEncoding): { name: string; toBytes: (text: string) => Uint8Array } | null {
  if (encoding === 'utf-8') return null;
  const name = encoding === 'cp850' ? 'ibm866' : 'windows-1252';
  const decoded = new textEncoding.TextDecoder(name).decode(Uint8Array.from({ length: 256 }, (_, byte) => byte));
  const byteOf = new Map<number, number>();
  for (let byte = 0; byte < 256; byte += 1) byteOf.set(decoded.charCodeAt(byte), byte);
  return {
    name,
    toBytes: (text) => Uint8Array.from(text, (character) => byteOf.get(character.charCodeAt(0)) ?? 0x3f),
  };
}

function attributeText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return `${value.getFullYear()}${String(value.getMonth() + 1).padStart(2, '0')}${String(value.getDate()).padStart(2, '0')}`;
  }
  if (typeof value === 'boolean') return value ? 'T' : 'F';
  return String(value);
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** The attribute table of a shapefile, or a dBASE table on its own (.dbf, with its .cpg when present). */
export interface DbfRead {
  dbf: DbfSummary;
  /** The field names in the table's order, decoded as the records' keys are. */
  fieldNames: string[];
  /** Each record's attributes by record index (deleted records: null). */
  records: (Record<string, string | null> | null)[];
  /** Records flagged deleted, left out as GDAL and QGIS do. */
  deletedRecords: number;
  encoding: { detected: EncodingDetection; used: TextEncoding; fromCpg: boolean };
  notes: { code: string; text: LocalizedText }[];
}

/**
 * Reads the .dbf of a set (and its .cpg), checked by checkDbf; `encoding` overrides the .cpg and the
 * detection. Used for a shapefile's attributes and for a .dbf imported as a table.
 * @example (await readDbf((extension) => readFileOrNull(`Einwohner${extension}`), 'Einwohner')).records.length
 */
export async function readDbf(read: ShapefileMemberReader, baseName: string, encoding?: TextEncoding): Promise<DbfRead> {
  const dbfName = `${baseName}.dbf`;
  const dbfBytes = read('.dbf');
  if (!dbfBytes) throw new UserError('not-found', { de: `${dbfName} wurde nicht gefunden. Bitte den Pfad prüfen.`, en: `${dbfName} was not found. Please check the path.` });
  const dbf = checkDbf(dbfBytes, dbfName);
  const notes: DbfRead['notes'] = [];
  const cpgBytes = read('.cpg');
  const cpgText = cpgBytes ? decodeText(cpgBytes, 'windows-1252').trim() : null;
  const cpgEncoding = cpgText ? normaliseEncodingName(cpgText) : null;
  const detection = detectDbfEncoding(dbfBytes, dbf);
  let detected: EncodingDetection = detection;
  let fromCpg = false;
  if (cpgEncoding === 'utf-8' && dbfIsInvalidUtf8(dbfBytes, dbf)) {
    // A .cpg that says UTF-8 on a DOS or Windows table would turn every umlaut into U+FFFD.
    notes.push({
      code: 'cpg-contradicts-content',
      text: {
        de: `Die .cpg-Datei nennt UTF-8, die Namen sind aber nicht UTF-8-kodiert; gelesen wird als ${detection.encoding} (z. B. ${detection.preview.slice(0, 3).join(', ') || '–'}). Bitte die Umlaute prüfen und sonst eine andere Kodierung wählen (CLI: --encoding).`,
        en: `The .cpg file says UTF-8, but the names are not UTF-8 encoded; they are read as ${detection.encoding} (e.g. ${detection.preview.slice(0, 3).join(', ') || '–'}). Please check the umlauts and otherwise choose another encoding (CLI: --encoding).`,
      },
    });
  } else if (cpgEncoding) {
    // The names with umlauts the content shows, when the content reads the same way (the wizard shows them
    // as the check of the encoding; none listed said "no names with umlauts" beside Lübeck).
    const preview = detection.encoding === cpgEncoding ? detection.preview : [];
    detected = { encoding: cpgEncoding, confidence: 1, bom: false, preview, candidates: [{ encoding: cpgEncoding, score: 1 }] };
    fromCpg = true;
  }
  const used = encoding ?? detected.encoding;

  const carrier = carrierFor(used);
  const reencode = carrier ? (text: string) => decodeText(carrier.toBytes(text), used) : null;
  let attributes: Awaited<ReturnType<typeof openDbf>>;
  try {
    attributes = await openDbf(toArrayBuffer(dbfBytes), { encoding: carrier?.name ?? 'utf-8' });
  } catch (error) {
    throw damagedShapefile(dbfName, { de: (error as Error).message, en: (error as Error).message });
  }
  // The records' texts are decoded straight into the table's encoding: the package decodes every field of
  // every record through the text-encoding polyfill, which builds a stream per call (about 0,85 s of a
  // 2,1 s preview of VG250_GEM.dbf, 11 000 records × 25 fields, on each change in the wizard). The
  // project's single-byte decoder gives the same characters as the carrier's round trip; UTF-8 goes through
  // the platform's decoder, which follows the same WHATWG rules as the polyfill (replacement characters).
  const utf8 = new TextDecoder('utf-8');
  (attributes as unknown as { _decode: (bytes: Uint8Array) => string })._decode = used === 'utf-8' ? (bytes) => utf8.decode(bytes) : (bytes) => decodeText(bytes, used);
  // The names in field order, as the package decoded them (through the carrier, when it opened the file)
  // for the records' keys (an object's keys would put "2016", "2017" first).
  const fieldNames = (attributes as unknown as { _fields: { name: string }[] })._fields.map((field) => (reencode ? reencode(field.name) : field.name));
  // The records' keys are the package's field names: each re-encoded once, as `fieldNames` holds them.
  const rawNames = (attributes as unknown as { _fields: { name: string }[] })._fields.map((field) => field.name);
  const recodedNames = new Map(rawNames.map((name, index) => [name, fieldNames[index]!]));
  const recordKey = (name: string): string => recodedNames.get(name) ?? (reencode ? reencode(name) : name);
  const deleted = new Set(dbf.deletedRecords);
  const records: DbfRead['records'] = [];
  for (let index = 0; index < dbf.recordCount; index += 1) {
    const row = await attributes.read();
    if (row.done) {
      throw damagedShapefile(dbfName, { de: `nach ${index} von ${dbf.recordCount} Datensätzen zu Ende`, en: `ended after ${index} of ${dbf.recordCount} records` });
    }
    if (deleted.has(index)) {
      records.push(null);
      continue;
    }
    const properties: Record<string, string | null> = {};
    // for…in rather than destructured entries, and each name re-encoded once: this runs cold once per
    // attribute of every record (275 000 times for VG250_GEM), where destructuring takes the iterator protocol.
    const values = (row.value ?? {}) as Record<string, unknown>;
    for (const name in values) properties[recordKey(name)] = attributeText(values[name]);
    records.push(properties);
  }
  if (deleted.size > 0) {
    notes.push({
      code: 'deleted-records',
      text: {
        de: `${deleted.size} Datensätze sind in der .dbf als gelöscht markiert und werden wie in QGIS und GDAL nicht übernommen.`,
        en: `${deleted.size} records are flagged as deleted in the .dbf and are left out, as QGIS and GDAL do.`,
      },
    });
  }
  return { dbf, fieldNames, records, deletedRecords: deleted.size, encoding: { detected, used, fromCpg }, notes };
}

/**
 * Reads a shapefile set. `encoding` overrides the .cpg and the detection (e.g. "cp850").
 * @example await readShapefile((extension) => readFileOrNull(`VG5000_KRS${extension}`), 'VG5000_KRS') // { features: [401 features], … }
 */
export async function readShapefile(read: ShapefileMemberReader, baseName: string, encoding?: TextEncoding): Promise<ShapefileRead> {
  const shpBytes = read('.shp');
  const dbfBytes = read('.dbf');
  if (!shpBytes || !dbfBytes) {
    const missing = [!shpBytes ? '.shp' : null, !dbfBytes ? '.dbf' : null].filter(Boolean).join(', ');
    throw new UserError('bad-input', {
      de: `Zum Shapefile ${baseName} fehlt ${missing}. Ein Shapefile besteht aus mehreren Dateien (.shp, .shx, .dbf, .prj, .cpg); bitte alle zusammen wählen oder als .zip.`,
      en: `The shapefile ${baseName} is missing ${missing}. A shapefile consists of several files (.shp, .shx, .dbf, .prj, .cpg); please choose them together or as a .zip.`,
    });
  }
  const shp = checkShp(shpBytes, read('.shx'), `${baseName}.shp`);
  const dbfRecordCount = checkDbf(dbfBytes, `${baseName}.dbf`).recordCount;
  if (shp.recordCount !== dbfRecordCount) {
    throw new UserError('bad-input', {
      de: `Das Shapefile ${baseName} ist inkonsistent: ${shp.recordCount} Geometrien, aber ${dbfRecordCount} Datensätze in der .dbf. Eine Zuordnung wäre unsicher; bitte die Daten erneut herunterladen.`,
      en: `The shapefile ${baseName} is inconsistent: ${shp.recordCount} geometries but ${dbfRecordCount} records in the .dbf. Matching them would be unsafe; please download the data again.`,
    });
  }
  const attributes = await readDbf(read, baseName, encoding);
  const geometries = readShpGeometries(shpBytes, shp);
  const features: ShapefileFeature[] = [];
  attributes.records.forEach((properties, index) => {
    if (properties) features.push({ properties, geometry: geometries[index] ?? null });
  });
  const prjBytes = read('.prj');
  return {
    shp,
    dbf: attributes.dbf,
    features,
    deletedRecords: attributes.deletedRecords,
    encoding: attributes.encoding,
    prj: prjBytes ? decodeText(prjBytes, 'windows-1252') : null,
    notes: attributes.notes,
  };
}
