/**
 * An indicator's name with its unit, for the picker, axis titles, table columns and notes:
 * "Ausländeranteil (%)". A name that already says its unit, also where the unit abbreviates the name's
 * words ("je 1.000 Einw." in "… je 1.000 Einwohner"), is not followed by it again.
 */

/**
 * @example indicatorLabel('Ausländeranteil', '%') // "Ausländeranteil (%)"
 * @example indicatorLabel('Schutzsuchende je 1.000 Einwohner', 'je 1.000 Einw.') // "Schutzsuchende je 1.000 Einwohner"
 */
export function indicatorLabel(name: string, unit: string): string {
  const shown = shownUnit(name, unit);
  return shown === null ? name : `${name} (${shown})`;
}

/**
 * The unit to print after the name, or null where the name says it already: for views that set the unit
 * apart (the details panel prints it muted) by the same rule as `indicatorLabel`.
 * @example shownUnit('Kinder 0–5 Jahre', 'Kinder') // null
 */
export function shownUnit(name: string, unit: string): string | null {
  const trimmed = unit.trim();
  return trimmed.length === 0 || saysUnit(name, trimmed) ? null : trimmed;
}

/** Whether the unit's words appear in the name in a row, each as the start of a name word (an abbreviation's dot dropped). */
function saysUnit(name: string, unit: string): boolean {
  const words = (text: string) => text.toLowerCase().split(/\s+/).filter((word) => word.length > 0);
  const unitWords = words(unit).map((word) => (word.length > 1 && word.endsWith('.') ? word.slice(0, -1) : word));
  // "Fläche (km²)" and "je 1.000 „Ausländer“" say their unit too: brackets, quotes and trailing punctuation do not count.
  const nameWords = words(name).map((word) => word.replace(/^[([„"“]+|[)\],;:“”"]+$/g, ''));
  for (let start = 0; start + unitWords.length <= nameWords.length; start += 1) {
    if (unitWords.every((word, index) => nameWords[start + index]!.startsWith(word))) return true;
  }
  return false;
}
