/**
 * An indicator's name with its unit for axis titles, table columns and notes: "Ausländeranteil (%)". A name
 * that already says its rate ("Einwohner je km²", "Schutzsuchende je 1.000 Einwohner") is not followed by
 * the same rate abbreviated ("Einw. je km²"), which read as a stutter.
 */

const RATE = /(^|\s)(je|per)\s/i;

/**
 * @example nameWithUnit('Ausländeranteil', '%') // "Ausländeranteil (%)"
 * @example nameWithUnit('Einwohner je km²', 'Einw. je km²') // "Einwohner je km²"
 */
export function nameWithUnit(name: string, unit: string): string {
  const trimmed = unit.trim();
  if (trimmed === '' || (RATE.test(name) && RATE.test(trimmed))) return name;
  return `${name} (${trimmed})`;
}
