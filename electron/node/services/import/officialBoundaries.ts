/**
 * "Amtliche Grenzen laden": the municipalities of a Kreis from BKG's VG250-EW web feature service become a
 * boundary preview with population (EWZ) and area (KFL) as observations, and BKG's source and attribution.
 */
import type { Point } from 'geojson';
import type { MultiPolygon, Polygon } from 'geojson';
import { UserError } from '../../../../shared/contract/errors';
import { BKG_PUBLISHER, DL_DE_BY_2_0, type BoundarySourceProposal } from '../../../../shared/fileFormats/boundaries/bkgSource';
import { buildAreas, type BoundaryImport, type RawFeature } from '../../../../shared/fileFormats/boundaries/buildAreas';
import { isoDateOf } from '../../../../shared/fileFormats/table/analyseGrid';
import type { Observation } from '../../../../shared/model/project';
import { propertyOf, type Vg250EwResponse } from '../../wfs/vg250ewClient';
import type { PendingBoundaryImport } from './pendingImports';

const STAND_FIELDS = ['stand', 'ewz_stand', 'stichtag'];

function numberOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function dateOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : isoDateOf(value);
}

export interface OfficialBoundaries {
  imported: BoundaryImport;
  source: BoundarySourceProposal;
  pending: PendingBoundaryImport;
  /** Stichtag of EWZ when the service states it, else null (then commit needs `period`). */
  stichtag: string | null;
  populationTotal: number | null;
}

/**
 * Turns a VG250-EW answer into areas, observations and source.
 * @example officialBoundariesFrom(response, '03241').imported.areas.length // 21
 */
export function officialBoundariesFrom(response: Vg250EwResponse, kreis: string): OfficialBoundaries {
  const features = response.collection.features;
  if (features.length === 0) {
    throw new UserError('not-found', {
      de: `Der Dienst kennt keine Gemeinden im Kreis ${kreis}. Bitte den Kreisschlüssel prüfen (5 Ziffern, z. B. 03241 für die Region Hannover).`,
      en: `The service has no municipalities in Kreis ${kreis}. Please check the Kreis key (5 digits, e.g. 03241 for Region Hannover).`,
    });
  }
  const raw: RawFeature[] = features.map((feature) => ({
    properties: Object.fromEntries(
      Object.entries(feature.properties ?? {}).map(([key, value]) => [key.toUpperCase(), value === null || ['string', 'number', 'boolean'].includes(typeof value) ? (value as string | number | boolean | null) : JSON.stringify(value)]),
    ),
    geometry: feature.geometry && ['Polygon', 'MultiPolygon', 'Point'].includes(feature.geometry.type) ? (feature.geometry as Polygon | MultiPolygon | Point) : null,
  }));
  const imported = buildAreas(raw, { code: 'EPSG:4326', how: 'authority', confidence: 1, alternatives: [] }, 'EPSG:4326', null, 'utf-8', {
    keyField: 'AGS',
    nameField: 'GEN',
    filterKeyPrefix: kreis,
    layerName: `vg250_ew_gem_${kreis}`,
  });
  const stichtag = features.map((feature) => STAND_FIELDS.map((name) => dateOf(propertyOf(feature.properties, name))).find((date) => date !== null) ?? null).find((date) => date !== null) ?? null;

  // A key with several parts (land and water, GF 4 and 2): the land part carries EWZ and KFL; else sum.
  const byKey = new Map<string, { ewz: number | null; kfl: number | null; landPart: boolean }[]>();
  for (const feature of features) {
    const key = String(propertyOf(feature.properties, 'ags') ?? '');
    if (!key.startsWith(kreis)) continue;
    const parts = byKey.get(key) ?? [];
    parts.push({ ewz: numberOf(propertyOf(feature.properties, 'ewz')), kfl: numberOf(propertyOf(feature.properties, 'kfl')), landPart: numberOf(propertyOf(feature.properties, 'gf')) === 4 });
    byKey.set(key, parts);
  }
  const observations: Observation[] = [];
  let populationTotal: number | null = 0;
  for (const [areaKey, allParts] of byKey) {
    const parts = allParts.some((part) => part.landPart) ? allParts.filter((part) => part.landPart) : allParts;
    const sum = (pick: (part: (typeof parts)[number]) => number | null) => (parts.every((part) => pick(part) === null) ? null : parts.reduce((total, part) => total + (pick(part) ?? 0), 0));
    const ewz = sum((part) => part.ewz);
    const kfl = sum((part) => part.kfl);
    // An empty period is filled in on commit (from `period`) when the service does not state the Stichtag.
    if (ewz !== null) observations.push({ areaKey, variable: 'population', dimensions: {}, period: stichtag ?? '', value: ewz, missing: null, sourceId: '', quality: 'counted' });
    if (kfl !== null) observations.push({ areaKey, variable: 'area_km2', dimensions: {}, period: stichtag ?? '', value: kfl, missing: null, sourceId: '', quality: 'counted' });
    populationTotal = ewz === null || populationTotal === null ? null : populationTotal + ewz;
  }
  const year = (stichtag ?? response.fetchedAt).slice(0, 4);
  const source: BoundarySourceProposal = {
    isBkg: true,
    name: `VG250-EW Gemeinden Kreis ${kreis} (WFS)`,
    publisher: BKG_PUBLISHER,
    stichtag,
    attribution: `© GeoBasis-DE / BKG ${year}`,
    ...DL_DE_BY_2_0,
    attributionYearFrom: stichtag ? 'attribute-date' : 'fetch-date',
  };
  const layerInfo = { ...imported.layerInfo, title: { de: `Gemeinden ${kreis} (VG250-EW)`, en: `Municipalities ${kreis} (VG250-EW)` } };
  return {
    imported,
    source,
    stichtag,
    populationTotal,
    pending: {
      kind: 'boundaries',
      layerInfo,
      areas: imported.areas,
      source,
      observations,
      variables: [
        { id: 'population', name: { de: 'Bevölkerung', en: 'Population' }, unit: 'Personen' },
        { id: 'area_km2', name: { de: 'Fläche (km²)', en: 'Area (km²)' }, unit: 'km²' },
      ],
    },
  };
}
