/**
 * formatNumber groups whole numbers itself (without loading the locale's Intl data); it must print exactly
 * what Intl prints for them, in both languages, with German four-digit grouping as Destatis tables do.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../shared/format/number';

function intlInteger(value: number, locale: 'de' | 'en'): string {
  const text = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 0, useGrouping: true }).format(value);
  return locale === 'de' ? text.replace(/^(-?)(\d)(\d{3})$/, '$1$2.$3') : text;
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
    expect(formatNumber(-1234, 0, 'de')).toBe('-1.234');
    expect(formatNumber(1234.5, 1, 'de')).toBe('1.234,5');
    expect(formatNumber(999, 0, 'de')).toBe('999');
    expect(formatNumber(Number.NaN, 0, 'de')).toBe('–');
  });
});
