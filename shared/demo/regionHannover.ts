/**
 * Facts about the 21 cities and municipalities of Region Hannover that the demo project is built on,
 * typed by hand from the files documented in `../shared/data/PROVENANCE.md` (never read at run time);
 * their boundaries and land areas come from the BKG asset instead (demoBoundaries.ts):
 * - AGS and official names: VG250 / VG5000 (all sources agree).
 * - `censusPopulation`: Zensus 2022, table 1000A-0000, Stichtag 15.05.2022 (column Z22); sum 1 129 158.
 * - `seat`: position of the municipality's seat (VG250_PK 2016, transformed to WGS84, rounded to 0.01°).
 * - `urbanity`: a hand-chosen 0..1 judgement (1 = the Landeshauptstadt, 0 = rural) that shapes the
 *   synthetic age structure and foreigner shares; it is not an official figure.
 */
import type { AreaKey } from '../model/project';

export interface DemoMunicipality {
  key: AreaKey;
  name: string;
  /** [longitude, latitude] in degrees (WGS84). */
  seat: readonly [number, number];
  /** Zensus 2022 population on 15.05.2022 (persons). */
  censusPopulation: number;
  /** 0 (rural) .. 1 (the Landeshauptstadt); a judgement, see the module comment. */
  urbanity: number;
}

/** The 21 municipalities in AGS order. */
export const REGION_HANNOVER_MUNICIPALITIES: readonly DemoMunicipality[] = [
  { key: '03241001', name: 'Hannover', seat: [9.74, 52.37], censusPopulation: 513291, urbanity: 1 },
  { key: '03241002', name: 'Barsinghausen', seat: [9.47, 52.3], censusPopulation: 33727, urbanity: 0.25 },
  { key: '03241003', name: 'Burgdorf', seat: [10.01, 52.45], censusPopulation: 31045, urbanity: 0.25 },
  { key: '03241004', name: 'Burgwedel', seat: [9.86, 52.49], censusPopulation: 20172, urbanity: 0.1 },
  { key: '03241005', name: 'Garbsen', seat: [9.59, 52.42], censusPopulation: 59534, urbanity: 0.5 },
  { key: '03241006', name: 'Gehrden', seat: [9.6, 52.32], censusPopulation: 15345, urbanity: 0.15 },
  { key: '03241007', name: 'Hemmingen', seat: [9.75, 52.32], censusPopulation: 18896, urbanity: 0.3 },
  { key: '03241008', name: 'Isernhagen', seat: [9.85, 52.43], censusPopulation: 24293, urbanity: 0.15 },
  { key: '03241009', name: 'Laatzen', seat: [9.79, 52.31], censusPopulation: 41966, urbanity: 0.55 },
  { key: '03241010', name: 'Langenhagen', seat: [9.73, 52.44], censusPopulation: 53711, urbanity: 0.55 },
  { key: '03241011', name: 'Lehrte', seat: [9.98, 52.37], censusPopulation: 43501, urbanity: 0.35 },
  { key: '03241012', name: 'Neustadt am Rübenberge', seat: [9.46, 52.5], censusPopulation: 44274, urbanity: 0.15 },
  { key: '03241013', name: 'Pattensen', seat: [9.76, 52.26], censusPopulation: 14773, urbanity: 0.1 },
  { key: '03241014', name: 'Ronnenberg', seat: [9.65, 52.32], censusPopulation: 23817, urbanity: 0.35 },
  { key: '03241015', name: 'Seelze', seat: [9.59, 52.4], censusPopulation: 34324, urbanity: 0.35 },
  { key: '03241016', name: 'Sehnde', seat: [9.97, 52.31], censusPopulation: 23313, urbanity: 0.15 },
  { key: '03241017', name: 'Springe', seat: [9.55, 52.21], censusPopulation: 28513, urbanity: 0.15 },
  { key: '03241018', name: 'Uetze', seat: [10.2, 52.46], censusPopulation: 20121, urbanity: 0.05 },
  { key: '03241019', name: 'Wedemark', seat: [9.73, 52.55], censusPopulation: 29409, urbanity: 0.05 },
  { key: '03241020', name: 'Wennigsen (Deister)', seat: [9.57, 52.27], censusPopulation: 14149, urbanity: 0.1 },
  { key: '03241021', name: 'Wunstorf', seat: [9.42, 52.43], censusPopulation: 40984, urbanity: 0.3 },
];

/** Sum of the Zensus 2022 totals of the 21 municipalities (= the Kreis row 03241 of the Zensus file). */
export const REGION_HANNOVER_CENSUS_TOTAL = 1129158;

/** The Kreis key of Region Hannover, parent of the 21 municipalities. */
export const REGION_HANNOVER_KREIS = '03241';
