/**
 * Reading a dBASE table (.dbf, the attribute part of a shapefile) from bytes with an explicit text encoding.
 * The `shapefile` package would decode as windows-1252 unless told otherwise and knows no CP850; reading
 * the simple fixed-width format here lets the encoding come from the .cpg, detection, or the user.
 */
import { UserError } from '../../contract/errors';
import { countUtf8Sequences, decodeText, detectEncoding, type EncodingDetection, type TextEncoding } from '../text/decode';

export interface DbfField {
  name: string;
  /** dBASE type letter: C text, N/F number, D date, L logical. */
  type: string;
  length: number;
  decimals: number;
}

export interface DbfTable {
  fields: DbfField[];
  /** Records as decoded text per field (trimmed); numbers stay text so keys keep their leading zeros. */
  records: Record<string, string>[];
  /** The record count the header declares. */
  declaredRecordCount: number;
}

interface DbfLayout {
  fields: DbfField[];
  recordCount: number;
  headerLength: number;
  recordLength: number;
}

function readLayout(bytes: Uint8Array, fileName: string): DbfLayout {
  if (bytes.length < 32) {
    throw new UserError('bad-input', {
      de: `Die Attributdatei ${fileName} ist leer oder beschädigt. Bitte das Shapefile vollständig (mit .dbf) erneut kopieren.`,
      en: `The attribute file ${fileName} is empty or damaged. Please copy the complete shapefile (with .dbf) again.`,
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const recordCount = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  const fields: DbfField[] = [];
  for (let offset = 32; offset + 32 <= headerLength && bytes[offset] !== 0x0d; offset += 32) {
    let nameEnd = offset;
    while (nameEnd < offset + 11 && bytes[nameEnd] !== 0) nameEnd += 1;
    fields.push({
      name: decodeText(bytes.subarray(offset, nameEnd), 'windows-1252'),
      type: String.fromCharCode(bytes[offset + 11]!),
      length: bytes[offset + 16]!,
      decimals: bytes[offset + 17]!,
    });
  }
  return { fields, recordCount, headerLength, recordLength };
}

/** The raw bytes of all text fields (a sample for encoding detection). */
export function dbfTextSample(bytes: Uint8Array, fileName: string, maxBytes = 1_048_576): Uint8Array {
  const layout = readLayout(bytes, fileName);
  const end = Math.min(bytes.length, layout.headerLength + Math.ceil(maxBytes / Math.max(1, layout.recordLength)) * layout.recordLength);
  return bytes.subarray(layout.headerLength, end);
}

/**
 * Detects the text encoding of a .dbf's records (UTF-8 vs windows-1252 vs CP850), with a preview of names.
 * @example detectDbfEncoding(bytes, 'VG5000_GEM.dbf').encoding // "utf-8"
 */
export function detectDbfEncoding(bytes: Uint8Array, fileName: string): EncodingDetection {
  const sample = dbfTextSample(bytes, fileName);
  const detection = detectEncoding(sample);
  // Fixed-width fields can cut a multi-byte character at the field end; a full-table check decides.
  if (detection.encoding !== 'utf-8' && countUtf8Sequences(sample, true) > 0) return { ...detection, encoding: 'utf-8' };
  return detection;
}

/**
 * Reads all records of a .dbf.
 * @example readDbf(bytes, 'utf-8', 'VG5000_GEM.dbf').records[0].GEN
 */
export function readDbf(bytes: Uint8Array, encoding: TextEncoding, fileName: string): DbfTable {
  const layout = readLayout(bytes, fileName);
  const available = Math.max(0, Math.floor((bytes.length - layout.headerLength) / Math.max(1, layout.recordLength)));
  if (available < layout.recordCount) {
    throw new UserError('bad-input', {
      de: `Die Attributdatei ${fileName} ist unvollständig: ${available} von ${layout.recordCount} Datensätzen vorhanden. Bitte das Shapefile erneut herunterladen oder vollständig kopieren.`,
      en: `The attribute file ${fileName} is incomplete: ${available} of ${layout.recordCount} records present. Please download or copy the shapefile again.`,
    });
  }
  const records: Record<string, string>[] = [];
  for (let recordIndex = 0; recordIndex < layout.recordCount; recordIndex += 1) {
    const recordStart = layout.headerLength + recordIndex * layout.recordLength;
    // Byte 0 is the deletion flag; deleted records still occupy a shape, so they are read as well.
    let fieldStart = recordStart + 1;
    const record: Record<string, string> = {};
    for (const field of layout.fields) {
      const raw = bytes.subarray(fieldStart, fieldStart + field.length);
      record[field.name] = (field.type === 'C' ? decodeText(raw, encoding) : decodeText(raw, 'iso-8859-1')).replaceAll(String.fromCharCode(0), '').trim();
      fieldStart += field.length;
    }
    records.push(record);
  }
  return { fields: layout.fields, records, declaredRecordCount: layout.recordCount };
}
