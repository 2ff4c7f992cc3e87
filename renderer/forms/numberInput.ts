/**
 * Numbers typed by a user (manual breaks, a midpoint, cut-offs, thresholds): parsed in the UI
 * language's format and written back the same way.
 */
import type { Locale } from '../../shared/format/number';
import type { LocalizedText } from '../../shared/model/project';

export type BreaksInput = { ok: true; breaks: number[] } | { ok: false; message: LocalizedText };

/**
 * Parses typed manual breaks: separated by semicolons (or spaces), German decimal comma accepted ("12,5"),
 * thousands separators too ("1.234,5" in German, "1,234.5" in English). Checks that they ascend.
 * @example parseBreaksInput('5; 10; 12,5', 'de') // { ok: true, breaks: [5, 10, 12.5] }
 */
export function parseBreaksInput(text: string, locale: Locale): BreaksInput {
  const tokens = text.split(/[;\s]+/).filter((token) => token.length > 0);
  if (tokens.length === 0) {
    return { ok: false, message: { de: 'Bitte mindestens einen Grenzwert eingeben, z. B. 10; 20.', en: 'Please enter at least one break value, e.g. 10; 20.' } };
  }
  const breaks: number[] = [];
  for (const token of tokens) {
    const value = parseLocalNumber(token, locale);
    if (value === null) {
      return {
        ok: false,
        message: { de: `„${token}“ ist keine Zahl. Bitte Zahlen wie 12,5 eingeben, getrennt durch Semikolon.`, en: `"${token}" is not a number. Please enter numbers like 12.5, separated by semicolons.` },
      };
    }
    const previous = breaks[breaks.length - 1];
    if (previous !== undefined && value <= previous) {
      return {
        ok: false,
        message: { de: `Die Grenzwerte müssen aufsteigen: ${token} folgt auf einen größeren oder gleichen Wert.`, en: `Break values must ascend: ${token} follows a larger or equal value.` },
      };
    }
    breaks.push(value);
  }
  if (breaks.length > 8) {
    return { ok: false, message: { de: 'Höchstens 8 Grenzwerte (9 Klassen) sind möglich.', en: 'At most 8 break values (9 classes) are possible.' } };
  }
  return { ok: true, breaks };
}

/**
 * One number typed by a user in the UI language's format, or null.
 * @example parseLocalNumber('1.234,5', 'de') // 1234.5
 * @example parseLocalNumber('-0,5', 'de') // -0.5
 */
export function parseLocalNumber(token: string, locale: Locale): number | null {
  let normalized = token.trim().replace(/\u2212/g, '-');
  if (locale === 'de') {
    if (normalized.includes(',')) normalized = normalized.replace(/\./g, '').replace(',', '.');
    else if (/^-?\d{1,3}(\.\d{3})+$/.test(normalized)) normalized = normalized.replace(/\./g, '');
  } else {
    normalized = normalized.replace(/,/g, '');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(normalized)) return null;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}

/**
 * A number as a user would type it back (no grouping, all its decimals, the UI's decimal sign).
 * @example plainNumber(12.5, 'de') // "12,5"
 */
export function plainNumber(value: number, locale: Locale): string {
  const text = String(value);
  return locale === 'de' ? text.replace('.', ',') : text;
}
