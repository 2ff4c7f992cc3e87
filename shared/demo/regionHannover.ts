/**
 * Facts about the 21 cities and municipalities of Region Hannover that the demo project is built on,
 * typed by hand from the files documented in `../shared/data/PROVENANCE.md` (never read at run time):
 * - AGS and official names: VG250 / VG5000 (all sources agree).
 * - `censusPopulation`: Zensus 2022, table 1000A-0000, Stichtag 15.05.2022 (column Z22); sum 1 129 158.
 * - `areaKm2`: GV-ISys 31.12.2019 land area (column GV19 km²), used only as the target size of the
 *   schematic cells.
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
  /** Land area in km² (GV-ISys 31.12.2019). */
  areaKm2: number;
  /** Zensus 2022 population on 15.05.2022 (persons). */
  censusPopulation: number;
  /** 0 (rural) .. 1 (the Landeshauptstadt); a judgement, see the module comment. */
  urbanity: number;
}

/** The 21 municipalities in AGS order. */
export const REGION_HANNOVER_MUNICIPALITIES: readonly DemoMunicipality[] = [
  { key: '03241001', name: 'Hannover', seat: [9.74, 52.37], areaKm2: 204.3, censusPopulation: 513291, urbanity: 1 },
  { key: '03241002', name: 'Barsinghausen', seat: [9.47, 52.3], areaKm2: 102.81, censusPopulation: 33727, urbanity: 0.25 },
  { key: '03241003', name: 'Burgdorf', seat: [10.01, 52.45], areaKm2: 112.56, censusPopulation: 31045, urbanity: 0.25 },
  { key: '03241004', name: 'Burgwedel', seat: [9.86, 52.49], areaKm2: 152.85, censusPopulation: 20172, urbanity: 0.1 },
  { key: '03241005', name: 'Garbsen', seat: [9.59, 52.42], areaKm2: 79.49, censusPopulation: 59534, urbanity: 0.5 },
  { key: '03241006', name: 'Gehrden', seat: [9.6, 52.32], areaKm2: 43.24, censusPopulation: 15345, urbanity: 0.15 },
  { key: '03241007', name: 'Hemmingen', seat: [9.75, 52.32], areaKm2: 31.73, censusPopulation: 18896, urbanity: 0.3 },
  { key: '03241008', name: 'Isernhagen', seat: [9.85, 52.43], areaKm2: 59.85, censusPopulation: 24293, urbanity: 0.15 },
  { key: '03241009', name: 'Laatzen', seat: [9.79, 52.31], areaKm2: 34.16, censusPopulation: 41966, urbanity: 0.55 },
  { key: '03241010', name: 'Langenhagen', seat: [9.73, 52.44], areaKm2: 71.97, censusPopulation: 53711, urbanity: 0.55 },
  { key: '03241011', name: 'Lehrte', seat: [9.98, 52.37], areaKm2: 127.67, censusPopulation: 43501, urbanity: 0.35 },
  { key: '03241012', name: 'Neustadt am Rübenberge', seat: [9.46, 52.5], areaKm2: 358.96, censusPopulation: 44274, urbanity: 0.15 },
  { key: '03241013', name: 'Pattensen', seat: [9.76, 52.26], areaKm2: 67.13, censusPopulation: 14773, urbanity: 0.1 },
  { key: '03241014', name: 'Ronnenberg', seat: [9.65, 52.32], areaKm2: 37.89, censusPopulation: 23817, urbanity: 0.35 },
  { key: '03241015', name: 'Seelze', seat: [9.59, 52.4], areaKm2: 54.08, censusPopulation: 34324, urbanity: 0.35 },
  { key: '03241016', name: 'Sehnde', seat: [9.97, 52.31], areaKm2: 103.58, censusPopulation: 23313, urbanity: 0.15 },
  { key: '03241017', name: 'Springe', seat: [9.55, 52.21], areaKm2: 160.12, censusPopulation: 28513, urbanity: 0.15 },
  { key: '03241018', name: 'Uetze', seat: [10.2, 52.46], areaKm2: 140.85, censusPopulation: 20121, urbanity: 0.05 },
  { key: '03241019', name: 'Wedemark', seat: [9.73, 52.55], areaKm2: 174.27, censusPopulation: 29409, urbanity: 0.05 },
  { key: '03241020', name: 'Wennigsen (Deister)', seat: [9.57, 52.27], areaKm2: 53.88, censusPopulation: 14149, urbanity: 0.1 },
  { key: '03241021', name: 'Wunstorf', seat: [9.42, 52.43], areaKm2: 125.74, censusPopulation: 40984, urbanity: 0.3 },
];

/**
 * A hand-simplified outline of Region Hannover, [longitude, latitude] in degrees, 33 vertices on a
 * 0.01° grid, closed (first = last). Derived once, at development time, from the union of the real
 * VG250-EW municipality polygons (Douglas–Peucker with 0.025° tolerance, then rounded to 0.01° and
 * checked by eye); it encloses about 2 310 km² (official: 2 297 km²).
 * It is schematic: good enough to recognise the region, not for any analysis.
 */
export const REGION_HANNOVER_OUTLINE: readonly (readonly [number, number])[] = [
  [9.24, 52.53], [9.27, 52.51], [9.24, 52.47], [9.28, 52.44], [9.39, 52.43], [9.32, 52.39], [9.42, 52.39],
  [9.41, 52.3], [9.52, 52.21], [9.5, 52.17], [9.63, 52.13], [9.72, 52.16], [9.7, 52.2], [9.81, 52.19],
  [9.82, 52.23], [9.77, 52.23], [9.83, 52.27], [10.13, 52.32], [10.16, 52.36], [10.13, 52.39], [10.3, 52.46],
  [10.27, 52.51], [9.99, 52.54], [9.97, 52.59], [9.73, 52.64], [9.64, 52.61], [9.66, 52.63], [9.59, 52.68],
  [9.54, 52.67], [9.52, 52.62], [9.35, 52.61], [9.37, 52.56], [9.24, 52.53],
];

/** Sum of the Zensus 2022 totals of the 21 municipalities (= the Kreis row 03241 of the Zensus file). */
export const REGION_HANNOVER_CENSUS_TOTAL = 1129158;

/** The Kreis key of Region Hannover, parent of the 21 municipalities. */
export const REGION_HANNOVER_KREIS = '03241';
