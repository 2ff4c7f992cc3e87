/**
 * The hatch pattern for areas without data: thin dark diagonal lines on the no-data grey, as raw RGBA
 * pixels for `map.addImage` (no image file, no network). Pure.
 */
import { hexToRgb } from '../../shared/classification/palettes';

export const HATCH_IMAGE_ID = 'kleinraum-no-data-hatch';

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * A square tile with one diagonal line (bottom-left to top-right) that joins up with its neighbours.
 * @example hatchPattern(8, '#d9d9d9', '#7f7f7f').data.length // 256 (8 × 8 pixels × RGBA)
 */
export function hatchPattern(size: number, backgroundHex: string, lineHex: string): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  const background = hexToRgb(backgroundHex);
  const line = hexToRgb(lineHex);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Pixels on the anti-diagonal x + y = size − 1 (and its wrap) draw the line, one pixel wide.
      const onLine = (x + y + 1) % size === 0;
      const colour = onLine ? line : background;
      const offset = (y * size + x) * 4;
      data[offset] = colour[0];
      data[offset + 1] = colour[1];
      data[offset + 2] = colour[2];
      data[offset + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}
