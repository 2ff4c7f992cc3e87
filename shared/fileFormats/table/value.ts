/**
 * Reading one cell of a statistical table: numbers in German or English notation, the official missing-value
 * codes of German statistics, and footnote marks. A missing value is typed (`MissingCode`) and never a 0.
 */
import { MISSING_CODES, type MissingCode } from '../../model/project';

export type DecimalSeparator = ',' | '.';
/** Thousands separators met in exports: dot (1.234), comma (1,234), space or no-break space (1 234), apostrophe (1'234). */
export type ThousandsSeparator = '.' | ',' | ' ' | "'" | '';

export interface NumberNotation {
  decimal: DecimalSeparator;
  /** Separators accepted for grouping; grouping must be in blocks of three digits. */
  thousands: ThousandsSeparator[];
}

/** A parsed cell: a number, a typed missing value, or text (value and missing both null). */
export interface CellValue {
  raw: string;
  value: number | null;
  missing: MissingCode | null;
  /** Footnote or quality mark next to the value, e.g. "p" (provisional) in `1234 p` or `a` in `3241001 a`. */
  footnote: string | null;
}

const MISSING_ALIASES: Record<string, MissingCode> = { '–': '-', '—': '-', '…': '...', X: 'x' };

/** Maps a cell text to an official missing code, or null. `-`, `.`, `x`, `...`, `/` (and typographic variants). */
export function missingCodeOf(text: string): MissingCode | null {
  const trimmed = text.trim();
  if ((MISSING_CODES as readonly string[]).includes(trimmed)) return trimmed as MissingCode;
  return MISSING_ALIASES[trimmed] ?? null;
}

const SEPARATOR_PATTERNS: Record<Exclude<ThousandsSeparator, ''>, { grouped: RegExp; separator: RegExp }> = {
  '.': { grouped: /^\d{1,3}(?:\.\d{3})+$/, separator: /\./g },
  ',': { grouped: /^\d{1,3}(?:,\d{3})+$/, separator: /,/g },
  ' ': { grouped: /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+$/, separator: /[ \u00a0\u202f]/g },
  "'": { grouped: /^\d{1,3}(?:'\d{3})+$/, separator: /'/g },
};

function groupedDigits(integerPart: string, separators: ThousandsSeparator[]): string | null {
  if (/^\d+$/.test(integerPart)) return integerPart;
  for (const separator of separators) {
    if (separator === '') continue;
    const patterns = SEPARATOR_PATTERNS[separator];
    if (patterns.grouped.test(integerPart)) return integerPart.replace(patterns.separator, '');
  }
  return null;
}

/**
 * Parses a number in the given notation; null when the text is not a number in that notation.
 * Grouping must be in blocks of three, so dates like `31.12.2018` never pass as numbers.
 * @example parseNumber('536 925', { decimal: ',', thousands: [' ', '.'] }) // 536925
 * @example parseNumber('2297,13', { decimal: ',', thousands: ['.'] }) // 2297.13
 */
export function parseNumber(text: string, notation: NumberNotation): number | null {
  let trimmed = text.trim();
  if (trimmed === '') return null;
  let sign = 1;
  if (trimmed.startsWith('-') || trimmed.startsWith('−')) {
    sign = -1;
    trimmed = trimmed.slice(1).trim();
  } else if (trimmed.startsWith('+')) {
    trimmed = trimmed.slice(1).trim();
  }
  const thousands = notation.thousands.filter((separator) => separator !== notation.decimal);
  const decimalIndex = trimmed.lastIndexOf(notation.decimal);
  let integerPart = trimmed;
  let fractionPart = '';
  if (decimalIndex >= 0) {
    integerPart = trimmed.slice(0, decimalIndex);
    fractionPart = trimmed.slice(decimalIndex + 1);
    if (!/^\d+$/.test(fractionPart)) return null;
    if (integerPart === '') integerPart = '0';
  }
  const digits = groupedDigits(integerPart, thousands);
  if (digits === null) return null;
  const value = Number(fractionPart ? `${digits}.${fractionPart}` : digits);
  return Number.isFinite(value) ? sign * value : null;
}

const FOOTNOTE_MARK = /^(.*?\d)\s*(\(?[a-zA-Z*]{1,2}\)?|\(\d{1,2}\))$/;

/**
 * Reads one cell: number, missing code, number with footnote mark, or text.
 * @example parseCell('.', notation) // { value: null, missing: '.', … }
 * @example parseCell('1234 p', notation) // { value: 1234, footnote: 'p', … }
 */
export function parseCell(raw: string, notation: NumberNotation): CellValue {
  const text = raw.trim();
  const missing = missingCodeOf(text);
  if (missing) return { raw, value: null, missing, footnote: null };
  const value = parseNumber(text, notation);
  if (value !== null) return { raw, value, missing: null, footnote: null };
  const marked = FOOTNOTE_MARK.exec(text);
  if (marked) {
    const markedValue = parseNumber(marked[1]!, notation);
    if (markedValue !== null) return { raw, value: markedValue, missing: null, footnote: marked[2]!.replace(/[()]/g, '') };
  }
  // A missing code with a footnote mark, e.g. ". a" or "- 3".
  const markedMissing = /^(\.\.\.|[-.x/–])\s*\(?[a-zA-Z0-9*]{1,2}\)?$/.exec(text);
  if (markedMissing) {
    const code = missingCodeOf(markedMissing[1]!);
    if (code) return { raw, value: null, missing: code, footnote: text.slice(markedMissing[1]!.length).trim().replace(/[()]/g, '') };
  }
  return { raw, value: null, missing: null, footnote: null };
}

/** Evidence for a column's notation, counted over its cells. */
export interface NotationEvidence {
  decimalComma: number;
  decimalPoint: number;
  thousandsDot: number;
  thousandsComma: number;
  thousandsSpace: number;
  thousandsApostrophe: number;
}

export function emptyEvidence(): NotationEvidence {
  return { decimalComma: 0, decimalPoint: 0, thousandsDot: 0, thousandsComma: 0, thousandsSpace: 0, thousandsApostrophe: 0 };
}

/** Adds what one cell says about the notation (`12,5` → decimal comma; `1.234.567` → thousands dot; `536 925` → thousands space). */
export function addEvidence(evidence: NotationEvidence, raw: string): void {
  const text = raw.trim().replace(/^[-+−]/, '');
  if (/^\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/.test(text)) evidence.thousandsSpace += 1;
  if (/^\d{1,3}('\d{3})+([.,]\d+)?$/.test(text)) evidence.thousandsApostrophe += 1;
  if (/^\d{1,3}(\.\d{3}){2,}(,\d+)?$/.test(text) || /^\d{1,3}(\.\d{3})+,\d+$/.test(text)) evidence.thousandsDot += 1;
  if (/^\d{1,3}(,\d{3}){2,}(\.\d+)?$/.test(text) || /^\d{1,3}(,\d{3})+\.\d+$/.test(text)) evidence.thousandsComma += 1;
  // A single separator followed by other than exactly three digits can only be a decimal separator.
  const unambiguousComma = /^[\d \u00a0.']*\d,(\d{1,2}|\d{4,})$/.test(text);
  const unambiguousPoint = /^[\d \u00a0,']*\d\.(\d{1,2}|\d{4,})$/.test(text);
  if (unambiguousComma) evidence.decimalComma += 1;
  if (unambiguousPoint) evidence.decimalPoint += 1;
}

/**
 * Decides a notation from evidence; `fallbackDecimal` applies when nothing is conclusive (German exports
 * separated by `;` use a decimal comma, `,`-separated files a point).
 */
export function notationFromEvidence(evidence: NotationEvidence, fallbackDecimal: DecimalSeparator): NumberNotation {
  const commaVotes = evidence.decimalComma + evidence.thousandsDot;
  const pointVotes = evidence.decimalPoint + evidence.thousandsComma;
  const decimal: DecimalSeparator = commaVotes > pointVotes ? ',' : pointVotes > commaVotes ? '.' : fallbackDecimal;
  const thousands: ThousandsSeparator[] = [decimal === ',' ? '.' : ','];
  if (evidence.thousandsSpace > 0) thousands.push(' ');
  if (evidence.thousandsApostrophe > 0) thousands.push("'");
  // Spaces and apostrophes are unambiguous, so accept them even without evidence.
  if (!thousands.includes(' ')) thousands.push(' ');
  if (!thousands.includes("'")) thousands.push("'");
  return { decimal, thousands };
}
