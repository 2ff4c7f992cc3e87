/**
 * A table as every view exports it (profiles, source comparison, time series, balance, flows,
 * monitoring, spatial statistics): column titles, rows of numbers and texts, notes below (source,
 * Stichtag, suppression, synthetic label). One CSV writer for all of them; XLSX is written from the same
 * shape by the backend (electron/node/export/renderFiles.ts).
 */
import { csvCell } from '../format/csv';
import { formatNumber, type Locale } from '../format/number';

export type TableValue = string | number | null;

export interface DataTable {
  columns: string[];
  rows: TableValue[][];
  /** Lines printed below the table (source, Stichtag, suppression note, synthetic label). */
  notes: string[];
}

/** How a CSV file is written for the reader's spreadsheet: German `;` and decimal comma, English `,` and point. */
const CSV_STYLE: Record<Locale, { delimiter: string; decimal: string }> = { de: { delimiter: ';', decimal: ',' }, en: { delimiter: ',', decimal: '.' } };

function csvField(value: TableValue, locale: Locale): string {
  const { delimiter, decimal } = CSV_STYLE[locale];
  if (typeof value !== 'number') return csvCell(value, { delimiter });
  // No thousands separator, at most 4 decimals, and the ASCII minus (not the shown U+2212), so
  // spreadsheets read the numbers as numbers.
  const german = Number.isInteger(value) ? String(value) : formatNumber(value, 4, 'de').replace(/\./g, '').replace(/0+$/, '').replace(/,$/, '').replace('\u2212', '-');
  return csvCell(value, { delimiter, numberText: german.replace(',', decimal) });
}

/**
 * CSV as planners' spreadsheets read it: in German `;` separator and decimal comma, in English `,` and the
 * decimal point (an English Excel read "1,5" as fifteen); no thousands separator, so the numbers stay
 * numbers; UTF-8 with BOM, CRLF, notes below the table after an empty line.
 * @example dataTableCsv({ columns: ['A'], rows: [[1.5]], notes: [] }) // "\uFEFFA\r\n1,5\r\n"
 * @example dataTableCsv({ columns: ['A', 'B'], rows: [[1.5, 2]], notes: [] }, 'en') // "\uFEFFA,B\r\n1.5,2\r\n"
 */
export function dataTableCsv(table: DataTable, locale: Locale = 'de'): string {
  const { delimiter } = CSV_STYLE[locale];
  const line = (values: readonly TableValue[]) => values.map((value) => csvField(value, locale)).join(delimiter);
  const lines = [line(table.columns), ...table.rows.map(line)];
  if (table.notes.length > 0) lines.push('', ...table.notes.map((note) => csvField(note, locale)));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
