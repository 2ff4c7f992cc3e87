/**
 * The GeoPackage core: the three mandatory tables, the mandatory SRS rows and the header fields
 * (application_id "GPKG", user_version 10400 = GeoPackage 1.4). Feature and attribute tables are
 * registered here so that GDAL, QGIS and `validate_gpkg.py` accept the file.
 */
import { UserError } from '../../../shared/contract/errors';
import type { SqliteDatabase } from './openDatabase';

/** `PRAGMA application_id` of every GeoPackage: the ASCII bytes "GPKG". */
export const GEOPACKAGE_APPLICATION_ID = 0x47504b47;
/** `PRAGMA user_version` for GeoPackage 1.4.0. */
export const GEOPACKAGE_USER_VERSION = 10400;
export const WGS84_SRS_ID = 4326;

const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],' +
  'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],' +
  'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

/** Creates the mandatory GeoPackage tables and SRS rows (idempotent). */
export function createGeoPackageCore(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
      srs_name TEXT NOT NULL,
      srs_id INTEGER PRIMARY KEY,
      organization TEXT NOT NULL,
      organization_coordsys_id INTEGER NOT NULL,
      definition TEXT NOT NULL,
      description TEXT
    );
    CREATE TABLE IF NOT EXISTS gpkg_contents (
      table_name TEXT NOT NULL PRIMARY KEY,
      data_type TEXT NOT NULL,
      identifier TEXT UNIQUE,
      description TEXT DEFAULT '',
      last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
      min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
      srs_id INTEGER,
      CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
    );
    CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
      table_name TEXT NOT NULL,
      column_name TEXT NOT NULL,
      geometry_type_name TEXT NOT NULL,
      srs_id INTEGER NOT NULL,
      z TINYINT NOT NULL,
      m TINYINT NOT NULL,
      CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
      CONSTRAINT uk_gc_table_name UNIQUE (table_name),
      CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
      CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
    );
  `);
  const insertSrs = db.prepare(
    'INSERT OR IGNORE INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES (?, ?, ?, ?, ?, ?)',
  );
  insertSrs.run('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
  insertSrs.run('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
  insertSrs.run('WGS 84 geodetic', WGS84_SRS_ID, 'EPSG', 4326, WGS84_WKT, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
  setGeoPackageHeader(db);
}

/** Writes the GeoPackage header fields; SQLite keeps them in the file header, so VACUUM INTO copies them. */
export function setGeoPackageHeader(db: SqliteDatabase): void {
  // Written only when different: each write is a transaction with a sync, paid by every command that opens a project.
  if (db.pragma('application_id', { simple: true }) !== GEOPACKAGE_APPLICATION_ID) db.pragma(`application_id = ${GEOPACKAGE_APPLICATION_ID}`);
  if (db.pragma('user_version', { simple: true }) !== GEOPACKAGE_USER_VERSION) db.pragma(`user_version = ${GEOPACKAGE_USER_VERSION}`);
}

/** True when the database has the three mandatory GeoPackage tables. */
export function hasGeoPackageCore(db: SqliteDatabase): boolean {
  const row = db
    .prepare(
      "SELECT COUNT(*) AS count FROM sqlite_master WHERE type IN ('table','view') AND name IN ('gpkg_spatial_ref_sys','gpkg_contents','gpkg_geometry_columns')",
    )
    .get() as { count: number };
  return row.count === 3;
}

/** Registers (or re-registers) an attribute table in gpkg_contents. */
export function registerAttributeTable(db: SqliteDatabase, tableName: string, description: string): void {
  db.prepare(
    `INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) VALUES (?, 'attributes', ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
     ON CONFLICT(table_name) DO UPDATE SET description = excluded.description, last_change = excluded.last_change`,
  ).run(tableName, tableName, description);
}

/** Feature table names are plain SQL identifiers so that GDAL, QGIS and our own SQL need no quoting surprises. */
const FEATURE_TABLE_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const RESERVED_PREFIXES = ['gpkg_', 'kleinraum_', 'rtree_', 'sqlite_'];

export function isValidFeatureTableName(name: string): boolean {
  return FEATURE_TABLE_NAME.test(name) && !RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix));
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export interface FeatureTableExtent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * Who holds a table name in the project file: a Kleinraum layer (listed in kleinraum_layers), something else
 * (a table, view or index a GIS colleague added with QGIS or GDAL, or a GeoPackage registration), or nobody.
 * SQLite compares names case-insensitively, so "VG5000_KRS" from QGIS takes "vg5000_krs" as well.
 */
export function featureTableNameOwner(db: SqliteDatabase, tableName: string): 'kleinraum' | 'foreign' | null {
  const owned = db.prepare('SELECT 1 FROM kleinraum_layers WHERE lower(table_name) = lower(?)').get(tableName);
  if (owned) return 'kleinraum';
  const inSchema = db.prepare('SELECT 1 FROM sqlite_master WHERE lower(name) = lower(?)').get(tableName);
  const registered = db.prepare('SELECT 1 FROM gpkg_contents WHERE lower(table_name) = lower(?)').get(tableName);
  return inSchema || registered ? 'foreign' : null;
}

/** The refusal to touch a table Kleinraum does not own. */
export function foreignTableError(tableName: string): UserError {
  return new UserError('conflict', {
    de: `Die Projektdatei enthält schon eine Tabelle „${tableName}“, die nicht von Kleinraum stammt (z. B. in QGIS hinzugefügt). Sie bleibt unangetastet; bitte einen anderen Namen für die Ebene wählen (CLI: --layer-name NAME).`,
    en: `The project file already holds a table "${tableName}" that Kleinraum did not create (e.g. added in QGIS). It is left untouched; please choose another name for the layer (CLI: --layer-name NAME).`,
  });
}

/**
 * Creates a boundary feature table (fid, geom MULTIPOLYGON in EPSG:4326, key, name, area_km2) and registers it
 * in gpkg_contents and gpkg_geometry_columns. The name must be free: a Kleinraum layer is removed first with
 * `dropOwnedFeatureTable`, and a table Kleinraum does not own is never dropped (a UserError instead).
 */
export function createBoundaryFeatureTable(db: SqliteDatabase, tableName: string, title: string): void {
  const table = quoteIdentifier(tableName);
  if (featureTableNameOwner(db, tableName) === 'foreign') throw foreignTableError(tableName);
  if (db.prepare('SELECT 1 FROM sqlite_master WHERE lower(name) = lower(?)').get(tableName)) throw foreignTableError(tableName);
  db.exec(`CREATE TABLE ${table} (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom MULTIPOLYGON,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    area_km2 REAL,
    parent_key TEXT
  )`);
  db.prepare(
    `INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, srs_id) VALUES (?, 'features', ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?)`,
  ).run(tableName, tableName, title, WGS84_SRS_ID);
  db.prepare("INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES (?, 'geom', 'MULTIPOLYGON', ?, 0, 0)").run(
    tableName,
    WGS84_SRS_ID,
  );
}

/** Stores a feature table's bounding box in gpkg_contents (GDAL uses it as the layer extent). */
export function setFeatureTableExtent(db: SqliteDatabase, tableName: string, extent: FeatureTableExtent | null): void {
  db.prepare('UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?').run(
    extent?.minX ?? null,
    extent?.minY ?? null,
    extent?.maxX ?? null,
    extent?.maxY ?? null,
    tableName,
  );
}

/**
 * Removes a Kleinraum layer completely: its feature table, its GeoPackage registrations (contents, geometry
 * column, extensions, a spatial index GDAL may have added) and its kleinraum_layers row. Refuses names that
 * are not Kleinraum layers.
 */
export function dropOwnedFeatureTable(db: SqliteDatabase, tableName: string): void {
  if (featureTableNameOwner(db, tableName) !== 'kleinraum') throw foreignTableError(tableName);
  const spatialIndexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND lower(name) LIKE lower(?) ESCAPE '\\'").pluck().all(`rtree\\_${tableName.replaceAll('_', '\\_')}\\_%`) as string[];
  for (const index of spatialIndexes) db.exec(`DROP TABLE IF EXISTS ${quoteIdentifier(index)}`);
  db.exec(`DROP TABLE IF EXISTS ${quoteIdentifier(tableName)}`);
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_extensions'").get()) db.prepare('DELETE FROM gpkg_extensions WHERE table_name = ?').run(tableName);
  db.prepare('DELETE FROM gpkg_geometry_columns WHERE table_name = ?').run(tableName);
  db.prepare('DELETE FROM gpkg_contents WHERE table_name = ?').run(tableName);
  db.prepare('DELETE FROM kleinraum_layers WHERE table_name = ?').run(tableName);
}
