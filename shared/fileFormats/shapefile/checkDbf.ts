/**
 * Strict checks of a dBASE table (.dbf, the attribute part of a shapefile) before the `shapefile` package
 * reads it, and the detection of its text encoding. The package trusts the header: a record length of 0
 * or 1, field lengths that do not add up, a missing header terminator or an unknown field type make it
 * read garbage or crash, and it imports records flagged as deleted. Here each of these is either a
 * `UserError` that says what is wrong, or (deleted records) listed so the caller skips and reports them.
 */
import { UserError } from '../../contract/errors';
import { countUtf8Sequences, decodeText, detectEncoding, type EncodingDetection } from '../text/decode';

export interface DbfField {
  name: string;
  /** dBASE type letter: C text, N/F number, D date, L logical. */
  type: string;
  length: number;
  decimals: number;
}

export interface DbfSummary {
  fields: DbfField[];
  /** The record count the header declares (deleted records included). */
  recordCount: number;
  headerLength: number;
  recordLength: number;
  /** 0-based indices of records flagged deleted ('*'): GDAL and QGIS leave them out, and so does Kleinraum. */
  deletedRecords: number[];
}

/** Field types the `shapefile` package can read. */
const READABLE_TYPES = new Set(['B', 'C', 'D', 'F', 'L', 'M', 'N']);
const DELETED_FLAG = 0x2a;

function damagedDbf(fileName: string, de: string, en: string): UserError {
  return new UserError('bad-input', {
    de: `Die Attributdatei ${fileName} ist beschädigt (${de}) und lässt sich nicht genau lesen. Bitte die Datei (bei einem Shapefile alle seine Dateien) erneut herunterladen oder neu exportieren.`,
    en: `The attribute file ${fileName} is damaged (${en}) and cannot be read exactly. Please download or export the file (all files of a shapefile) again.`,
  });
}

/**
 * Checks the header, the field layout and the length of a .dbf, and finds deleted records.
 * @example checkDbf(dbfBytes, 'VG5000_KRS.dbf').recordCount // 401
 */
export function checkDbf(bytes: Uint8Array, fileName: string): DbfSummary {
  if (bytes.length < 33) {
    throw new UserError('bad-input', {
      de: `Die Attributdatei ${fileName} ist leer oder beschädigt. Bitte die Datei (bei einem Shapefile alle seine Dateien, mit .dbf) erneut kopieren.`,
      en: `The attribute file ${fileName} is empty or damaged. Please copy the file (all files of a shapefile, with .dbf) again.`,
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const recordCount = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || headerLength > bytes.length) throw damagedDbf(fileName, `Kopflänge ${headerLength} Bytes`, `header length ${headerLength} bytes`);
  const fields: DbfField[] = [];
  let offset = 32;
  for (; offset + 32 <= headerLength && bytes[offset] !== 0x0d; offset += 32) {
    let nameEnd = offset;
    while (nameEnd < offset + 11 && bytes[nameEnd] !== 0) nameEnd += 1;
    const field = {
      name: decodeText(bytes.subarray(offset, nameEnd), 'windows-1252').trim(),
      type: String.fromCharCode(bytes[offset + 11]!),
      length: bytes[offset + 16]!,
      decimals: bytes[offset + 17]!,
    };
    if (field.name === '' || field.length === 0) throw damagedDbf(fileName, `Feld ${fields.length + 1} ohne Namen oder Länge`, `field ${fields.length + 1} without name or length`);
    if (!READABLE_TYPES.has(field.type)) {
      throw new UserError('unsupported', {
        de: `Das Feld „${field.name}“ in ${fileName} hat den unbekannten Typ „${field.type}“. Bitte die Daten mit Text- und Zahlenfeldern neu exportieren (z. B. in QGIS).`,
        en: `The field "${field.name}" in ${fileName} has the unknown type "${field.type}". Please export the data again with text and number fields (e.g. in QGIS).`,
      });
    }
    fields.push(field);
  }
  if (bytes[offset] !== 0x0d || fields.length === 0) throw damagedDbf(fileName, 'Feldliste ohne Abschluss', 'field list not terminated');
  const fieldBytes = fields.reduce((sum, field) => sum + field.length, 0);
  if (recordLength <= 1 || recordLength !== fieldBytes + 1) {
    throw damagedDbf(fileName, `Datensatzlänge ${recordLength} statt ${fieldBytes + 1} Bytes`, `record length ${recordLength} instead of ${fieldBytes + 1} bytes`);
  }
  const available = Math.floor((bytes.length - headerLength) / recordLength);
  if (available < recordCount) {
    throw new UserError('bad-input', {
      de: `Die Attributdatei ${fileName} ist unvollständig: ${available} von ${recordCount} Datensätzen vorhanden. Bitte die Datei (bei einem Shapefile alle seine Dateien) erneut herunterladen oder vollständig kopieren.`,
      en: `The attribute file ${fileName} is incomplete: ${available} of ${recordCount} records present. Please download or copy the file (all files of a shapefile) again.`,
    });
  }
  const deletedRecords: number[] = [];
  for (let index = 0; index < recordCount; index += 1) {
    const flag = bytes[headerLength + index * recordLength]!;
    if (flag === DELETED_FLAG) deletedRecords.push(index);
    else if (flag !== 0x20) throw damagedDbf(fileName, `Datensatz ${index + 1} beginnt mit Byte ${flag}`, `record ${index + 1} starts with byte ${flag}`);
  }
  return { fields, recordCount, headerLength, recordLength, deletedRecords };
}

/**
 * Detects the text encoding of a .dbf's records (UTF-8 vs windows-1252 vs CP850), with a preview of names.
 * @example detectDbfEncoding(bytes, checkDbf(bytes, 'VG5000_GEM.dbf')).encoding // "utf-8"
 */
export function detectDbfEncoding(bytes: Uint8Array, summary: DbfSummary, maxBytes = 1_048_576): EncodingDetection {
  const end = Math.min(bytes.length, summary.headerLength + Math.ceil(maxBytes / summary.recordLength) * summary.recordLength);
  const sample = bytes.subarray(summary.headerLength, end);
  const detection = detectEncoding(sample);
  // Fixed-width fields can cut a multi-byte character at the field end; a full-table check decides.
  if (detection.encoding !== 'utf-8' && countUtf8Sequences(sample, true) > 0) return { ...detection, encoding: 'utf-8' };
  return detection;
}

/** True when the record bytes are not valid UTF-8 (so a .cpg saying UTF-8 is wrong). */
export function dbfIsInvalidUtf8(bytes: Uint8Array, summary: DbfSummary): boolean {
  return countUtf8Sequences(bytes.subarray(summary.headerLength, summary.headerLength + summary.recordCount * summary.recordLength), true) < 0;
}
