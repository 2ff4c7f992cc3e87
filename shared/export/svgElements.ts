/**
 * Small helpers that write SVG elements as text. Coordinates are in mm (the figure's user unit), rounded to
 * 0.01 mm so the documents stay small and byte-stable for golden tests.
 */
import { FIGURE_FONT_FAMILY_CSS, type FontWeight } from './textMetrics';

/** The colour of a warning in a figure: the dark amber of the map legend's warning, legible in print and in grey. */
export const WARNING_COLOUR = '#92400e';

/**
 * Escapes text for XML content and attribute values.
 * @example escapeXml('Wert < 3 & "x"') // 'Wert &lt; 3 &amp; &quot;x&quot;'
 */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A coordinate or length in mm rounded to 0.01 mm, without trailing zeros. */
export function mm(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export interface TextStyle {
  size: number;
  weight?: FontWeight;
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
  /** White outline behind the letters (labels on the map). Drawn as a second text, which every renderer supports. */
  halo?: boolean;
  italic?: boolean;
}

/**
 * One line of text at (x, y) — y is the baseline — kept as text (selectable, searchable in SVG and PDF).
 * @example svgText(10, 20, 'Titel', { size: 6, weight: 'semibold' })
 */
export function svgText(x: number, y: number, text: string, style: TextStyle, attributes = ''): string {
  const weight = style.weight === 'semibold' ? ' font-weight="600"' : '';
  const italic = style.italic ? ' font-style="italic"' : '';
  const anchor = style.anchor && style.anchor !== 'start' ? ` text-anchor="${style.anchor}"` : '';
  const common = `x="${mm(x)}" y="${mm(y)}" font-family="${FIGURE_FONT_FAMILY_CSS}" font-size="${mm(style.size)}"${weight}${italic}${anchor}${attributes}`;
  const content = escapeXml(text);
  const halo = style.halo
    ? `<text ${common} fill="none" stroke="#ffffff" stroke-width="${mm(style.size * 0.22)}" stroke-linejoin="round" stroke-opacity="0.9">${content}</text>`
    : '';
  return `${halo}<text ${common} fill="${style.fill ?? '#1a1a1a'}">${content}</text>`;
}

/** A rectangle in mm. */
export function svgRect(x: number, y: number, width: number, height: number, attributes: string): string {
  return `<rect x="${mm(x)}" y="${mm(y)}" width="${mm(width)}" height="${mm(height)}" ${attributes}/>`;
}
