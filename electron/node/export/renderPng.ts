/**
 * PNG from a figure's SVG with resvg and the shipped font, at a print resolution (150, 300 or 600 dpi).
 * The PNG carries its resolution (pHYs chunk), so word processors place it at the page size in mm.
 */
import { Resvg } from '@resvg/resvg-js';
import { FIGURE_FONT_FAMILY } from '../../../shared/export/textMetrics';
import { figureFontFiles } from './figureFonts';

export interface RenderedPng {
  bytes: Buffer;
  widthPx: number;
  heightPx: number;
}

/**
 * @example renderPng(figure.svg, 297, 300) // { widthPx: 3508, heightPx: 2480, bytes: <PNG> }
 */
export function renderPng(svg: string, widthMm: number, dotsPerInch: number): RenderedPng {
  const fonts = figureFontFiles();
  const widthPx = Math.round((widthMm / 25.4) * dotsPerInch);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx },
    font: { fontFiles: [fonts.regular, fonts.semibold, fonts.italic], loadSystemFonts: false, defaultFontFamily: FIGURE_FONT_FAMILY },
    shapeRendering: 2,
    textRendering: 1,
  });
  const image = resvg.render();
  const png = image.asPng();
  return { bytes: withResolution(png, dotsPerInch), widthPx: image.width, heightPx: image.height };
}

/** Inserts a pHYs chunk (pixels per metre) right after IHDR. */
function withResolution(png: Buffer, dotsPerInch: number): Buffer {
  const pixelsPerMetre = Math.round(dotsPerInch / 0.0254);
  const data = Buffer.alloc(9);
  data.writeUInt32BE(pixelsPerMetre, 0);
  data.writeUInt32BE(pixelsPerMetre, 4);
  data.writeUInt8(1, 8);
  const type = Buffer.from('pHYs', 'ascii');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 8 + data.length);
  // Signature (8 bytes) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC).
  const afterHeader = 8 + 25;
  return Buffer.concat([png.subarray(0, afterHeader), chunk, png.subarray(afterHeader)]);
}

const crcTable = Array.from({ length: 256 }, (_, index) => {
  let value = index;
  for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  return value >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
