/**
 * File names for batch exports from a pattern with placeholders, safe on Windows, macOS and Linux.
 */

/** Placeholders: {indicator} id, {period} ISO date, {area} area name, {key} area key, {n} running number (01, 02 …). */
export interface FileNameFields {
  indicator: string;
  period: string;
  area?: string;
  key?: string;
  number: number;
  /** Total items, for the width of {n}. */
  total: number;
}

export const DEFAULT_FILE_NAME_PATTERNS = {
  indicators: '{n}_{indicator}_{period}',
  periods: '{indicator}_{period}',
  areas: '{n}_{indicator}_{period}_{key}_{area}',
} as const;

/**
 * The file name (without extension) for one batch item; characters that are not allowed in file names
 * become "_", German letters stay.
 * @example fileNameFromPattern('{indicator}_{area}', { indicator: 'foreign_share', period: '2024-12-31', area: 'Neustadt a. Rbge.', number: 1, total: 21 })
 * // "foreign_share_Neustadt a. Rbge"
 */
export function fileNameFromPattern(pattern: string, fields: FileNameFields): string {
  const width = String(fields.total).length;
  const filled = pattern
    .replace(/\{indicator\}/g, fields.indicator)
    .replace(/\{period\}/g, fields.period)
    .replace(/\{area\}/g, fields.area ?? '')
    .replace(/\{key\}/g, fields.key ?? '')
    .replace(/\{n\}/g, String(fields.number).padStart(Math.max(2, width), '0'));
  const safe = safeFileName(filled)
    .replace(/[<>:"/\\|?*\p{Cc}]/gu, '_')
    .replace(/\s+/g, ' ')
    .replace(/[. ]+$/, '')
    .trim();
  return safe.length > 0 ? safe : `figure_${fields.number}`;
}

/** Bidirectional controls (embeddings, overrides, isolates, marks): they can make "rechnung‮fdp.exe" look like a PDF. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name without bidirectional control characters, so the name shown is the name it has.
 * @example safeFileName('karte\u202egnp.exe') // "kartegnp.exe"
 */
export function safeFileName(name: string): string {
  return name.replace(BIDI_CONTROLS, '');
}
