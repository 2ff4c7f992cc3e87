/**
 * The name of the area an observation is kept under, for messages that list areas by name: an area of the
 * layer by its own name, else what the key stands for — a parent's reported total (the Kreis row of a
 * table, kept under the parent's key) or its "nicht zuordenbar" value (see unassignableKey).
 */
import { UNASSIGNABLE_SUFFIX, type AreaKey, type LocalizedText } from '../model/project';

/**
 * @param layerNames names of the layer's areas
 * @param otherNames names the project knows from its other layers (a Kreis layer names the parent keys)
 * @example observationAreaName('03241', new Map(), new Map()).de // 'gemeldete Gesamtzahl des übergeordneten Gebiets 03241'
 * @example observationAreaName('03241', new Map(), new Map([['03241', 'Region Hannover']])).de // 'gemeldete Gesamtzahl Region Hannover (03241)'
 * @example observationAreaName('03241001', new Map([['03241001', 'Hannover']])).de // 'Hannover'
 */
export function observationAreaName(key: AreaKey, layerNames: ReadonlyMap<AreaKey, string>, otherNames: ReadonlyMap<AreaKey, string> = new Map()): LocalizedText {
  const name = layerNames.get(key);
  if (name !== undefined) return { de: name, en: name };
  const parent = key.endsWith(UNASSIGNABLE_SUFFIX) ? key.slice(0, -UNASSIGNABLE_SUFFIX.length) : key;
  const parentName = otherNames.get(parent);
  if (parent !== key) {
    return parentName ? { de: `nicht zuordenbar in ${parentName} (${parent})`, en: `not assignable in ${parentName} (${parent})` } : { de: `nicht zuordenbar (${parent})`, en: `not assignable (${parent})` };
  }
  return parentName
    ? { de: `gemeldete Gesamtzahl ${parentName} (${key})`, en: `reported total ${parentName} (${key})` }
    : { de: `gemeldete Gesamtzahl des übergeordneten Gebiets ${key}`, en: `reported total of the parent area ${key}` };
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
