/**
 * Short labels of sources for table headers and pickers: the name up to its first " – " (demo sources
 * carry "– Beispieldaten, synthetisch", which the views show as a label of their own).
 */

/** @example shortSourceName('Statistik der Asylbewerberleistungen (AsylbLG) – Beispieldaten, synthetisch') // "Statistik der Asylbewerberleistungen (AsylbLG)" */
export function shortSourceName(name: string): string {
  const cut = name.indexOf(' – ');
  return cut > 0 ? name.slice(0, cut) : name;
}
