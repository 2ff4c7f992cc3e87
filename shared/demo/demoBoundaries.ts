/**
 * The demo's municipality boundaries: the real BKG VG250-EW polygons of the 21 cities and municipalities of
 * Region Hannover, simplified with shared borders kept shared, as shipped in
 * `assets/boundaries/region-hannover-gemeinden.geo.json` (written by electron/node/demo/demoBoundaryAssets.ts
 * from the BKG data beside the checkout; the asset states its source, changes, attribution and licence).
 * Each feature carries the official land area (KFL, km²), which the demo records as the observation
 * `area_km2`, so densities use the official area rather than the area of the simplified polygon.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import asset from '../../assets/boundaries/region-hannover-gemeinden.geo.json';
import { BKG_PUBLISHER } from '../fileFormats/boundaries/bkgSource';
import type { Area, Observation, Source } from '../model/project';
import { DEMO_SOURCE_IDS, OFFICIAL_AREA_VARIABLE } from './dataDictionary';

interface MunicipalityAsset {
  name: string;
  attribution: string;
  licence: string;
  licenceUrl: string;
  source: string;
  changes: string;
  /** ISO date: the latest day the data can have been retrieved from BKG's service (it states no Stand). */
  retrievedNoLaterThan: string;
  features: { properties: { ags: string; name: string; kflKm2: number | null }; geometry: Polygon | MultiPolygon }[];
}

const municipalities = asset as unknown as MunicipalityAsset;

/**
 * The 21 municipality areas in AGS order, WGS84, outer rings counter-clockwise; fresh copies on every call.
 * @example createDemoMunicipalities()[0] // { key: '03241001', name: 'Hannover', geometry: { type: 'MultiPolygon', … } }
 */
export function createDemoMunicipalities(): Area[] {
  return municipalities.features.map((feature) => ({
    key: feature.properties.ags,
    name: feature.properties.name,
    geometry: JSON.parse(JSON.stringify(feature.geometry)) as Polygon | MultiPolygon,
  }));
}

/** The boundary source as the demo project records it (BKG, dl-de/by-2-0, "Daten verändert"). */
export const DEMO_BOUNDARY_SOURCE: Source = {
  id: DEMO_SOURCE_IDS.boundaries,
  name: 'VG250-EW Gemeinden der Region Hannover (vereinfacht)',
  publisher: BKG_PUBLISHER,
  stichtag: null,
  licence: municipalities.licence,
  licenceUrl: municipalities.licenceUrl,
  attribution: municipalities.attribution,
  notes: `${municipalities.source} ${municipalities.changes}`,
  synthetic: false,
  definition: 'Gemeindegrenzen (VG250-EW), vereinfacht mit gemeinsamen Grenzlinien; amtliche Katasterfläche (KFL)',
  quality: 'counted',
};

/**
 * The official land area (KFL, km²) of each municipality as observations of `area_km2`, counted, from the
 * boundary source. Their period is the retrieval date, as BKG's service states no Stand.
 * @example officialAreaObservations()[0] // { areaKey: '03241001', variable: 'area_km2', value: 204.3, period: '2025-09-03', … }
 */
export function officialAreaObservations(): Observation[] {
  return municipalities.features.flatMap((feature) =>
    feature.properties.kflKm2 === null
      ? []
      : [
          {
            areaKey: feature.properties.ags,
            variable: OFFICIAL_AREA_VARIABLE,
            dimensions: {},
            period: municipalities.retrievedNoLaterThan,
            value: feature.properties.kflKm2,
            sourceId: DEMO_SOURCE_IDS.boundaries,
            quality: 'counted' as const,
          },
        ],
  );
}
