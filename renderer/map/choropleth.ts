/**
 * MapLibre expressions for a drawn indicator (shared/mapView/drawIndicator.ts): fill colours by area key
 * and filters for the no-data hatching and the small-number marks. The classes and colours themselves
 * come from the shared drawing, as in every other view.
 */
import { NO_DATA_COLOUR } from '../../shared/classification/defaults';

export { NO_DATA_COLOUR };

/**
 * A MapLibre `match` expression colouring features by `properties.key`; features without a value (or not
 * in the values at all) get the no-data colour.
 * @example fillColourExpression(new Map([['a', '#fff']])) // ['match', ['get', 'key'], 'a', '#fff', '#d9d9d9']
 */
export function fillColourExpression(colourByKey: ReadonlyMap<string, string>): unknown[] {
  if (colourByKey.size === 0) return ['literal', NO_DATA_COLOUR];
  const pairs: string[] = [];
  for (const [key, colour] of colourByKey) pairs.push(key, colour);
  return ['match', ['to-string', ['get', 'key']], ...pairs, NO_DATA_COLOUR];
}

/** Outline colour of areas flagged for small numbers (dotted), also the legend swatch's border. */
export const SMALL_NUMBER_OUTLINE_COLOUR = '#7a1f5c';

/**
 * A MapLibre filter matching the features whose `properties.key` is one of `keys` (no-data hatching,
 * small-number outlines); matches nothing for an empty list.
 * @example keysFilter(['03241007']) // ['in', ['to-string', ['get', 'key']], ['literal', ['03241007']]]
 */
export function keysFilter(keys: readonly string[]): unknown[] {
  return ['in', ['to-string', ['get', 'key']], ['literal', [...keys]]];
}
