import { describe, expect, it } from 'vitest';
import { de } from '../../../shared/i18n/de';
import { en } from '../../../shared/i18n/en';
import { localized, translate } from '../../../shared/i18n/translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('UI text catalogues', () => {
  it('have the same keys in German and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(de) as (keyof typeof de)[]) {
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
    expect(translate('en', 'status.progress', { label: 'Import', done: 3, total: 10 })).toBe('Import: 3 of 10');
  });

  it('leaves a placeholder without a value visible instead of dropping it', () => {
    expect(translate('de', 'legend.stichtag', {})).toBe('Stichtag {date}');
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
