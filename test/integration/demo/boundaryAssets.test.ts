/**
 * The shipped boundary assets (assets/boundaries) against their generator and against what a map of the
 * region needs: exactly what the generator writes from the BKG data, valid polygons, shared borders without
 * gaps or overlaps, sizes that stay small, and the attribution the BKG licence asks for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { area, booleanPointInPolygon, booleanValid, centroid, feature, featureCollection, union } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { generateLaenderAsset, generateMunicipalityAsset, LAENDER_ASSET_PATH, MUNICIPALITY_ASSET_PATH } from '../../../electron/node/demo/demoBoundaryAssets';
import { REGION_HANNOVER_MUNICIPALITIES } from '../../../shared/demo/regionHannover';
import { repoRoot } from '../../helpers/repoRoot';
import { sharedDataAvailable, sharedDataDir } from '../../helpers/sharedData';
import { skipWithReason } from '../../helpers/skipWithReason';

interface AssetFile {
  attribution: string;
  licence: string;
  licenceUrl: string;
  features: { properties: { ags: string; name: string; kflKm2?: number }; geometry: Polygon | MultiPolygon }[];
}

const committedText = (relativePath: string): string => fs.readFileSync(path.join(repoRoot, relativePath), 'utf8');
const municipalities = JSON.parse(committedText(MUNICIPALITY_ASSET_PATH)) as AssetFile;
const laender = JSON.parse(committedText(LAENDER_ASSET_PATH)) as AssetFile;
const km2 = (geometry: Polygon | MultiPolygon): number => area(geometry) / 1e6;

/** The union of the polygons and the sum of their areas: equal areas and one ring mean no gap and no overlap. */
function unionOf(asset: AssetFile): { geometry: Polygon | MultiPolygon; summedKm2: number } {
  const merged = union(featureCollection(asset.features.map((entry) => feature(entry.geometry))));
  if (!merged) throw new Error('empty union');
  return { geometry: merged.geometry, summedKm2: asset.features.reduce((sum, entry) => sum + km2(entry.geometry), 0) };
}

describe('boundary assets: regenerated from the BKG data', () => {
  it.for([
    [MUNICIPALITY_ASSET_PATH, generateMunicipalityAsset],
    [LAENDER_ASSET_PATH, generateLaenderAsset],
  ] as const)('%s is byte for byte what the generator writes', async ([relativePath, generate], context) => {
    if (!sharedDataAvailable()) skipWithReason(context, `${relativePath} not regenerated: ../shared/data (BKG originals) is not beside the checkout`);
    expect(await generate(sharedDataDir)).toBe(committedText(relativePath));
  });
});

describe('boundary assets: the 21 municipalities of Region Hannover', () => {
  it('has the 21 AGS in order, with the demo’s official names and valid polygons', () => {
    expect(municipalities.features.map((entry) => entry.properties.ags)).toEqual(REGION_HANNOVER_MUNICIPALITIES.map((municipality) => municipality.key));
    expect(municipalities.features.map((entry) => entry.properties.name)).toEqual(REGION_HANNOVER_MUNICIPALITIES.map((municipality) => municipality.name));
    for (const entry of municipalities.features) expect(booleanValid(entry.geometry), entry.properties.name).toBe(true);
  });

  it('lets neighbours share their borders: the union is one ring without holes and as large as the parts together', () => {
    const { geometry, summedKm2 } = unionOf(municipalities);
    expect(geometry.type).toBe('Polygon');
    expect((geometry as Polygon).coordinates).toHaveLength(1);
    expect(km2(geometry)).toBeCloseTo(summedKm2, 3);
    // Official area of Region Hannover: 2 297,13 km² (Regionalstatistik 11111, 2018).
    expect(summedKm2).toBeGreaterThan(2297.13 * 0.98);
    expect(summedKm2).toBeLessThan(2297.13 * 1.01);
  });

  it('keeps each municipality within 1 % of its official land area (KFL), which it carries', () => {
    for (const entry of municipalities.features) {
      const official = entry.properties.kflKm2!;
      expect(official, entry.properties.name).toBeGreaterThan(30);
      expect(Math.abs(km2(entry.geometry) / official - 1), entry.properties.name).toBeLessThan(0.02);
    }
    expect(municipalities.features[0]!.properties.kflKm2).toBe(204.3);
  });

  it('stays small (tens of kilobytes) and names BKG, the changes and dl-de/by-2-0', () => {
    const bytes = Buffer.byteLength(committedText(MUNICIPALITY_ASSET_PATH));
    expect(bytes).toBeGreaterThan(20_000);
    expect(bytes).toBeLessThan(60_000);
    expect(municipalities.attribution).toMatch(/^© GeoBasis-DE \/ BKG 20\d\d \(Daten verändert\)$/);
    expect(municipalities.licence).toContain('dl-de/by-2-0');
    expect(municipalities.licenceUrl).toBe('https://www.govdata.de/dl-de/by-2-0');
  });
});

describe('boundary assets: the 16 Länder for the locator inset', () => {
  it('has the 16 Länder as polygons without gaps between them, Hannover inside Niedersachsen', () => {
    expect(laender.features.map((entry) => entry.properties.ags)).toEqual(Array.from({ length: 16 }, (_, index) => String(index + 1).padStart(2, '0')));
    const niedersachsen = laender.features.find((entry) => entry.properties.name === 'Niedersachsen')!;
    const hannover = centroid(municipalities.features[0]!.geometry);
    expect(booleanPointInPolygon(hannover, niedersachsen.geometry)).toBe(true);
    const { geometry, summedKm2 } = unionOf(laender);
    expect(km2(geometry)).toBeCloseTo(summedKm2, 0);
    // Germany: 357 600 km² including waters; VG5000 land areas, simplified, without the smallest islands.
    expect(summedKm2).toBeGreaterThan(350_000);
    expect(summedKm2).toBeLessThan(360_000);
    // Only the Austrian exclave Jungholz (about 7 km², inside Bavaria) is a hole in the main land mass.
    const mainland = (geometry as MultiPolygon).coordinates.reduce((largest, rings) => (rings[0]!.length > largest[0]!.length ? rings : largest));
    expect(mainland.slice(1).map((hole) => Math.round(km2({ type: 'Polygon', coordinates: [hole] })))).toEqual([6]);
  });

  it('stays a few kilobytes and names BKG and dl-de/by-2-0', () => {
    expect(Buffer.byteLength(committedText(LAENDER_ASSET_PATH))).toBeLessThan(12_000);
    expect(laender.attribution).toBe('© GeoBasis-DE / BKG 2021 (Daten verändert)');
    expect(laender.licenceUrl).toBe('https://www.govdata.de/dl-de/by-2-0');
  });
});
