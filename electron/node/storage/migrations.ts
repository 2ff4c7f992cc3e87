/**
 * Numbered schema migrations of the Kleinraum project file (the `kleinraum_` tables inside the GeoPackage).
 * Each step moves a file from `version - 1` to `version`; they run in order inside one transaction when a
 * file is opened. The schema version lives in `kleinraum_meta` (key `schema_version`), not in
 * `PRAGMA user_version`, which belongs to the GeoPackage spec.
 *
 * Rule: never edit a published step; add a new one, and a test fixture of the old version.
 */
import { UserError } from '../../../shared/contract/errors';
import { createGeoPackageCore, quoteIdentifier, registerAttributeTable, setGeoPackageHeader } from './geopackageCore';
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
  kleinraum_flows: 'Kleinraum: Wanderungen (von, nach, Zeitraum, Anzahl, Merkmale, Quelle)',
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
  {
    version: 4,
    description: 'Typed settings: a version per setting (0: the untyped text of earlier files, read by the settings registry); how small numbers are shown moves from the export layout to the map display; the title is kept in kleinraum_meta only',
    up(db) {
      db.exec('ALTER TABLE kleinraum_settings ADD COLUMN version INTEGER NOT NULL DEFAULT 0');
      db.exec("DELETE FROM kleinraum_settings WHERE key = 'title'");
      // The small-number display was part of the export layout; the map view now holds it, so that map
      // and figure show small numbers the same way. Earlier figures suppressed by default.
      const layoutText = db.prepare("SELECT value FROM kleinraum_settings WHERE key = 'export.layout'").pluck().get() as string | undefined;
      let smallNumbers = 'suppress';
      if (layoutText !== undefined) {
        try {
          const layout = JSON.parse(layoutText) as { smallNumbers?: { mode?: unknown } };
          if (layout.smallNumbers?.mode === 'flag') smallNumbers = 'flag';
          delete layout.smallNumbers;
          db.prepare("UPDATE kleinraum_settings SET value = ? WHERE key = 'export.layout'").run(JSON.stringify(layout));
        } catch {
          // An unreadable layout stays as it was; the registry then falls back to the default layout.
        }
      }
      const displayText = db.prepare("SELECT value FROM kleinraum_settings WHERE key = 'map.display'").pluck().get() as string | undefined;
      let display: Record<string, unknown>;
      try {
        display = displayText === undefined ? {} : (JSON.parse(displayText) as Record<string, unknown>);
      } catch {
        display = {};
      }
      db.prepare("INSERT INTO kleinraum_settings (key, value, version) VALUES ('map.display', ?, 0) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
        JSON.stringify({ ...display, smallNumbers }),
      );
    },
  },
  {
    version: 5,
    description:
      'Several sources per figure: each source states who it counts (definition) and its quality; each variable names the sources indicators draw from, in priority order; areas know their parent (Gemeinde → Kreis)',
    up(db) {
      db.exec(`
        ALTER TABLE kleinraum_sources ADD COLUMN definition TEXT NOT NULL DEFAULT '';
        ALTER TABLE kleinraum_sources ADD COLUMN quality TEXT NOT NULL DEFAULT 'counted';
        UPDATE kleinraum_sources SET quality = 'synthetic' WHERE synthetic = 1;
        ALTER TABLE kleinraum_variables ADD COLUMN sources_json TEXT NOT NULL DEFAULT '[]';
      `);
      // Earlier files never held two sources for the same variable, area and Stichtag (such imports were
      // refused), so drawing from all of a variable's sources in the project's order gives the very
      // values these files showed.
      const variables = db.prepare('SELECT variable_id FROM kleinraum_variables').pluck().all() as string[];
      const sourcesOf = db.prepare(
        'SELECT s.source_id FROM kleinraum_sources s WHERE EXISTS (SELECT 1 FROM kleinraum_observations o WHERE o.variable = ? AND o.source_id = s.source_id) ORDER BY s.position, s.id',
      );
      const update = db.prepare('UPDATE kleinraum_variables SET sources_json = ? WHERE variable_id = ?');
      for (const variable of variables) update.run(JSON.stringify(sourcesOf.pluck().all(variable)), variable);
      const layers = db.prepare('SELECT table_name FROM kleinraum_layers').pluck().all() as string[];
      for (const layer of layers) {
        const table = quoteIdentifier(layer);
        db.exec(`ALTER TABLE ${table} ADD COLUMN parent_key TEXT`);
        // An AGS (8 digits) belongs to its Kreis (the first 5); other keys get their parent at import.
        db.exec(`UPDATE ${table} SET parent_key = substr(key, 1, 5) WHERE length(key) = 8 AND key GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'`);
      }
    },
  },
  {
    version: 6,
    description: 'Index of the Stichtage each source holds per variable: the source pickers, the time slider and every command read them, and without it each read scanned all observations',
    up(db) {
      db.exec('CREATE INDEX kleinraum_observations_variable_source_period ON kleinraum_observations (variable, source_id, period)');
    },
  },
  {
    version: 7,
    description: 'Origin–destination flows (Wanderungen): from and to an area key or an external category (ext:umland, ext:ausland, …), per period, with dimensions and source',
    up(db) {
      db.exec(`
        CREATE TABLE kleinraum_flows (
          id INTEGER PRIMARY KEY, from_key TEXT NOT NULL, to_key TEXT NOT NULL, period DATE NOT NULL,
          value REAL NOT NULL, dimensions TEXT NOT NULL, source_id TEXT NOT NULL
        );
        CREATE INDEX kleinraum_flows_period ON kleinraum_flows (period, source_id);
      `);
      registerAttributeTable(db, 'kleinraum_flows', KLEINRAUM_TABLES['kleinraum_flows'] as string);
    },
  },
  {
    version: 8,
    description:
      "Stored scenario results written by earlier versions carry today's source text: no Stichtag of their own (the start year's stood in the data line of every later year's figure) and an attribution that names the scenario (legends print attributions), 'Kleinraum (Szenariorechnung), Projektion – Szenario X'",
    up(db) {
      // The source of a stored scenario run: id projection_<scenario>, named 'Projektion – Szenario X' by
      // every version that stored one. Written out here, not taken from the planning code, so this step
      // stays what it was when later versions change that text again.
      db.exec(`
        UPDATE kleinraum_sources
        SET stichtag = NULL,
            attribution = 'Kleinraum (Szenariorechnung), ' || name || CASE WHEN synthetic THEN ' – auf Beispieldaten, synthetisch' ELSE '' END
        WHERE source_id LIKE 'projection!_%' ESCAPE '!' AND publisher = 'Kleinraum (Szenariorechnung)' AND name LIKE 'Projektion – Szenario %'
      `);
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
