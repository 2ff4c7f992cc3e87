/**
 * Number and date formatting in the conventions of the UI language. German first: 1.234,5 and 31.12.2019.
 * Pure, and without Intl (see formatNumber).
 */
export type Locale = 'de' | 'en';

const SEPARATORS: Record<Locale, { group: string; decimal: string }> = {
  de: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/**
 * Formats a number with a fixed number of decimals and thousands grouping.
 * @example formatNumber(1234.5, 1, 'de') // "1.234,5"
 * @example formatNumber(1234.5, 1, 'en') // "1,234.5"
 * German convention groups four-digit numbers too ("1.234"), as Destatis tables do.
 *
 * Prints what `Intl.NumberFormat` prints for de-DE and en-GB (a property test holds it to that), but
 * from `toFixed`: the first NumberFormat of a process loads the locale's ICU data, which cost every
 * command line call about 90 ms before it had done anything.
 */
export function formatNumber(value: number, decimals: number, locale: Locale): string {
  if (!Number.isFinite(value)) return '–';
  const places = displayDecimals(decimals);
  const rounded = roundForDisplay(value, places);
  return signed(rounded, groupDigits(plainDecimal(Math.abs(rounded), places, true), locale));
}

/**
 * Like formatNumber, but drops trailing zeros of the decimals (at most `maxDecimals`): for rates typed by
 * planners, where "36 %" reads better than "36,0 %" and "0,35" must not become "0,4".
 * @example formatNumberUpTo(36, 1, 'de') // "36"
 * @example formatNumberUpTo(1234.56, 1, 'de') // "1.234,6"
 */
export function formatNumberUpTo(value: number, maxDecimals: number, locale: Locale): string {
  if (!Number.isFinite(value)) return '–';
  const places = displayDecimals(maxDecimals);
  const rounded = roundForDisplay(value, places);
  return signed(rounded, groupDigits(plainDecimal(Math.abs(rounded), places, false), locale));
}

function displayDecimals(decimals: number): number {
  return Math.max(0, Math.min(20, Math.trunc(decimals)));
}

/**
 * The shortest decimal that reads back as `value` (as Intl and String() print it, never the binary
 * expansion that toFixed prints past 17 digits), padded to `places` decimals when asked.
 */
function plainDecimal(value: number, places: number, pad: boolean): string {
  const shortest = String(value);
  if (/e/i.test(shortest)) {
    const fixed = value.toFixed(places);
    return pad || !fixed.includes('.') ? fixed : fixed.replace(/\.?0+$/, '');
  }
  if (!pad || places === 0) return shortest;
  const [whole, fraction = ''] = shortest.split('.');
  return `${whole}.${fraction.padEnd(places, '0')}`;
}

// Shown numbers take the typographic minus (U+2212), as German typesetting (and Datawrapper) does: the
// hyphen is shorter than the plus and reads as a dash in a table column. Files meant for spreadsheets
// write the ASCII hyphen (shared/export/dataTable.ts); the number inputs read both.
function signed(rounded: number, digits: string): string {
  return rounded < 0 ? `\u2212${digits}` : digits;
}

/** Groups the whole part of a plain decimal string ("1234567.5") and swaps in the locale's separators. */
function groupDigits(plain: string, locale: Locale): string {
  // Beyond 1e21 even toFixed writes an exponent; no count or rate in a planning tool reaches that.
  if (/e/i.test(plain)) return plain;
  const { group, decimal } = SEPARATORS[locale];
  const [whole = '', fraction] = plain.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return fraction === undefined ? grouped : `${grouped}${decimal}${fraction}`;
}

/**
 * The number as it is shown with `decimals` decimals: the one rounding rule of every table, legend and
 * label, so that classes can be computed on exactly what the reader sees. Never -0.
 * @example roundForDisplay(22.5996, 1) // 22.6
 */
export function roundForDisplay(value: number, decimals: number): number {
  const rounded = Number(value.toFixed(Math.max(0, Math.min(20, decimals))));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/**
 * Formats an ISO date (YYYY-MM-DD) as 31.12.2019 (de) or 31/12/2019 (en).
 * @example formatDate('2019-12-31', 'de') // "31.12.2019"
 */
export function formatDate(isoDate: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return locale === 'de' ? `${day}.${month}.${year}` : `${day}/${month}/${year}`;
}

/**
 * Reads a date typed as formatDate prints it (31.12.2019 in German, 31/12/2019 in English; day and month
 * may have one digit), as an ISO date (2019-12-31), or in the German way in either language (a date with
 * dots is day.month.year everywhere, and German files and habits write it so), and returns it as an ISO
 * date; null for anything else, including days that do not exist (31.02.2019).
 * @example parseDate('1.3.2024', 'de') // "2024-03-01"
 * @example parseDate('31.12.2025', 'en') // "2025-12-31"
 */
export function parseDate(text: string, locale: Locale): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const local = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed) ?? (locale === 'en' ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed) : null);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  if (year === undefined || month === undefined || day === undefined) return null;
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  // Date.UTC rolls 31.02. over into March: a day that exists comes back unchanged.
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * The latest `limit` of ascending ISO dates, formatted and joined, with "… " before them when earlier ones
 * are left out: how messages list the Stichtage something has.
 * @example formatLatestDates(['2019-12-31', '2020-12-31', '2021-12-31'], 'de', 2) // "… 31.12.2020, 31.12.2021"
 */
export function formatLatestDates(isoDates: readonly string[], locale: Locale, limit = 6): string {
  const listed = isoDates.slice(-limit);
  return `${isoDates.length > listed.length ? '… ' : ''}${listed.map((date) => formatDate(date, locale)).join(', ')}`;
}

/**
 * A − B of two values as a table shows them (each rounded to `decimals`), signed, so the row adds up for the
 * reader: 3,7 and 2,8 give "+0,9", not the "+1,0" of the unrounded 3,74 − 2,76.
 * @example formatShownDifference(3.74, 2.76, 1, 'de') // "+0,9"
 */
export function formatShownDifference(a: number, b: number, decimals: number, locale: Locale): string {
  const difference = shownDifference(a, b, decimals);
  return `${difference > 0 ? '+' : ''}${formatNumber(difference, decimals, locale)}`;
}

/**
 * A − B of two values each rounded to `decimals` first: the number `formatShownDifference` prints.
 * @example shownDifference(3.74, 2.76, 1) // 0.9
 */
export function shownDifference(a: number, b: number, decimals: number): number {
  const factor = 10 ** decimals;
  return (Math.round(a * factor) - Math.round(b * factor)) / factor;
}
