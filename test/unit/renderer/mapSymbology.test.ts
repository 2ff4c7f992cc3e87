import { describe, expect, it } from 'vitest';
import { parseBreaksInput, parseLocalNumber } from '../../../renderer/forms/numberInput';
import type { MessageKey } from '../../../shared/i18n/translate';
import { translate } from '../../../shared/i18n/translate';
import { classificationOptionsOf, DEFAULT_SYMBOLOGY, MIDPOINT_CHOICES, resolveMidpoint, withValidChoices } from '../../../shared/mapView/mapSymbology';
import { decodeStoredSetting, encodeSetting, readFamilySetting, readSetting } from '../../../shared/settings/projectSettings';

describe('stored symbologies (settings registry)', () => {
  it('reads a choice stored before settings were typed, with the old names, and fills the rest', () => {
    const decoded = decodeStoredSetting('map.symbology.foreign_share', JSON.stringify({ method: 'equal', classes: 4, paletteId: 'Reds', reversed: true, fixAcrossPeriods: true }), 0);
    expect(decoded).toEqual({ ok: true, value: { ...DEFAULT_SYMBOLOGY, method: 'equal', classes: 4, palette: 'Reds', reversed: true, fixedClasses: true } });
  });

  it('completes an old choice of a derived mode with that mode’s defaults', () => {
    const decoded = decodeStoredSetting('map.symbology.foreign_share.index', JSON.stringify({ classes: 7 }), 0);
    expect(decoded.ok && decoded.value).toMatchObject({ classes: 7, palette: 'RdBu', midpoint: 'hundred' });
  });

  it('leaves out broken JSON or an unknown method, so the default applies', () => {
    expect(decodeStoredSetting('map.symbology.x', '{not json', 0).ok).toBe(false);
    expect(decodeStoredSetting('map.symbology.x', JSON.stringify({ method: 'astrology' }), 1).ok).toBe(false);
    expect(readFamilySetting({}, 'map.symbology.', 'x')).toBeUndefined();
  });

  it('repairs a class count the method does not offer and an unknown palette', () => {
    expect(withValidChoices({ ...DEFAULT_SYMBOLOGY, method: 'nested-means', classes: 5 }).classes).toBe(4);
    expect(withValidChoices({ ...DEFAULT_SYMBOLOGY, method: 'boxmap', classes: 3 }).classes).toBe(6);
    expect(withValidChoices({ ...DEFAULT_SYMBOLOGY, palette: 'NoSuchPalette' }).palette).toBe(DEFAULT_SYMBOLOGY.palette);
  });
});

describe('map display (settings registry)', () => {
  it('defaults to names, no basemap and withheld small numbers, and reads an old stored choice', () => {
    expect(readSetting({}, 'map.display')).toEqual({ labels: 'names', basemap: false, smallNumbers: 'suppress' });
    expect(decodeStoredSetting('map.display', '{"labels":"off","basemap":true}', 0)).toEqual({ ok: true, value: { labels: 'off', basemap: true, smallNumbers: 'suppress' } });
    expect(decodeStoredSetting('map.display', '"off"', 0).ok).toBe(false);
  });

  it('refuses a value that does not fit, naming the setting and what it expects', () => {
    expect(() => encodeSetting('map.display', { labels: 'loud' })).toThrow(/map\.display/);
    expect(() => encodeSetting('smallNumberThreshold', 2.5)).toThrow(/whole number of at least 1/);
    expect(() => encodeSetting('theme', 'hell')).toThrow(/has no setting "theme"/);
  });
});

describe('parseBreaksInput', () => {
  it('accepts the German decimal comma and thousands points', () => {
    expect(parseBreaksInput('5; 10; 12,5; 1.234,5', 'de')).toEqual({ ok: true, breaks: [5, 10, 12.5, 1234.5] });
  });

  it('reads English numbers with thousands commas', () => {
    expect(parseBreaksInput('0.5; 1,500', 'en')).toEqual({ ok: true, breaks: [0.5, 1500] });
  });

  it('refuses text, descending breaks and empty input with a bilingual message', () => {
    const notNumber = parseBreaksInput('5; zehn', 'de');
    expect(notNumber.ok).toBe(false);
    if (!notNumber.ok) expect(notNumber.message.de).toContain('zehn');
    expect(parseBreaksInput('10; 5', 'de').ok).toBe(false);
    expect(parseBreaksInput('  ', 'de').ok).toBe(false);
  });

  it('parses negative numbers, including the typographic minus', () => {
    expect(parseLocalNumber('-0,5', 'de')).toBe(-0.5);
    expect(parseLocalNumber('\u22122', 'de')).toBe(-2);
    expect(parseLocalNumber('1,2,3', 'de')).toBeNull();
  });
});

describe('midpoint and classification options', () => {
  it('resolves the midpoint choices, the mean where no value is known', () => {
    expect(resolveMidpoint({ midpoint: 'region', midpointValue: null }, 29.9, [1, 3])).toBe(29.9);
    expect(resolveMidpoint({ midpoint: 'region', midpointValue: null }, null, [1, 3])).toBe(2);
    expect(resolveMidpoint({ midpoint: 'hundred', midpointValue: null }, 29.9, [])).toBe(100);
    expect(resolveMidpoint({ midpoint: 'zero', midpointValue: null }, 29.9, [])).toBe(0);
    expect(resolveMidpoint({ midpoint: 'value', midpointValue: 7 }, 29.9, [])).toBe(7);
    expect(resolveMidpoint({ midpoint: 'mean', midpointValue: 7 }, 29.9, [1, null, 3])).toBe(2);
  });

  it('resolves the median of the shown values, which one outlying city does not pull away', () => {
    const shown = [21.4, 37.4, null, 19.8, 1234.5, 22.3];
    expect(resolveMidpoint({ midpoint: 'median', midpointValue: null }, 29.9, shown)).toBe(22.3);
    expect(resolveMidpoint({ midpoint: 'median', midpointValue: null }, 29.9, [4, 1, 3, 2])).toBe(2.5);
    expect(resolveMidpoint({ midpoint: 'median', midpointValue: null }, 29.9, [null])).toBeNull();
  });

  it('names every midpoint choice in the symbology panel in both languages', () => {
    for (const locale of ['de', 'en'] as const) {
      for (const choice of MIDPOINT_CHOICES.filter((candidate) => candidate !== 'region')) {
        const label = translate(locale, `map.midpoint.${choice}` as MessageKey);
        expect(typeof label === 'string' && label.length > 0 && label !== `map.midpoint.${choice}`, `${locale} ${choice}`).toBe(true);
      }
    }
  });

  it('centres standard-deviation classes on the resolved midpoint, passes manual breaks and the shown decimals', () => {
    expect(classificationOptionsOf({ ...DEFAULT_SYMBOLOGY, method: 'stddev', classes: 4 }, 25, 1)).toEqual({ method: 'stddev', classes: 4, midpoint: 25, decimals: 1 });
    expect(classificationOptionsOf({ ...DEFAULT_SYMBOLOGY, method: 'stddev', classes: 4 }, null, 1)).toEqual({ method: 'stddev', classes: 4, decimals: 1 });
    expect(classificationOptionsOf({ ...DEFAULT_SYMBOLOGY, method: 'manual', breaks: [10, 20] }, null, 0)).toEqual({ method: 'manual', classes: 3, breaks: [10, 20], decimals: 0 });
  });
});
