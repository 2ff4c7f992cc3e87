/**
 * Boundaries from a GeoPackage, as planners get them from QGIS or from a colleague's Kleinraum project:
 * the import picks the feature layer, keeps the keys as text and never needs a .prj.
 */
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { findOnPath } from '../../helpers/externalTools';
import { sharedDataAvailable, sharedDataPath } from '../../helpers/sharedData';
import { skipWithReason } from '../../helpers/skipWithReason';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

interface ImportDocument {
  kind: string;
  layer: string;
  features: number;
  crs: { detected: string | null; used: string };
  filteredOut: { byMissingAttributes: number };
}

let directory: TempDir | undefined;
afterEach(() => directory?.remove());

describe('importing boundaries from a GeoPackage', () => {
  it('takes the feature layer of a Kleinraum project file with its 21 municipality keys', () => {
    directory = makeTempDir();
    const dataDir = directory.file('data');
    const source = directory.file('source.gpkg');
    expect(runCli(['demo', '--out', source, '--data-dir', dataDir]).status).toBe(0);

    const result = runCli(['import', directory.file('target.gpkg'), source, '--layer', 'gemeinden', '--data-dir', dataDir, '--json']);
    expect(result.stderr).toBe('');
    const document = JSON.parse(result.stdout) as ImportDocument;
    expect(document).toMatchObject({ kind: 'boundaries', layer: 'gemeinden', features: 21 });
    expect(document.crs.used).toBe('EPSG:4326');

    const info = JSON.parse(runCli(['info', directory.file('target.gpkg'), '--data-dir', dataDir, '--json']).stdout) as {
      layers: { name: string; featureCount: number }[];
    };
    expect(info.layers).toContainEqual(expect.objectContaining({ name: 'gemeinden', featureCount: 21 }));
  });

  it('reads a GeoPackage written by GDAL: the 51 Hannover Stadtteile, slivers without a name left out', (context) => {
    const ogr2ogr = findOnPath('ogr2ogr');
    if (!ogr2ogr) skipWithReason(context, 'GDAL (ogr2ogr) is not installed, so no GDAL-made GeoPackage can be written');
    if (!sharedDataAvailable()) skipWithReason(context, '../shared/data is not beside the checkout');
    directory = makeTempDir();
    const source = directory.file('stadtteile.gpkg');
    const geojson = sharedDataPath('hannover_stadt', 'stadtteile', 'stadtteile_hannover_skh5000_qgis2web_crs84.geojson');
    const converted = spawnSync(ogr2ogr, ['-f', 'GPKG', source, geojson, '-nln', 'stadtteile'], { encoding: 'utf8' });
    expect(converted.status).toBe(0);

    const result = runCli([
      'import', directory.file('target.gpkg'), source,
      '--key', 'STADTTLNR', '--name-field', 'STADTTLNAM', '--data-dir', directory.file('data'), '--json',
    ]);
    expect(result.stderr).toBe('');
    const document = JSON.parse(result.stdout) as ImportDocument;
    expect(document).toMatchObject({ kind: 'boundaries', layer: 'stadtteile', features: 51 });
    expect(document.filteredOut.byMissingAttributes).toBe(2);
  });
});
