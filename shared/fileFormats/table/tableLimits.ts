/**
 * Limits for statistical tables, with the messages a planner sees when a file exceeds them. A table with
 * 100 000 columns would become 100 000 variables and a million-row sheet exhausts memory long before it is
 * useful; real GENESIS, Regionalstatistik and Zensus exports stay far below these numbers (Zensus
 * Gemeinden: 10 800 rows, 6 columns).
 */
import { UserError } from '../../contract/errors';
import { formatNumber } from '../../format/number';

export interface TableLimits {
  /** Data and header rows of one table (default 1 000 000). */
  maxRows: number;
  /** Columns of one table (default 1 000). */
  maxColumns: number;
  /** Cells of one table, rows × columns (default 20 000 000). */
  maxCells: number;
}

export const DEFAULT_TABLE_LIMITS: TableLimits = { maxRows: 1_000_000, maxColumns: 1_000, maxCells: 20_000_000 };

const number = (value: number, lang: 'de' | 'en') => formatNumber(value, 0, lang);

/** The refusal of a table with too many rows; `atLeast` when counting stopped at the limit. */
export function tooManyRowsError(rows: number, limits: TableLimits, atLeast = false): UserError {
  return new UserError('bad-input', {
    de: `Die Tabelle hat ${atLeast ? 'mehr als ' : ''}${number(rows, 'de')} Zeilen, mehr als Kleinraum liest (${number(limits.maxRows, 'de')}). Bitte nur die benötigten Gebiete exportieren (z. B. in GENESIS nach Kreis filtern) oder die Datei aufteilen.`,
    en: `The table has ${atLeast ? 'more than ' : ''}${number(rows, 'en')} rows, more than Kleinraum reads (${number(limits.maxRows, 'en')}). Please export only the areas needed (e.g. filter by Kreis in GENESIS) or split the file.`,
  });
}

/**
 * Refuses a grid beyond the limits, naming what to do.
 * @example assertTableWithinLimits(10_800, 6) // passes
 */
export function assertTableWithinLimits(rowCount: number, columnCount: number, limits: TableLimits = DEFAULT_TABLE_LIMITS): void {
  if (rowCount > limits.maxRows) throw tooManyRowsError(rowCount, limits);
  if (columnCount > limits.maxColumns) throw tooManyColumnsError(columnCount, limits);
  if (rowCount * columnCount > limits.maxCells) throw tooManyCellsError(rowCount * columnCount, limits);
}

/** The refusal of a table with too many columns. */
export function tooManyColumnsError(columnCount: number, limits: TableLimits): UserError {
  return new UserError('bad-input', {
      de: `Die Tabelle hat ${number(columnCount, 'de')} Spalten, mehr als Kleinraum liest (${number(limits.maxColumns, 'de')}); jede Spalte würde ein Merkmal. Bitte nur die benötigten Merkmale exportieren oder die Tabelle ins Langformat (eine Spalte je Merkmal) umstellen.`,
      en: `The table has ${number(columnCount, 'en')} columns, more than Kleinraum reads (${number(limits.maxColumns, 'en')}); each column would become a variable. Please export only the variables needed, or reshape the table to long format (one column per attribute).`,
  });
}

/** The refusal of a table with too many cells (rows × columns). */
export function tooManyCellsError(cellCount: number, limits: TableLimits): UserError {
  return new UserError('bad-input', {
    de: `Die Tabelle hat ${number(cellCount, 'de')} Zellen, mehr als Kleinraum liest (${number(limits.maxCells, 'de')}). Bitte nur die benötigten Gebiete und Merkmale exportieren oder die Datei aufteilen.`,
    en: `The table has ${number(cellCount, 'en')} cells, more than Kleinraum reads (${number(limits.maxCells, 'en')}). Please export only the areas and variables needed, or split the file.`,
  });
}

/** The refusal of a table without data rows (a header or title only), instead of a misleading later message. */
export function noDataRowsError(): UserError {
  return new UserError('bad-input', {
    de: 'Die Tabelle hat keine Datenzeilen (nur Titel- oder Kopfzeilen). Bitte prüfen, ob die richtige Datei bzw. das richtige Tabellenblatt gewählt ist: Datenzeilen brauchen einen Gebietsschlüssel oder Namen und Werte.',
    en: 'The table has no data rows (only a title or header). Please check that the right file or sheet is chosen: data rows need an area key or name and values.',
  });
}
