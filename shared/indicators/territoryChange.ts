/**
 * A change of territory between two Stichtage, read from the values alone: an area with a value at only
 * one of them, and an area that grew by about as much as a vanished one counted before. Eisenach joined
 * the Wartburgkreis on 1 July 2021: on a VG5000 layer of 01.01.2021, Eisenach has 42.370 inhabitants at
 * 31.12.2018 and none at 31.12.2021, while the Wartburgkreis goes from 123.025 to 158.900 (+29 %). A
 * change map and a time series would show that jump as growth; this says what it probably is.
 *
 * Read from values, not from a register of territorial changes: the project knows its boundaries of one
 * date and the tables' areas, not the legal acts between them. So the note says "vermutlich", names the
 * figures it rests on, and an area whose value is missing for another reason (secret „.“, suppressed)
 * is no sign of anything.
 */
import type { LocalizedText, MissingCode, QualityFlag } from '../model/project';
import { formatDate, formatNumber } from '../format/number';
import { message } from '../i18n/translate';

/** One area's values at the two Stichtage; `withheld`: missing for a reason other than not being counted. */
export interface EndValues {
  key: string;
  name: string;
  before: number | null;
  after: number | null;
  withheld?: boolean;
}

export interface TerritoryChange {
  before: string;
  after: string;
  /** Whether the values are counts that add up over areas (see territoryChange's `additive`). */
  additive: boolean;
  /** Areas with a value at one end only, absorbed ones included. */
  oneEnded: { key: string; name: string; value: number; at: 'before' | 'after' }[];
  /**
   * Areas that probably took in a vanished one of at least 500: the only area that grew by 60–130 % of its
   * last value, and by 5 % or more of its own.
   */
  absorbed: { key: string; name: string; before: number; after: number; from: { key: string; name: string; value: number } }[];
}

/**
 * The share of a vanished area's last value that a successor's growth must make up: the vanished area
 * kept changing until it joined (Eisenach: 42.370 at 31.12.2018, the Wartburgkreis +35.875 to 31.12.2021,
 * 85 %), and the successor had a development of its own.
 */
const ABSORBED_SHARE = { min: 0.6, max: 1.3 };
/** A successor's growth must be a jump of its own size too: Berlin's +40.000 in three years (1 %) is no merger. */
const MIN_JUMP = 0.05;
/**
 * The least a vanished area must have counted for a successor to be named: among hundreds of small counts
 * (a municipality's 8 refugees going to „-“), some other area always grows by 5 to 10 by chance.
 */
const MIN_VANISHED_COUNT = 500;
/**
 * Above this share of the areas with a value at one end only (one such area is always read), it is a
 * source covering other areas, not a change of territory, and the note would mislead; the legend's
 * "keine Daten" count shows those gaps.
 */
const MAX_ONE_ENDED_SHARE = 0.2;

/**
 * Where a merger's successor is sought, by the official key (AGS, ARS): a municipality joins one of its
 * own Kreis (AGS 03153007 → 03153), a Kreis one of its own Land (16056 Eisenach → 16063 Wartburgkreis,
 * both 16). Farther away some area always grows by about what a vanished one counted. GV-ISys 2019 against
 * the Zensus 2022: Langelsheim (03153007, 11.285) has no Zensus value, and Pforzheim (08231000) grew by
 * 7.153; within Niedersachsen, Cappeln (Oldenburg) grew by 1.419 (+19,9 %), 80 % of Lutter am Barenberge
 * (Goslar). So a municipality that joins one of another Kreis gets the note of an area at one end only,
 * not a named successor: a missed name, rather than a false one. Empty for other keys (Stadtteile, a
 * city's own numbering): there the values alone decide, over the whole layer.
 * @example mergerScopes('03153007') // ['03153']
 * @example mergerScopes('16056') // ['16']
 */
export function mergerScopes(key: string): string[] {
  // Gemeinde (AGS, 8 digits), Gemeindeverband (9) and ARS (12) keys all begin with Land and Kreis.
  if (/^(\d{8}|\d{9}|\d{12})$/.test(key)) return [key.slice(0, 5)];
  if (/^\d{5}$/.test(key)) return [key.slice(0, 2)];
  return [];
}

/** The areas of `values` that fit `test` in the nearest of `scopes` (key prefixes, see mergerScopes) with any fit; all of `values` without scopes. */
function fittingNearest<T extends { key: string }>(values: readonly T[], scopes: readonly string[], test: (value: T) => boolean): T[] {
  for (const scope of scopes.length > 0 ? scopes : ['']) {
    const fitting = values.filter((value) => value.key.startsWith(scope) && (scope === '' || mergerScopes(value.key).length > 0) && test(value));
    if (fitting.length > 0) return fitting;
  }
  return [];
}

/**
 * @param additive Whether the values add up over areas (counts): only then can a successor's growth be
 * compared with what a vanished area counted. For rates, the areas at one end are named, no successor.
 * @example
 * territoryChange([{ key: '16056', name: 'Eisenach', before: 42370, after: null }, { key: '16063', name: 'Wartburgkreis', before: 123025, after: 158900 }], { before: '2018-12-31', after: '2021-12-31' }, true)
 *   ?.absorbed[0] // { key: '16063', name: 'Wartburgkreis', before: 123025, after: 158900, from: { key: '16056', name: 'Eisenach', value: 42370 } }
 */
export function territoryChange(values: readonly EndValues[], periods: { before: string; after: string }, additive: boolean): TerritoryChange | null {
  const oneEnded: TerritoryChange['oneEnded'] = [];
  for (const value of values) {
    if (value.withheld) continue;
    if (value.before !== null && value.after === null) oneEnded.push({ key: value.key, name: value.name, value: value.before, at: 'before' });
    else if (value.before === null && value.after !== null) oneEnded.push({ key: value.key, name: value.name, value: value.after, at: 'after' });
  }
  if (oneEnded.length === 0) return null;
  const withValues = values.filter((value) => value.before !== null || value.after !== null).length;
  if (oneEnded.length > Math.max(1, MAX_ONE_ENDED_SHARE * withValues)) return null;
  const absorbed: TerritoryChange['absorbed'] = [];
  if (additive) {
    for (const gone of oneEnded) {
      if (gone.at !== 'before' || gone.value < MIN_VANISHED_COUNT) continue;
      // Named only when exactly one area fits in the nearest scope where any does (its Kreis, else its
      // Land): two candidates are a guess between them, not a finding, and one farther away is chance.
      const fitting = fittingNearest(values, mergerScopes(gone.key), (value) => {
        if (value.before === null || value.after === null || !(value.before > 0)) return false;
        const growth = value.after - value.before;
        return growth >= ABSORBED_SHARE.min * gone.value && growth <= ABSORBED_SHARE.max * gone.value && growth >= MIN_JUMP * value.before;
      });
      const successor = fitting.length === 1 ? (fitting[0] as EndValues & { before: number; after: number }) : null;
      if (!successor || absorbed.some((area) => area.key === successor.key)) continue;
      absorbed.push({ key: successor.key, name: successor.name, before: successor.before, after: successor.after, from: { key: gone.key, name: gone.name, value: gone.value } });
    }
  }
  return { ...periods, additive, oneEnded, absorbed };
}

/**
 * A value missing for a reason other than the area not being counted there: secret („.“), not sensible
 * („x“), too unsure („/“), later („...“), suppressed, or a rate without its denominator. Such a gap says nothing of a change of territory;
 * „-“ (nothing there) and no row at all do.
 * @example isWithheldValue({ value: null, missingCode: '.', quality: null }) // true
 */
export function isWithheldValue(value: { value: number | null; numerator?: number | null; missingCode?: MissingCode | null; quality: QualityFlag | null }): boolean {
  if (value.value !== null) return false;
  // The area was counted (its numerator is there) and only the rate could not be formed: a denominator
  // of 0 or „-“ says nothing of its territory.
  if (value.numerator !== null && value.numerator !== undefined) return true;
  return (value.missingCode !== null && value.missingCode !== undefined && value.missingCode !== '-') || value.quality === 'suppressed';
}

/** Areas named in a note before "und N weitere". */
const NAMED_AREAS = 3;

/** One sentence of a note on a change of territory and the areas it speaks of. */
export interface TerritoryNote {
  keys: string[];
  note: LocalizedText;
}

/**
 * What the change map's legend, the `classify` warnings and the Zeitreihen print, sentence by sentence:
 * first each probable incorporation with its figures, then the other areas with a value at one end only.
 * @example territoryChangeNotes(change, 0)[0].note.de
 * // "Eisenach hat zum 31.12.2021 keinen Wert mehr (31.12.2018: 42.370), Wartburgkreis wuchs um 35.875 (+29,2 %): vermutlich wurde Eisenach dort eingegliedert. Der Sprung wäre dann eine Gebietsänderung, keine Entwicklung."
 */
export function territoryChangeNotes(change: TerritoryChange, decimals: number): TerritoryNote[] {
  const notes: TerritoryNote[] = change.absorbed.map((area) => ({
    keys: [area.from.key, area.key],
    note: message('indicator.territory.absorbed', (locale) => ({
      name: area.from.name,
      before: formatDate(change.before, locale),
      after: formatDate(change.after, locale),
      value: formatNumber(area.from.value, decimals, locale),
      successor: area.name,
      growth: formatNumber(area.after - area.before, decimals, locale),
      // "+29,2 %" in German (a no-break space: never "+29,2" at a line's end), "+29.2%" in English.
      percent: `+${formatNumber(((area.after - area.before) / area.before) * 100, 1, locale)}${locale === 'de' ? '\u00a0' : ''}%`,
    })),
  }));
  const explained = new Set(change.absorbed.map((area) => area.from.key));
  const rest = change.oneEnded.filter((area) => !explained.has(area.key));
  if (rest.length > 0) {
    notes.push({
      keys: rest.map((area) => area.key),
      note: message('indicator.territory.oneEnded', (locale) => {
        // Counts name the largest first: Langelsheim's 11.285 inhabitants before the forests' handful.
        const ordered = change.additive ? [...rest].sort((a, b) => b.value - a.value) : rest;
        const named = ordered.slice(0, NAMED_AREAS).map((area) => `${area.name} (${formatDate(area.at === 'before' ? change.before : change.after, locale)})`);
        const more = rest.length - named.length;
        return { before: formatDate(change.before, locale), after: formatDate(change.after, locale), areas: more > 0 ? `${named.join(', ')} ${locale === 'de' ? `und ${more} ${more === 1 ? 'weiteres' : 'weitere'}` : `and ${more} more`}` : named.join(', ') };
      }),
    });
  }
  return notes;
}

/** The notes as one paragraph, for a legend. */
export function joinedNotes(notes: readonly TerritoryNote[]): LocalizedText | null {
  if (notes.length === 0) return null;
  return { de: notes.map((part) => part.note.de).join(' '), en: notes.map((part) => part.note.en).join(' ') };
}

/**
 * The tooltip's flag of a probable successor.
 * @example territoryFlag(change, change.absorbed[0], 0).de // "Sprung vermutlich durch Gebietsänderung: Eisenach (31.12.2018: 42.370) hat zum 31.12.2021 keinen Wert mehr"
 */
export function territoryFlag(change: TerritoryChange, area: TerritoryChange['absorbed'][number], decimals: number): LocalizedText {
  return message('indicator.flag.territory', (locale) => ({
    name: area.from.name,
    before: formatDate(change.before, locale),
    after: formatDate(change.after, locale),
    value: formatNumber(area.from.value, decimals, locale),
  }));
}

/**
 * The notes of a series over several Stichtage, for each pair of neighbouring Stichtage across which the
 * territory probably changed. `valuesAt[i]` are the areas' values at `periods[i]`. The caller passes
 * observed Stichtage only: a scenario's projected ones have the model's areas.
 * @example territoryNotesAlong(['2018-12-31', '2021-12-31'], [values2018, values2021], true, 0)[0].note.de // "Eisenach hat zum 31.12.2021 keinen Wert mehr …"
 */
export function territoryNotesAlong(periods: readonly string[], valuesAt: readonly (readonly AreaValue[])[], additive: boolean, decimals: number): TerritoryNote[] {
  const notes: TerritoryNote[] = [];
  for (let index = 1; index < periods.length; index++) {
    const change = territoryChangeBetween(valuesAt[index - 1] ?? [], valuesAt[index] ?? [], { before: periods[index - 1] as string, after: periods[index] as string }, additive);
    if (change) notes.push(...territoryChangeNotes(change, decimals));
  }
  return notes;
}

/** An area's value at one Stichtag, as the change map and the series hand it in; `withheld` as in isWithheldValue. */
export interface AreaValue {
  key: string;
  name: string;
  value: number | null;
  withheld?: boolean;
}

/**
 * territoryChange of two Stichtage's values, paired by area key (the areas of the later one): the one
 * pairing for the change map (deriveIndicatorValues) and the series (territoryNotesAlong).
 * @example territoryChangeBetween(values2018, values2021, { before: '2018-12-31', after: '2021-12-31' }, true)?.absorbed[0].name // 'Wartburgkreis'
 */
export function territoryChangeBetween(before: readonly AreaValue[], after: readonly AreaValue[], periods: { before: string; after: string }, additive: boolean): TerritoryChange | null {
  const earlierByKey = new Map(before.map((value) => [value.key, value]));
  const ends = after.map((value): EndValues => {
    const earlier = earlierByKey.get(value.key);
    return { key: value.key, name: value.name, before: earlier?.value ?? null, after: value.value, withheld: Boolean(value.withheld || earlier?.withheld) };
  });
  return territoryChange(ends, periods, additive);
}
