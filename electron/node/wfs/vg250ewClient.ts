/**
 * Fetching municipalities of one Kreis with population (EWZ) and area (KFL) from BKG's VG250-EW web feature
 * service, and caching the answer in the data folder so a second load works offline. The request asks the
 * server to filter by AGS prefix (FES 2.0 PropertyIsLike); the answer is filtered again here, so a server
 * that ignores the filter still gives only the Kreis' municipalities.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/contract/errors';
import { writeFileAtomically } from '../files/writeFileAtomically';

/** The project setting with the service's address (default: BKG's, see shared/settings/projectSettings.ts). */
export const VG250EW_URL_SETTING = 'wfs.vg250ew.url';
export const VG250EW_TYPE_NAME = 'vg250-ew:vg250_gem';

export interface WfsFeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: Record<string, unknown> | null; geometry: { type: string; coordinates: unknown } | null }[];
}

export interface Vg250EwResponse {
  collection: WfsFeatureCollection;
  fetchedAt: string;
  fromCache: boolean;
  serviceUrl: string;
}

/**
 * The GetFeature URL for the municipalities of `kreis`.
 * @example getFeatureUrl('https://sgx.geodatenzentrum.de/wfs_vg250-ew', '03241') // "https://…?service=WFS&version=2.0.0&request=GetFeature&typeNames=vg250-ew%3Avg250_gem&…"
 */
export function getFeatureUrl(serviceUrl: string, kreis: string): string {
  const filter =
    '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:vg250-ew="vg250-ew">' +
    '<fes:PropertyIsLike wildCard="*" singleChar="?" escapeChar="\\">' +
    `<fes:ValueReference>vg250-ew:ags</fes:ValueReference><fes:Literal>${kreis}*</fes:Literal>` +
    '</fes:PropertyIsLike></fes:Filter>';
  const url = new URL(serviceUrl);
  const parameters: Record<string, string> = {
    service: 'WFS',
    version: '2.0.0',
    request: 'GetFeature',
    typeNames: VG250EW_TYPE_NAME,
    outputFormat: 'json',
    srsName: 'EPSG:4326',
    filter,
  };
  for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
  return url.toString();
}

/** Property lookup that ignores case (the service answers `ags`, shapefiles have `AGS`). */
export function propertyOf(properties: Record<string, unknown> | null, name: string): unknown {
  if (!properties) return undefined;
  if (name in properties) return properties[name];
  const lower = name.toLowerCase();
  const found = Object.keys(properties).find((key) => key.toLowerCase() === lower);
  return found === undefined ? undefined : properties[found];
}

function cachePath(dataDir: string, serviceUrl: string, kreis: string): string {
  const urlHash = createHash('sha256').update(serviceUrl).digest('hex').slice(0, 12);
  return path.join(dataDir, 'cache', 'wfs', `vg250-ew_${kreis}_${urlHash}.json`);
}

function readCache(file: string, serviceUrl: string): Vg250EwResponse | null {
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as { fetchedAt: string; collection: WfsFeatureCollection };
    if (cached.collection?.type !== 'FeatureCollection' || !Array.isArray(cached.collection.features)) return null;
    return { collection: cached.collection, fetchedAt: cached.fetchedAt, fromCache: true, serviceUrl };
  } catch {
    return null;
  }
}

function offlineError(serviceUrl: string, detail: string): UserError {
  return new UserError('unsupported', {
    de: `Der Dienst des BKG (${serviceUrl}) ist nicht erreichbar (${detail}). Ohne Internetverbindung bitte Grenzen aus einer Datei importieren (z. B. VG250 als Shapefile) oder später erneut versuchen.`,
    en: `BKG's service (${serviceUrl}) cannot be reached (${detail}). Without an internet connection, please import boundaries from a file (e.g. VG250 shapefile) or try again later.`,
  });
}

/**
 * Fetches (or reads from the cache) the VG250-EW municipalities of a Kreis.
 * @example await fetchVg250EwGemeinden({ dataDir, serviceUrl: DEFAULT_VG250EW_URL, kreis: '03241' }) // { collection: { features: [21 …] }, … }
 */
export async function fetchVg250EwGemeinden(options: { dataDir: string; serviceUrl: string; kreis: string; refresh?: boolean; timeoutMs?: number }): Promise<Vg250EwResponse> {
  const { dataDir, serviceUrl, kreis } = options;
  const file = cachePath(dataDir, serviceUrl, kreis);
  const cached = readCache(file, serviceUrl);
  if (cached && !options.refresh) return cached;
  let text: string;
  try {
    const response = await fetch(getFeatureUrl(serviceUrl, kreis), { signal: AbortSignal.timeout(options.timeoutMs ?? 30_000), headers: { accept: 'application/json' } });
    if (!response.ok) {
      throw new UserError('bad-input', {
        de: `Der Dienst ${serviceUrl} antwortet mit Fehler ${response.status}. Bitte die Dienstadresse prüfen (Einstellung ${VG250EW_URL_SETTING}).`,
        en: `The service ${serviceUrl} answers with error ${response.status}. Please check the service address (setting ${VG250EW_URL_SETTING}).`,
      });
    }
    text = await response.text();
  } catch (error) {
    if (error instanceof UserError) throw error;
    // Offline with an older answer in the cache: use it rather than nothing (fromCache says so).
    if (cached) return cached;
    throw offlineError(serviceUrl, (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message);
  }
  let collection: WfsFeatureCollection;
  try {
    collection = JSON.parse(text) as WfsFeatureCollection;
    if (collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) throw new Error('no FeatureCollection');
  } catch {
    throw new UserError('bad-input', {
      de: `Die Antwort von ${serviceUrl} ist kein GeoJSON (${text.slice(0, 80).replace(/\s+/g, ' ')} …). Bitte die Dienstadresse prüfen (Einstellung ${VG250EW_URL_SETTING}).`,
      en: `The answer of ${serviceUrl} is not GeoJSON (${text.slice(0, 80).replace(/\s+/g, ' ')} …). Please check the service address (setting ${VG250EW_URL_SETTING}).`,
    });
  }
  collection = { type: 'FeatureCollection', features: collection.features.filter((feature) => String(propertyOf(feature.properties, 'ags') ?? '').startsWith(kreis)) };
  const fetchedAt = new Date().toISOString();
  // Written aside and renamed, so a crash never leaves half a cache file.
  writeFileAtomically(file, JSON.stringify({ fetchedAt, serviceUrl, kreis, collection }));
  return { collection, fetchedAt, fromCache: false, serviceUrl };
}
