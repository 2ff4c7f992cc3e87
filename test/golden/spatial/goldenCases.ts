/**
 * The golden cases of the spatial statistics (see README.md): two small hand-made fixtures whose geometry
 * is committed, and three real layers read from ../shared/data exactly as the import stores them (WGS84
 * doubles after reprojection), whose geometry is never committed — only keys, values, centroids and the
 * reference outputs are.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { readBoundaries } from '../../../electron/node/import/readBoundaries';
import { sharedDataPath } from '../../helpers/sharedData';

export interface GoldenArea {
  key: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

export const goldenDir = path.dirname(new URL(import.meta.url).pathname);

/** Committed geometry of a small fixture (test/golden/spatial/in/<name>.geojson). */
export function fixtureAreas(name: string): GoldenArea[] {
  const collection = JSON.parse(fs.readFileSync(path.join(goldenDir, 'in', `${name}.geojson`), 'utf8')) as {
    features: { properties: { key: string; name: string }; geometry: Polygon | MultiPolygon }[];
  };
  return collection.features.map((feature) => ({ key: feature.properties.key, name: feature.properties.name, geometry: feature.geometry }));
}

/** The 21 Städte und Gemeinden of Region Hannover from the Germany-wide VG250 shapefile (UTM 32N). */
export async function regionHannoverGemeinden(): Promise<GoldenArea[]> {
  return (await readBoundaries(sharedDataPath('boundaries', 'vg250_gem_2022-05-15_simplified_utm32', 'VG250_GEM.shp'), { filterKeyPrefix: '03241' })).areas;
}

/** The 51 Stadtteile of Hannover (LH Hannover, WGS84 GeoJSON), without Freifunk's hand-drawn extras. */
export async function hannoverStadtteile(): Promise<GoldenArea[]> {
  return (await readBoundaries(sharedDataPath('hannover_stadt', 'stadtteile', 'stadtteile_hannover_freifunk_wgs84.json'), { keyField: 'STADTTLNR', requireAttributes: ['STADTBZNAM'] })).areas;
}

/** All 10 990 Gemeinden of Germany (VG250, simplified, UTM 32N), the scale case. */
export async function germanyGemeinden(): Promise<GoldenArea[]> {
  return (await readBoundaries(sharedDataPath('boundaries', 'vg250_gem_2022-05-15_simplified_utm32', 'VG250_GEM.shp'))).areas;
}
