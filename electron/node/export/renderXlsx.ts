/**
 * A data table as XLSX: numbers as numbers, Stichtage as dates, header frozen. Its own module, loaded by
 * renderTable only for an XLSX file, like renderPng and renderPdf: exceljs takes hundreds of milliseconds
 * to load.
 */
import excel from 'exceljs';
import type { DataTable } from '../../../shared/export/dataTable';
import { neutralizedText } from '../../../shared/format/csv';

/**
 * A cell written as formatDate writes a Stichtag ("31.12.2024", "31/12/2024") as an Excel date in the same
 * notation; null for any other text.
 */
function excelDate(text: string): { date: Date; format: string } | null {
  const match = /^(\d{2})([./])(\d{2})\2(\d{4})$/.exec(text);
  if (!match) return null;
  const [, day, separator, month, year] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCDate() !== Number(day) || date.getUTCMonth() !== Number(month) - 1) return null;
  return { date, format: separator === '.' ? 'dd.mm.yyyy' : 'dd/mm/yyyy' };
}

/** @example await renderXlsx(table, 'Quellenvergleich') // <XLSX bytes> */
export async function renderXlsx(table: DataTable, sheetName: string): Promise<Buffer> {
  const workbook = new excel.Workbook();
  workbook.creator = 'Kleinraum';
  // Excel allows 31 characters and none of : \ / ? * [ ] in sheet names.
  const sheet = workbook.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Kleinraum');
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(row.map((value) => (typeof value !== 'string' ? value : (excelDate(value)?.date ?? neutralizedText(value)))));
    // Numbers stay numbers, shown with thousands separators in the reader's Excel ("1.234" in German);
    // Stichtage become dates, so a planner can sort and filter by them.
    row.forEach((value, index) => {
      if (typeof value === 'number') added.getCell(index + 1).numFmt = Number.isInteger(value) ? '#,##0' : '#,##0.0###';
      const date = typeof value === 'string' ? excelDate(value) : null;
      if (date) added.getCell(index + 1).numFmt = date.format;
    });
  }
  sheet.addRow([]);
  for (const note of table.notes) sheet.addRow([neutralizedText(note)]);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // Wide enough for the longest entry ("Neustadt am Rübenberge" was cut at 10 characters), at most 40.
  table.columns.forEach((column, index) => {
    const longest = Math.max(column.length, ...table.rows.map((row) => String(row[index] ?? '').length + (typeof row[index] === 'number' ? 2 : 0)));
    sheet.getColumn(index + 1).width = Math.min(40, Math.max(10, longest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
