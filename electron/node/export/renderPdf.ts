/**
 * PDF from figures' SVGs with pdfkit + svg-to-pdfkit: vector graphics, text kept as text, the shipped font
 * embedded (subset), the page exactly the figure's size in mm. Several figures make a multi-page PDF
 * (the per-municipality batch).
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { figureFontFiles } from './figureFonts';

const POINTS_PER_MM = 72 / 25.4;

export interface PdfPage {
  svg: string;
  widthMm: number;
  heightMm: number;
}

/**
 * @example await renderPdf([{ svg: figure.svg, widthMm: 297, heightMm: 210 }], { title: 'Schutzsuchende', author: 'Region Hannover' })
 */
export async function renderPdf(pages: readonly PdfPage[], info: { title: string; author?: string }): Promise<Buffer> {
  const fonts = figureFontFiles();
  const document = new PDFDocument({ autoFirstPage: false, compress: true, info: { Title: info.title, Author: info.author ?? '', Creator: 'Kleinraum' } });
  document.registerFont('figure-regular', fonts.regular);
  document.registerFont('figure-semibold', fonts.semibold);
  document.registerFont('figure-italic', fonts.italic);
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    document.on('end', () => resolve());
    document.on('error', reject);
  });
  for (const page of pages) {
    const widthPt = page.widthMm * POINTS_PER_MM;
    const heightPt = page.heightMm * POINTS_PER_MM;
    document.addPage({ size: [widthPt, heightPt], margin: 0 });
    SVGtoPDF(document, page.svg, 0, 0, {
      width: widthPt,
      height: heightPt,
      assumePt: true,
      preserveAspectRatio: 'xMidYMid meet',
      fontCallback: (_family: string, bold: boolean, italic: boolean) => (bold ? 'figure-semibold' : italic ? 'figure-italic' : 'figure-regular'),
    });
  }
  document.end();
  await finished;
  return Buffer.concat(chunks);
}
