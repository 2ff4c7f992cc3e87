/**
 * Reading boundary files from disk: shapefile sets (.shp + .dbf + .prj + .cpg), zips of them (BKG layout
 * with folders and several layers), GeoJSON (RFC 7946 and the older `crs` member) and GeoPackage layers.
 * Two steps so a preview can come first: `listBoundaryLayers` (what is in the file) and `readBoundaries`
 * (areas + report, nothing written). Writing into a project is the caller's job after confirmation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as wkx from 'wkx';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import { UserError } from '../../../shared/contract/errors';
import { buildAreas, detectNameField, type BoundaryImport, type BuildAreasOptions, type RawFeature } from '../../../shared/formats/boundaries/build-areas';
import { detectDbfEncoding, readDbf } from '../../../shared/formats/shapefile/read-dbf';
import { readShp } from '../../../shared/formats/shapefile/read-shp';
import { decodeText, normaliseEncodingName, type EncodingDetection, type TextEncoding } from '../../../shared/formats/text/decode';
import { crsFromPrj, normaliseCrsCode, proposeCrsFromBounds, type BoundingBox, type CrsDetection } from '../../../shared/geo/crs';
import { listArchive, readArchive } from './archive';

export interface BoundaryLayerEntry {
  /** Name to pass as `layer`, e.g. "vg250_ebenen_0101/VG250_GEM" in a zip or the table name in a GeoPackage. */
  name: string;
  kind: 'shapefile' | 'geojson' | 'geopackage';
}

export interface ReadBoundariesOptions extends BuildAreasOptions {
  /** Layer to read when the file has several (see `listBoundaryLayers`); a unique suffix such as "VG250_GEM" is enough. */
  layer?: string;
  /** Override or supply the CRS, e.g. "EPSG:31467" (needed when there is no .prj). */
  crs?: string;
  /** Override the DBF text encoding, e.g. "cp850". */
  encoding?: string;
}

type FileSource = (relativeName: string) => Uint8Array | null;

interface ShapefileSet {
  base: string;
  read: FileSource;
}

function notFound(what: string): UserError {
  return new UserError('not-found', { de: `${what} wurde nicht gefunden. Bitte den Pfad prüfen.`, en: `${what} was not found. Please check the path.` });
}

function fileKind(filePath: string): 'zip' | 'shp' | 'geojson' | 'gpkg' | null {
  const extension = path.extname(filePath).toLowerCase();
  if (extension === '.zip') return 'zip';
  if (extension === '.shp' || extension === '.dbf') return 'shp';
  if (extension === '.geojson' || extension === '.json') return 'geojson';
  if (extension === '.gpkg') return 'gpkg';
  return null;
}

function unsupportedFile(filePath: string): UserError {
  return new UserError('unsupported', {
    de: `${path.basename(filePath)}: dieses Dateiformat wird für Grenzen nicht unterstützt. Möglich sind Shapefile (.shp oder .zip), GeoJSON und GeoPackage (.gpkg).`,
    en: `${path.basename(filePath)}: this file format is not supported for boundaries. Use a shapefile (.shp or .zip), GeoJSON or GeoPackage (.gpkg).`,
  });
}

/** Case-insensitive lookup of a sibling file (Windows users send `.SHP` and `.prj` mixed). */
function siblingReader(directory: string, names: string[]): FileSource {
  const lower = new Map(names.map((name) => [name.toLowerCase(), name]));
  return (relativeName) => {
    const actual = lower.get(relativeName.toLowerCase());
    return actual ? new Uint8Array(readFileSync(path.join(directory, actual))) : null;
  };
}

function shapefileLayersInArchive(names: Iterable<string>): string[] {
  return [...names].filter((name) => name.toLowerCase().endsWith('.shp')).map((name) => name.slice(0, -4)).sort();
}

function pickLayer(available: string[], requested: string | undefined, fileName: string): string {
  if (available.length === 0) {
    throw new UserError('bad-input', {
      de: `${fileName} enthält kein Shapefile (.shp). Bitte ein Archiv mit Grenzen (z. B. VG250 des BKG) oder die .shp-Datei selbst wählen.`,
      en: `${fileName} contains no shapefile (.shp). Please choose an archive with boundaries (e.g. BKG VG250) or the .shp file itself.`,
    });
  }
  if (!requested) {
    if (available.length === 1) return available[0]!;
    throw new UserError('bad-input', {
      de: `${fileName} enthält ${available.length} Ebenen. Bitte eine wählen (CLI: --layer NAME): ${available.map((name) => name.split('/').pop()).join(', ')}.`,
      en: `${fileName} contains ${available.length} layers. Please choose one (CLI: --layer NAME): ${available.map((name) => name.split('/').pop()).join(', ')}.`,
    });
  }
  const wanted = requested.toLowerCase().replace(/\.shp$/, '');
  const matches = available.filter((name) => name.toLowerCase() === wanted || name.toLowerCase().endsWith(`/${wanted}`));
  if (matches.length === 1) return matches[0]!;
  throw new UserError('not-found', {
    de: `Die Ebene „${requested}“ ist in ${fileName} ${matches.length > 1 ? 'nicht eindeutig' : 'nicht vorhanden'}. Vorhanden: ${available.join(', ')}.`,
    en: `The layer "${requested}" is ${matches.length > 1 ? 'ambiguous' : 'not present'} in ${fileName}. Available: ${available.join(', ')}.`,
  });
}

/**
 * Lists the layers a boundary file offers (several in BKG zips and GeoPackages, one otherwise).
 * @example listBoundaryLayers('vg250_ebenen.zip') // [{ name: 'vg250_ebenen_0101/VG250_GEM', kind: 'shapefile' }, …]
 */
export function listBoundaryLayers(filePath: string): BoundaryLayerEntry[] {
  const kind = fileKind(filePath);
  if (!statSafe(filePath)) throw notFound(filePath);
  if (kind === 'zip') return shapefileLayersInArchive(listArchive(new Uint8Array(readFileSync(filePath)), path.basename(filePath))).map((name) => ({ name, kind: 'shapefile' }));
  if (kind === 'shp') return [{ name: path.basename(filePath).replace(/\.(shp|dbf)$/i, ''), kind: 'shapefile' }];
  if (kind === 'geojson') return [{ name: path.basename(filePath).replace(/\.(geo)?json$/i, ''), kind: 'geojson' }];
  if (kind === 'gpkg') return geopackageLayers(filePath).map((name) => ({ name, kind: 'geopackage' }));
  throw unsupportedFile(filePath);
}

function statSafe(filePath: string): boolean {
  try {
    return statSync(filePath).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads boundaries into areas (WGS84, one per key) and an import report. Writes nothing.
 * @example readBoundaries('../shared/data/boundaries/vg5000_2021-01-01_gk3/VG5000_GEM.shp', { filterKeyPrefix: '03241' }).areas.length // 21
 */
export function readBoundaries(filePath: string, options: ReadBoundariesOptions = {}): BoundaryImport {
  if (!statSafe(filePath)) throw notFound(filePath);
  const kind = fileKind(filePath);
  if (kind === 'zip') {
    const archiveName = path.basename(filePath);
    const bytes = new Uint8Array(readFileSync(filePath));
    const layer = pickLayer(shapefileLayersInArchive(listArchive(bytes, archiveName)), options.layer, archiveName);
    // Only the chosen layer's files are inflated (a BKG archive holds ten layers and more).
    const { files } = readArchive(bytes, archiveName, (name) => name.slice(0, name.lastIndexOf('.')) === layer);
    const lower = new Map([...files.keys()].map((name) => [name.toLowerCase(), name]));
    const read: FileSource = (relativeName) => {
      const actual = lower.get(relativeName.toLowerCase());
      return actual ? files.get(actual)! : null;
    };
    return readShapefileSet({ base: layer, read }, options);
  }
  if (kind === 'shp') {
    const directory = path.dirname(filePath);
    const base = path.basename(filePath).replace(/\.(shp|dbf)$/i, '');
    return readShapefileSet({ base, read: siblingReader(directory, readdirSync(directory)) }, options);
  }
  if (kind === 'geojson') return readGeoJsonFile(filePath, options);
  if (kind === 'gpkg') return readGeoPackage(filePath, options);
  throw unsupportedFile(filePath);
}

function resolveCrs(options: ReadBoundariesOptions, detected: CrsDetection, bounds: BoundingBox, fileName: string): string {
  if (options.crs) {
    const code = normaliseCrsCode(options.crs);
    if (!code) {
      throw new UserError('bad-input', {
        de: `Unbekanntes Koordinatensystem „${options.crs}“ (--crs). Beispiele: EPSG:25832, EPSG:31467, EPSG:4326.`,
        en: `Unknown coordinate system "${options.crs}" (--crs). Examples: EPSG:25832, EPSG:31467, EPSG:4326.`,
      });
    }
    return code;
  }
  if (detected.code && detected.how !== 'coordinate-range') return detected.code;
  const proposal = proposeCrsFromBounds(bounds);
  const proposalText = proposal.code ? `${proposal.code} (${Math.round(proposal.confidence * 100)} %)` : '–';
  throw new UserError('bad-input', {
    de: `${fileName}: Das Koordinatensystem ist ${detected.how === 'none' && detected.code === null ? 'nicht angegeben oder unbekannt' : 'unklar'}. Nach den Koordinaten vermutlich ${proposalText}. Bitte bestätigen oder wählen (CLI: --crs EPSG:N).`,
    en: `${fileName}: the coordinate system is ${detected.how === 'none' && detected.code === null ? 'missing or unknown' : 'unclear'}. From the coordinates it is probably ${proposalText}. Please confirm or choose one (CLI: --crs EPSG:N).`,
  });
}

/** The CRS proposal for a shapefile without .prj, for a preview that lets the user confirm. */
export function proposeShapefileCrs(shpBytes: Uint8Array, fileName: string): CrsDetection {
  return proposeCrsFromBounds(readShp(shpBytes, fileName).bounds);
}

function readShapefileSet(set: ShapefileSet, options: ReadBoundariesOptions): BoundaryImport {
  const shpName = `${path.basename(set.base)}.shp`;
  const shp = set.read(`${set.base}.shp`);
  const dbf = set.read(`${set.base}.dbf`);
  if (!shp || !dbf) {
    const missing = [!shp ? '.shp' : null, !dbf ? '.dbf' : null].filter(Boolean).join(', ');
    throw new UserError('bad-input', {
      de: `Zum Shapefile ${path.basename(set.base)} fehlt ${missing}. Ein Shapefile besteht aus mehreren Dateien (.shp, .shx, .dbf, .prj, .cpg); bitte alle zusammen wählen oder als .zip.`,
      en: `The shapefile ${path.basename(set.base)} is missing ${missing}. A shapefile consists of several files (.shp, .shx, .dbf, .prj, .cpg); please choose them together or as a .zip.`,
    });
  }
  const geometry = readShp(shp, shpName);
  const prj = set.read(`${set.base}.prj`);
  const detectedCrs: CrsDetection = prj ? crsFromPrj(decodeText(prj, 'windows-1252')) : proposeCrsFromBounds(geometry.bounds);
  const crsUsed = resolveCrs(options, detectedCrs, geometry.bounds, shpName);

  const cpg = set.read(`${set.base}.cpg`);
  const cpgEncoding = cpg ? normaliseEncodingName(decodeText(cpg, 'windows-1252')) : null;
  const detectedEncoding: EncodingDetection = cpgEncoding
    ? { encoding: cpgEncoding, confidence: 1, bom: false, preview: [], candidates: [{ encoding: cpgEncoding, score: 1 }] }
    : detectDbfEncoding(dbf, `${path.basename(set.base)}.dbf`);
  const encodingUsed = resolveEncoding(options.encoding) ?? detectedEncoding.encoding;
  const table = readDbf(dbf, encodingUsed, `${path.basename(set.base)}.dbf`);
  if (table.records.length !== geometry.geometries.length) {
    throw new UserError('bad-input', {
      de: `Das Shapefile ${path.basename(set.base)} ist inkonsistent: ${geometry.geometries.length} Geometrien, aber ${table.records.length} Datensätze in der .dbf. Eine Zuordnung wäre unsicher; bitte die Daten erneut herunterladen.`,
      en: `The shapefile ${path.basename(set.base)} is inconsistent: ${geometry.geometries.length} geometries but ${table.records.length} records in the .dbf. Matching them would be unsafe; please download the data again.`,
    });
  }
  const features: RawFeature[] = geometry.geometries.map((shape, index) => ({ properties: table.records[index]!, geometry: shape }));
  const result = buildAreas(features, detectedCrs, crsUsed, detectedEncoding, encodingUsed, { layerName: path.basename(set.base).toLowerCase(), ...options });
  // Names with umlauts decoded with the encoding used, also when a .cpg named it, so the user can see it is right.
  // Names of the areas kept (after a filter) first: the planner recognises their own municipalities.
  const keptNames = [...new Set(result.areas.map((area) => area.name).filter((name) => /[^ -~]/.test(name)))].slice(0, 12);
  const names = [...new Set([...keptNames, ...previewNames(features, result.report.nameField ?? detectNameField(result.report.fields))])].slice(0, 12);
  result.report.encoding.detected = { ...detectedEncoding, preview: names.length > 0 ? names : detectedEncoding.preview };
  return result;
}

function previewNames(features: RawFeature[], nameField: string | null): string[] {
  if (!nameField) return [];
  const names = new Set<string>();
  for (const feature of features) {
    const name = String(feature.properties[nameField] ?? '');
    if (/[^ -~]/.test(name)) names.add(name);
    if (names.size >= 12) break;
  }
  return [...names];
}

function resolveEncoding(name: string | undefined): TextEncoding | null {
  if (!name) return null;
  const encoding = normaliseEncodingName(name);
  if (!encoding) {
    throw new UserError('bad-input', {
      de: `Unbekannte Zeichenkodierung „${name}“ (--encoding). Möglich: utf-8, windows-1252, iso-8859-1, cp850.`,
      en: `Unknown text encoding "${name}" (--encoding). Possible: utf-8, windows-1252, iso-8859-1, cp850.`,
    });
  }
  return encoding;
}

interface GeoJsonObject {
  type?: string;
  features?: { properties?: Record<string, unknown> | null; geometry?: Polygon | MultiPolygon | Point | null }[];
  crs?: { properties?: { name?: string } };
}

function readGeoJsonFile(filePath: string, options: ReadBoundariesOptions): BoundaryImport {
  const fileName = path.basename(filePath);
  let document: GeoJsonObject;
  try {
    document = JSON.parse(decodeText(new Uint8Array(readFileSync(filePath)), 'utf-8')) as GeoJsonObject;
  } catch (error) {
    throw new UserError('bad-input', {
      de: `${fileName} ist kein gültiges GeoJSON (${(error as Error).message}). Bitte die Datei prüfen.`,
      en: `${fileName} is not valid GeoJSON (${(error as Error).message}). Please check the file.`,
    });
  }
  if (document.type !== 'FeatureCollection' || !Array.isArray(document.features)) {
    throw new UserError('bad-input', {
      de: `${fileName} ist keine GeoJSON-FeatureCollection. Bitte eine Datei mit Flächen-Features wählen.`,
      en: `${fileName} is not a GeoJSON FeatureCollection. Please choose a file with polygon features.`,
    });
  }
  const features: RawFeature[] = document.features.map((feature) => ({
    properties: Object.fromEntries(Object.entries(feature.properties ?? {}).map(([key, value]) => [key, value === null || typeof value !== 'object' ? (value as string | number | boolean | null) : JSON.stringify(value)])),
    geometry: feature.geometry && ['Polygon', 'MultiPolygon', 'Point'].includes(feature.geometry.type) ? feature.geometry : null,
  }));
  // RFC 7946 is always WGS84; the older form names its CRS in a `crs` member.
  const crsName = document.crs?.properties?.name;
  const detected: CrsDetection = crsName
    ? { code: normaliseCrsCode(crsName), how: 'authority', confidence: normaliseCrsCode(crsName) ? 1 : 0, alternatives: [] }
    : { code: 'EPSG:4326', how: 'authority', confidence: 1, alternatives: [] };
  if (crsName && !detected.code && !options.crs) {
    throw new UserError('unsupported', {
      de: `${fileName} nennt das Koordinatensystem „${crsName}“, das nicht unterstützt wird. Bitte angeben (CLI: --crs EPSG:N) oder die Datei nach EPSG:4326 umwandeln.`,
      en: `${fileName} names the coordinate system "${crsName}", which is not supported. Please specify one (CLI: --crs EPSG:N) or convert the file to EPSG:4326.`,
    });
  }
  const used = options.crs ? resolveCrs(options, detected, [0, 0, 0, 0], fileName) : detected.code!;
  return buildAreas(features, detected, used, null, 'utf-8', { layerName: fileName.replace(/\.(geo)?json$/i, '').toLowerCase(), ...options });
}

function geopackageLayers(filePath: string): string[] {
  const database = openGeoPackage(filePath);
  try {
    return (database.prepare("SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name").all() as { table_name: string }[]).map((row) => row.table_name);
  } finally {
    database.close();
  }
}

function openGeoPackage(filePath: string): Database.Database {
  try {
    const database = new Database(filePath, { readonly: true, fileMustExist: true });
    database.prepare('SELECT 1 FROM gpkg_contents LIMIT 1').all();
    return database;
  } catch {
    throw new UserError('bad-input', {
      de: `${path.basename(filePath)} ist kein lesbares GeoPackage. Bitte die Datei prüfen.`,
      en: `${path.basename(filePath)} is not a readable GeoPackage. Please check the file.`,
    });
  }
}

/** Strips the GeoPackage binary header (magic "GP", flags, SRS id, optional envelope) and returns the WKB. */
function wkbOfGeoPackageBlob(blob: Buffer): Buffer {
  const flags = blob[3]!;
  const envelopeIndicator = (flags >> 1) & 0x07;
  const envelopeBytes = [0, 32, 48, 48, 64][envelopeIndicator] ?? 0;
  return blob.subarray(8 + envelopeBytes);
}

function readGeoPackage(filePath: string, options: ReadBoundariesOptions): BoundaryImport {
  const fileName = path.basename(filePath);
  const layers = geopackageLayers(filePath);
  const layer = options.layer ? layers.find((name) => name.toLowerCase() === options.layer!.toLowerCase()) : layers.length === 1 ? layers[0] : undefined;
  if (!layer) pickLayer(layers, options.layer, fileName);
  const database = openGeoPackage(filePath);
  try {
    const column = database.prepare('SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?').get(layer) as { column_name: string; srs_id: number };
    const srs = database.prepare('SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?').get(column.srs_id) as
      | { organization: string; organization_coordsys_id: number; definition: string }
      | undefined;
    const byCode = srs && srs.organization.toUpperCase() === 'EPSG' ? normaliseCrsCode(`EPSG:${srs.organization_coordsys_id}`) : null;
    const detected: CrsDetection = byCode ? { code: byCode, how: 'authority', confidence: 1, alternatives: [] } : srs ? crsFromPrj(srs.definition) : { code: null, how: 'none', confidence: 0, alternatives: [] };
    const rows = database.prepare(`SELECT * FROM "${layer!.replace(/"/g, '""')}"`).all() as Record<string, unknown>[];
    const features: RawFeature[] = rows.map((row) => {
      const properties: RawFeature['properties'] = {};
      let geometry: RawFeature['geometry'] = null;
      for (const [key, value] of Object.entries(row)) {
        if (key === column.column_name) {
          if (Buffer.isBuffer(value)) {
            const parsed = wkx.Geometry.parse(wkbOfGeoPackageBlob(value)).toGeoJSON() as Polygon | MultiPolygon | Point;
            geometry = ['Polygon', 'MultiPolygon', 'Point'].includes(parsed.type) ? parsed : null;
          }
        } else if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
          properties[key] = value as string | number | boolean | null;
        }
      }
      return { properties, geometry };
    });
    const bounds = proposeBoundsOfFeatures(features);
    const used = resolveCrs(options, detected, bounds, fileName);
    return buildAreas(features, detected, used, null, 'utf-8', { layerName: layer!.toLowerCase(), ...options });
  } finally {
    database.close();
  }
}

function proposeBoundsOfFeatures(features: RawFeature[]): BoundingBox {
  const bounds: BoundingBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const feature of features.slice(0, 500)) {
    const geometry = feature.geometry;
    if (!geometry) continue;
    const points = geometry.type === 'Point' ? [geometry.coordinates] : geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
    for (const point of points) {
      bounds[0] = Math.min(bounds[0], point[0]!);
      bounds[1] = Math.min(bounds[1], point[1]!);
      bounds[2] = Math.max(bounds[2], point[0]!);
      bounds[3] = Math.max(bounds[3], point[1]!);
    }
  }
  return bounds;
}
