/**
 * The name of the area an observation is kept under, for messages that list areas by name: an area of the
 * layer by its own name, else what the key stands for — a parent's reported total (the Kreis row of a
 * table, kept under the parent's key) or its "nicht zuordenbar" value (see unassignableKey).
 */
import { UNASSIGNABLE_SUFFIX, type AreaKey, type LocalizedText } from '../model/project';

/**
 * @example observationAreaName('03241', new Map()) // { de: 'gemeldete Gesamtzahl 03241', en: 'reported total 03241' }
 * @example observationAreaName('03241001', new Map([['03241001', 'Hannover']])).de // 'Hannover'
 */
export function observationAreaName(key: AreaKey, areaNames: ReadonlyMap<AreaKey, string>): LocalizedText {
  const name = areaNames.get(key);
  if (name !== undefined) return { de: name, en: name };
  if (key.endsWith(UNASSIGNABLE_SUFFIX)) {
    const parent = key.slice(0, -UNASSIGNABLE_SUFFIX.length);
    return { de: `nicht zuordenbar (${parent})`, en: `not assignable (${parent})` };
  }
  return { de: `gemeldete Gesamtzahl ${key}`, en: `reported total ${key}` };
}

/**
 * Names for a list: the first `limit`, then how many more.
 * @example namedList([{ de: 'A', en: 'A' }, { de: 'B', en: 'B' }], 'de', 1) // 'A und 1 weiteres'
 */
export function namedList(names: readonly LocalizedText[], locale: 'de' | 'en', limit = 5): string {
  const shown = names.slice(0, limit).map((name) => name[locale]);
  const more = names.length - shown.length;
  if (more === 0) return shown.join(', ');
  return locale === 'de' ? `${shown.join(', ')} und ${more} ${more === 1 ? 'weiteres' : 'weitere'}` : `${shown.join(', ')} and ${more} more`;
}
