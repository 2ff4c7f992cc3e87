/**
 * Reads the table of the 21 municipalities of Region Hannover from `../shared/data/PROVENANCE.md`, so the
 * demo's typed facts are checked against the documented source instead of against a second typed copy.
 */
import fs from 'node:fs';
import { sharedDataAvailable, sharedDataPath } from '../../helpers/sharedData';

export interface ProvenanceMunicipality {
  ags: string;
  /** The name as in the table, e.g. "Hannover (Landeshauptstadt)". */
  name: string;
  /** Zensus 2022 population (column Z22). */
  census2022: number;
  /** GV-ISys 31.12.2019 area in km² (column GV19 km²). */
  areaKm2: number;
  /** KFL in km² of BKG's VG250-EW web service copy (column WFS km²). */
  officialAreaKm2: number;
}

/** The table rows, or null when `../shared/data` is not beside the checkout. */
export function readProvenanceMunicipalities(): ProvenanceMunicipality[] | null {
  if (!sharedDataAvailable()) return null;
  const text = fs.readFileSync(sharedDataPath('PROVENANCE.md'), 'utf8');
  const rows: ProvenanceMunicipality[] = [];
  for (const line of text.split('\n')) {
    // | 1 | 03241001 | Hannover (Landeshauptstadt) | Stadt | 513291 | 536925 | 204.30 | …
    const cells = line.split('|').map((cell) => cell.trim());
    if (!/^0324\d{4}$/.test(cells[2] ?? '')) continue;
    rows.push({ ags: cells[2] as string, name: cells[3] as string, census2022: Number(cells[5]), areaKm2: Number(cells[7]), officialAreaKm2: Number(cells[11]) });
  }
  return rows;
}
