/**
 * What the boundary preview proposes on real files from ../shared/data, through the contract (dispatch checks
 * every output): umlaut samples even when a .cpg names the encoding, the attribution year taken from the
 * data, Hannover's Stadtteile without the unnamed slivers, and the Stadtbezirke dissolved from them.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { area as geodesicArea } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliBackend, type CliBackend } from '../../../electron/node/cli/backend';
import { openDatabase } from '../../../electron/node/storage/openDatabase';
import { readAreas, readLayers } from '../../../electron/node/storage/projectReader';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { sharedDataPath } from '../../helpers/sharedData';

const VG5000_GEM = sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3', 'VG5000_GEM.shp');
const VG250_GEM_SIMPLIFIED = sharedDataPath('boundaries', 'vg250_gem_2022-05-15_simplified_utm32', 'VG250_GEM_simplified.zip');
const STADTTEILE = sharedDataPath('hannover_stadt', 'stadtteile', 'stadtteile_hannover_skh5000_qgis2web_crs84.geojson');
const STADTTEILE_FREIFUNK = sharedDataPath('hannover_stadt', 'stadtteile', 'stadtteile_hannover_freifunk_wgs84.json');

let temp: TempDir;
let backend: CliBackend;

beforeAll(async () => {
  temp = makeTempDir('kleinraum-boundary-proposals-');
  backend = await createCliBackend(temp.file('data'));
  await backend.call('project.new', {});
});
afterAll(() => {
  backend.dispose();
  temp.remove();
});

describe('encoding samples', () => {
  it('shows names with umlauts decoded with the .cpg encoding (VG5000: UTF-8)', async () => {
    const preview = await backend.call('import.previewBoundaries', { path: VG5000_GEM, filterKeyPrefix: '03241' });
    expect(preview.report.encoding).toMatchObject({ how: 'cpg', detected: 'utf-8', used: 'utf-8' });
    // The kept area's name first (the only one of the 21 with an umlaut), then others of the file.
    expect(preview.report.encoding.preview[0]).toBe('Neustadt am Rübenberge');
    expect(preview.report.encoding.preview.length).toBeGreaterThan(3);
    expect(preview.report.encoding.preview.every((name) => /[ÄÖÜäöüß]/.test(name))).toBe(true);
    expect(preview.report.encoding.preview.join(' ')).not.toMatch(/Ã/);
    await backend.call('import.cancel', { importId: preview.importId });
  });

  it('shows the mis-decoded names when the user overrides the encoding, so the difference is visible', async () => {
    const preview = await backend.call('import.previewBoundaries', { path: VG5000_GEM, filterKeyPrefix: '03241', encoding: 'windows-1252' });
    expect(preview.report.encoding.used).toBe('windows-1252');
    expect(preview.report.encoding.preview.join(' ')).toMatch(/Ã/);
    await backend.call('import.cancel', { importId: preview.importId });
  });
});

describe('attribution year from the data', () => {
  it('the Zensus VG250 reduced to its ARS field is still recognised as BKG data by its layer name; the year from the folder name', async () => {
    const preview = await backend.call('import.previewBoundaries', { path: VG250_GEM_SIMPLIFIED, filterKeyPrefix: '03241' });
    expect(preview.report.fields).toEqual(['ARS']);
    expect(preview.source).toMatchObject({ isBkg: true, stichtag: '2022-05-15', attribution: '© GeoBasis-DE / BKG 2022', attributionYearFrom: 'file-name' });
    expect(preview.source.licence).toMatch(/dl-de\/by-2-0/);
    // The source says what it is first, then the file it came from.
    expect(preview.source.name).toMatch(/^BKG VG250 Gemeinden \(VG250_GEM/);
    // Maps and figures name the layer as planners do, not by its file name "vg250_gem".
    const committed = await backend.call('import.commit', { importId: preview.importId });
    expect(committed.summary.layers.find((layer) => layer.name === 'vg250_gem')?.title).toEqual({ de: 'Gemeinden (VG250)', en: 'Municipalities (VG250)' });
    await backend.call('project.new', {});
  });


  it('VG5000 2021: the year from aktualitaet.txt', async () => {
    const preview = await backend.call('import.previewBoundaries', { path: VG5000_GEM, filterKeyPrefix: '03241' });
    expect(preview.source).toMatchObject({ isBkg: true, stichtag: '2021-01-01', attribution: '© GeoBasis-DE / BKG 2021', attributionYearFrom: 'aktualitaet' });
    await backend.call('import.cancel', { importId: preview.importId });
  });

  it('the same shapefile copied without aktualitaet.txt into an undated folder: the year of the latest BEGINN', async () => {
    const folder = temp.file('undated');
    mkdirSync(folder, { recursive: true });
    for (const extension of ['shp', 'shx', 'dbf', 'prj', 'cpg']) copyFileSync(VG5000_GEM.replace(/shp$/, extension), path.join(folder, `GEM.${extension}`));
    const preview = await backend.call('import.previewBoundaries', { path: path.join(folder, 'GEM.shp'), filterKeyPrefix: '03241' });
    // Latest BEGINN in VG5000 2021 is 2021-07-01 (counted in the DBF).
    expect(preview.source).toMatchObject({ isBkg: true, stichtag: null, attribution: '© GeoBasis-DE / BKG 2021', attributionYearFrom: 'attribute-date' });
    expect(preview.report.warnings.map((warning) => warning.code)).not.toContain('attribution-year-unknown');
    await backend.call('import.cancel', { importId: preview.importId });
  });
});

describe('Hannover Stadtteile and Stadtbezirke', () => {
  it('proposes leaving out the 2 unnamed slivers: 51 Stadtteile keyed by STADTTLNR', async () => {
    const preview = await backend.call('import.previewBoundaries', { path: STADTTEILE });
    expect(preview.report.featureCount).toBe(53);
    expect(preview.report.keyField).toBe('STADTTLNR');
    expect(preview.report.nameField).toBe('STADTTLNAM');
    expect(preview.report.withoutName).toEqual({ count: 2, dropped: true });
    expect(preview.report.warnings.map((warning) => warning.code)).toContain('unnamed-dropped');
    expect(preview.areas).toHaveLength(51);
    expect(preview.areas.map((area) => area.name)).toContain('Döhren');
    const committed = await backend.call('import.commit', { importId: preview.importId, layerName: 'stadtteile' });
    expect(committed.features).toBe(51);
  });

  it('keeps the slivers only when asked (they have no key either, so they are counted as without key)', async () => {
    const preview = await backend.call('import.previewBoundaries', { path: STADTTEILE, dropUnnamed: false });
    expect(preview.report.withoutName).toEqual({ count: 2, dropped: false });
    expect(preview.report.filteredOut.withoutKey).toBe(2);
    expect(preview.areas).toHaveLength(51);
    await backend.call('import.cancel', { importId: preview.importId });
  });

  it('dissolving on STADTBZNR gives the 13 Stadtbezirke named by STADTBZNAM, covering the 51 Stadtteile', async () => {
    const stadtteile = await backend.call('import.previewBoundaries', { path: STADTTEILE });
    const preview = await backend.call('import.previewBoundaries', { path: STADTTEILE, dissolveByField: 'STADTBZNR' });
    expect(preview.report.dissolvedBy).toBe('STADTBZNR');
    expect(preview.report.keyField).toBe('STADTBZNR');
    expect(preview.report.nameField).toBe('STADTBZNAM');
    expect(preview.report.duplicateKeys).toEqual([]);
    expect(preview.areas).toHaveLength(13);
    expect(preview.areas.map((area) => area.key)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13']);
    expect(preview.areas.find((area) => area.key === '01')?.name).toBe('Mitte');
    const totalOf = (areas: { areaKm2: number }[]) => areas.reduce((sum, area) => sum + area.areaKm2, 0);
    // Union keeps the area: the Bezirke cover what the Stadtteile cover (204.2 km² by the source's SHAPE_Area).
    expect(totalOf(preview.areas)).toBeCloseTo(totalOf(stadtteile.areas), 0);
    expect(totalOf(preview.areas)).toBeGreaterThan(203);
    expect(totalOf(preview.areas)).toBeLessThan(206);
    await backend.call('import.cancel', { importId: stadtteile.importId });
    const committed = await backend.call('import.commit', { importId: preview.importId, layerName: 'stadtbezirke' });
    expect(committed.features).toBe(13);
    const saved = temp.file('stadt.gpkg');
    await backend.call('project.saveAs', { path: saved });
    const db = openDatabase(saved, { readonly: true });
    try {
      expect(readLayers(db).map((layer) => layer.name).sort()).toEqual(['stadtbezirke', 'stadtteile']);
      const bezirke = readAreas(db, 'stadtbezirke');
      expect(bezirke).toHaveLength(13);
      // Inner borders are gone: a united Bezirk is mostly one polygon, not its Stadtteile side by side.
      const mitte = bezirke.find((area) => area.key === '01')!;
      const polygons = mitte.geometry.type === 'Polygon' ? 1 : mitte.geometry.coordinates.length;
      expect(polygons).toBeLessThan(3);
      expect(geodesicArea(mitte.geometry) / 1e6).toBeGreaterThan(5);
    } finally {
      db.close();
    }
  });

  it('Freifunk version: 51 Stadtteile (12 hand-drawn towns without key, 2 unnamed slivers dropped)', async () => {
    const preview = await backend.call('import.previewBoundaries', { path: STADTTEILE_FREIFUNK, keyField: 'STADTTLNR' });
    expect(preview.report.featureCount).toBe(65);
    expect(preview.areas).toHaveLength(51);
    expect(preview.report.filteredOut.withoutKey + preview.report.filteredOut.byMissingAttributes).toBe(14);
    await backend.call('import.cancel', { importId: preview.importId });
  });
});
