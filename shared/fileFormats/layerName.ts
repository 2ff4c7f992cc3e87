/**
 * A layer name as users type it ("Stadtteile Süd") and the technical name the project stores the layer
 * under (letters, digits and "_", starting with a letter: it names a GeoPackage table). What the user typed
 * becomes the layer's title unless they gave one. The import wizard and `kleinraum import --layer-name` use it.
 */
import { slug } from './table/tableMapping';

export const LAYER_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * @example layerIdentifier('Stadtteile Süd') // "stadtteile_sued"
 * @example layerIdentifier('2024 Bezirke') // "ebene_2024_bezirke"
 * @example layerIdentifier('gemeinden_2024') // "gemeinden_2024" (a valid name stays as typed)
 */
export function layerIdentifier(typed: string): string | null {
  const text = typed.trim();
  if (text.length === 0) return null;
  if (LAYER_NAME_PATTERN.test(text)) return text;
  const base = slug(text);
  if (base === 'wert' && !/wert/i.test(text)) return null; // nothing usable (only punctuation)
  return /^[a-z]/.test(base) ? base : `ebene_${base}`;
}

/**
 * The title to store for a new layer: the one typed, else a name the planner typed in words ("Kreise",
 * "Stadtteile Süd"); '' (the file's title) for a technical name ("gemeinden_rh") or the proposal left as it is.
 * @example layerTitleToStore('Kreise', '', 'ebene_kreise') // "Kreise"
 * @example layerTitleToStore('gemeinden_rh', '', 'vg250_gem') // ""
 */
export function layerTitleToStore(typedName: string, typedTitle: string, proposedName: string): string {
  const name = typedName.trim();
  if (typedTitle.trim()) return typedTitle.trim();
  return name !== proposedName && !/^[a-z][a-z0-9_]*$/.test(name) ? name : '';
}
