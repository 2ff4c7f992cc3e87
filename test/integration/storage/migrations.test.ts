// Old project files must open in a newer Kleinraum, and a file from a newer Kleinraum must be refused with a
// clear message instead of being damaged. The version-1 fixture below is written with the version-1 DDL
// verbatim, independent of migrations.ts, so later edits there cannot silently change the "old" file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectSession } from '../../../electron/node/services/projectSession';
import { createGeoPackageCore } from '../../../electron/node/storage/geopackageCore';
import { CURRENT_SCHEMA_VERSION, KLEINRAUM_TABLES, MIGRATIONS } from '../../../electron/node/storage/migrations';
import { openDatabase } from '../../../electron/node/storage/openDatabase';
import { readObservations, readProjectContent, readSettings } from '../../../electron/node/storage/projectReader';
import { UserError } from '../../../shared/contract/errors';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

let directory: TempDir;
beforeEach(() => {
  directory = makeTempDir('kleinraum-migrations-');
});
afterEach(() => directory.remove());

/** A schema-version-1 project: one source, one variable, three observations of which two are the same row. */
function writeVersion1Project(filePath: string): void {
  const db = openDatabase(filePath);
  createGeoPackageCore(db);
  db.exec(`
    CREATE TABLE kleinraum_meta (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, value TEXT NOT NULL);
    CREATE TABLE kleinraum_settings (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, value TEXT NOT NULL);
    CREATE TABLE kleinraum_layers (id INTEGER PRIMARY KEY, table_name TEXT NOT NULL UNIQUE, title_de TEXT NOT NULL, title_en TEXT NOT NULL,
      key_field TEXT NOT NULL, name_field TEXT NOT NULL, source_crs TEXT NOT NULL, source_id TEXT NOT NULL, schematic BOOLEAN NOT NULL, position INTEGER NOT NULL);
    CREATE TABLE kleinraum_sources (id INTEGER PRIMARY KEY, source_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, publisher TEXT NOT NULL,
      stichtag DATE, licence TEXT NOT NULL, licence_url TEXT, attribution TEXT NOT NULL, notes TEXT NOT NULL, synthetic BOOLEAN NOT NULL, position INTEGER NOT NULL);
    CREATE TABLE kleinraum_dimensions (id INTEGER PRIMARY KEY, dimension_id TEXT NOT NULL UNIQUE, name_de TEXT NOT NULL, name_en TEXT NOT NULL,
      values_json TEXT NOT NULL, position INTEGER NOT NULL);
    CREATE TABLE kleinraum_variables (id INTEGER PRIMARY KEY, variable_id TEXT NOT NULL UNIQUE, name_de TEXT NOT NULL, name_en TEXT NOT NULL,
      unit TEXT NOT NULL, dimensions_json TEXT NOT NULL, kind TEXT NOT NULL, position INTEGER NOT NULL);
    CREATE TABLE kleinraum_indicators (id INTEGER PRIMARY KEY, indicator_id TEXT NOT NULL UNIQUE, name_de TEXT NOT NULL, name_en TEXT NOT NULL,
      numerator_json TEXT NOT NULL, denominator_json TEXT, scale TEXT NOT NULL, unit_de TEXT NOT NULL, unit_en TEXT NOT NULL,
      decimals INTEGER NOT NULL, description_de TEXT NOT NULL, description_en TEXT NOT NULL, position INTEGER NOT NULL);
    CREATE TABLE kleinraum_observations (id INTEGER PRIMARY KEY, area_key TEXT NOT NULL, variable TEXT NOT NULL, dimensions TEXT NOT NULL,
      period DATE NOT NULL, value REAL, missing TEXT, source_id TEXT NOT NULL, quality TEXT NOT NULL);
    INSERT INTO kleinraum_meta (key, value) VALUES ('schema_version', '1'), ('title', 'Altes Projekt');
    INSERT INTO kleinraum_settings (key, value) VALUES
      ('title', 'Altes Projekt'), ('smallNumberThreshold', '5'), ('defaultIndicator', 'population_total'),
      ('map.symbology.population_total', '{"method":"equal","classes":4,"paletteId":"Reds","fixAcrossPeriods":true}'),
      ('map.display', '{"labels":"off","basemap":true}'),
      ('export.layout', '{"title":{"text":"Abbildung 1"},"smallNumbers":{"mode":"flag"}}'),
      ('an.unknown.key', 'kept');
    INSERT INTO kleinraum_sources (source_id, name, publisher, stichtag, licence, licence_url, attribution, notes, synthetic, position)
      VALUES ('lsn', 'LSN', 'Landesamt für Statistik Niedersachsen', '2019-12-31', 'dl-de/by-2-0', NULL, '© LSN 2020', '', 0, 0);
    INSERT INTO kleinraum_variables (variable_id, name_de, name_en, unit, dimensions_json, kind, position)
      VALUES ('population', 'Einwohner', 'Population', 'Personen', '[]', 'stock', 0);
    INSERT INTO kleinraum_observations (area_key, variable, dimensions, period, value, missing, source_id, quality) VALUES
      ('03241001', 'population', '{}', '2019-12-31', 530000, NULL, 'lsn', 'counted'),
      ('03241001', 'population', '{}', '2019-12-31', 534049, NULL, 'lsn', 'counted'),
      ('03241002', 'population', '{}', '2019-12-31', 34000, NULL, 'lsn', 'counted');
  `);
  db.close();
}

describe('schema migrations', () => {
  it('are numbered 1, 2, … without gaps', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
  });

  it('bring a version-1 file to the current version on open, keeping its content and leaving the file itself untouched', () => {
    const filePath = directory.file('old.gpkg');
    writeVersion1Project(filePath);
    const session = ProjectSession.open(directory.file('work'), filePath);
    try {
      expect(session.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
      expect(session.title).toBe('Altes Projekt');
      const content = readProjectContent(session.db);
      expect(content.sources.map((source) => source.publisher)).toEqual(['Landesamt für Statistik Niedersachsen']);
      // Migration 5 (several sources per figure): the one source is what the variable draws from, counted, without a definition yet.
      expect(content.sources.map((source) => [source.id, source.quality, source.definition])).toEqual([['lsn', 'counted', '']]);
      expect(content.variables.map((variable) => [variable.id, variable.sources])).toEqual([['population', ['lsn']]]);
      // The duplicate row of version 1 is resolved to the last written value.
      expect(readObservations(session.db).map((observation) => [observation.areaKey, observation.value])).toEqual([
        ['03241001', 534049],
        ['03241002', 34000],
      ]);
      const indexes = session.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'kleinraum_observations'").pluck().all();
      expect(indexes).toEqual(expect.arrayContaining(['kleinraum_observations_variable_period', 'kleinraum_observations_area']));
      const registered = session.db.prepare("SELECT table_name FROM gpkg_contents WHERE data_type = 'attributes'").pluck().all();
      expect(new Set(registered)).toEqual(new Set(Object.keys(KLEINRAUM_TABLES)));
    } finally {
      session.close();
    }
    const original = openDatabase(filePath, { readonly: true });
    expect(original.prepare("SELECT value FROM kleinraum_meta WHERE key = 'schema_version'").pluck().get()).toBe('1');
    original.close();
  });

  it('read the untyped settings of a version-1 file as typed values (migration 4), moving the small-number display to the map', () => {
    const filePath = directory.file('old-settings.gpkg');
    writeVersion1Project(filePath);
    const session = ProjectSession.open(directory.file('work'), filePath);
    try {
      const settings = readSettings(session.db);
      expect(settings['smallNumberThreshold']).toBe(5);
      expect(settings['defaultIndicator']).toBe('population_total');
      expect(settings['map.symbology.population_total']).toEqual({ method: 'equal', classes: 4, breaks: [], palette: 'Reds', reversed: false, midpoint: 'region', midpointValue: null, fixedClasses: true });
      expect(settings['map.display']).toEqual({ labels: 'off', basemap: true, smallNumbers: 'flag' });
      expect(settings['export.layout']).toEqual({ title: { text: 'Abbildung 1' } });
      // The title lives in kleinraum_meta only; an unknown key stays in the file but is not read.
      expect(settings).not.toHaveProperty('title');
      expect(settings).not.toHaveProperty('an.unknown.key');
      expect(session.db.prepare("SELECT value FROM kleinraum_settings WHERE key = 'an.unknown.key'").pluck().get()).toBe('kept');
      // Written again, a setting is stored as JSON of its current version.
      session.setSetting('smallNumberThreshold', 4);
      expect(session.db.prepare("SELECT value, version FROM kleinraum_settings WHERE key = 'smallNumberThreshold'").get()).toEqual({ value: '4', version: 1 });
    } finally {
      session.close();
    }
  });

  it("give stored scenario results of earlier versions today's source text (migration 8), and leave other sources alone", () => {
    const filePath = directory.file('old-projections.gpkg');
    writeVersion1Project(filePath);
    const db = openDatabase(filePath);
    // The two earlier texts of a stored scenario run: with the start year as Stichtag and the scenario in
    // the attribution, then without the scenario; and a planner's own source whose id merely looks alike.
    db.exec(`
      INSERT INTO kleinraum_sources (source_id, name, publisher, stichtag, licence, licence_url, attribution, notes, synthetic, position) VALUES
        ('projection_mittel', 'Projektion – Szenario Mittel', 'Kleinraum (Szenariorechnung)', '2024-12-31', 'eigene Berechnung', NULL,
          'Projektion, Szenario „Mittel“ (Kleinraum) – auf Beispieldaten, synthetisch', '', 1, 1),
        ('projection_hoch', 'Projektion – Szenario Hoch', 'Kleinraum (Szenariorechnung)', NULL, 'eigene Berechnung', NULL, 'Kleinraum (Szenariorechnung)', '', 0, 2),
        ('projection_lsn', 'Bevölkerungsvorausberechnung', 'Landesamt für Statistik Niedersachsen', '2021-12-31', 'dl-de/by-2-0', NULL, '© LSN 2022', '', 0, 3);
    `);
    db.close();
    const session = ProjectSession.open(directory.file('work'), filePath);
    try {
      const sources = Object.fromEntries(readProjectContent(session.db).sources.map((source) => [source.id, [source.stichtag, source.attribution]]));
      expect(sources).toEqual({
        lsn: ['2019-12-31', '© LSN 2020'],
        projection_mittel: [null, 'Kleinraum (Szenariorechnung), Projektion – Szenario Mittel – auf Beispieldaten, synthetisch'],
        projection_hoch: [null, 'Kleinraum (Szenariorechnung), Projektion – Szenario Hoch'],
        projection_lsn: ['2021-12-31', '© LSN 2022'],
      });
    } finally {
      session.close();
    }
  });

  it('refuse a file from a newer Kleinraum with a message to update, without touching it', () => {
    const filePath = directory.file('future.gpkg');
    writeVersion1Project(filePath);
    const db = openDatabase(filePath);
    db.prepare("UPDATE kleinraum_meta SET value = ? WHERE key = 'schema_version'").run(String(CURRENT_SCHEMA_VERSION + 5));
    db.close();
    let caught: unknown;
    try {
      ProjectSession.open(directory.file('work'), filePath).close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).code).toBe('unsupported');
    expect((caught as UserError).text.de).toMatch(/neueren Kleinraum-Version.*Bitte Kleinraum aktualisieren/);
  });
});
