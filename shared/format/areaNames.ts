/**
 * How area names sort, wherever areas are listed by name (the area table, profile panels, time-series
 * panels on screen and in exports, alert lists): in the UI language's collation, with areas that have no
 * name of their own after all named ones.
 */
import type { Locale } from './number';

// Made on first use: a collator loads the locale's ICU data (about 15 ms), which a command or a view that
// never sorts by name should not pay for.
const collators = new Map<Locale, Intl.Collator>();

/** The collation of area names: umlauts in place ("Hemmingen" < "Isernhagen"), digits by their value. */
export function areaNameCollator(locale: Locale): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale === 'de' ? 'de-DE' : 'en-GB', { sensitivity: 'base', numeric: true });
    collators.set(locale, collator);
  }
  return collator;
}

/**
 * True for an area named only by its key: boundaries without a name field, and no table that named it
 * (the 204 municipality-free areas of VG250 have no Zensus row). Listed by name, "01001000" would
 * otherwise come before "Aachen".
 */
export function namedOnlyByKey(area: { key: string; name: string }): boolean {
  return area.name === '' || area.name === area.key;
}

/**
 * Compares two areas by name; `direction` -1 for Z→A. Areas named only by their key come after the named
 * ones in both directions (like missing values), and among themselves by key in the same direction (a
 * layer without any names still turns round when the order does); a tie returns 0.
 * @example ['Laatzen', '03241999', 'Hannover'] sorted → Hannover, Laatzen, 03241999
 */
export function compareAreaNames(a: { key: string; name: string }, b: { key: string; name: string }, locale: Locale, direction: 1 | -1 = 1): number {
  const aUnnamed = namedOnlyByKey(a);
  const bUnnamed = namedOnlyByKey(b);
  if (aUnnamed && bUnnamed) return direction * (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  if (aUnnamed !== bUnnamed) return aUnnamed ? 1 : -1;
  return direction * areaNameCollator(locale).compare(a.name, b.name);
}
