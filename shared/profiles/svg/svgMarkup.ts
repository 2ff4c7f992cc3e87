/**
 * Small helpers for writing SVG as text: escaping, rounded coordinates (stable goldens, small files) and
 * the colours of the profile charts. Pure string building, so Node exports and the renderer share it.
 */

/** Escapes text for SVG content and attribute values. @example escapeXml('A & B') // "A &amp; B" */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A coordinate rounded to 0.1 px, without trailing zeros. @example coordinate(12.345) // "12.3" */
export function coordinate(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Shortens a label to `maxCharacters` with an ellipsis (SVG has no text measurement in pure code). */
export function shorten(text: string, maxCharacters: number): string {
  return text.length <= maxCharacters ? text : `${text.slice(0, Math.max(1, maxCharacters - 1))}…`;
}

/** Colours: sexes as a colour-blind-safe blue/orange pair, the refugee part darker, the reference black. */
export const PROFILE_COLOURS = {
  male: '#9ecae1',
  maleRefugees: '#2171b5',
  female: '#fdbe85',
  femaleRefugees: '#d94801',
  bar: '#9e9ac8',
  barHighlight: '#54278f',
  reference: '#000000',
  region: '#636363',
  suppressed: '#bdbdbd',
  axis: '#969696',
  text: '#252525',
  muted: '#636363',
  positive: '#b2182b',
  negative: '#2166ac',
  selected: '#e7298a',
  hovered: '#fdd835',
} as const;

/** Qualitative colours for typology groups (ColorBrewer Set2, colour-blind-safe for the first four). */
export const GROUP_COLOURS = ['#66c2a5', '#fc8d62', '#8da0cb', '#e78ac3', '#a6d854', '#ffd92f', '#e5c494', '#b3b3b3'] as const;

/** Colour of a 1-based typology group. @example groupColour(1) // "#66c2a5" */
export function groupColour(group: number): string {
  return GROUP_COLOURS[(group - 1) % GROUP_COLOURS.length] as string;
}

export const FONT_FAMILY = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
