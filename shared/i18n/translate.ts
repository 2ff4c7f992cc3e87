/**
 * Looks up UI texts in the catalogue of the current language and fills `{placeholders}`.
 * Pure: the current language is passed in (the renderer keeps it in its store).
 */
import type { Locale } from '../format/number';
import type { LocalizedText } from '../model/project';
import { deParts, type MessageKey } from './de';
import { enParts } from './en';

export type { MessageKey } from './de';

const catalogues: Record<Locale, readonly Readonly<Partial<Record<MessageKey, string>>>[]> = { de: deParts, en: enParts };

/** The catalogue text of `key` (the parts have disjoint keys; the catalogue test holds them so). */
function catalogueText(locale: Locale, key: MessageKey): string {
  for (const part of catalogues[locale]) {
    if (Object.prototype.hasOwnProperty.call(part, key)) return part[key]!;
  }
  return key;
}

/** The whole catalogue of one language as one object (for tests and tools; `translate` never builds it). */
export function catalogue(locale: Locale): Record<MessageKey, string> {
  return Object.assign({}, ...catalogues[locale]) as Record<MessageKey, string>;
}

/** Values for the `{name}` placeholders of a message. */
export type MessageParams = Record<string, string | number>;

/**
 * The text for `key` in `locale`, with `{name}` placeholders replaced from `params`, and
 * `{name|singular|plural}` by the word that fits the number in `name` ("1 Zeile", "2 Zeilen"; the
 * number may come formatted, "1.234"). Unknown placeholders stay visible (so a missing parameter is
 * noticed, not silently dropped).
 * @example translate('de', 'legend.stichtag', { date: '31.12.2024' }) // "Stichtag 31.12.2024"
 * @example translate('de', 'import.joinMatched', { count: '1' }) // "1 Zeile einem Gebiet zugeordnet"
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogueText(locale, key);
  if (!params) return template;
  const has = (name: string) => Object.prototype.hasOwnProperty.call(params, name);
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (placeholder, name: string, singular: string, plural: string) =>
      has(name) ? (String(params[name]).trim() === '1' ? singular : plural) : placeholder,
    )
    .replace(/\{(\w+)\}/g, (placeholder, name: string) => (has(name) ? String(params[name]) : placeholder));
}

/**
 * A text in both languages from the one catalogue, for messages that travel (errors, notes, reasons and
 * legend lines the backend writes): the UI and the backend then say the same thing in the same words.
 * Numbers and dates in `params` are formatted per language when `params` is a function of the locale.
 * @example message('indicator.flag.smallCount', (locale) => ({ count: formatNumber(2, 0, locale) }))
 */
export function message(key: MessageKey, params?: MessageParams | ((locale: Locale) => MessageParams)): LocalizedText {
  const paramsFor = (locale: Locale) => (typeof params === 'function' ? params(locale) : params);
  return { de: translate('de', key, paramsFor('de')), en: translate('en', key, paramsFor('en')) };
}

/**
 * Picks the text of a `LocalizedText` for `locale`, falling back to German when the English text is empty
 * (German is the data's primary language).
 * @example localized({ de: 'Einwohner', en: 'Inhabitants' }, 'en') // "Inhabitants"
 */
export function localized(text: LocalizedText, locale: Locale): string {
  const value = text[locale];
  return value.length > 0 ? value : text.de;
}

/** All locales the UI offers, German first. */
export const LOCALES: readonly Locale[] = ['de', 'en'];

