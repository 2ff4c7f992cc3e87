// Type declarations for the two untyped libraries the export uses: svg-to-pdfkit (SVG onto a pdfkit page)
// and fontkit (read by writeFontMetrics.ts to measure the shipped font).
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    assumePt?: boolean;
    fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
  }
  function SVGtoPDF(document: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
  export default SVGtoPDF;
}

declare module 'fontkit' {
  export function openSync(path: string): unknown;
}
