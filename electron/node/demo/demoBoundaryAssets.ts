/**
 * Derives the two boundary assets the app ships from BKG data beside the checkout (`../shared/data`, see its
 * PROVENANCE.md), so only the small derived files are committed, never the originals:
 *
 * - `assets/boundaries/region-hannover-gemeinden.geo.json` — the 21 cities and municipalities of Region
 *   Hannover (AGS 03241001 … 03241021) for the demo project, with their official land area (KFL).
 *   Input: BKG VG250-EW Gemeinden as served by BKG's web feature service `wfs_vg250-ew` (WGS84, 4 decimals),
 *   `boundaries/vg250ew_gemeinden_niedersachsen_wgs84/de-03_gemeinden_niedersachsen.geojson`. Of the BKG
 *   layers beside the checkout it is the newest (retrieved in 2025; VG5000 is of 01.01.2021, the simplified
 *   VG250 of 15.05.2022 keeps only 15–49 vertices per municipality) and the only one at VG250 detail that
 *   carries KFL.
 * - `assets/boundaries/deutschland-laender.geo.json` — the 16 Länder for the locator inset of figures.
 *   Input: BKG VG5000 Länder, Stand 01.01.2021 (`boundaries/vg5000_2021-01-01_gk3/VG5000_LAN.*`, GF 9 = land
 *   area; Gauß-Krüger zone 3, reprojected to WGS84). VG5000 (1 : 5 000 000) is the scale an inset needs.
 *
 * Both are simplified with shared borders kept shared (shared/geo/simplifySharedBorders.ts), so neighbours
 * meet without gaps. The output is deterministic: the same input gives the same bytes, which a test checks.
 * Write them with `npm run generate:boundaries` (electron/node/demo/writeDemoBoundaries.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { BKG_PUBLISHER, DL_DE_BY_2_0 } from '../../../shared/fileFormats/boundaries/bkgSource';
import { readShapefile } from '../import/readShapefile';
import { KNOWN_CRS, reprojectToWgs84 } from '../../../shared/geo/crs';
import { rewindPolygonRings } from '../../../shared/geo/validity';
import { simplifySharedBorders, type PlanarPosition } from '../../../shared/geo/simplifySharedBorders';
import { readFileBytes } from '../import/readFileBytes';

/** Where the assets live, relative to the repository root. */
export const MUNICIPALITY_ASSET_PATH = 'assets/boundaries/region-hannover-gemeinden.geo.json';
export const LAENDER_ASSET_PATH = 'assets/boundaries/deutschland-laender.geo.json';

/** Input files, relative to `../shared/data`. */
export const MUNICIPALITY_INPUT = 'boundaries/vg250ew_gemeinden_niedersachsen_wgs84/de-03_gemeinden_niedersachsen.geojson';
export const LAENDER_INPUT = 'boundaries/vg5000_2021-01-01_gk3/VG5000_LAN';

/** Kreis key of Region Hannover: its municipalities' AGS start with it. */
const REGION_HANNOVER_KREIS = '03241';

/**
 * Tolerance of the municipalities' simplification in metres (UTM 32N). 100 m is about a pixel at the scale
 * the demo map opens (the region's 80 km on about 900 pixels), keeps every municipality's area within
 * 0,5 % of VG250's and the file near 40 kB (60 m: 53 kB, 150 m: 31 kB but 0,75 %).
 */
export const MUNICIPALITY_TOLERANCE_METRES = 100;
/**
 * Tolerance of the Länder in metres (measured in Gauß-Krüger): an inset shows Germany about 30 mm tall, so
 * 8 km is about 0,3 mm there; the file stays near 10 kB (5 km: 14 kB; 12 km turns Berlin into a triangle).
 */
export const LAENDER_TOLERANCE_METRES = 8000;
/** Islands smaller than this (km²) are left out of the Länder: below a tenth of a millimetre in an inset. */
const LAENDER_SMALLEST_ISLAND_KM2 = 50;
/** Decimals of the Länder's WGS84 coordinates (0,001° ≈ 100 m; 0,01° would merge distinct vertices into pinches). */
const LAENDER_DECIMALS = 3;

/**
 * The BKG licence asks for "© GeoBasis-DE / BKG <year of the last retrieval>" plus "(Daten verändert)" for
 * changed data. The VG250-EW copy states no Stand; it was retrieved from BKG's service in 2025 (the source
 * repository's commit of 03.09.2025 is the latest possible date).
 */
export const MUNICIPALITY_ATTRIBUTION_YEAR = 2025;
export const MUNICIPALITY_RETRIEVED_BY = '2025-09-03';
/** VG5000 Länder: aktualitaet.txt says 01.01.2021. */
export const LAENDER_STICHTAG = '2021-01-01';

const toUtm32 = proj4(KNOWN_CRS['EPSG:4326']!.proj4, KNOWN_CRS['EPSG:25832']!.proj4);

interface WfsFeature {
  properties: { ags: string; name: string; area_km2: number | null };
  geometry: Polygon | MultiPolygon;
}

/** One feature per line, so a change shows in a diff as the lines of the municipalities it touches. */
function featureCollectionText(header: Record<string, unknown>, features: { properties: Record<string, unknown>; geometry: Polygon | MultiPolygon }[]): string {
  const head = JSON.stringify({ type: 'FeatureCollection', ...header });
  const lines = features.map((feature) => JSON.stringify({ type: 'Feature', properties: feature.properties, geometry: feature.geometry }));
  return `${head.slice(0, -1)},"features":[\n${lines.join(',\n')}\n]}\n`;
}

/** RFC 7946 winding (shells counter-clockwise); reversing a ring keeps its positions, so borders stay shared. */
function rewound(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: rewindPolygonRings(geometry.coordinates) } : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(rewindPolygonRings) };
}

function countPositions(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flat().reduce((sum, ring) => sum + ring.length, 0);
}

/**
 * The municipality asset's text, derived from the VG250-EW copy in `dataFolder`.
 * @example generateMunicipalityAsset(dataFolder).length // ≈ 44 000 characters
 */
export function generateMunicipalityAsset(dataFolder: string): string {
  const collection = JSON.parse(readFileSync(path.join(dataFolder, MUNICIPALITY_INPUT), 'utf8')) as { features: WfsFeature[] };
  const features = collection.features.filter((feature) => feature.properties.ags.startsWith(REGION_HANNOVER_KREIS)).sort((a, b) => (a.properties.ags < b.properties.ags ? -1 : 1));
  if (features.length !== 21 || new Set(features.map((feature) => feature.properties.ags)).size !== 21) {
    throw new Error(`Expected the 21 municipalities of Region Hannover once each in ${MUNICIPALITY_INPUT}, found ${features.length}`);
  }
  const simplified = simplifySharedBorders(
    features.map((feature) => feature.geometry),
    { tolerance: MUNICIPALITY_TOLERANCE_METRES, toPlanar: (position: Position): PlanarPosition => toUtm32.forward([position[0]!, position[1]!]) as [number, number] },
  );
  const before = features.reduce((sum, feature) => sum + countPositions(feature.geometry), 0);
  const after = simplified.reduce((sum, geometry) => sum + countPositions(geometry), 0);
  return featureCollectionText(
    {
      name: 'Region Hannover – Städte und Gemeinden (BKG VG250-EW, vereinfacht)',
      attribution: `© GeoBasis-DE / BKG ${MUNICIPALITY_ATTRIBUTION_YEAR} (Daten verändert)`,
      publisher: BKG_PUBLISHER,
      licence: DL_DE_BY_2_0.licence,
      licenceUrl: DL_DE_BY_2_0.licenceUrl,
      source:
        `BKG VG250-EW, Ebene Gemeinden, aus dem Web Feature Service wfs_vg250-ew (EPSG:4326), abgerufen spätestens am ${MUNICIPALITY_RETRIEVED_BY}; ` +
        'Stand der Daten dort nicht angegeben. kflKm2 = amtliche Katasterfläche (KFL) in km².',
      changes:
        `Auswahl AGS ${REGION_HANNOVER_KREIS}*, Grenzen vereinfacht (Douglas–Peucker auf gemeinsamen Grenzbögen, Toleranz ${MUNICIPALITY_TOLERANCE_METRES} m in UTM 32N; ` +
        `${before} → ${after} Punkte), gemeinsame Grenzen bleiben deckungsgleich.`,
      retrievedNoLaterThan: MUNICIPALITY_RETRIEVED_BY,
      generator: 'electron/node/demo/demoBoundaryAssets.ts',
    },
    features.map((feature, index) => ({
      properties: { ags: feature.properties.ags, name: feature.properties.name, kflKm2: feature.properties.area_km2 },
      geometry: rewound(simplified[index]!),
    })),
  );
}

function roundPosition(position: Position): Position {
  return [Number(position[0]!.toFixed(LAENDER_DECIMALS)), Number(position[1]!.toFixed(LAENDER_DECIMALS))];
}

function planarRingArea(ring: Position[]): number {
  let sum = 0;
  for (let index = 1; index < ring.length; index++) sum += ring[index - 1]![0]! * ring[index]![1]! - ring[index]![0]! * ring[index - 1]![1]!;
  return Math.abs(sum / 2);
}

/**
 * Leaves out parts smaller than LAENDER_SMALLEST_ISLAND_KM2 that share no position with another Land
 * (islands in the North and Baltic Sea); parts that touch a neighbour stay, so no gap opens.
 */
function withoutSmallIslands(geometries: (Polygon | MultiPolygon)[]): MultiPolygon[] {
  const owners = new Map<string, Set<number>>();
  geometries.forEach((geometry, index) => {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const position of polygons.flat(2)) {
      const key = `${position[0]},${position[1]}`;
      const set = owners.get(key) ?? new Set<number>();
      set.add(index);
      owners.set(key, set);
    }
  });
  return geometries.map((geometry) => {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const kept = polygons.filter((polygon) => {
      const touchesNeighbour = polygon[0]!.some((position) => (owners.get(`${position[0]},${position[1]}`)?.size ?? 0) > 1);
      return touchesNeighbour || planarRingArea(polygon[0]!) / 1e6 >= LAENDER_SMALLEST_ISLAND_KM2;
    });
    return { type: 'MultiPolygon', coordinates: kept };
  });
}

/** Drops positions that rounding made equal to their predecessor. */
function roundGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const ring = (positions: Position[]): Position[] =>
    positions.map(roundPosition).filter((position, index, all) => index === 0 || position[0] !== all[index - 1]![0] || position[1] !== all[index - 1]![1]);
  return geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) } : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((rings) => rings.map(ring)) };
}

/**
 * The Länder asset's text, derived from VG5000_LAN in `dataFolder`.
 * @example (await generateLaenderAsset('../shared/data')).length // a few thousand bytes
 */
export async function generateLaenderAsset(dataFolder: string): Promise<string> {
  const base = path.join(dataFolder, LAENDER_INPUT);
  const shapefile = await readShapefile((extension) => (extension === '.shp' || extension === '.shx' || extension === '.dbf' || extension === '.cpg' ? readFileBytes(`${base}${extension}`) : null), 'VG5000_LAN', 'utf-8');
  const land = shapefile.features
    .map((feature) => ({ record: feature.properties, geometry: feature.geometry }))
    .filter((entry): entry is { record: Record<string, string>; geometry: Polygon | MultiPolygon } => entry.record.GF === '9' && entry.geometry !== null && entry.geometry.type !== 'Point')
    .sort((a, b) => (a.record.AGS! < b.record.AGS! ? -1 : 1));
  if (land.length !== 16) throw new Error(`Expected the 16 Länder (GF 9) in ${LAENDER_INPUT}, found ${land.length}`);
  // Reprojected and rounded before simplifying, so the simplifier's crossing checks see the final
  // coordinates (rounding afterwards could make simplified borders cross); islands go first, so they
  // cannot hold the simplified coast back. Equal input positions stay equal, so borders stay shared.
  const toGaussKrueger = proj4(KNOWN_CRS['EPSG:4326']!.proj4, KNOWN_CRS['EPSG:31467']!.proj4);
  const wgs84 = withoutSmallIslands(land.map((entry) => entry.geometry)).map((geometry) => roundGeometry(reprojectToWgs84(geometry, 'EPSG:31467')));
  const simplified = simplifySharedBorders(wgs84, {
    tolerance: LAENDER_TOLERANCE_METRES,
    toPlanar: (position: Position): PlanarPosition => toGaussKrueger.forward([position[0]!, position[1]!]) as [number, number],
  });
  return featureCollectionText(
    {
      name: 'Deutschland – Länder (BKG VG5000, vereinfacht)',
      attribution: `© GeoBasis-DE / BKG ${LAENDER_STICHTAG.slice(0, 4)} (Daten verändert)`,
      publisher: BKG_PUBLISHER,
      licence: DL_DE_BY_2_0.licence,
      licenceUrl: DL_DE_BY_2_0.licenceUrl,
      source: `BKG VG5000, Ebene Länder (VG5000_LAN, GF 9), Stand ${LAENDER_STICHTAG}, EPSG:31467.`,
      changes: `Inseln unter ${LAENDER_SMALLEST_ISLAND_KM2} km² weggelassen, nach WGS84 umgerechnet und auf ${LAENDER_DECIMALS} Nachkommastellen gerundet, Grenzen vereinfacht (Douglas–Peucker auf gemeinsamen Grenzbögen, Toleranz ${LAENDER_TOLERANCE_METRES} m).`,
      generator: 'electron/node/demo/demoBoundaryAssets.ts',
    },
    land.map((entry, index) => ({
      properties: { ags: entry.record.AGS!, name: entry.record.GEN! },
      geometry: rewound(simplified[index]!),
    })),
  );
}
