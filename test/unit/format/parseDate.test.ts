/**
 * parseDate reads what formatDate prints (and ISO dates), so a date field in the UI language gives back
 * exactly the date it shows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, parseDate } from '../../../shared/format/number';

describe('parseDate', () => {
  it('reads German and English dates, one-digit days and months, and ISO dates in both languages', () => {
    expect(parseDate('31.12.2019', 'de')).toBe('2019-12-31');
    expect(parseDate(' 1.3.2024 ', 'de')).toBe('2024-03-01');
    expect(parseDate('31/12/2019', 'en')).toBe('2019-12-31');
    expect(parseDate('2019-12-31', 'de')).toBe('2019-12-31');
    expect(parseDate('2019-12-31', 'en')).toBe('2019-12-31');
    // A date with dots is day.month.year in any language: a German planner in the English UI types it so.
    expect(parseDate('31.12.2019', 'en')).toBe('2019-12-31');
  });

  it('refuses days that do not exist, slashes in German (12/31 or 31/12?), and other text', () => {
    for (const text of ['31.06.2024', '29.02.2023', '00.01.2024', '01.13.2024', '12/31/2019', '']) expect(parseDate(text, text.includes('/') ? 'en' : 'de'), text).toBeNull();
    expect(parseDate('31/12/2019', 'de')).toBeNull();
    expect(parseDate('31.02.2019', 'en')).toBeNull();
    expect(parseDate('Stichtag 31.12.2019', 'de')).toBeNull();
    expect(parseDate('29.02.2024', 'de')).toBe('2024-02-29');
  });

  it('gives back every date formatDate prints, in both languages', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), fc.constantFrom('de' as const, 'en' as const), (date, locale) => {
        const iso = date.toISOString().slice(0, 10);
        expect(parseDate(formatDate(iso, locale), locale)).toBe(iso);
      }),
    );
  });
});
