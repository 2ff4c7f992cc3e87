// The project file is one GeoPackage: what we write must read back identically, and GDAL (the reference
// implementation behind QGIS) must accept it.
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GEOPACKAGE_APPLICATION_ID, GEOPACKAGE_USER_VERSION } from '../../../electron/node/storage/geopackageCore';
import { applyMigrations, CURRENT_SCHEMA_VERSION, readSchemaVersion } from '../../../electron/node/storage/migrations';
import { openDatabase } from '../../../electron/node/storage/openDatabase';
import { readAreasAsFeatureCollection, readObservations, readProjectContent } from '../../../electron/node/storage/projectReader';
import { parentKeyFromKey } from '../../../electron/node/storage/projectWriter';
import { writeProjectContent } from '../../../electron/node/storage/projectWriter';
import type { Observation, ProjectContent } from '../../../shared/model/project';
import { findOnPath, findValidateGpkgScript, systemPython } from '../../helpers/externalTools';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { createSmallProjectContent } from './smallProjectFixture';

const ogrinfo = findOnPath('ogrinfo');
const validateGpkgScript = findValidateGpkgScript();
if (!ogrinfo) process.stdout.write('skipping ogrinfo check: ogrinfo is not installed (apt-get install gdal-bin)\n');
if (!validateGpkgScript) process.stdout.write('skipping validate_gpkg.py check: GDAL Python bindings are not installed (apt-get install gdal-bin)\n');

let directory: TempDir;
beforeEach(() => {
  directory = makeTempDir('kleinraum-storage-');
});
afterEach(() => directory.remove());

function writeProjectFile(filePath: string, content: ProjectContent): void {
  const db = openDatabase(filePath);
  applyMigrations(db);
  writeProjectContent(db, content);
  db.close();
}

/** What the file should give back: polygons come back as one-part multipolygons (the column type); an AGS knows its Kreis. */
function expectedAfterRoundTrip(content: ProjectContent): ProjectContent {
  return {
    ...content,
    layers: content.layers.map((layer) => ({
      ...layer,
      areas: layer.areas.map((area) => ({
        ...area,
        geometry: area.geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [area.geometry.coordinates] } : area.geometry,
        parentKey: area.parentKey ?? parentKeyFromKey(area.key),
      })),
    })),
    observations: [...content.observations]
      .map((observation) => ({ ...observation, missing: observation.missing ?? null }))
      .sort((a, b) => a.variable.localeCompare(b.variable) || a.period.localeCompare(b.period) || a.areaKey.localeCompare(b.areaKey)),
  };
}

describe('writing and reading a project file', () => {
  it('reads back exactly the content written, after closing and reopening the file', () => {
    const filePath = directory.file('project.gpkg');
    const content = createSmallProjectContent();
    writeProjectFile(filePath, content);

    const reopened = openDatabase(filePath, { readonly: true });
    const readBack = readProjectContent(reopened);
    reopened.close();
    const expected = expectedAfterRoundTrip(content);
    // Observations come back sorted; compare them as sets of rows, then the rest as a whole.
    expect(readBack.observations).toHaveLength(expected.observations.length);
    expect(new Set(readBack.observations.map((o) => JSON.stringify(o)))).toEqual(new Set(expected.observations.map((o) => JSON.stringify(o))));
    expect({ ...readBack, observations: [] }).toEqual({ ...expected, observations: [] });
  });

  it('keeps the leading zeros of area keys and stores the GeoPackage header fields', () => {
    const filePath = directory.file('project.gpkg');
    writeProjectFile(filePath, createSmallProjectContent());
    const db = openDatabase(filePath, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(GEOPACKAGE_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(GEOPACKAGE_USER_VERSION);
    expect(readSchemaVersion(db)).toBe(CURRENT_SCHEMA_VERSION);
    expect(db.prepare('SELECT key FROM gemeinden ORDER BY fid').pluck().all()).toEqual(['03241001', '03241002']);
    const collection = readAreasAsFeatureCollection(db, 'gemeinden');
    expect(collection.bbox).toEqual([9.3, 52.25, 9.9, 52.45]);
    // Geodesic area of the 0.3° × 0.15° rectangle at 52.4° N: about 20.4 km × 16.7 km.
    const hannoverKm2 = collection.features[0]?.properties.areaKm2 ?? 0;
    expect(hannoverKm2).toBeGreaterThan(320);
    expect(hannoverKm2).toBeLessThan(350);
    db.close();
  });

  it('writing again replaces the previous content instead of adding to it', () => {
    const filePath = directory.file('project.gpkg');
    const db = openDatabase(filePath);
    applyMigrations(db);
    writeProjectContent(db, createSmallProjectContent());
    const smaller = createSmallProjectContent();
    smaller.observations = smaller.observations.slice(0, 3);
    writeProjectContent(db, smaller);
    expect(readObservations(db)).toHaveLength(3);
    expect(db.prepare('SELECT COUNT(*) FROM gemeinden').pluck().get()).toBe(2);
    db.close();
  });

  it('rejects a duplicate observation with a message naming it, and leaves the file unchanged', () => {
    const filePath = directory.file('project.gpkg');
    const db = openDatabase(filePath);
    applyMigrations(db);
    writeProjectContent(db, createSmallProjectContent());
    const duplicated = createSmallProjectContent();
    duplicated.observations.push({ ...(duplicated.observations[0] as Observation) });
    expect(() => writeProjectContent(db, duplicated)).toThrow(/Duplicate observation: population \{"sex":"f"\} 03241001 2019-12-31/);
    expect(readObservations(db)).toHaveLength(createSmallProjectContent().observations.length);
    db.close();
  });

  it('filters observations by variables and period, and reads 20 000 rows completely', () => {
    const filePath = directory.file('large.gpkg');
    const content = createSmallProjectContent();
    const many: Observation[] = [];
    for (let area = 0; area < 1000; area += 1) {
      for (let year = 2000; year < 2020; year += 1) {
        many.push({ areaKey: String(area).padStart(8, '0'), variable: 'population', dimensions: { sex: 'f' }, period: `${year}-12-31`, value: area + year, sourceId: 'test-source', quality: 'counted' });
      }
    }
    content.observations = many;
    writeProjectFile(filePath, content);
    const db = openDatabase(filePath, { readonly: true });
    const all = readObservations(db, { variables: ['population'] });
    expect(all).toHaveLength(20_000);
    expect(all.reduce((sum, observation) => sum + (observation.value ?? 0), 0)).toBe(1000 * (0 + 999) / 2 * 20 + 1000 * (2000 + 2019) / 2 * 20);
    const oneYear = readObservations(db, { variables: ['population'], period: '2005-12-31' });
    expect(oneYear).toHaveLength(1000);
    expect(oneYear.every((observation) => observation.period === '2005-12-31')).toBe(true);
    expect(readObservations(db, { variables: ['refugees'] })).toHaveLength(0);
    db.close();
  });
});

describe('the project file as GDAL sees it', () => {
  it.skipIf(!ogrinfo)('ogrinfo lists the boundary layer with its feature count', () => {
    const filePath = directory.file('project.gpkg');
    writeProjectFile(filePath, createSmallProjectContent());
    const result = spawnSync(ogrinfo ?? 'ogrinfo', ['-so', filePath, 'gemeinden'], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Layer name: gemeinden$/m);
    expect(result.stdout).toMatch(/^Geometry: Multi Polygon$/m);
    expect(result.stdout).toMatch(/^Feature Count: 2$/m);
    expect(result.stdout).toMatch(/^key: String/m);
  });

  it.skipIf(!validateGpkgScript)("passes GDAL's validate_gpkg.py including its extra checks", () => {
    const filePath = directory.file('project.gpkg');
    writeProjectFile(filePath, createSmallProjectContent());
    const result = spawnSync(systemPython, [validateGpkgScript ?? '', '--extra', '-k', filePath], { encoding: 'utf8' });
    const report = `${result.stdout}${result.stderr}`.trim();
    expect(report).not.toMatch(/^Req \d+:|Traceback/m);
    expect(result.status, report).toBe(0);
  });
});
