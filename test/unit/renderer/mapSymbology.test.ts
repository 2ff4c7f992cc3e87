import { describe, expect, it } from 'vitest';
import {
  classificationOptionsOf,
  DEFAULT_SYMBOLOGY,
  parseBreaksInput,
  parseDisplay,
  parseLocalNumber,
  parseSymbology,
  resolveMidpoint,
  withValidClassCount,
} from '../../../renderer/map/symbology';

describe('parseSymbology', () => {
  it('reads a stored choice and fills the rest from the defaults', () => {
    const symbology = parseSymbology(JSON.stringify({ method: 'equal', classes: 4, paletteId: 'Reds', reversed: true }));
    expect(symbology).toEqual({ ...DEFAULT_SYMBOLOGY, method: 'equal', classes: 4, paletteId: 'Reds', reversed: true });
  });

  it('falls back to the default for broken JSON, an unknown method or an unknown palette', () => {
    expect(parseSymbology('{not json')).toEqual(DEFAULT_SYMBOLOGY);
    expect(parseSymbology(JSON.stringify({ method: 'astrology' }))).toEqual(DEFAULT_SYMBOLOGY);
    expect(parseSymbology(JSON.stringify({ paletteId: 'NoSuchPalette' })).paletteId).toBe(DEFAULT_SYMBOLOGY.paletteId);
  });

  it('repairs a class count the method does not offer', () => {
    expect(parseSymbology(JSON.stringify({ method: 'nested-means', classes: 5 })).classes).toBe(4);
    expect(withValidClassCount({ ...DEFAULT_SYMBOLOGY, method: 'boxmap', classes: 3 }).classes).toBe(6);
  });
});

describe('parseDisplay', () => {
  it('defaults to names without basemap and keeps stored choices', () => {
    expect(parseDisplay(undefined)).toEqual({ labels: 'names', basemap: false });
    expect(parseDisplay('{"labels":"off","basemap":true}')).toEqual({ labels: 'off', basemap: true });
    expect(parseDisplay('[]')).toEqual({ labels: 'names', basemap: false });
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
  it('resolves the midpoint choices', () => {
    expect(resolveMidpoint({ midpoint: 'region', midpointValue: null }, 29.9)).toBe(29.9);
    expect(resolveMidpoint({ midpoint: 'hundred', midpointValue: null }, 29.9)).toBe(100);
    expect(resolveMidpoint({ midpoint: 'zero', midpointValue: null }, 29.9)).toBe(0);
    expect(resolveMidpoint({ midpoint: 'value', midpointValue: 7 }, 29.9)).toBe(7);
    expect(resolveMidpoint({ midpoint: 'mean', midpointValue: 7 }, 29.9)).toBeNull();
  });

  it('centres standard-deviation classes on the chosen midpoint and passes manual breaks', () => {
    expect(classificationOptionsOf({ ...DEFAULT_SYMBOLOGY, method: 'stddev', classes: 4, midpoint: 'region' }, 25)).toEqual({ method: 'stddev', classes: 4, centre: 25 });
    expect(classificationOptionsOf({ ...DEFAULT_SYMBOLOGY, method: 'stddev', classes: 4, midpoint: 'region' }, null)).toEqual({ method: 'stddev', classes: 4 });
    expect(classificationOptionsOf({ ...DEFAULT_SYMBOLOGY, method: 'manual', breaks: [10, 20] }, null)).toEqual({ method: 'manual', classes: 3, breaks: [10, 20] });
  });
});
