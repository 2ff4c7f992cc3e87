/**
 * The short list of coordinate systems a planner in Germany meets, with plain names. The wizard shows the
 * detected one and lets the user confirm or pick another from this list (the backend knows the same codes,
 * see shared/geo/crs.ts).
 */

export interface CrsChoice {
  /** "EPSG:N", as the backend expects it. */
  code: string;
  /** Name the user recognises from BKG/LGLN data sheets. */
  label: string;
}

/** In the order planners are most likely to need them: today's official CRS first, then the older Gauß-Krüger zones. */
export const CRS_CHOICES: readonly CrsChoice[] = [
  { code: 'EPSG:25832', label: 'ETRS89 / UTM Zone 32N' },
  { code: 'EPSG:25833', label: 'ETRS89 / UTM Zone 33N' },
  { code: 'EPSG:31466', label: 'Gauß-Krüger Zone 2 (DHDN)' },
  { code: 'EPSG:31467', label: 'Gauß-Krüger Zone 3 (DHDN)' },
  { code: 'EPSG:31468', label: 'Gauß-Krüger Zone 4 (DHDN)' },
  { code: 'EPSG:31469', label: 'Gauß-Krüger Zone 5 (DHDN)' },
  { code: 'EPSG:4326', label: 'WGS 84 (Längen-/Breitengrad)' },
  { code: 'EPSG:3035', label: 'ETRS89 / LAEA Europa' },
  { code: 'EPSG:32632', label: 'WGS 84 / UTM Zone 32N' },
  { code: 'EPSG:32633', label: 'WGS 84 / UTM Zone 33N' },
];

/**
 * A readable name for a CRS code: the list's label with the code, or the code alone when it is not listed.
 * @example crsLabel('EPSG:31467') // "Gauß-Krüger Zone 3 (DHDN) – EPSG:31467"
 */
export function crsLabel(code: string | null | undefined): string {
  if (!code) return '–';
  const choice = CRS_CHOICES.find((candidate) => candidate.code === code);
  return choice ? `${choice.label} – ${code}` : code;
}
