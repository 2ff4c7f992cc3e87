/**
 * A table as every view exports it (profiles, source comparison, time series, balance, flows,
 * monitoring, spatial statistics): column titles, rows of numbers and texts, notes below (source,
 * Stichtag, suppression, synthetic label). One CSV writer for all of them; XLSX is written from the same
 * shape by the backend (electron/node/export/renderFiles.ts).
 */
import { csvCell } from '../format/csv';
import { formatNumber } from '../format/number';

export type TableValue = string | number | null;

export interface DataTable {
  columns: string[];
  rows: TableValue[][];
  /** Lines printed below the table (source, Stichtag, suppression note, synthetic label). */
  notes: string[];
}

function csvField(value: TableValue): string {
  if (typeof value !== 'number') return csvCell(value);
  // Decimal comma without thousands dots, at most 4 decimals, and the ASCII minus (not the shown U+2212),
  // so spreadsheets read the numbers as numbers.
  return csvCell(value, { numberText: Number.isInteger(value) ? String(value) : formatNumber(value, 4, 'de').replace(/\./g, '').replace(/0+$/, '').replace(/,$/, '').replace('\u2212', '-') });
}

/**
 * CSV as planners' spreadsheets read it: `;` separator, decimal comma (no thousands separator, so the
 * numbers stay numbers), UTF-8 with BOM, CRLF, notes below the table after an empty line.
 * @example dataTableCsv({ columns: ['A'], rows: [[1.5]], notes: [] }) // "\uFEFFA\r\n1,5\r\n"
 */
export function dataTableCsv(table: DataTable): string {
  const lines = [table.columns.map(csvField).join(';'), ...table.rows.map((row) => row.map(csvField).join(';'))];
  if (table.notes.length > 0) lines.push('', ...table.notes.map(csvField));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
