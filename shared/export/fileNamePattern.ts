/**
 * File names for batch exports from a pattern with placeholders, safe on Windows, macOS and Linux.
 */

/**
 * Placeholders: {indicator} the indicator's name as the figure shows it ("Ausländeranteil", "… (Index)"),
 * {id} its id, {period} ISO date (file lists sort by it), {area} area name, {key} area key, {n} running
 * number (01, 02 …). Names, not ids: a planner finds "Ausländeranteil_2024-12-31.pdf" in a folder, not
 * "foreign_share_2024-12-31.pdf".
 */
export interface FileNameFields {
  indicator: string;
  id?: string;
  period: string;
  area?: string;
  key?: string;
  number: number;
  /** Total items, for the width of {n}. */
  total: number;
}

export const DEFAULT_FILE_NAME_PATTERNS = {
  /** One figure (the export dialog's and `export.map`'s proposal). */
  single: '{indicator}_{period}',
  indicators: '{n}_{indicator}_{period}',
  periods: '{indicator}_{period}',
  areas: '{n}_{indicator}_{period}_{key}_{area}',
} as const;

/**
 * The file name (without extension) for one batch item; characters that are not allowed in file names
 * become "_", German letters stay.
 * @example fileNameFromPattern('{indicator}_{area}', { indicator: 'Ausländeranteil', period: '2024-12-31', area: 'Neustadt a. Rbge.', number: 1, total: 21 })
 * // "Ausländeranteil_Neustadt a. Rbge"
 */
export function fileNameFromPattern(pattern: string, fields: FileNameFields): string {
  const width = String(fields.total).length;
  const values: Record<string, string> = {
    indicator: fields.indicator,
    id: fields.id ?? '',
    period: fields.period,
    area: fields.area ?? '',
    key: fields.key ?? '',
    n: String(fields.number).padStart(Math.max(2, width), '0'),
  };
  // One pass: a name that reads like a placeholder ("{key}") stays as it is.
  const filled = pattern.replace(/\{(indicator|id|period|area|key|n)\}/g, (_placeholder, name: string) => values[name] ?? '');
  const safe = withinBytes(
    safeFileName(filled)
      // What names and dates of the figures hold, said the way a file name can: "Ausländeranteil:
      // Veränderung seit 31/12/2019" becomes "Ausländeranteil – Veränderung seit 31-12-2019".
      // A ratio keeps its look with the ratio sign ∶ (U+2236), which file systems allow: "1:50" as "1 – 50"
      // read like a range.
      .replace(/(\d):(\d)/g, '$1\u2236$2')
      .replace(/\s*:\s*/g, ' – ')
      .replace(/[/\\]/g, '-')
      // Quotation marks of names ("in % von „Schutzsuchende“") are left out: a file name needs none.
      .replace(/["„“”‚‘«»]/g, '')
      .replace(/[<>|?*\p{Cc}]/gu, '_')
      .replace(/\s+/g, ' ')
      .trim(),
    MAX_FILE_NAME_BYTES,
  ).replace(/[\s._–-]+$/, '');
  return safe.length > 0 ? safe : `figure_${fields.number}`;
}

/** File systems allow 255 bytes per name; this leaves room for a running suffix and the extension. */
const MAX_FILE_NAME_BYTES = 200;

/** `text` cut to at most `bytes` bytes of UTF-8, at a character boundary. */
function withinBytes(text: string, bytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= bytes) return text;
  let kept = '';
  let used = 0;
  for (const character of text) {
    used += encoder.encode(character).length;
    if (used > bytes) break;
    kept += character;
  }
  return kept;
}

/**
 * `name.extension`, or with "_2", "_3" … before the extension when a file of that name (in any letter
 * case, as Windows and macOS compare them) is already among `taken`, which it joins. Names are not unique
 * as ids were: two indicators may share a name, or a pattern may leave out what tells files apart.
 * @example uniqueFileName('Ausländeranteil_2024-12-31', 'pdf', new Set(['ausländeranteil_2024-12-31.pdf'])) // "Ausländeranteil_2024-12-31_2.pdf"
 */
export function uniqueFileName(name: string, extension: string, taken: Set<string>): string {
  let candidate = `${name}.${extension}`;
  for (let suffix = 2; taken.has(candidate.toLowerCase()); suffix++) candidate = `${name}_${suffix}.${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
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

/**
 * "Bilanz – Schutzsuchende – Garbsen_2024-12-31.pdf": what the file shows, in its language, and its last
 * Stichtag, by the rule every export names its files (`fileNameFromPattern`); it was "bilanz-refugees-03241005.pdf".
 * @example describedFileName(['Wanderungen', 'Burgdorf'], '2024-12-31', 'png') // 'Wanderungen – Burgdorf_2024-12-31.png'
 */
export function describedFileName(parts: readonly (string | undefined)[], period: string | undefined, format: string): string {
  const shows = parts.filter((part): part is string => part !== undefined && part.trim() !== '').join(' – ');
  return `${fileNameFromPattern(period === undefined ? '{indicator}' : DEFAULT_FILE_NAME_PATTERNS.single, { indicator: shows, period: period ?? '', number: 1, total: 1 })}.${format}`;
}
