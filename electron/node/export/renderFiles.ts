/**
 * Every view's export files from one place: a figure (an SVG document sized in mm or px) as SVG, PNG at a
 * print resolution or vector PDF with the shipped fonts, and a data table (shared/export/dataTable.ts) as
 * CSV or XLSX. Map figures, profiles, the source comparison, time series, the balance, flows, monitoring
 * sheets and spatial statistics all write through these functions, so fonts, sizes and number formats are
 * the same in every file.
 */
import { dataTableCsv, type DataTable } from '../../../shared/export/dataTable';
import { neutralizedText } from '../../../shared/format/csv';
import type { Locale } from '../../../shared/format/number';

// resvg, pdfkit and exceljs take hundreds of milliseconds to load: each is loaded by the format that needs
// it, so an SVG or CSV export (and every command that writes no such file) never loads them.

export const FIGURE_FORMATS = ['svg', 'png', 'pdf'] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];
export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export const MIME_TYPES: Record<FigureFormat | TableFormat, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface FigureDocument {
  svg: string;
  widthMm: number;
  heightMm: number;
  /** PDF title (the figure's title). */
  title: string;
  author?: string;
}

const MM_PER_PX = 25.4 / 96;

/**
 * The size of an SVG document from its root attributes: mm as given, px (1/96 inch) converted.
 * @example svgSizeMm('<svg width="1200" height="800" …') // { widthMm: 317.5, heightMm: 211.67 }
 */
export function svgSizeMm(svg: string): { widthMm: number; heightMm: number } {
  const width = /<svg[^>]*\swidth="([\d.]+)(mm|px)?"/.exec(svg);
  const height = /<svg[^>]*\sheight="([\d.]+)(mm|px)?"/.exec(svg);
  if (!width || !height) throw new Error('figure without width/height');
  const inMm = (match: RegExpExecArray) => (match[2] === 'mm' ? Number(match[1]) : Number(match[1]) * MM_PER_PX);
  return { widthMm: inMm(width), heightMm: inMm(height) };
}

/**
 * A figure as file bytes.
 * @example await renderFigure({ svg, widthMm: 297, heightMm: 210, title: 'Schutzsuchende' }, 'png', 300) // { bytes, widthPx: 3508, heightPx: 2480 }
 */
export async function renderFigure(figure: FigureDocument, format: FigureFormat, dotsPerInch = 300): Promise<{ bytes: Buffer; widthPx?: number; heightPx?: number }> {
  if (format === 'svg') return { bytes: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${figure.svg}\n`, 'utf8') };
  if (format === 'png') return (await import('./renderPng')).renderPng(figure.svg, figure.widthMm, dotsPerInch);
  const { renderPdf } = await import('./renderPdf');
  return { bytes: await renderPdf([{ svg: figure.svg, widthMm: figure.widthMm, heightMm: figure.heightMm }], { title: figure.title, author: figure.author ?? '' }) };
}

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

/**
 * A data table as CSV (German `;` and decimal comma, English `,` and point; UTF-8 with BOM) or XLSX (numbers
 * as numbers, Stichtage as dates, header frozen).
 * @example await renderTable(table, 'xlsx', 'Quellenvergleich', 'de') // <XLSX bytes>
 */
export async function renderTable(table: DataTable, format: TableFormat, sheetName: string, locale: Locale): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(dataTableCsv(table, locale), 'utf8');
  const { default: excel } = await import('exceljs');
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
