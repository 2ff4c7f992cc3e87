/**
 * Reading a project database back into the domain model (shared/model/project.ts). All statements are
 * prepared once per call and multi-statement reads run in one read transaction, so a view is consistent.
 */
import { countFlows, readFlows } from './flowStore';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type {
  Area,
  DimensionDefinition,
  IndicatorDefinition,
  LayerInfo,
  MissingCode,
  Observation,
  ProjectContent,
  QualityFlag,
  Source,
  Variable,
  VariableSelection,
} from '../../../shared/model/project';
import { UserError } from '../../../shared/contract/errors';
import { decodeStoredSetting, readSetting, type ProjectSettings, type SettingKey, type SettingValue } from '../../../shared/settings/projectSettings';
import { decodeGeoPackageGeometry } from './geopackageBinary';
import { quoteIdentifier } from './geopackageCore';
import type { SqliteDatabase } from './openDatabase';

interface LayerRow {
  table_name: string;
  title_de: string;
  title_en: string;
  key_field: string;
  name_field: string;
  source_crs: string;
  source_id: string;
  schematic: number;
}

export function readProjectTitle(db: SqliteDatabase): string {
  return (db.prepare("SELECT value FROM kleinraum_meta WHERE key = 'title'").pluck().get() as string | undefined) ?? '';
}

/** Boundary layers in their stored order, with the current feature count of each table. */
export function readLayers(db: SqliteDatabase): LayerInfo[] {
  const rows = db.prepare('SELECT * FROM kleinraum_layers ORDER BY position, id').all() as LayerRow[];
  return rows.map((row) => ({
    name: row.table_name,
    title: { de: row.title_de, en: row.title_en },
    keyField: row.key_field,
    nameField: row.name_field,
    featureCount: db.prepare(`SELECT COUNT(*) FROM ${quoteIdentifier(row.table_name)}`).pluck().get() as number,
    sourceCrs: row.source_crs,
    sourceId: row.source_id,
    schematic: row.schematic === 1,
  }));
}

/** The position of a layer in the project's list. */
export function readLayerPosition(db: SqliteDatabase, layerName: string): number {
  return (db.prepare('SELECT position FROM kleinraum_layers WHERE table_name = ?').pluck().get(layerName) as number | undefined) ?? 0;
}

function requireLayer(db: SqliteDatabase, layerName: string): void {
  const known = db.prepare('SELECT 1 FROM kleinraum_layers WHERE table_name = ?').get(layerName);
  if (!known) {
    throw new UserError('not-found', {
      de: `Die Ebene „${layerName}“ gibt es in diesem Projekt nicht. Bitte eine vorhandene Ebene wählen.`,
      en: `The layer "${layerName}" does not exist in this project. Please choose an existing layer.`,
    });
  }
}

/** Decodes a stored area geometry; a blob another program damaged is a UserError naming the layer and area. */
function layerGeometry(blob: Buffer, layerName: string, key: string): Polygon | MultiPolygon {
  let geometry: Geometry | null;
  try {
    geometry = decodeGeoPackageGeometry(blob);
  } catch {
    geometry = null;
  }
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
    throw new UserError('bad-input', {
      de: `Die Geometrie des Gebiets „${key}“ in der Ebene „${layerName}“ ist beschädigt (vermutlich mit einem anderen Programm verändert). Bitte eine Sicherungskopie öffnen oder die Ebene neu importieren.`,
      en: `The geometry of the area "${key}" in the layer "${layerName}" is damaged (probably changed with another program). Please open a backup copy or import the layer again.`,
    });
  }
  return geometry;
}

export interface AreaWithSize extends Area {
  /** Geodesic area in km², computed when the layer was written. */
  areaKm2: number;
}

/** The areas of a layer in stored order, geometry as GeoJSON (WGS84). Throws a UserError for an unknown layer. */
export function readAreas(db: SqliteDatabase, layerName: string): AreaWithSize[] {
  requireLayer(db, layerName);
  const rows = db.prepare(`SELECT geom, key, name, area_km2, parent_key FROM ${quoteIdentifier(layerName)} ORDER BY fid`).all() as {
    geom: Buffer | null;
    key: string;
    name: string;
    area_km2: number | null;
    parent_key: string | null;
  }[];
  return rows.flatMap((row) => {
    if (!row.geom) return [];
    const geometry = layerGeometry(row.geom, layerName, row.key);
    return [{ key: row.key, name: row.name, geometry, areaKm2: row.area_km2 ?? 0, parentKey: row.parent_key }];
  });
}

/**
 * Key, name and size of each area of a layer, without decoding any geometry: what indicators need (for
 * Germany's 11 000 municipalities a few milliseconds instead of decoding every polygon). Same areas and
 * order as `readAreas`. Throws a UserError for an unknown layer.
 * @example readAreaSizes(db, 'gemeinden')[0] // { key: '03241001', name: 'Hannover', areaKm2: 204.1 }
 */
export function readAreaSizes(db: SqliteDatabase, layerName: string): Omit<AreaWithSize, 'geometry'>[] {
  requireLayer(db, layerName);
  const rows = db.prepare(`SELECT key, name, area_km2, parent_key FROM ${quoteIdentifier(layerName)} WHERE geom IS NOT NULL ORDER BY fid`).all() as {
    key: string;
    name: string;
    area_km2: number | null;
    parent_key: string | null;
  }[];
  return rows.map((row) => ({ key: row.key, name: row.name, areaKm2: row.area_km2 ?? 0, parentKey: row.parent_key }));
}

// A type alias, not an interface: the contract's loose properties object needs an implicit index signature.
export type AreaFeatureProperties = {
  key: string;
  name: string;
  areaKm2: number;
};

export type AreaFeatureCollection = FeatureCollection<Polygon | MultiPolygon, AreaFeatureProperties> & { bbox?: number[] };

/** The areas of a layer as a GeoJSON FeatureCollection with `id` = fid and `properties: { key, name, areaKm2 }`, plus its bbox. */
export function readAreasAsFeatureCollection(db: SqliteDatabase, layerName: string): AreaFeatureCollection {
  requireLayer(db, layerName);
  const rows = db.prepare(`SELECT fid, geom, key, name, area_km2 FROM ${quoteIdentifier(layerName)} ORDER BY fid`).all() as {
    fid: number;
    geom: Buffer | null;
    key: string;
    name: string;
    area_km2: number | null;
  }[];
  const features: Feature<Polygon | MultiPolygon, AreaFeatureProperties>[] = [];
  for (const row of rows) {
    if (!row.geom) continue;
    features.push({
      type: 'Feature',
      id: row.fid,
      properties: { key: row.key, name: row.name, areaKm2: row.area_km2 ?? 0 },
      geometry: layerGeometry(row.geom, layerName, row.key),
    });
  }
  const extent = db.prepare('SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ?').get(layerName) as
    | { min_x: number | null; min_y: number | null; max_x: number | null; max_y: number | null }
    | undefined;
  const collection: AreaFeatureCollection = { type: 'FeatureCollection', features };
  if (extent && extent.min_x !== null && extent.min_y !== null && extent.max_x !== null && extent.max_y !== null) {
    collection.bbox = [extent.min_x, extent.min_y, extent.max_x, extent.max_y];
  }
  return collection;
}

export function readSources(db: SqliteDatabase): Source[] {
  const rows = db.prepare('SELECT * FROM kleinraum_sources ORDER BY position, id').all() as {
    definition: string;
    quality: QualityFlag;
    source_id: string;
    name: string;
    publisher: string;
    stichtag: string | null;
    licence: string;
    licence_url: string | null;
    attribution: string;
    notes: string;
    synthetic: number;
  }[];
  return rows.map((row) => ({
    id: row.source_id,
    name: row.name,
    publisher: row.publisher,
    stichtag: row.stichtag,
    licence: row.licence,
    licenceUrl: row.licence_url,
    attribution: row.attribution,
    notes: row.notes,
    synthetic: row.synthetic === 1,
    definition: row.definition,
    quality: row.quality,
  }));
}

export function readDimensions(db: SqliteDatabase): DimensionDefinition[] {
  const rows = db.prepare('SELECT * FROM kleinraum_dimensions ORDER BY position, id').all() as {
    dimension_id: string;
    name_de: string;
    name_en: string;
    values_json: string;
  }[];
  return rows.map((row) => ({
    id: row.dimension_id,
    name: { de: row.name_de, en: row.name_en },
    values: JSON.parse(row.values_json) as DimensionDefinition['values'],
  }));
}

export function readVariables(db: SqliteDatabase): Variable[] {
  const rows = db.prepare('SELECT * FROM kleinraum_variables ORDER BY position, id').all() as {
    variable_id: string;
    name_de: string;
    name_en: string;
    unit: string;
    dimensions_json: string;
    kind: string;
    sources_json: string;
  }[];
  return rows.map((row) => ({
    id: row.variable_id,
    name: { de: row.name_de, en: row.name_en },
    unit: row.unit,
    dimensions: JSON.parse(row.dimensions_json) as string[],
    kind: row.kind === 'flow' ? 'flow' : 'stock',
    sources: JSON.parse(row.sources_json) as string[],
  }));
}

export function readIndicators(db: SqliteDatabase): IndicatorDefinition[] {
  const rows = db.prepare('SELECT * FROM kleinraum_indicators ORDER BY position, id').all() as {
    indicator_id: string;
    name_de: string;
    name_en: string;
    numerator_json: string;
    denominator_json: string | null;
    scale: IndicatorDefinition['scale'];
    unit_de: string;
    unit_en: string;
    decimals: number;
    description_de: string;
    description_en: string;
  }[];
  return rows.map((row) => ({
    id: row.indicator_id,
    name: { de: row.name_de, en: row.name_en },
    numerator: JSON.parse(row.numerator_json) as VariableSelection,
    denominator: row.denominator_json ? (JSON.parse(row.denominator_json) as VariableSelection) : null,
    scale: row.scale,
    unit: { de: row.unit_de, en: row.unit_en },
    decimals: row.decimals,
    description: { de: row.description_de, en: row.description_en },
  }));
}

/**
 * The project's settings in their current version (shared/settings/projectSettings.ts). A stored value
 * the registry cannot read (unknown key, damaged by hand) is left out, so its default applies.
 */
export function readSettings(db: SqliteDatabase): ProjectSettings {
  const rows = db.prepare('SELECT key, value, version FROM kleinraum_settings ORDER BY key').all() as { key: string; value: string; version: number }[];
  const settings: Record<string, unknown> = {};
  for (const row of rows) {
    const decoded = decodeStoredSetting(row.key, row.value, row.version);
    if (decoded.ok) settings[row.key] = decoded.value;
  }
  return settings;
}

/** One setting of the project, or its default. @example readProjectSetting(db, 'smallNumberThreshold') // 3 */
export function readProjectSetting<K extends SettingKey>(db: SqliteDatabase, key: K): SettingValue<K> {
  const row = db.prepare('SELECT value, version FROM kleinraum_settings WHERE key = ?').get(key) as { value: string; version: number } | undefined;
  const decoded = row ? decodeStoredSetting(key, row.value, row.version) : null;
  return readSetting(decoded?.ok ? { [key]: decoded.value } : {}, key);
}

/**
 * Distinct periods per variable and source, ascending (ISO dates sort as text).
 * @example readPeriodsBySource(db).get('refugees')?.get('asylblg') // ['2015-12-31', …]
 */
export function readPeriodsBySource(db: SqliteDatabase): Map<string, Map<string, string[]>> {
  const rows = db.prepare('SELECT DISTINCT variable, source_id, period FROM kleinraum_observations ORDER BY variable, source_id, period').raw(true).all() as [string, string, string][];
  const periods = new Map<string, Map<string, string[]>>();
  for (const [variable, sourceId, period] of rows) {
    let bySource = periods.get(variable);
    if (!bySource) periods.set(variable, (bySource = new Map()));
    const list = bySource.get(sourceId);
    if (list) list.push(period);
    else bySource.set(sourceId, [period]);
  }
  return periods;
}

/**
 * True when any observation of `variables` at `period` is demo data (a synthetic source or quality).
 * @example observationsAreSynthetic(db, ['population', 'refugees'], '2024-12-31') // true on the demo
 */
export function observationsAreSynthetic(db: SqliteDatabase, variables: readonly string[], period: string): boolean {
  if (variables.length === 0) return false;
  const found = db
    .prepare(
      `SELECT 1 FROM kleinraum_observations o JOIN kleinraum_sources s ON s.source_id = o.source_id
       WHERE o.variable IN (${variables.map(() => '?').join(',')}) AND o.period = ? AND (s.synthetic = 1 OR o.quality = 'synthetic') LIMIT 1`,
    )
    .get(...variables, period);
  return found !== undefined;
}

/** Distinct periods per variable, ascending (ISO dates sort as text). */
export function readPeriodsByVariable(db: SqliteDatabase): Map<string, string[]> {
  const rows = db.prepare('SELECT DISTINCT variable, period FROM kleinraum_observations ORDER BY variable, period').all() as { variable: string; period: string }[];
  const periods = new Map<string, string[]>();
  for (const row of rows) {
    const list = periods.get(row.variable);
    if (list) list.push(row.period);
    else periods.set(row.variable, [row.period]);
  }
  return periods;
}

export interface ObservationQuery {
  /** Only these variables; all when omitted. */
  variables?: readonly string[];
  /** Only this period (ISO date); all when omitted. */
  period?: string;
  /** Only these area keys; all when omitted. */
  areaKeys?: readonly string[];
}

/** Row as an array (better-sqlite3 raw mode): building our own objects is several times faster than its row objects. */
type ObservationRow = [areaKey: string, variable: string, dimensions: string, period: string, value: number | null, missing: string | null, sourceId: string, quality: string];

/**
 * Observations matching the query, ordered by variable, period, area key. Uses the (variable, period) index;
 * 20 000 rows read in a few tens of milliseconds (see test/bench).
 * @example readObservations(db, { variables: ['population'], period: '2019-12-31' })
 */
export function readObservations(db: SqliteDatabase, query: ObservationQuery = {}): Observation[] {
  const conditions: string[] = [];
  const parameters: string[] = [];
  if (query.variables) {
    if (query.variables.length === 0) return [];
    conditions.push(`variable IN (${query.variables.map(() => '?').join(',')})`);
    parameters.push(...query.variables);
  }
  if (query.period !== undefined) {
    conditions.push('period = ?');
    parameters.push(query.period);
  }
  if (query.areaKeys) {
    if (query.areaKeys.length === 0) return [];
    conditions.push(`area_key IN (${query.areaKeys.map(() => '?').join(',')})`);
    parameters.push(...query.areaKeys);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = db
    .prepare(`SELECT area_key, variable, dimensions, period, value, missing, source_id, quality FROM kleinraum_observations ${where} ORDER BY variable, period, area_key, id`)
    .raw(true)
    .all(...parameters) as ObservationRow[];
  // Dimension JSON repeats a lot (few combinations, many rows): parse each distinct string once.
  const parsedDimensions = new Map<string, Record<string, string>>();
  const observations: Observation[] = new Array(rows.length);
  for (let index = 0; index < rows.length; index += 1) {
    const [areaKey, variable, dimensionsJson, period, value, missing, sourceId, quality] = rows[index] as ObservationRow;
    let dimensions = parsedDimensions.get(dimensionsJson);
    if (!dimensions) {
      dimensions = JSON.parse(dimensionsJson) as Record<string, string>;
      parsedDimensions.set(dimensionsJson, dimensions);
    }
    observations[index] = { areaKey, variable, dimensions, period, value, missing: missing as MissingCode | null, sourceId, quality: quality as QualityFlag };
  }
  return observations;
}

/** The whole project as plain data (the inverse of writeProjectContent), read in one transaction. */
export function readProjectContent(db: SqliteDatabase): ProjectContent {
  return db.transaction(() => ({
    title: readProjectTitle(db),
    layers: readLayers(db).map((info) => ({ info, areas: readAreas(db, info.name).map(({ key, name, geometry, parentKey }) => ({ key, name, geometry, parentKey })) })),
    sources: readSources(db),
    dimensions: readDimensions(db),
    variables: readVariables(db),
    indicators: readIndicators(db),
    observations: readObservations(db),
    settings: readSettings(db),
    ...(countFlows(db) > 0 ? { flows: readFlows(db) } : {}),
  }))();
}
