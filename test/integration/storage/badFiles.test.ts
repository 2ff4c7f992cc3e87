// Whatever a planner picks in the open dialog, the answer is a clear UserError, never a crash.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectSession } from '../../../electron/node/services/projectSession';
import { createGeoPackageCore } from '../../../electron/node/storage/geopackageCore';
import { applyMigrations } from '../../../electron/node/storage/migrations';
import { openDatabase } from '../../../electron/node/storage/openDatabase';
import { writeProjectContent } from '../../../electron/node/storage/projectWriter';
import { inspectProjectFile } from '../../../electron/node/storage/projectFile';
import { UserError } from '../../../shared/contract/errors';
import { findOnPath } from '../../helpers/externalTools';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { createSmallProjectContent } from './smallProjectFixture';

const ogr2ogr = findOnPath('ogr2ogr');
if (!ogr2ogr) process.stdout.write('skipping GDAL-made GeoPackage checks: ogr2ogr is not installed (apt-get install gdal-bin)\n');

let directory: TempDir;
beforeEach(() => {
  directory = makeTempDir('kleinraum-badfiles-');
});
afterEach(() => directory.remove());

function openError(filePath: string): UserError {
  try {
    ProjectSession.open(directory.file('work'), filePath).close();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`opening ${filePath} did not fail`);
}

describe('opening something that is not a Kleinraum project', () => {
  it('a text file renamed to .gpkg', () => {
    const filePath = directory.file('tabelle.gpkg');
    fs.writeFileSync(filePath, 'AGS;Name;Einwohner\n03241001;Hannover;534049\n');
    const error = openError(filePath);
    expect(error.code).toBe('bad-input');
    expect(error.text.de).toMatch(/keine GeoPackage-\/SQLite-Datei/);
    expect(error.text.en).toMatch(/not a GeoPackage\/SQLite file/);
  });

  it('an empty file', () => {
    const filePath = directory.file('leer.gpkg');
    fs.writeFileSync(filePath, '');
    expect(openError(filePath).text.de).toMatch(/leer \(0 Byte\)/);
  });

  it('a file that does not exist', () => {
    const error = openError(directory.file('fehlt.gpkg'));
    expect(error.code).toBe('not-found');
  });

  it('an SQLite database that is not a GeoPackage', () => {
    const filePath = directory.file('andere.sqlite');
    const db = openDatabase(filePath);
    db.exec('CREATE TABLE t (x INTEGER)');
    db.close();
    expect(openError(filePath).text.de).toMatch(/kein GeoPackage \(die gpkg_-Tabellen fehlen\)/);
  });

  it('a project file cut off in the middle (e.g. an interrupted copy)', () => {
    const filePath = directory.file('kaputt.gpkg');
    const db = openDatabase(filePath);
    applyMigrations(db);
    const content = createSmallProjectContent();
    for (let copy = 0; copy < 400; copy += 1) {
      content.observations.push({ areaKey: `x${copy}`, variable: 'population', dimensions: { sex: 'f' }, period: '2019-12-31', value: copy, sourceId: 'test-source', quality: 'counted' });
    }
    writeProjectContent(db, content);
    db.close();
    const bytes = fs.readFileSync(filePath);
    fs.writeFileSync(filePath, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = openError(filePath);
    expect(error.code).toBe('bad-input');
    expect(error.text.de).toMatch(/beschädigt oder unvollständig/);
  });

  it('a GeoPackage without Kleinraum tables', () => {
    const filePath = directory.file('qgis.gpkg');
    const db = openDatabase(filePath);
    createGeoPackageCore(db);
    db.close();
    expect(inspectProjectFile(filePath)).toBe('plain-geopackage');
    const error = openError(filePath);
    expect(error.code).toBe('unsupported');
    expect(error.text.de).toMatch(/GeoPackage, aber kein Kleinraum-Projekt.*„Importieren“/);
  });

  it.skipIf(!ogr2ogr)('a GDAL-made GeoPackage is recognised, and its R-tree triggers work with our connection', () => {
    const geojsonPath = directory.file('punkte.geojson');
    fs.writeFileSync(
      geojsonPath,
      JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Hannover' }, geometry: { type: 'Point', coordinates: [9.73, 52.37] } }] }),
    );
    const filePath = directory.file('gdal.gpkg');
    const result = spawnSync(ogr2ogr ?? 'ogr2ogr', ['-f', 'GPKG', filePath, geojsonPath, '-nln', 'punkte'], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(inspectProjectFile(filePath)).toBe('plain-geopackage');
    const db = openDatabase(filePath);
    const blob = db.prepare('SELECT geom FROM punkte').pluck().get();
    // Inserting fires GDAL's rtree_punkte_geom_insert trigger, which calls ST_IsEmpty and ST_MinX…ST_MaxY.
    db.prepare('INSERT INTO punkte (geom, name) VALUES (?, ?)').run(blob, 'Kopie');
    expect(db.prepare('SELECT COUNT(*) FROM rtree_punkte_geom').pluck().get()).toBe(2);
    db.close();
  });
});
