/**
 * Reading CSV/TXT exports as planners receive them: bytes in, a `ParsedTable` out, with every setting that
 * was guessed (encoding, delimiter, decimal separator, header lines) reported so the preview can show it and
 * the user can override it. Nothing here writes anything.
 */
import Papa from 'papaparse';
import { UserError } from '../../contract/errors';
import { decodeText, detectEncoding, detectUtf16, type EncodingDetection, type TextEncoding } from '../text/decode';
import { analyseGrid } from './analyseGrid';
import type { ParsedTable } from './parsedTable';
import { assertTableWithinLimits, DEFAULT_TABLE_LIMITS, tooManyRowsError, type TableLimits } from './tableLimits';
import { assertSingleDelimiter, detectDelimiter, type Delimiter } from './sniff';
import type { DecimalSeparator } from './value';

export interface DelimitedTableOptions {
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  decimal?: DecimalSeparator;
  headerRows?: number;
  /** Larger files are refused with a message (default 256 MB): a planner's table is far smaller. */
  maxBytes?: number;
  /** Row, column and cell limits (defaults in tableLimits.ts). */
  limits?: Partial<TableLimits>;
}

/**
 * The 1-based line where a quoted field opens that is never closed, or the last line when none is found.
 * @example unterminatedQuoteLine('a;b\n"c;d\n', ';') // 2
 */
export function unterminatedQuoteLine(text: string, delimiter: string): number {
  let line = 1;
  let fieldStart = true;
  let openedAt = 0;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (openedAt > 0) {
      if (character === '"') {
        if (text[index + 1] === '"') index += 1;
        else {
          // Closing only before a delimiter, a line end or the end of the file (spaces between allowed), as
          // the parser reads it: `"Ort" Stadt` does not close the value.
          let next = index + 1;
          while (text[next] === ' ' || text[next] === '\t') next += 1;
          if (next >= text.length || text[next] === delimiter || text[next] === '\r' || text[next] === '\n') openedAt = 0;
        }
      } else if (character === '\n') line += 1;
      continue;
    }
    if (character === '\n') {
      line += 1;
      fieldStart = true;
    } else if (character === delimiter) fieldStart = true;
    else if (character === '"' && fieldStart) openedAt = line;
    else if (character !== '\r') fieldStart = false;
  }
  return openedAt > 0 ? openedAt : line;
}

/**
 * A quoted value that runs over several lines and holds the delimiter on a later line: a stray quotation
 * mark that swallowed data rows up to the next quotation mark further down (in GENESIS and Zensus exports
 * the quoted multi-line footnote closes it, so the parser reports no missing quote). Legitimate multi-line
 * values (the footnotes themselves) hold no line shaped like a data row after their first line. Returns the
 * 1-based line where the value opens and the line where it closes, or null.
 * @example swallowedRows([['1', 'a;2\n3;b']], ';', [])?.line // 1
 */
export function swallowedRows(rows: string[][], delimiter: string, errors: readonly { code: string; row?: number }[] = []): { line: number; closedAt: number } | null {
  const malformedRows = new Set(errors.filter((error) => error.code === 'InvalidQuotes').map((error) => error.row));
  // A swallowed data row holds as many delimiters as a row has (the most common width less one); a footnote
  // may hold one or two in its prose.
  const widths = new Map<number, number>();
  for (const row of rows) if (row.length > 1) widths.set(row.length, (widths.get(row.length) ?? 0) + 1);
  const usualWidth = [...widths.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 2;
  const rowLike = (part: string) => part.split(delimiter).length >= usualWidth;
  let line = 1;
  for (const [rowIndex, row] of rows.entries()) {
    let rowLine = line;
    for (const cell of row) {
      const breaks = cell.split('\n').length - 1;
      if (breaks > 0 && (malformedRows.has(rowIndex) || cell.split('\n').slice(1).some(rowLike))) {
        return { line: rowLine, closedAt: rowLine + breaks };
      }
      rowLine += breaks;
    }
    line = rowLine + 1;
  }
  return null;
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
  const utf16 = detectUtf16(bytes);
  const detected: EncodingDetection = utf16 ? { encoding: utf16, confidence: 1, bom: bytes[0] === 0xff || bytes[0] === 0xfe, preview: [], candidates: [{ encoding: utf16, score: 1 }] } : detectEncoding(bytes);
  const encoding = options.encoding ?? detected.encoding;
  const text = decodeText(bytes, encoding);
  const limits = { ...DEFAULT_TABLE_LIMITS, ...options.limits };
  // Counted before parsing: a million-row file is refused without building a million rows first.
  let lineCount = 0;
  for (let index = text.indexOf('\n'); index >= 0 && lineCount <= limits.maxRows; index = text.indexOf('\n', index + 1)) lineCount += 1;
  if (lineCount > limits.maxRows) throw tooManyRowsError(limits.maxRows, limits, true);
  if (text.includes('\u0000')) {
    throw new UserError('unsupported', {
      de: 'Die Datei ist keine Texttabelle (sie enthält Binärdaten). Excel-Dateien bitte als .xlsx importieren.',
      en: 'The file is not a text table (it contains binary data). Please import Excel files as .xlsx.',
    });
  }
  const delimiterDetection = options.delimiter ? null : detectDelimiter(text);
  const delimiter = options.delimiter ?? delimiterDetection!.delimiter;
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  if (parsed.errors.some((error) => error.code === 'MissingQuotes')) {
    const line = unterminatedQuoteLine(text, delimiter);
    throw new UserError('bad-input', {
      de: `Zeile ${line}: Ein Anführungszeichen (") wird nicht geschlossen; der Rest der Datei würde sonst als ein einziger Wert gelesen. Bitte Zeile ${line} korrigieren (oder die Datei aus Excel neu als CSV speichern) und erneut importieren.`,
      en: `Line ${line}: a quotation mark (") is never closed; the rest of the file would be read as one single value. Please correct line ${line} (or save the file from Excel as CSV again) and import it again.`,
    });
  }
  const swallowed = swallowedRows(parsed.data, delimiter, parsed.errors);
  if (swallowed) {
    throw new UserError('bad-input', {
      de: `Zeile ${swallowed.line}: Ein Anführungszeichen (") wird erst in Zeile ${swallowed.closedAt} geschlossen; die Datenzeilen dazwischen würden als ein einziger Wert gelesen und gingen verloren. Bitte Zeile ${swallowed.line} korrigieren (oder die Datei aus Excel neu als CSV speichern) und erneut importieren.`,
      en: `Line ${swallowed.line}: a quotation mark (") is only closed in line ${swallowed.closedAt}; the data rows in between would be read as one single value and lost. Please correct line ${swallowed.line} (or save the file from Excel as CSV again) and import it again.`,
    });
  }
  const grid = parsed.data.filter((row) => !(row.length === 1 && row[0] === ''));
  let width = 0;
  for (const row of grid) width = Math.max(width, row.length);
  assertTableWithinLimits(grid.length, width, limits);
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
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    table.warnings.push({
      code: 'utf-16',
      text: {
        de: `Die Datei ist UTF-16-kodiert (Excel „Unicode-Text“) und wurde als ${encoding.toUpperCase()} gelesen. Bitte die Umlaute in der Vorschau prüfen.`,
        en: `The file is UTF-16 encoded (Excel "Unicode text") and was read as ${encoding.toUpperCase()}. Please check the umlauts in the preview.`,
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
