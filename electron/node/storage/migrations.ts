/**
 * Numbered schema migrations of the Kleinraum project file (the `kleinraum_` tables inside the GeoPackage).
 * Each step moves a file from `version - 1` to `version`; they run in order inside one transaction when a
 * file is opened. The schema version lives in `kleinraum_meta` (key `schema_version`), not in
 * `PRAGMA user_version`, which belongs to the GeoPackage spec.
 *
 * Rule: never edit a published step; add a new one, and a test fixture of the old version.
 */
import { UserError } from '../../../shared/contract/errors';
import { createGeoPackageCore, registerAttributeTable, setGeoPackageHeader } from './geopackageCore';
import type { SqliteDatabase } from './openDatabase';

export interface Migration {
  version: number;
  description: string;
  up(db: SqliteDatabase): void;
}

/** Kleinraum's own tables with the descriptions shown in QGIS' browser. Each has an INTEGER PRIMARY KEY as GeoPackage attribute tables must. */
export const KLEINRAUM_TABLES: Record<string, string> = {
  kleinraum_meta: 'Kleinraum: Projektdaten (Schemaversion, Titel)',
  kleinraum_settings: 'Kleinraum: Projekteinstellungen',
  kleinraum_layers: 'Kleinraum: Gebietsebenen',
  kleinraum_sources: 'Kleinraum: Quellen mit Stichtag und Lizenz',
  kleinraum_dimensions: 'Kleinraum: Merkmale (z. B. Altersgruppe)',
  kleinraum_variables: 'Kleinraum: Variablen',
  kleinraum_indicators: 'Kleinraum: Kennzahlen (Definition)',
  kleinraum_observations: 'Kleinraum: Beobachtungswerte (je Gebiet, Variable, Merkmal, Stichtag)',
  kleinraum_scenarios: 'Kleinraum: Szenarien (Projektion, Annahmen)',
  kleinraum_rates: 'Kleinraum: Bedarfsquoten und Kostensätze mit Quelle oder Annahme',
  kleinraum_facilities: 'Kleinraum: Einrichtungen (Art, Kapazität, Lage)',
  kleinraum_staff: 'Kleinraum: Stellen Sozialarbeit je Gebiet',
};

/** Registers those of Kleinraum's tables in gpkg_contents that exist (later steps add tables and register them). */
function registerExistingKleinraumTables(db: SqliteDatabase): void {
  for (const [tableName, description] of Object.entries(KLEINRAUM_TABLES)) {
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(tableName)) registerAttributeTable(db, tableName, description);
  }
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'GeoPackage core and the kleinraum_ tables',
    up(db) {
      createGeoPackageCore(db);
      db.exec(`
        CREATE TABLE kleinraum_meta (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, value TEXT NOT NULL);
        CREATE TABLE kleinraum_settings (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, value TEXT NOT NULL);
        CREATE TABLE kleinraum_layers (
          id INTEGER PRIMARY KEY, table_name TEXT NOT NULL UNIQUE, title_de TEXT NOT NULL, title_en TEXT NOT NULL,
          key_field TEXT NOT NULL, name_field TEXT NOT NULL, source_crs TEXT NOT NULL, source_id TEXT NOT NULL,
          schematic BOOLEAN NOT NULL, position INTEGER NOT NULL
        );
        CREATE TABLE kleinraum_sources (
          id INTEGER PRIMARY KEY, source_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, publisher TEXT NOT NULL,
          stichtag DATE, licence TEXT NOT NULL, licence_url TEXT, attribution TEXT NOT NULL, notes TEXT NOT NULL,
          synthetic BOOLEAN NOT NULL, position INTEGER NOT NULL
        );
        CREATE TABLE kleinraum_dimensions (
          id INTEGER PRIMARY KEY, dimension_id TEXT NOT NULL UNIQUE, name_de TEXT NOT NULL, name_en TEXT NOT NULL,
          values_json TEXT NOT NULL, position INTEGER NOT NULL
        );
        CREATE TABLE kleinraum_variables (
          id INTEGER PRIMARY KEY, variable_id TEXT NOT NULL UNIQUE, name_de TEXT NOT NULL, name_en TEXT NOT NULL,
          unit TEXT NOT NULL, dimensions_json TEXT NOT NULL, kind TEXT NOT NULL, position INTEGER NOT NULL
        );
        CREATE TABLE kleinraum_indicators (
          id INTEGER PRIMARY KEY, indicator_id TEXT NOT NULL UNIQUE, name_de TEXT NOT NULL, name_en TEXT NOT NULL,
          numerator_json TEXT NOT NULL, denominator_json TEXT, scale TEXT NOT NULL, unit_de TEXT NOT NULL, unit_en TEXT NOT NULL,
          decimals INTEGER NOT NULL, description_de TEXT NOT NULL, description_en TEXT NOT NULL, position INTEGER NOT NULL
        );
        CREATE TABLE kleinraum_observations (
          id INTEGER PRIMARY KEY, area_key TEXT NOT NULL, variable TEXT NOT NULL, dimensions TEXT NOT NULL,
          period DATE NOT NULL, value REAL, missing TEXT, source_id TEXT NOT NULL, quality TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 2,
    description: 'Indexes for reading observations by variable and period or by area; no duplicate observations; kleinraum_ tables registered in gpkg_contents',
    up(db) {
      const duplicates = db
        .prepare(
          'SELECT COUNT(*) AS count FROM (SELECT 1 FROM kleinraum_observations GROUP BY area_key, variable, dimensions, period, source_id HAVING COUNT(*) > 1)',
        )
        .get() as { count: number };
      if (duplicates.count > 0) {
        // Older files could hold the same observation twice; keep the last written row, as the app showed it.
        db.exec(
          'DELETE FROM kleinraum_observations WHERE id NOT IN (SELECT MAX(id) FROM kleinraum_observations GROUP BY area_key, variable, dimensions, period, source_id)',
        );
      }
      db.exec(`
        CREATE INDEX kleinraum_observations_variable_period ON kleinraum_observations (variable, period, area_key);
        CREATE INDEX kleinraum_observations_area ON kleinraum_observations (area_key);
        CREATE UNIQUE INDEX kleinraum_observations_identity ON kleinraum_observations (area_key, variable, dimensions, period, source_id);
      `);
      registerExistingKleinraumTables(db);
    },
  },
  {
    version: 3,
    description: 'Infrastructure planning: scenarios, demand and cost rates, facilities, staff positions',
    up(db) {
      // Scenarios and rates are stored as validated JSON (shared/planning/scenarioSchema.ts): their shape is
      // nested and documented there; facilities and staff are flat rows that QGIS can show as tables.
      db.exec(`
        CREATE TABLE kleinraum_scenarios (id INTEGER PRIMARY KEY, scenario_id TEXT NOT NULL UNIQUE, name_de TEXT NOT NULL, name_en TEXT NOT NULL, scenario_json TEXT NOT NULL, position INTEGER NOT NULL);
        CREATE TABLE kleinraum_rates (id INTEGER PRIMARY KEY, rates_id TEXT NOT NULL UNIQUE, rates_json TEXT NOT NULL);
        CREATE TABLE kleinraum_facilities (
          id INTEGER PRIMARY KEY, facility_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, name TEXT NOT NULL, capacity REAL NOT NULL,
          longitude REAL NOT NULL, latitude REAL NOT NULL, synthetic BOOLEAN NOT NULL, source TEXT NOT NULL, position INTEGER NOT NULL
        );
        CREATE TABLE kleinraum_staff (id INTEGER PRIMARY KEY, area_key TEXT NOT NULL UNIQUE, positions REAL NOT NULL, synthetic BOOLEAN NOT NULL, note TEXT NOT NULL);
      `);
      registerExistingKleinraumTables(db);
    },
  },
];

/** The schema version this build of Kleinraum writes. */
export const CURRENT_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** The schema version recorded in the file, or 0 for a file without Kleinraum tables. */
export function readSchemaVersion(db: SqliteDatabase): number {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kleinraum_meta'").get();
  if (!hasMeta) return 0;
  const row = db.prepare("SELECT value FROM kleinraum_meta WHERE key = 'schema_version'").get() as { value: unknown } | undefined;
  const text = row === undefined ? null : String(row.value).trim();
  if (text === null || !/^\d{1,6}$/.test(text) || Number(text) < 1) {
    // A Kleinraum table without a valid version was changed by another program; migrating it would guess.
    throw new UserError('bad-input', {
      de: `Die Projektdatei hat keine gültige Schemaversion (${text === null ? 'fehlt' : `„${text.slice(0, 20)}“`}); sie wurde vermutlich mit einem anderen Programm verändert. Bitte eine Sicherungskopie öffnen.`,
      en: `The project file has no valid schema version (${text === null ? 'missing' : `"${text.slice(0, 20)}"`}); it was probably changed with another program. Please open a backup copy.`,
    });
  }
  return Number(text);
}

function writeSchemaVersion(db: SqliteDatabase, version: number): void {
  db.prepare("INSERT INTO kleinraum_meta (key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
    String(version),
  );
}

/**
 * Brings the file to `targetVersion` (default: the current one) in one transaction, so a failed step leaves
 * the file as it was. Returns the versions applied.
 * @example applyMigrations(db) // [1, 2] for a new file, [] for an up-to-date one
 */
export function applyMigrations(db: SqliteDatabase, targetVersion: number = CURRENT_SCHEMA_VERSION): number[] {
  const fileVersion = readSchemaVersion(db);
  if (fileVersion > CURRENT_SCHEMA_VERSION) {
    throw new UserError('unsupported', {
      de: `Die Projektdatei wurde mit einer neueren Kleinraum-Version erstellt (Schema ${fileVersion}, diese Version kennt bis ${CURRENT_SCHEMA_VERSION}). Bitte Kleinraum aktualisieren, um sie zu öffnen.`,
      en: `The project file was made by a newer Kleinraum (schema ${fileVersion}; this version knows up to ${CURRENT_SCHEMA_VERSION}). Please update Kleinraum to open it.`,
    });
  }
  const pending = MIGRATIONS.filter((migration) => migration.version > fileVersion && migration.version <= targetVersion);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      writeSchemaVersion(db, migration.version);
    }
    setGeoPackageHeader(db);
  })();
  return pending.map((migration) => migration.version);
}
