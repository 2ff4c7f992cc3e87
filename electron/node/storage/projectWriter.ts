/**
 * Writes a whole `ProjectContent` into an (already migrated) project database in one transaction:
 * either everything is written or nothing changes.
 */
import { UserError } from '../../../shared/contract/errors';
import { geodesicAreaKm2 } from '../../../shared/geo/geodesicArea';
import type { Area, IndicatorDefinition, LayerInfo, Observation, ProjectContent, Source, Variable } from '../../../shared/model/project';
import { encodeSetting } from '../../../shared/settings/projectSettings';
import { canonicalDimensionsJson } from './canonicalDimensions';
import {
  createBoundaryFeatureTable,
  dropOwnedFeatureTable,
  isValidFeatureTableName,
  quoteIdentifier,
  setFeatureTableExtent,
  WGS84_SRS_ID,
  type FeatureTableExtent,
} from './geopackageCore';
import { decodeGeoPackageHeader, encodeGeoPackageGeometry, toMultiPolygon } from './geopackageBinary';
import type { SqliteDatabase } from './openDatabase';
import { clearFlows, writeFlows } from './flowStore';
import { clearPlanningContent, writePlanningContent } from './planningStore';

const bool = (value: boolean): number => (value ? 1 : 0);

/** Replaces all Kleinraum content of `db` (layers, sources, variables, …, settings, title) with `content`. */
export function writeProjectContent(db: SqliteDatabase, content: ProjectContent): void {
  for (const { info } of content.layers) {
    if (!isValidFeatureTableName(info.name)) {
      throw new UserError('bad-input', {
        de: `Ungültiger Ebenenname „${info.name}“: erlaubt sind Kleinbuchstaben, Ziffern und _, beginnend mit einem Buchstaben (nicht gpkg_/kleinraum_).`,
        en: `Invalid layer name "${info.name}": use lower-case letters, digits and _, starting with a letter (not gpkg_/kleinraum_).`,
      });
    }
  }
  db.transaction(() => {
    clearProjectContent(db);
    writeProjectTitle(db, content.title);
    content.layers.forEach((layer, position) => writeLayer(db, layer.info, layer.areas, position));
    writeSources(db, content);
    writeDefinitions(db, content);
    writeObservations(db, content.observations);
    for (const [key, value] of Object.entries(content.settings)) writeSetting(db, key, value);
    if (content.planning) writePlanningContent(db, content.planning);
    else clearPlanningContent(db);
    clearFlows(db);
    if (content.flows) writeFlows(db, content.flows);
  })();
}

function clearProjectContent(db: SqliteDatabase): void {
  const layerTables = db.prepare('SELECT table_name FROM kleinraum_layers').pluck().all() as string[];
  for (const tableName of layerTables) dropOwnedFeatureTable(db, tableName);
  db.exec(`
    DELETE FROM kleinraum_layers; DELETE FROM kleinraum_sources; DELETE FROM kleinraum_dimensions;
    DELETE FROM kleinraum_variables; DELETE FROM kleinraum_indicators; DELETE FROM kleinraum_observations;
    DELETE FROM kleinraum_settings;
  `);
}

/** Writes one boundary layer: feature table, extent, and its LayerInfo row. `featureCount` is taken from the areas. */
export function writeLayer(db: SqliteDatabase, info: LayerInfo, areas: Area[], position: number): void {
  createBoundaryFeatureTable(db, info.name, info.title.de);
  const insertFeature = db.prepare(`INSERT INTO ${quoteIdentifier(info.name)} (geom, key, name, area_km2, parent_key) VALUES (?, ?, ?, ?, ?)`);
  let extent: FeatureTableExtent | null = null;
  const seenKeys = new Set<string>();
  for (const area of areas) {
    if (seenKeys.has(area.key)) {
      throw new UserError('bad-input', {
        de: `Gebietsschlüssel „${area.key}“ kommt in der Ebene „${info.name}“ mehrfach vor. Jeder Schlüssel darf nur einmal vorkommen.`,
        en: `Area key "${area.key}" occurs more than once in layer "${info.name}". Each key must be unique.`,
      });
    }
    seenKeys.add(area.key);
    const geometry = toMultiPolygon(area.geometry);
    const encoded = encodeGeoPackageGeometry(geometry, WGS84_SRS_ID);
    // The envelope the encoder wrote into the header: no second walk over every coordinate.
    const envelope = decodeGeoPackageHeader(encoded).envelope;
    if (envelope) {
      extent = extent
        ? { minX: Math.min(extent.minX, envelope.minX), minY: Math.min(extent.minY, envelope.minY), maxX: Math.max(extent.maxX, envelope.maxX), maxY: Math.max(extent.maxY, envelope.maxY) }
        : { minX: envelope.minX, minY: envelope.minY, maxX: envelope.maxX, maxY: envelope.maxY };
    }
    insertFeature.run(encoded, area.key, area.name, geodesicAreaKm2(area.geometry), area.parentKey ?? parentKeyFromKey(area.key));
  }
  setFeatureTableExtent(db, info.name, extent);
  db.prepare(
    `INSERT INTO kleinraum_layers (table_name, title_de, title_en, key_field, name_field, source_crs, source_id, schematic, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(info.name, info.title.de, info.title.en, info.keyField, info.nameField, info.sourceCrs, info.sourceId, bool(info.schematic), position);
}

/**
 * Gives areas that have no name of their own (the boundaries had no name field, so the name is the key) the
 * names in `names`; areas with a name keep it. When any was named, the layer's name field records where the
 * names came from (`namedFrom`), which also tells the views to read the layer again. Returns how many were named.
 * @example fillMissingAreaNames(db, 'vg250_gem', new Map([['03241001', 'Hannover, Landeshauptstadt']]), 'Name') // 1
 */
export function fillMissingAreaNames(db: SqliteDatabase, layer: string, names: ReadonlyMap<string, string>, namedFrom: string): number {
  const update = db.prepare(`UPDATE ${quoteIdentifier(layer)} SET name = ? WHERE key = ? AND (name = key OR name = '')`);
  let named = 0;
  for (const [key, name] of names) {
    if (name !== '' && name !== key) named += update.run(name, key).changes;
  }
  if (named > 0) db.prepare('UPDATE kleinraum_layers SET name_field = ? WHERE table_name = ?').run(namedFrom, layer);
  return named;
}

function writeSources(db: SqliteDatabase, content: ProjectContent): void {
  content.sources.forEach((source, position) => insertSource(db, source, position));
}

/** Adds a source at `position` (the order sources are listed in). The id must be new. */
export function insertSource(db: SqliteDatabase, source: Source, position: number): void {
  db.prepare(
    `INSERT INTO kleinraum_sources (source_id, name, publisher, stichtag, licence, licence_url, attribution, notes, synthetic, definition, quality, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(source.id, source.name, source.publisher, source.stichtag, source.licence, source.licenceUrl, source.attribution, source.notes, bool(source.synthetic), source.definition, source.quality, position);
}

/**
 * The parent of an area key that its form tells: an AGS (8 digits) lies in its Kreis (the first 5 digits);
 * null for other keys (their parent comes from a parent field at import).
 * @example parentKeyFromKey('03241001') // "03241"
 */
export function parentKeyFromKey(key: string): string | null {
  return /^\d{8}$/.test(key) ? key.slice(0, 5) : null;
}

function writeDefinitions(db: SqliteDatabase, content: ProjectContent): void {
  const insertDimension = db.prepare('INSERT INTO kleinraum_dimensions (dimension_id, name_de, name_en, values_json, position) VALUES (?, ?, ?, ?, ?)');
  content.dimensions.forEach((dimension, position) =>
    insertDimension.run(dimension.id, dimension.name.de, dimension.name.en, JSON.stringify(dimension.values), position),
  );
  content.variables.forEach((variable, position) => insertVariable(db, variable, position));
  content.indicators.forEach((indicator, position) => insertIndicator(db, indicator, position));
}

/** Adds a variable at `position`. The id must be new. */
export function insertVariable(db: SqliteDatabase, variable: Variable, position: number): void {
  db.prepare('INSERT INTO kleinraum_variables (variable_id, name_de, name_en, unit, dimensions_json, kind, sources_json, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    variable.id,
    variable.name.de,
    variable.name.en,
    variable.unit,
    JSON.stringify(variable.dimensions),
    variable.kind,
    JSON.stringify(variable.sources),
    position,
  );
}

/** Adds an indicator at `position`. The id must be new. */
export function insertIndicator(db: SqliteDatabase, indicator: IndicatorDefinition, position: number): void {
  db.prepare(
    `INSERT INTO kleinraum_indicators (indicator_id, name_de, name_en, numerator_json, denominator_json, scale, unit_de, unit_en, decimals, description_de, description_en, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    indicator.id,
    indicator.name.de,
    indicator.name.en,
    JSON.stringify(indicator.numerator),
    indicator.denominator ? JSON.stringify(indicator.denominator) : null,
    indicator.scale,
    indicator.unit.de,
    indicator.unit.en,
    indicator.decimals,
    indicator.description.de,
    indicator.description.en,
    position,
  );
}

/** Sets the sources indicators draw a variable from, in priority order. */
export function writeVariableSources(db: SqliteDatabase, variableId: string, sources: readonly string[]): void {
  db.prepare('UPDATE kleinraum_variables SET sources_json = ? WHERE variable_id = ?').run(JSON.stringify(sources), variableId);
}

/** Appends observations (call inside a transaction for speed). A duplicate observation is a UserError naming it. */
export function writeObservations(db: SqliteDatabase, observations: readonly Observation[]): void {
  const insert = db.prepare(
    'INSERT INTO kleinraum_observations (area_key, variable, dimensions, period, value, missing, source_id, quality) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const observation of observations) {
    try {
      insert.run(
        observation.areaKey,
        observation.variable,
        canonicalDimensionsJson(observation.dimensions),
        observation.period,
        observation.value,
        observation.missing ?? null,
        observation.sourceId,
        observation.quality,
      );
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
        const what = `${observation.variable} ${canonicalDimensionsJson(observation.dimensions)} ${observation.areaKey} ${observation.period} (${observation.sourceId})`;
        throw new UserError('conflict', {
          de: `Doppelte Beobachtung: ${what} kommt mehrfach vor. Bitte die Daten bereinigen, jeder Wert darf je Quelle nur einmal vorkommen.`,
          en: `Duplicate observation: ${what} occurs more than once. Please clean the data; each value may occur once per source.`,
        });
      }
      throw error;
    }
  }
}

/**
 * Sets one project setting, checked against the settings registry (a UserError naming the setting when
 * the key is unknown or the value does not fit).
 * @example writeSetting(db, 'smallNumberThreshold', 5)
 */
export function writeSetting(db: SqliteDatabase, key: string, value: unknown): void {
  const { text, version } = encodeSetting(key, value);
  db.prepare('INSERT INTO kleinraum_settings (key, value, version) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, version = excluded.version').run(key, text, version);
}

/** Removes a project setting (its default applies again). */
export function removeSetting(db: SqliteDatabase, key: string): void {
  db.prepare('DELETE FROM kleinraum_settings WHERE key = ?').run(key);
}

/** Sets the project's title (shown in the header, the recent list and figure footers). */
export function writeProjectTitle(db: SqliteDatabase, title: string): void {
  db.prepare("INSERT INTO kleinraum_meta (key, value) VALUES ('title', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(title);
}
