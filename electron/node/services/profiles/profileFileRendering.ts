/**
 * Turns a profile figure (SVG text) into PNG and PDF files, and a profile table into XLSX. Small and local
 * to the profiles feature: resvg for raster, pdfkit + svg-to-pdfkit for vector PDF, exceljs for XLSX.
 */
import { createRequire } from 'node:module';
import type * as ResvgModule from '@resvg/resvg-js';
import type { ProfileTable } from '../../../../shared/profiles/profileTable';

// The three renderers are loaded by the function that needs them (each takes a few hundred milliseconds to
// load), so exporting a PNG never loads the PDF or XLSX writers, and a CSV none of them.
const require = createRequire(import.meta.url);
type SvgToPdf = (document: PDFKit.PDFDocument, svg: string, x: number, y: number, options: Record<string, unknown>) => void;

/** Width and height of an SVG document from its root attributes (px = 1/96 inch). */
export function svgSize(svg: string): { width: number; height: number } {
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1]);
  if (!Number.isFinite(width) || !Number.isFinite(height)) throw new Error('Profile figure without width/height');
  return { width, height };
}

/**
 * PNG at `dotsPerInch` (the SVG's px taken as 1/96 inch, so 300 dpi is 3.125 × the px size).
 * @example svgToPng(svg, 300).widthPx // 3750 for a 1 200 px wide figure
 */
export function svgToPng(svg: string, dotsPerInch: number): { bytes: Buffer; widthPx: number; heightPx: number } {
  const { width } = svgSize(svg);
  const { Resvg } = require('@resvg/resvg-js') as typeof ResvgModule;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round((width * dotsPerInch) / 96) },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    shapeRendering: 2,
    textRendering: 1,
  });
  const image = resvg.render();
  return { bytes: image.asPng(), widthPx: image.width, heightPx: image.height };
}

/** A one-page vector PDF exactly the figure's size (px → pt at 72/96). */
export async function svgToPdf(svg: string, title: string): Promise<Buffer> {
  const { width, height } = svgSize(svg);
  const widthPt = (width * 72) / 96;
  const heightPt = (height * 72) / 96;
  const { default: PDFDocument } = await import('pdfkit');
  // svg-to-pdfkit ships no types; loaded through require so no ambient module declaration is needed here.
  const drawSvgIntoPdf = require('svg-to-pdfkit') as SvgToPdf;
  const document = new PDFDocument({ size: [widthPt, heightPt], margin: 0, info: { Title: title, Creator: 'Kleinraum' } });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    document.on('end', () => resolve());
    document.on('error', reject);
  });
  // assumePt: without it svg-to-pdfkit scales px by 0.75 a second time (measured: the figure came out at 75 %).
  drawSvgIntoPdf(document, svg, 0, 0, { width: widthPt, height: heightPt, assumePt: true, preserveAspectRatio: 'xMidYMid meet' });
  document.end();
  await finished;
  return Buffer.concat(chunks);
}

/** XLSX with one sheet: header row, the table (numbers as numbers), the notes below. */
export async function tableToXlsx(table: ProfileTable, sheetName: string): Promise<Buffer> {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'Kleinraum';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((value) => value ?? null));
  sheet.addRow([]);
  for (const note of table.notes) sheet.addRow([note]);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  table.columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = Math.min(40, Math.max(10, column.length + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
