import { describe, expect, it } from 'vitest';
import { deParts } from '../../../shared/i18n/de';
import { enParts } from '../../../shared/i18n/en';
import { catalogue, localized, translate, type MessageKey } from '../../../shared/i18n/translate';

const de = catalogue('de');
const en = catalogue('en');

// `{name}` and the number words `{name|singular|plural}` alike.
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((match) => match[1]))].sort();

describe('UI text catalogues', () => {
  it('have the same keys in German and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
  });

  it('split into parts with disjoint keys, the same parts in both languages', () => {
    for (const parts of [deParts, enParts]) {
      const keys = parts.flatMap((part) => Object.keys(part));
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(enParts.map((part) => Object.keys(part).sort())).toEqual(deParts.map((part) => Object.keys(part).sort()));
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(de) as MessageKey[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(de[key]));
    }
  });

  it('have no empty texts', () => {
    for (const [key, text] of [...Object.entries(de), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('de', 'legend.stichtag', { date: '31.12.2024' })).toBe('Stichtag 31.12.2024');
    expect(translate('en', 'status.progress', { label: 'Import', done: 3, total: 10 })).toBe('Import: step 3 of 10');
  });

  it('leaves a placeholder without a value visible instead of dropping it', () => {
    expect(translate('de', 'legend.stichtag', {})).toBe('Stichtag {date}');
  });

  it('picks the singular or plural word by the number, formatted or not', () => {
    expect(translate('de', 'import.joinMatched', { count: '1' })).toBe('1 Zeile einem Gebiet zugeordnet');
    expect(translate('de', 'import.joinMatched', { count: '21' })).toBe('21 Zeilen einem Gebiet zugeordnet');
    expect(translate('de', 'import.joinMatched', { count: '0' })).toBe('0 Zeilen einem Gebiet zugeordnet');
    expect(translate('de', 'import.joinAggregates', { count: '1.001' })).toMatch(/^1\.001 Summenzeilen /);
    expect(translate('en', 'import.joinAggregates', { count: 1 })).toMatch(/^1 total row \(/);
    // Without the number, the choice stays visible like any missing placeholder.
    expect(translate('de', 'import.joinMatched', {})).toBe('{count} {count|Zeile|Zeilen} einem Gebiet zugeordnet');
  });

  it('returns the text as is without parameters', () => {
    expect(translate('en', 'menu.demo')).toBe('Open demo');
    expect(translate('de', 'menu.demo')).toBe('Demo öffnen');
  });
});

describe('localized', () => {
  it('picks the language and falls back to German for an empty English text', () => {
    expect(localized({ de: 'Einwohner', en: 'Inhabitants' }, 'en')).toBe('Inhabitants');
    expect(localized({ de: 'Einwohner', en: '' }, 'en')).toBe('Einwohner');
  });
});
