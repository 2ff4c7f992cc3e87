/**
 * Reading CSV/TXT exports as planners receive them: bytes in, a `ParsedTable` out, with every setting that
 * was guessed (encoding, delimiter, decimal separator, header lines) reported so the preview can show it and
 * the user can override it. Nothing here writes anything.
 */
import Papa from 'papaparse';
import { UserError } from '../../contract/errors';
import { decodeText, detectEncoding, type TextEncoding } from '../text/decode';
import { analyseGrid } from './analyse-grid';
import type { ParsedTable } from './parsed-table';
import { assertSingleDelimiter, detectDelimiter, type Delimiter } from './sniff';
import type { DecimalSeparator } from './value';

export interface DelimitedTableOptions {
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  decimal?: DecimalSeparator;
  headerRows?: number;
  /** Larger files are refused with a message (default 256 MB): a planner's table is far smaller. */
  maxBytes?: number;
}

export const DEFAULT_MAX_TABLE_BYTES = 256 * 1024 * 1024;

/** The message for a table above the size limit (also used by the file reader before loading the file). */
export function tableTooLargeError(sizeBytes: number, maxBytes: number): UserError {
  const megabytes = (value: number) => Math.max(1, Math.round(value / 1024 / 1024));
  return new UserError('bad-input', {
    de: `Die Tabelle ist mit ${megabytes(sizeBytes)} MB zu groß (höchstens ${megabytes(maxBytes)} MB). Bitte nur die benötigten Gebiete und Merkmale exportieren oder die Datei aufteilen.`,
    en: `The table is too large (${megabytes(sizeBytes)} MB, at most ${megabytes(maxBytes)} MB). Please export only the areas and variables needed, or split the file.`,
  });
}

/**
 * Parses a delimited text table.
 * @example parseDelimitedTable(bytesOfGenesisExport).settings.delimiter // ";"
 */
export function parseDelimitedTable(bytes: Uint8Array, options: DelimitedTableOptions = {}): ParsedTable {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_TABLE_BYTES;
  if (bytes.length > maxBytes) throw tableTooLargeError(bytes.length, maxBytes);
  if (bytes.length === 0) {
    throw new UserError('bad-input', { de: 'Die Datei ist leer. Bitte die richtige Datei wählen.', en: 'The file is empty. Please choose the right file.' });
  }
  const detected = detectEncoding(bytes);
  const encoding = options.encoding ?? detected.encoding;
  const text = decodeText(bytes, encoding);
  if (text.includes('\u0000')) {
    throw new UserError('unsupported', {
      de: 'Die Datei ist keine Texttabelle (sie enthält Binärdaten). Excel-Dateien bitte als .xlsx importieren.',
      en: 'The file is not a text table (it contains binary data). Please import Excel files as .xlsx.',
    });
  }
  const delimiterDetection = options.delimiter ? null : detectDelimiter(text);
  const delimiter = options.delimiter ?? delimiterDetection!.delimiter;
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const grid = parsed.data.filter((row) => !(row.length === 1 && row[0] === ''));
  const table = analyseGrid(
    grid,
    { headerRows: options.headerRows, decimal: options.decimal, fallbackDecimal: delimiter === ',' ? '.' : ',' },
    { encoding: { detected, used: encoding }, delimiter },
  );
  if (!options.delimiter) assertSingleDelimiter(text.split(/\r?\n/), delimiter, table.rows.length);
  if (!options.encoding && detected.confidence < 0.7) {
    table.warnings.push({
      code: 'low-confidence-encoding',
      text: {
        de: `Die Zeichenkodierung ist unsicher (erkannt: ${encoding}). Bitte die Umlaute in der Vorschau prüfen: ${detected.preview.slice(0, 5).join(', ')}.`,
        en: `The text encoding is uncertain (detected: ${encoding}). Please check the umlauts in the preview: ${detected.preview.slice(0, 5).join(', ')}.`,
      },
    });
  }
  if (text.includes('\ufffd')) {
    table.warnings.push({
      code: 'replacement-characters',
      text: {
        de: 'Einige Zeichen konnten nicht gelesen werden (�). Bitte eine andere Zeichenkodierung wählen.',
        en: 'Some characters could not be read (�). Please choose another text encoding.',
      },
    });
  }
  return table;
}
