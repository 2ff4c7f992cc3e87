/**
 * Number and date formatting in the conventions of the UI language. German first: 1.234,5 and 31.12.2019.
 * Pure (Intl is part of the language runtime, available in Node, browsers and workers).
 */
export type Locale = 'de' | 'en';

const intlLocale: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };
const formatterCache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, decimals: number): Intl.NumberFormat {
  const id = `${locale}:${decimals}`;
  let formatter = formatterCache.get(id);
  if (!formatter) {
    formatter = new Intl.NumberFormat(intlLocale[locale], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    formatterCache.set(id, formatter);
  }
  return formatter;
}

/**
 * Formats a number with a fixed number of decimals and thousands grouping.
 * @example formatNumber(1234.5, 1, 'de') // "1.234,5"
 * @example formatNumber(1234.5, 1, 'en') // "1,234.5"
 * German convention groups four-digit numbers too ("1.234"), as Destatis tables do.
 */
export function formatNumber(value: number, decimals: number, locale: Locale): string {
  if (!Number.isFinite(value)) return '–';
  const rounded = roundForDisplay(value, decimals);
  // Whole numbers (counts, the most common case) are grouped directly: exactly what Intl prints, without
  // loading the locale's data (the first NumberFormat costs a command about 50 ms).
  if (decimals <= 0 && Number.isSafeInteger(rounded)) return groupThousands(rounded, locale);
  const text = numberFormat(locale, decimals).format(rounded);
  // Intl in de-DE does not group 4-digit numbers in some runtimes (minimumGroupingDigits); German
  // statistical tables do, so group them ourselves.
  return locale === 'de' ? groupFourDigits(text) : text;
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

function groupThousands(value: number, locale: Locale): string {
  const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'de' ? '.' : ',');
  return value < 0 ? `-${digits}` : digits;
}

function groupFourDigits(text: string): string {
  return text.replace(/^(-?)(\d)(\d{3})(?=,|$)/, '$1$2.$3');
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
