/**
 * Reading statistical tables from disk: CSV/TXT through the pure parser in shared/formats/table, XLSX
 * through exceljs (sheet list, merged header cells filled in, then the same header/data detection).
 * Returns a `ParsedTable` for the preview; nothing is written.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { UserError } from '../../../shared/contract/errors';
import { analyseGrid } from '../../../shared/formats/table/analyse-grid';
import { DEFAULT_MAX_TABLE_BYTES, parseDelimitedTable, tableTooLargeError, type DelimitedTableOptions } from '../../../shared/formats/table/parse-delimited';
import type { ParsedTable } from '../../../shared/formats/table/parsed-table';

export interface ReadTableOptions extends DelimitedTableOptions {
  /** Worksheet name for XLSX files; the first sheet with data when omitted. */
  sheet?: string;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'wahr' : 'falsch';
  if (value instanceof Date) return `${String(value.getUTCDate()).padStart(2, '0')}.${String(value.getUTCMonth() + 1).padStart(2, '0')}.${value.getUTCFullYear()}`;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

/** Worksheet names of an XLSX file, for the sheet picker. */
export async function listXlsxSheets(filePath: string): Promise<string[]> {
  const workbook = await loadWorkbook(filePath);
  return workbook.worksheets.map((sheet) => sheet.name);
}

async function loadWorkbook(filePath: string): Promise<ExcelJS.Workbook> {
  // Loaded here, not at the top: exceljs takes about half a second to load, and only XLSX files need it.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.readFile(filePath);
  } catch (error) {
    throw new UserError('bad-input', {
      de: `${path.basename(filePath)} ist keine lesbare Excel-Datei (.xlsx): ${(error as Error).message}. Alte .xls-Dateien bitte in Excel als .xlsx speichern.`,
      en: `${path.basename(filePath)} is not a readable Excel file (.xlsx): ${(error as Error).message}. Please save old .xls files as .xlsx in Excel.`,
    });
  }
  return workbook;
}

/**
 * Turns a worksheet into a grid of texts. Merged cells carry their value in every covered cell, so a header
 * spanning several columns labels each of them (as GENESIS CSV exports do by repetition).
 */
export function worksheetGrid(sheet: ExcelJS.Worksheet): string[][] {
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      // For merged cells exceljs reports the master's value on every covered cell.
      const value = cell.isMerged ? cell.master.value : cell.value;
      cells[columnNumber - 1] = cellText(value);
    });
    grid[rowNumber - 1] = Array.from(cells, (cell) => cell ?? '');
  });
  return Array.from(grid, (row) => row ?? []);
}

/**
 * Reads a CSV/TXT or XLSX table file.
 * @example (await readTableFile('Daten.xlsx')).rows.length
 */
export async function readTableFile(filePath: string, options: ReadTableOptions = {}): Promise<ParsedTable> {
  let size: number;
  try {
    size = statSync(filePath).size;
  } catch {
    throw new UserError('not-found', { de: `${filePath} wurde nicht gefunden. Bitte den Pfad prüfen.`, en: `${filePath} was not found. Please check the path.` });
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_TABLE_BYTES;
  if (size > maxBytes) {
    // Checked before reading so a huge file is refused without loading it.
    throw tableTooLargeError(size, maxBytes);
  }
  if (path.extname(filePath).toLowerCase() === '.xlsx') {
    const workbook = await loadWorkbook(filePath);
    const sheet = options.sheet
      ? workbook.getWorksheet(options.sheet)
      : workbook.worksheets.find((candidate) => candidate.actualRowCount > 1);
    if (!sheet) {
      throw new UserError('not-found', {
        de: `Das Tabellenblatt „${options.sheet ?? ''}“ gibt es nicht. Vorhanden: ${workbook.worksheets.map((candidate) => candidate.name).join(', ')}.`,
        en: `There is no sheet "${options.sheet ?? ''}". Available: ${workbook.worksheets.map((candidate) => candidate.name).join(', ')}.`,
      });
    }
    return analyseGrid(worksheetGrid(sheet), { headerRows: options.headerRows, decimal: options.decimal ?? '.', fallbackDecimal: '.' }, { delimiter: null });
  }
  return parseDelimitedTable(new Uint8Array(readFileSync(filePath)), options);
}
