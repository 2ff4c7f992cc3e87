/**
 * Finding the table inside a grid of cells: title lines above, (multi-row) headers, data rows, notes below.
 * Works the same for CSV text (after splitting) and spreadsheets (after merged cells are filled in).
 */
import type { ColumnDescription, ColumnKind, ParsedTable, TableRow, TableSettings, TableWarning } from './parsedTable';
import { addEvidence, emptyEvidence, notationFromEvidence, parseCell, type DecimalSeparator, type NumberNotation } from './value';

export interface GridOptions {
  /** Force the number of header rows directly above the data. */
  headerRows?: number;
  /** Force the decimal separator for every column. */
  decimal?: DecimalSeparator;
  /** Used when nothing else decides the decimal separator. */
  fallbackDecimal?: DecimalSeparator;
  /**
   * The rows (0-based, inclusive) that hold the data, when the format says so rather than the cells: a
   * dBASE table's records follow its field names, also when those look like data ("2016") and when a
   * record has no number.
   */
  dataRows?: { first: number; last: number };
}

const DATE_PATTERN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const KEY_PATTERN = /^(DG|\d{1,12})(\s+[a-z])?$/;
const COMPOSITE_KEY_HEADERS = [['land'], ['rb', 'regbez', 'regierungsbezirk'], ['kreis'], ['gemeinde', 'gem']];
const KEY_HEADER_NAMES = ['ags', 'ars', 'rs', 'schluessel', 'schlüssel', 'gemeindeschluessel', 'gemeindeschlüssel', 'regionalschluessel', 'regionalschlüssel', 'kreisschluessel', 'kennziffer', 'gkz', 'code', 'key', 'id'];

/**
 * A header that names area keys: "AGS", "Schlüssel", and the key of a level with or without umlaut and
 * words around it ("Kreisschlüssel" as Excel writes it, "Amtlicher Gemeindeschlüssel", "Regionalschlüssel
 * (ARS)"). Not other keys ("Verstädterungsschlüssel" is a class).
 */
function isKeyHeader(header: string): boolean {
  const lower = header.trim().toLowerCase();
  return KEY_HEADER_NAMES.includes(lower) || /(gemeinde|kreis|regional|gebiets)schl(ü|ue)ssel/.test(lower);
}

/** Converts `31.12.2019` to `2019-12-31`; null for other text. */
export function isoDateOf(text: string): string | null {
  const match = DATE_PATTERN.exec(text.trim()) ?? /(?:^|\D)(\d{2})\.(\d{2})\.(\d{4})(?:\D|$)/.exec(text);
  if (!match) return null;
  const [, day, month, year] = match;
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

function nonEmptyCount(row: string[]): number {
  let count = 0;
  for (const cell of row) if (cell.trim() !== '') count += 1;
  return count;
}

function looksNumeric(cell: string): boolean {
  const text = cell.trim();
  if (text === '' || DATE_PATTERN.test(text)) return false;
  return /^[-+−]?[\d][\d .,'\u00a0]*(\s*[a-z*]{1,2})?$/.test(text) || ['-', '.', 'x', '...', '/', '–'].includes(text);
}

/** Source, © and "Stand" lines below a table are notes, even when a year after a comma looks like a number. */
const FOOTER_LINE = /^\s*(©|\(c\)|quelle\b|stand\b|hinweis|fußnote|anmerkung|erläuterung)/i;

/** A data row has at least two filled cells and at least one number or missing code in a column after the first. */
function isDataRow(row: string[]): boolean {
  if (nonEmptyCount(row) < 2 || FOOTER_LINE.test(row[0] ?? '')) return false;
  for (let index = 1; index < row.length; index += 1) if (looksNumeric(row[index]!)) return true;
  return false;
}

const AREA_KEY_CELL = /^(DG|\d{2,12})$/;

/**
 * True when `row` starts with an area key written like the key of `dataRow` (same length): such a row is a
 * data row even when its values are not numbers ("k.A.", "NaN", a formula), so it is neither taken for a
 * header line above the data nor for a note below it.
 */
function hasKeyLike(row: string[] | undefined, dataRow: string[] | undefined): boolean {
  const key = (row?.[0] ?? '').trim();
  const dataKey = (dataRow?.[0] ?? '').trim();
  return row !== undefined && nonEmptyCount(row) >= 2 && AREA_KEY_CELL.test(key) && AREA_KEY_CELL.test(dataKey) && key.length === dataKey.length;
}

/** A header row has something after the first column; a title line has text in the first column only. */
function isHeaderRow(row: string[]): boolean {
  for (let index = 1; index < row.length; index += 1) if (row[index]!.trim() !== '') return true;
  return false;
}

function trimRow(row: string[]): string[] {
  let length = row.length;
  while (length > 0 && row[length - 1]!.trim() === '') length -= 1;
  return row.slice(0, length);
}

function classifyColumn(values: string[], header: string): ColumnKind {
  const filled = values.map((value) => value.trim()).filter((value) => value !== '');
  if (filled.length === 0) return 'empty';
  const share = (predicate: (value: string) => boolean) => filled.filter(predicate).length / filled.length;
  if (share((value) => DATE_PATTERN.test(value)) > 0.8) return 'date';
  const lowerHeader = header.trim().toLowerCase();
  const distinctCount = new Set(filled).size;
  const varied = distinctCount / filled.length > 0.5 || distinctCount >= 20;
  const keyShare = share((value) => KEY_PATTERN.test(value));
  const hasLeadingZero = filled.some((value) => /^0\d/.test(value));
  const lengths = new Set(filled.map((value) => value.length));
  if (keyShare > 0.9 && varied && (isKeyHeader(lowerHeader) || hasLeadingZero || filled.includes('DG') || lengths.size > 1)) return 'key';
  // A long table repeats each area's key in many rows (sex × age): AGS with their leading zero are keys all the same.
  if (keyShare > 0.9 && lengths.size === 1 && filled.every((value) => /^0\d{4}(\d{3})?(\d{4})?$/.test(value))) return 'key';
  if (share(looksNumeric) > 0.8) return 'number';
  if (share((value) => /\p{L}{3,}/u.test(value)) > 0.8 && varied) return 'name';
  return 'text';
}

/**
 * Analyses a grid of cell texts. The longest stretch between the first and last data row is the data;
 * header rows sit directly above it, title lines above those, notes below.
 * @example analyseGrid([['Tabelle 1'], ['', 'Name', 'Wert'], ['03241', 'Region Hannover', '1.157.624']]).rows.length // 1
 */
export function analyseGrid(grid: string[][], options: GridOptions = {}, base: Partial<TableSettings> = {}): ParsedTable {
  const rows = grid.map(trimRow);
  const warnings: TableWarning[] = [];
  let firstData: number;
  let lastData: number;
  if (options.dataRows) {
    firstData = options.dataRows.first;
    lastData = options.dataRows.last;
  } else {
    firstData = rows.findIndex(isDataRow);
    if (firstData < 0) firstData = rows.length;
    lastData = rows.length - 1;
    while (lastData >= firstData && !isDataRow(rows[lastData]!)) lastData -= 1;
    // Rows keyed like the data but without a numeric value belong to the data, at its start and its end too.
    while (firstData > 0 && firstData < rows.length && hasKeyLike(rows[firstData - 1], rows[firstData])) firstData -= 1;
    while (lastData >= firstData && lastData + 1 < rows.length && hasKeyLike(rows[lastData + 1], rows[lastData])) lastData += 1;
  }

  let headerStart = firstData;
  if (options.headerRows !== undefined) {
    headerStart = Math.max(0, firstData - options.headerRows);
  } else {
    while (headerStart > 0 && isHeaderRow(rows[headerStart - 1]!) && !isDataRow(rows[headerStart - 1]!)) headerStart -= 1;
  }
  const titleLines = rows.slice(0, headerStart).map((row) => row.filter((cell) => cell.trim() !== '').join(' ')).filter((line) => line !== '');
  const headerRows = rows.slice(headerStart, firstData);
  const footerNotes = rows.slice(lastData + 1).map((row) => row.filter((cell) => cell.trim() !== '').join(' ')).filter((line) => line !== '');

  const dataGrid: { cells: string[]; lineNumber: number; rawLength: number }[] = [];
  for (let index = firstData; index <= lastData; index += 1) {
    const row = rows[index]!;
    if (nonEmptyCount(row) === 0) continue;
    dataGrid.push({ cells: row, lineNumber: index + 1, rawLength: grid[index]!.length });
  }
  // A loop, not Math.max(...rows): spreading 200 000 rows overflows the call stack.
  let width = 0;
  for (const row of dataGrid) width = Math.max(width, row.cells.length);
  for (const row of headerRows) width = Math.max(width, row.length);

  // GENESIS repeats a spanning header label in every column; spreadsheet readers fill merged cells before this.
  const headerParts = (column: number) => headerRows.map((row) => (row[column] ?? '').trim());

  const columns: ColumnDescription[] = [];
  for (let column = 0; column < width; column += 1) {
    const parts = headerParts(column);
    const values = dataGrid.map((row) => row.cells[column] ?? '');
    const label = parts.filter((part, index) => part !== '' && parts.indexOf(part) === index).join(' / ');
    const kind = classifyColumn(values, parts[parts.length - 1] ?? '');
    const evidence = emptyEvidence();
    for (const value of values) addEvidence(evidence, value);
    const notation: NumberNotation = options.decimal
      ? notationFromEvidence({ ...emptyEvidence(), decimalComma: options.decimal === ',' ? 1 : 0, decimalPoint: options.decimal === '.' ? 1 : 0 }, options.decimal)
      : notationFromEvidence(evidence, options.fallbackDecimal ?? ',');
    const period = parts.map(isoDateOf).find((date) => date !== null) ?? null;
    columns.push({ index: column, label, headerParts: parts, kind, notation, period, counts: { numbers: 0, missing: 0, text: 0, empty: 0 } });
  }

  // Keys stand left of the names; digit columns right of the first name column are values (e.g. Zensus counts).
  const firstName = columns.find((column) => column.kind === 'name')?.index ?? width;
  for (const column of columns) {
    if (column.kind === 'key' && column.index > firstName && !isKeyHeader(column.headerParts.at(-1) ?? '')) column.kind = 'number';
  }

  // Composite keys (GV-ISys: land, rb, kreis, gemeinde) are recognised by their header names.
  const lowerLabels = columns.map((column) => (column.headerParts[column.headerParts.length - 1] ?? '').toLowerCase());
  const compositeKeyColumns: number[] = [];
  for (const names of COMPOSITE_KEY_HEADERS) {
    const index = lowerLabels.findIndex((label) => names.includes(label));
    if (index >= 0) compositeKeyColumns.push(index);
  }
  const hasComposite = compositeKeyColumns.length === COMPOSITE_KEY_HEADERS.length;
  const namedKey = columns.find((column) => KEY_HEADER_NAMES.includes(lowerLabels[column.index]!) && column.kind !== 'empty');
  let keyColumn = namedKey?.index ?? columns.find((column) => column.kind === 'key')?.index ?? null;
  if (keyColumn !== null && columns[keyColumn]!.kind !== 'key') columns[keyColumn]!.kind = 'key';
  // Digit columns right of the key that neither are named as keys nor keep a leading zero are counts.
  const leadingZero = (index: number) => dataGrid.some((row) => /^0\d/.test((row.cells[index] ?? '').trim()));
  for (const column of columns) {
    if (keyColumn !== null && column.kind === 'key' && column.index > keyColumn && !KEY_HEADER_NAMES.includes(lowerLabels[column.index]!) && !leadingZero(column.index)) column.kind = 'number';
  }
  const nameHeader = columns.find((column) => /name|bezeichnung|gemeinde ?name|^gen$|kreis$|stadt$|stadtteil/.test(lowerLabels[column.index]!) && column.kind === 'name');
  const nameColumn = nameHeader?.index ?? columns.find((column) => column.kind === 'name' && (keyColumn === null || column.index > keyColumn))?.index ?? columns.find((column) => column.kind === 'name')?.index ?? null;
  if (hasComposite) keyColumn = null;
  if (keyColumn === null && !hasComposite) {
    warnings.push({
      code: 'no-key-column',
      text: {
        de: 'Keine Spalte mit Gebietsschlüsseln (AGS/ARS) erkannt. Bitte die Schlüsselspalte auswählen oder über den Namen zuordnen.',
        en: 'No column with area keys (AGS/ARS) found. Please pick the key column or match by name.',
      },
    });
  }

  let missingCount = 0;
  let footnoteCount = 0;
  let raggedCount = 0;
  const modalWidth = mode(dataGrid.map((row) => row.rawLength));
  const tableRows: TableRow[] = dataGrid.map(({ cells, lineNumber, rawLength }) => {
    if (rawLength !== modalWidth) raggedCount += 1;
    const values = columns.map((column) => {
      const raw = cells[column.index] ?? '';
      const value = parseCell(raw, column.notation);
      if (raw.trim() === '') column.counts.empty += 1;
      else if (value.missing) column.counts.missing += 1;
      else if (value.value !== null) column.counts.numbers += 1;
      else column.counts.text += 1;
      if (column.kind === 'number' && value.missing) missingCount += 1;
      if (column.kind === 'number' && value.footnote) footnoteCount += 1;
      return value;
    });
    const nameCell = nameColumn !== null ? (cells[nameColumn] ?? '') : '';
    return { lineNumber, cells: cells.map((cell, index) => (index === nameColumn ? cell.trim() : cell)), values, indent: nameCell.length - nameCell.trimStart().length };
  });
  if (missingCount > 0) {
    warnings.push({
      code: 'missing-codes',
      text: {
        de: `${missingCount} Zellen enthalten amtliche Zeichen für fehlende Werte (z. B. „-“, „.“, „x“); sie werden als fehlend übernommen, nicht als 0.`,
        en: `${missingCount} cells hold official missing-value codes (e.g. "-", ".", "x"); they are kept as missing, not as 0.`,
      },
    });
  }
  if (footnoteCount > 0) {
    warnings.push({
      code: 'footnote-marks',
      text: {
        de: `${footnoteCount} Werte tragen Fußnotenzeichen (z. B. „p“ vorläufig); die Zeichen werden gespeichert.`,
        en: `${footnoteCount} values carry footnote marks (e.g. "p" provisional); the marks are kept.`,
      },
    });
  }
  if (raggedCount > 0) {
    warnings.push({
      code: 'ragged-rows',
      text: {
        de: `${raggedCount} Datenzeilen haben weniger Spalten als die übrigen. Bitte in der Vorschau prüfen.`,
        en: `${raggedCount} data rows have fewer columns than the others. Please check them in the preview.`,
      },
    });
  }
  const numberColumns = columns.filter((column) => column.kind === 'number');
  const commaColumns = numberColumns.filter((column) => column.notation.decimal === ',').length;
  const decimal: DecimalSeparator = options.decimal ?? (commaColumns * 2 >= numberColumns.length && numberColumns.length > 0 ? ',' : numberColumns.length > 0 ? '.' : (options.fallbackDecimal ?? ','));
  if (commaColumns > 0 && commaColumns < numberColumns.length && !options.decimal) {
    const evidenceColumns = numberColumns.filter((column) => column.notation.decimal !== decimal).map((column) => column.label || `#${column.index + 1}`);
    warnings.push({
      code: 'mixed-notation',
      text: {
        de: `Spalten verwenden unterschiedliche Dezimalzeichen; abweichend gelesen: ${evidenceColumns.slice(0, 5).join(', ')}.`,
        en: `Columns use different decimal separators; read differently: ${evidenceColumns.slice(0, 5).join(', ')}.`,
      },
    });
  }
  const titlePeriod = titleLines.map(isoDateOf).find((date) => date !== null) ?? null;
  return {
    settings: {
      encoding: base.encoding ?? { detected: null, used: null },
      delimiter: base.delimiter ?? null,
      decimal,
      thousands: [...new Set(numberColumns.flatMap((column) => column.notation.thousands))],
      titleLineCount: headerStart,
      headerRowCount: headerRows.length,
    },
    titleLines,
    headerRows,
    columns,
    rows: tableRows,
    footerNotes,
    keyColumn,
    compositeKeyColumns: hasComposite ? compositeKeyColumns : [],
    nameColumn,
    titlePeriod,
    warnings,
  };
}

function mode(values: number[]): number {
  const frequency = new Map<number, number>();
  let best = 0;
  let bestCount = 0;
  for (const value of values) {
    const count = (frequency.get(value) ?? 0) + 1;
    frequency.set(value, count);
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** The raw key text of a row: the key column, or the composite key columns concatenated (GV-ISys). */
export function rowKeyText(table: ParsedTable, row: TableRow): string {
  if (table.compositeKeyColumns.length > 0) return table.compositeKeyColumns.map((column) => (row.cells[column] ?? '').trim()).join('');
  return table.keyColumn === null ? '' : (row.cells[table.keyColumn] ?? '').trim();
}
