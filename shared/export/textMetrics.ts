/**
 * Text measurement with the shipped font's advance widths (shared/export/fontMetrics.ts), so the pure
 * layout can size the legend and wrap source lines exactly as resvg and pdfkit will set the text.
 */
import { REGULAR_ADVANCE_WIDTHS, SEMIBOLD_ADVANCE_WIDTHS } from './fontMetrics';

export type FontWeight = 'regular' | 'semibold';

/** The family name written into the SVG; resvg and the PDF writer map it to the files in assets/fonts. */
export const FIGURE_FONT_FAMILY = 'Source Sans 3';

/**
 * The SVG `font-family` value. The name must be quoted: unquoted, "Source Sans 3" is not valid CSS (a word
 * may not start with a digit), so browsers, Inkscape and the app's own preview drop the attribute and set
 * the text in some other font, with other widths than the layout measured.
 * @example FIGURE_FONT_FAMILY_CSS // "'Source Sans 3', sans-serif"
 */
export const FIGURE_FONT_FAMILY_CSS = `'${FIGURE_FONT_FAMILY}', sans-serif`;

// A character the table lacks (rare symbols) is measured as a wide lowercase letter, so text never
// overflows its box by being underestimated.
const FALLBACK_ADVANCE = 560;

/**
 * Width of `text` set in the figure font, in the unit of `fontSize` (mm in figures).
 * @example textWidth('Hannover', 4) // about 16.4 (mm at a 4 mm font size)
 */
export function textWidth(text: string, fontSize: number, weight: FontWeight = 'regular'): number {
  const widths = weight === 'semibold' ? SEMIBOLD_ADVANCE_WIDTHS : REGULAR_ADVANCE_WIDTHS;
  let total = 0;
  for (const character of text) total += widths[character] ?? FALLBACK_ADVANCE;
  return (total / 1000) * fontSize;
}

/**
 * `text` cut with "…" to fit `maximumWidth` (whole when it fits): a name in a narrow panel, which must not
 * run into the next panel's.
 * @example fittedText('Rendsburg-Eckernförde', 3, 20) // "Rendsburg-E…"
 */
export function fittedText(text: string, fontSize: number, maximumWidth: number, weight: FontWeight = 'regular'): string {
  if (textWidth(text, fontSize, weight) <= maximumWidth) return text;
  const characters = [...text];
  let kept = characters.length;
  while (kept > 1 && textWidth(`${characters.slice(0, kept).join('').trimEnd()}…`, fontSize, weight) > maximumWidth) kept -= 1;
  return `${characters.slice(0, kept).join('').trimEnd()}…`;
}

/**
 * Breaks `text` into lines no wider than `maximumWidth` at spaces, never at a no-break space (a single word
 * longer than the width stays on its own line rather than being cut).
 * @example wrapText('© GeoBasis-DE / BKG 2021 (Daten verändert)', 2.6, 40) // two lines
 */
export function wrapText(text: string, fontSize: number, maximumWidth: number, weight: FontWeight = 'regular'): string[] {
  // No-break spaces (U+00A0, U+202F, U+2007) hold together what they join: "31.12.2018: 42.370", "29,2 %".
  const words = text.split(/[^\S\u00a0\u202f\u2007]+/).filter((word) => word.length > 0);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line.length === 0 ? word : `${line} ${word}`;
    if (line.length > 0 && textWidth(candidate, fontSize, weight) > maximumWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}
