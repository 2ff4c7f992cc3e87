/**
 * Every view's export files from one place: a figure (an SVG document sized in mm or px) as SVG, PNG at a
 * print resolution or vector PDF with the shipped fonts, and a data table (shared/export/dataTable.ts) as
 * CSV or XLSX. Map figures, profiles, the source comparison, time series, the balance, flows, monitoring
 * sheets and spatial statistics all write through these functions, so fonts, sizes and number formats are
 * the same in every file.
 */
import { dataTableCsv, type DataTable } from '../../../shared/export/dataTable';
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
 * A data table as CSV (German `;` and decimal comma, English `,` and point; UTF-8 with BOM) or XLSX (numbers
 * as numbers, Stichtage as dates, header frozen).
 * @example await renderTable(table, 'xlsx', 'Quellenvergleich', 'de') // <XLSX bytes>
 */
export async function renderTable(table: DataTable, format: TableFormat, sheetName: string, locale: Locale): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(dataTableCsv(table, locale), 'utf8');
  return (await import('./renderXlsx')).renderXlsx(table, sheetName);
}
