/**
 * Reading boundary files from disk: shapefile sets (.shp + .dbf + .prj + .cpg), zips of them (BKG layout
 * with folders and several layers), GeoJSON (RFC 7946 and the older `crs` member) and GeoPackage layers.
 * Two steps so a preview can come first: `listBoundaryLayers` (what is in the file) and `readBoundaries`
 * (areas + report, nothing written). Writing into a project is the caller's job after confirmation.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { UserError } from '../../../shared/contract/errors';
import { formatNumber } from '../../../shared/format/number';
import { buildAreas, detectNameField, type BoundaryImport, type BuildAreasOptions, type RawFeature } from '../../../shared/fileFormats/boundaries/buildAreas';
import { countUtf8Sequences, decodeText, detectEncoding, detectUtf16, normaliseEncodingName, type TextEncoding } from '../../../shared/fileFormats/text/decode';
import { crsFromPrj, normaliseCrsCode, proposeCrsFromBounds, type BoundingBox, type CrsDetection } from '../../../shared/geo/crs';
import type { LocalizedText } from '../../../shared/model/project';
import { listGeoPackageFeatureTables, readGeoPackageLayer } from '../storage/geopackageLayerReader';
import { openArchive, type Archive } from './archive';
import { readShapefile, siblingReader, type ShapefileMemberReader } from './readShapefile';
import { readFileBytes } from './readFileBytes';

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
  /** Budget of expanded bytes when reading a zip (tests use a small one; default see archive.ts). */
  maxExpandedBytes?: number;
}

/** At most this many vertices over all features: beyond it memory, not the planner, decides the outcome. */
export const MAX_BOUNDARY_VERTICES = 20_000_000;
/** GeoJSON files above this size are refused before parsing (JSON.parse needs several times the size in memory). */
export const MAX_GEOJSON_BYTES = 512 * 1024 * 1024;

type ImportNote = { code: string; text: LocalizedText };

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

function archiveReader(archive: Archive, base: string): ShapefileMemberReader {
  const lower = new Map(archive.entries.map((entry) => [entry.name.toLowerCase(), entry.name]));
  return (extension) => {
    const actual = lower.get(`${base}${extension}`.toLowerCase());
    return actual ? archive.read(actual) : null;
  };
}

function shapefileLayersInArchive(archive: Archive): string[] {
  return archive.entries.filter((entry) => entry.name.toLowerCase().endsWith('.shp')).map((entry) => entry.name.slice(0, -4)).sort();
}

function openArchiveFile(filePath: string, options: { maxExpandedBytes?: number } = {}): Archive {
  return openArchive(readFileBytes(filePath), path.basename(filePath), { maxExpandedBytes: options.maxExpandedBytes });
}

function pickLayer(available: string[], requested: string | undefined, fileName: string, nested: string[] = []): string {
  if (available.length === 0) {
    if (nested.length > 0) {
      throw new UserError('bad-input', {
        de: `${fileName} enthält selbst kein Shapefile, sondern weitere Archive (${nested.slice(0, 3).join(', ')}). Bitte ${fileName} entpacken und das innere Archiv wählen.`,
        en: `${fileName} contains no shapefile itself but further archives (${nested.slice(0, 3).join(', ')}). Please unpack ${fileName} and choose the inner archive.`,
      });
    }
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
    de: `Die Ebene „${requested}“ ist in ${fileName} ${matches.length > 1 ? 'nicht eindeutig' : 'nicht vorhanden'}. Vorhanden: ${available.join(', ')} (CLI: --layer).`,
    en: `The layer "${requested}" is ${matches.length > 1 ? 'ambiguous' : 'not present'} in ${fileName}. Available: ${available.join(', ')} (CLI: --layer).`,
  });
}

/**
 * Lists the layers a boundary file offers (several in BKG zips and GeoPackages, one otherwise).
 * @example listBoundaryLayers('vg250_ebenen.zip') // [{ name: 'vg250_ebenen_0101/VG250_GEM', kind: 'shapefile' }, …]
 */
export function listBoundaryLayers(filePath: string): BoundaryLayerEntry[] {
  const kind = fileKind(filePath);
  if (!statSafe(filePath)) throw notFound(filePath);
  if (kind === 'zip') return shapefileLayersInArchive(openArchiveFile(filePath)).map((name) => ({ name, kind: 'shapefile' }));
  if (kind === 'shp') return [{ name: path.basename(filePath).replace(/\.(shp|dbf)$/i, ''), kind: 'shapefile' }];
  if (kind === 'geojson') return [{ name: path.basename(filePath).replace(/\.(geo)?json$/i, ''), kind: 'geojson' }];
  if (kind === 'gpkg') return listGeoPackageFeatureTables(filePath).map((name) => ({ name, kind: 'geopackage' }));
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
 * @example (await readBoundaries('../shared/data/boundaries/vg5000_2021-01-01_gk3/VG5000_GEM.shp', { filterKeyPrefix: '03241' })).areas.length // 21
 */
export async function readBoundaries(filePath: string, options: ReadBoundariesOptions = {}): Promise<BoundaryImport> {
  if (!statSafe(filePath)) throw notFound(filePath);
  const kind = fileKind(filePath);
  if (kind === 'zip') {
    const archiveName = path.basename(filePath);
    const archive = openArchiveFile(filePath, options);
    const nested = archive.entries.filter((entry) => entry.name.toLowerCase().endsWith('.zip')).map((entry) => entry.name);
    const layer = pickLayer(shapefileLayersInArchive(archive), options.layer, archiveName, nested);
    return readShapefileSet(archiveReader(archive, layer), layer, options);
  }
  if (kind === 'shp') {
    const base = path.basename(filePath).replace(/\.(shp|dbf)$/i, '');
    return readShapefileSet(siblingReader(path.dirname(filePath), base), base, options);
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

/** Refuses a layer of points (or nothing but empty shapes) as boundaries, saying where points belong. */
function assertHasPolygons(features: RawFeature[], fileName: string): void {
  if (features.some((feature) => feature.geometry !== null && feature.geometry.type !== 'Point')) return;
  if (features.some((feature) => feature.geometry?.type === 'Point')) {
    throw new UserError('bad-input', {
      de: `${fileName} enthält Punkte, keine Flächen. Gebiete brauchen eine Flächen-Ebene (z. B. VG250_GEM); Punkte wie Einrichtungen bitte unter „Planung → Einrichtungen“ importieren.`,
      en: `${fileName} holds points, not polygons. Areas need a polygon layer (e.g. VG250_GEM); please import points such as facilities under "Planning → Facilities".`,
    });
  }
  throw new UserError('bad-input', {
    de: `${fileName} enthält keine einzige Fläche (${features.length} Objekte, alle ohne Geometrie). Bitte die Datei prüfen oder eine andere Ebene wählen (CLI: --layer).`,
    en: `${fileName} holds no polygon at all (${features.length} objects, all without geometry). Please check the file or choose another layer (CLI: --layer).`,
  });
}

function assertVertexBudget(vertexCount: number, fileName: string): void {
  if (vertexCount <= MAX_BOUNDARY_VERTICES) return;
  throw new UserError('bad-input', {
    de: `${fileName} hat ${formatNumber(vertexCount, 0, 'de')} Stützpunkte, mehr als Kleinraum verarbeitet (${formatNumber(MAX_BOUNDARY_VERTICES, 0, 'de')}). Bitte eine generalisierte Fassung wählen (z. B. VG250 statt ALKIS, oder in QGIS „Vereinfachen“).`,
    en: `${fileName} has ${formatNumber(vertexCount, 0, 'en')} vertices, more than Kleinraum handles (${formatNumber(MAX_BOUNDARY_VERTICES, 0, 'en')}). Please choose a generalised version (e.g. VG250 instead of ALKIS, or "Simplify" in QGIS).`,
  });
}

function withNotes(result: BoundaryImport, notes: ImportNote[], deletedRecords = 0): BoundaryImport {
  result.report.notes.push(...notes);
  result.report.filteredOut.deletedRecords = deletedRecords;
  return result;
}

async function readShapefileSet(read: ShapefileMemberReader, base: string, options: ReadBoundariesOptions): Promise<BoundaryImport> {
  const baseName = path.basename(base);
  const shpName = `${baseName}.shp`;
  const forced = resolveEncoding(options.encoding) ?? undefined;
  const shapefile = await readShapefile(read, baseName, forced);
  if (shapefile.shp.kind === 'point') assertHasPolygons([{ properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } }], shpName);
  assertVertexBudget(shapefile.shp.vertexCount, shpName);
  const detectedCrs: CrsDetection = shapefile.prj ? crsFromPrj(shapefile.prj) : proposeCrsFromBounds(shapefile.shp.bounds);
  const crsUsed = resolveCrs(options, detectedCrs, shapefile.shp.bounds, shpName);
  const features: RawFeature[] = shapefile.features.map((feature) => ({ properties: feature.properties, geometry: feature.geometry }));
  assertHasPolygons(features, shpName);
  const result = buildAreas(features, detectedCrs, crsUsed, shapefile.encoding.detected, shapefile.encoding.used, { layerName: baseName.toLowerCase(), ...options });
  // Names with umlauts decoded with the encoding used, also when a .cpg named it, so the user can see it is right.
  // Names of the areas kept (after a filter) first: the planner recognises their own municipalities.
  const keptNames = [...new Set(result.areas.map((area) => area.name).filter((name) => /[^ -~]/.test(name)))].slice(0, 12);
  const names = [...new Set([...keptNames, ...previewNames(features, result.report.nameField ?? detectNameField(result.report.fields))])].slice(0, 12);
  result.report.encoding.detected = { ...shapefile.encoding.detected, preview: names.length > 0 ? names : shapefile.encoding.detected.preview };
  if (names.some((name) => name.includes('\ufffd')) && !forced) {
    shapefile.notes.push({
      code: 'replacement-characters',
      text: {
        de: `Einige Namen enthalten nicht lesbare Zeichen (�), z. B. „${names.find((name) => name.includes('\ufffd'))}“. Bitte eine andere Zeichenkodierung wählen (CLI: --encoding cp850 oder windows-1252).`,
        en: `Some names contain unreadable characters (�), e.g. "${names.find((name) => name.includes('\ufffd'))}". Please choose another text encoding (CLI: --encoding cp850 or windows-1252).`,
      },
    });
  }
  return withNotes(result, shapefile.notes, shapefile.deletedRecords);
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

/**
 * The line of a JSON syntax error, from the position V8 names, or null. The parser's own message is never
 * shown: it quotes a piece of the file, and in browser mode that could reveal a file the page may not read.
 * @example jsonSyntaxLine('{\n"a": }', new SyntaxError('Unexpected token } in JSON at position 7')) // 2
 */
export function jsonSyntaxLine(text: string, error: unknown): number | null {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return null;
  let line = 1;
  for (let index = 0; index < Math.min(Number(position), text.length); index += 1) if (text.charCodeAt(index) === 10) line += 1;
  return line;
}

function badGeoJson(fileName: string, de: string, en: string): UserError {
  return new UserError('bad-input', {
    de: `${fileName} ist kein gültiges GeoJSON (${de}). Bitte die Datei in QGIS prüfen oder neu exportieren.`,
    en: `${fileName} is not valid GeoJSON (${en}). Please check the file in QGIS or export it again.`,
  });
}

/** True for a position of two or three finite numbers. */
function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && value.length <= 4 && value.every((coordinate) => typeof coordinate === 'number' && Number.isFinite(coordinate));
}

function isRingList(value: unknown): value is Position[][] {
  return Array.isArray(value) && value.every((ring) => Array.isArray(ring) && ring.every(isPosition));
}

/**
 * A geometry as the importer can use it, or null for features without one. Anything malformed (a ring
 * holding `null`, a coordinate that is text or out of range of a number) is a UserError naming the feature.
 */
function geoJsonGeometry(geometry: unknown, featureNumber: number, fileName: string): Polygon | MultiPolygon | Point | null {
  if (geometry === null || geometry === undefined) return null;
  const object = geometry as { type?: unknown; coordinates?: unknown };
  const bad = () => badGeoJson(fileName, `Objekt ${featureNumber}: Koordinaten fehlerhaft (leer, Text oder keine endliche Zahl)`, `feature ${featureNumber}: malformed coordinates (empty, text or not a finite number)`);
  switch (object.type) {
    case 'Polygon':
      if (!isRingList(object.coordinates)) throw bad();
      return object.coordinates.length === 0 ? null : { type: 'Polygon', coordinates: object.coordinates };
    case 'MultiPolygon':
      if (!Array.isArray(object.coordinates) || !object.coordinates.every(isRingList)) throw bad();
      return object.coordinates.length === 0 ? null : { type: 'MultiPolygon', coordinates: object.coordinates as Position[][][] };
    case 'Point':
      if (!isPosition(object.coordinates)) throw bad();
      return { type: 'Point', coordinates: object.coordinates };
    default:
      // Lines, multipoints and collections cannot be areas; they count as "without geometry" in the report.
      return null;
  }
}

function vertexCountOf(geometry: Geometry | null): number {
  if (!geometry || geometry.type === 'Point') return geometry ? 1 : 0;
  if (geometry.type === 'Polygon') return geometry.coordinates.reduce((sum, ring) => sum + ring.length, 0);
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.reduce((sum, polygon) => sum + polygon.reduce((inner, ring) => inner + ring.length, 0), 0);
  return 0;
}

async function readGeoJsonFile(filePath: string, options: ReadBoundariesOptions): Promise<BoundaryImport> {
  const fileName = path.basename(filePath);
  const bytes = readFileBytes(filePath);
  if (bytes.length > MAX_GEOJSON_BYTES) {
    throw new UserError('bad-input', {
      de: `${fileName} ist mit ${Math.round(bytes.length / 1024 / 1024)} MB zu groß für GeoJSON (höchstens ${MAX_GEOJSON_BYTES / 1024 / 1024} MB). Bitte als GeoPackage oder Shapefile speichern oder auf das benötigte Gebiet zuschneiden.`,
      en: `${fileName} is too large for GeoJSON (${Math.round(bytes.length / 1024 / 1024)} MB, at most ${MAX_GEOJSON_BYTES / 1024 / 1024} MB). Please save it as GeoPackage or shapefile, or clip it to the area needed.`,
    });
  }
  const notes: ImportNote[] = [];
  // RFC 7946 requires UTF-8; older tools write Latin-1. Invalid UTF-8 is detected and read as what it is.
  let encoding: TextEncoding = 'utf-8';
  const utf16 = detectUtf16(bytes);
  if (utf16) {
    encoding = utf16;
    notes.push({
      code: 'geojson-not-utf8',
      text: {
        de: `${fileName} ist UTF-16-kodiert statt UTF-8, wie GeoJSON es verlangt; gelesen wird als ${utf16.toUpperCase()}. Andere Programme lesen die Datei womöglich nicht: bitte in QGIS als UTF-8 speichern.`,
        en: `${fileName} is UTF-16 encoded instead of UTF-8 as GeoJSON requires; it is read as ${utf16.toUpperCase()}. Other programs may not read the file: please save it as UTF-8 in QGIS.`,
      },
    });
  } else if (countUtf8Sequences(bytes) < 0) {
    const detection = detectEncoding(bytes);
    encoding = resolveEncoding(options.encoding) ?? (detection.encoding === 'utf-8' ? 'windows-1252' : detection.encoding);
    notes.push({
      code: 'geojson-not-utf8',
      text: {
        de: `${fileName} ist nicht UTF-8-kodiert, wie GeoJSON es verlangt; gelesen wird als ${encoding} (z. B. ${detectEncoding(bytes).preview.slice(0, 3).join(', ') || '–'}). Bitte die Umlaute prüfen und sonst eine andere Kodierung wählen (CLI: --encoding).`,
        en: `${fileName} is not UTF-8 encoded as GeoJSON requires; it is read as ${encoding} (e.g. ${detectEncoding(bytes).preview.slice(0, 3).join(', ') || '–'}). Please check the umlauts and otherwise choose another encoding (CLI: --encoding).`,
      },
    });
  }
  let document: { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  const text = decodeText(bytes, encoding);
  try {
    document = JSON.parse(text) as typeof document;
  } catch (error) {
    const where = jsonSyntaxLine(text, error);
    throw badGeoJson(fileName, where ? `Syntaxfehler in Zeile ${where}` : 'Syntaxfehler', where ? `syntax error in line ${where}` : 'syntax error');
  }
  if (document === null || typeof document !== 'object' || document.type !== 'FeatureCollection' || !Array.isArray(document.features)) {
    throw new UserError('bad-input', {
      de: `${fileName} ist keine GeoJSON-FeatureCollection. Bitte eine Datei mit Flächen-Features wählen.`,
      en: `${fileName} is not a GeoJSON FeatureCollection. Please choose a file with polygon features.`,
    });
  }
  let notFeatures = 0;
  let vertexCount = 0;
  const features: RawFeature[] = [];
  (document.features as unknown[]).forEach((item, index) => {
    const feature = item as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
    if (feature === null || typeof feature !== 'object' || Array.isArray(feature)) {
      notFeatures += 1;
      return;
    }
    const rawProperties = feature.properties !== null && typeof feature.properties === 'object' && !Array.isArray(feature.properties) ? (feature.properties as Record<string, unknown>) : {};
    const geometry = geoJsonGeometry(feature.geometry, index + 1, fileName);
    vertexCount += vertexCountOf(geometry);
    features.push({
      properties: Object.fromEntries(Object.entries(rawProperties).map(([key, value]) => [key, value === null || typeof value !== 'object' ? (value as string | number | boolean | null) : JSON.stringify(value)])),
      geometry,
    });
  });
  if (notFeatures > 0) {
    notes.push({
      code: 'not-features',
      text: {
        de: `${notFeatures} Einträge der FeatureCollection sind keine Objekte (z. B. null) und werden übersprungen.`,
        en: `${notFeatures} entries of the FeatureCollection are not features (e.g. null) and are skipped.`,
      },
    });
  }
  if (features.length === 0) {
    throw new UserError('bad-input', {
      de: `${fileName} enthält keine Objekte (Features)${notFeatures > 0 ? `, nur ${notFeatures} leere Einträge` : ''}. Bitte eine Datei mit Flächen wählen.`,
      en: `${fileName} contains no features${notFeatures > 0 ? `, only ${notFeatures} empty entries` : ''}. Please choose a file with polygons.`,
    });
  }
  assertVertexBudget(vertexCount, fileName);
  assertHasPolygons(features, fileName);
  // RFC 7946 is always WGS84; the older form names its CRS in a `crs` member.
  const crsName = typeof document.crs?.properties?.name === 'string' ? document.crs.properties.name : undefined;
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
  const result = buildAreas(features, detected, used, null, encoding, { layerName: fileName.replace(/\.(geo)?json$/i, '').toLowerCase(), ...options });
  // Entries that are not features are records of the file as well: read, and skipped for want of a geometry.
  result.report.featureCount += notFeatures;
  result.report.filteredOut.withoutGeometry += notFeatures;
  return withNotes(result, notes);
}

async function readGeoPackage(filePath: string, options: ReadBoundariesOptions): Promise<BoundaryImport> {
  const fileName = path.basename(filePath);
  const layers = listGeoPackageFeatureTables(filePath);
  const layer = options.layer ? layers.find((name) => name.toLowerCase() === options.layer!.toLowerCase()) : layers.length === 1 ? layers[0] : undefined;
  if (!layer) pickLayer(layers, options.layer, fileName);
  const read = readGeoPackageLayer(filePath, layer!);
  const byCode = read.srs && read.srs.organization.toUpperCase() === 'EPSG' ? normaliseCrsCode(`EPSG:${read.srs.code}`) : null;
  const detected: CrsDetection = byCode ? { code: byCode, how: 'authority', confidence: 1, alternatives: [] } : read.srs ? crsFromPrj(read.srs.definition) : { code: null, how: 'none', confidence: 0, alternatives: [] };
  let vertexCount = 0;
  const features: RawFeature[] = read.features.map((feature, index) => {
    const geometry = feature.geometry && ['Polygon', 'MultiPolygon', 'Point'].includes(feature.geometry.type) ? (feature.geometry as Polygon | MultiPolygon | Point) : null;
    if (geometry) geoJsonGeometry(geometry, index + 1, fileName);
    vertexCount += vertexCountOf(geometry);
    return { properties: feature.properties, geometry };
  });
  assertVertexBudget(vertexCount, fileName);
  assertHasPolygons(features, `${fileName} (${layer})`);
  const bounds = proposeBoundsOfFeatures(features);
  const used = resolveCrs(options, detected, bounds, fileName);
  return withNotes(buildAreas(features, detected, used, null, 'utf-8', { layerName: layer!.toLowerCase(), ...options }), []);
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
