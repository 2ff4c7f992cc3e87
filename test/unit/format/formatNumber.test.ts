/**
 * formatNumber groups whole numbers itself (without loading the locale's Intl data); it must print exactly
 * what Intl prints for them, in both languages, with German four-digit grouping as Destatis tables do,
 * and the typographic minus (U+2212) where Intl writes a hyphen.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatNumberUpTo, formatShownDifference, shownDifference } from '../../../shared/format/number';

function intlInteger(value: number, locale: 'de' | 'en'): string {
  const text = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 0, useGrouping: true }).format(value);
  return (locale === 'de' ? text.replace(/^(-?)(\d)(\d{3})$/, '$1$2.$3') : text).replace(/^-/, '\u2212');
}

describe('formatNumber', () => {
  it('prints whole numbers as Intl does, in German and English', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (value) => {
        expect(formatNumber(value, 0, 'de')).toBe(intlInteger(value, 'de'));
        expect(formatNumber(value, 0, 'en')).toBe(intlInteger(value, 'en'));
      }),
    );
  });

  it('rounds to the decimals first, groups four digits in German, and never prints -0', () => {
    expect(formatNumber(1234, 0, 'de')).toBe('1.234');
    expect(formatNumber(1234567.4, 0, 'de')).toBe('1.234.567');
    expect(formatNumber(1234567.5, 0, 'en')).toBe('1,234,568');
    expect(formatNumber(-0.4, 0, 'de')).toBe('0');
    expect(formatNumber(-1234, 0, 'de')).toBe('\u22121.234');
    expect(formatNumber(1234.5, 1, 'de')).toBe('1.234,5');
    expect(formatNumber(999, 0, 'de')).toBe('999');
    expect(formatNumber(Number.NaN, 0, 'de')).toBe('–');
  });
});

function intlFixed(value: number, decimals: number, locale: 'de' | 'en', trimZeros = false): string {
  const minimumFractionDigits = trimZeros ? 0 : decimals;
  const text = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { minimumFractionDigits, maximumFractionDigits: decimals, useGrouping: true }).format(value);
  const grouped = locale === 'de' ? text.replace(/^(-?)(\d)(\d{3})(?=,|$)/, '$1$2.$3') : text;
  // Intl keeps the sign of a value that rounds to zero ("-0,0"); Kleinraum never prints -0.
  return (/^-0([.,]0*)?$/.test(grouped) ? grouped.slice(1) : grouped).replace(/^-/, '\u2212');
}

describe('formatNumber with decimals, without Intl', () => {
  // Values as they are rounded before formatting (roundForDisplay), so both sides see the same number;
  // the decimal digits up to 6 cover every indicator, rate and cost the app shows.
  const shown = fc
    .tuple(fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 6 }))
    .map(([value, decimals]) => [Number(value.toFixed(decimals)), decimals] as const);

  it('prints what Intl prints for de-DE and en-GB', () => {
    fc.assert(
      fc.property(shown, ([value, decimals]) => {
        for (const locale of ['de', 'en'] as const) expect(formatNumber(value, decimals, locale)).toBe(intlFixed(value, decimals, locale));
      }),
      { numRuns: 3000 },
    );
  });

  it('formatNumberUpTo drops trailing zeros as Intl with maximumFractionDigits does', () => {
    fc.assert(
      fc.property(shown, ([value, decimals]) => {
        for (const locale of ['de', 'en'] as const) expect(formatNumberUpTo(value, decimals, locale)).toBe(intlFixed(value, decimals, locale, true));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the cases planners see most', () => {
    expect(formatNumber(22.6, 1, 'de')).toBe('22,6');
    expect(formatNumber(-1234.56, 2, 'de')).toBe('\u22121.234,56');
    expect(formatNumber(0.05, 1, 'en')).toBe('0.1');
    expect(formatNumber(-0.04, 1, 'de')).toBe('0,0');
    expect(formatNumberUpTo(36, 1, 'de')).toBe('36');
    expect(formatNumberUpTo(0.35, 2, 'de')).toBe('0,35');
    expect(formatNumberUpTo(1e-7, 8, 'en')).toBe('0.0000001');
  });
});

describe('formatShownDifference', () => {
  it('subtracts the values as shown, so a comparison row adds up for the reader', () => {
    // 3,74 and 2,76 are shown as 3,7 and 2,8: the difference reads +0,9 (the profile table said +1,0).
    expect(formatShownDifference(3.74, 2.76, 1, 'de')).toBe('+0,9');
    expect(formatShownDifference(2.76, 3.74, 1, 'en')).toBe('\u22120.9');
    expect(formatShownDifference(1234.4, 1234.4, 0, 'de')).toBe('0');
    expect(formatShownDifference(12500, 2300, 0, 'de')).toBe('+10.200');
    // The number itself, for tables (a formatted "+10,200" read back as a number was NaN).
    expect(shownDifference(521369, 60226, 0)).toBe(461143);
    expect(shownDifference(3.74, 2.76, 1)).toBeCloseTo(0.9, 10);
  });
});
