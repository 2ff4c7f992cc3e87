/**
 * `kleinraum import` as a child process: creates the project, prints the CLI-contract document, names the
 * flag for a missing choice (exit 1), and leaves the project byte-for-byte unchanged after a failure.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sharedDataPath } from '../../helpers/sharedData';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { runKleinraum } from './runKleinraum';

let temp: TempDir;
const checksum = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(() => {
  temp = makeTempDir('kleinraum-cli-import-');
});
afterAll(() => temp.remove());

it('imports VG5000 Gemeinden filtered to 03241 into a new project, then a GENESIS table', async () => {
  const project = temp.file('region.gpkg');
  const boundaries = await runKleinraum(['import', project, sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3', 'VG5000_GEM.shp'), '--filter-key-prefix', '03241', '--json'], temp.file('data'));
  expect(boundaries.stderr).toBe('');
  expect(boundaries.exitCode).toBe(0);
  expect(JSON.parse(boundaries.stdout)).toMatchObject({
    kind: 'boundaries',
    layer: 'vg5000_gem',
    features: 21,
    crs: { detected: 'EPSG:31467', used: 'EPSG:31467' },
    invalidGeometries: { found: 0, repaired: 0 },
    join: { matched: 21, unmatchedRows: [], areasWithoutData: [], duplicateKeys: [] },
  });
  const table = await runKleinraum(['import', project, sharedDataPath('refugees', 'schutzsuchende_kreise_2018-12-31_regionalstatistik_bearbeitet.csv'), '--json'], temp.file('data'));
  expect(table.exitCode).toBe(0);
  const document = JSON.parse(table.stdout);
  expect(document).toMatchObject({ kind: 'table', layer: 'vg5000_gem', rows: 1, encoding: { detected: 'windows-1252', used: 'windows-1252' } });
  expect(document.join.aggregateRows).toContainEqual(expect.objectContaining({ key: '03241', level: 'kreis', value: 38535 }));
  expect(document.join.areasWithoutData).toHaveLength(20);
  // The same file as a second layer: the document names the source as written, told apart by its layer.
  const again = await runKleinraum(['import', project, sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3', 'VG5000_GEM.shp'), '--filter-key-prefix', '03241', '--layer-name', 'gemeinden_kopie', '--json'], temp.file('data'));
  expect(again.exitCode, again.stderr).toBe(0);
  const second = JSON.parse(again.stdout) as { layer: string; source: { id: string; name: string } };
  const first = JSON.parse(boundaries.stdout) as { source: { id: string; name: string } };
  expect(second.layer).toBe('gemeinden_kopie');
  expect(second.source.name).toBe(`${first.source.name} – Ebene gemeinden_kopie`);
  expect(second.source.id).not.toBe(first.source.id);
});

it('a failed import names the flag and leaves the project file unchanged', async () => {
  const project = temp.file('unchanged.gpkg');
  const first = await runKleinraum(['import', project, sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3', 'VG5000_GEM.shp'), '--filter-key-prefix', '03241'], temp.file('data'));
  expect(first.exitCode).toBe(0);
  const before = checksum(project);

  // A shapefile without .prj: the CRS must be confirmed with --crs.
  const noPrj = temp.file('ohne_prj');
  for (const extension of ['shp', 'shx', 'dbf', 'cpg']) copyFileSync(sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3', `VG5000_KRS.${extension}`), `${noPrj}.${extension}`);
  const crs = await runKleinraum(['import', project, `${noPrj}.shp`], temp.file('data'));
  expect(crs.exitCode).toBe(1);
  expect(crs.stderr).toMatch(/--crs/);
  expect(crs.stdout).toBe('');

  // A table without any Stichtag: --period.
  const csv = temp.file('ohne_stichtag.csv');
  writeFileSync(csv, 'AGS;Name;Plaetze\n03241001;Hannover;12\n');
  const period = await runKleinraum(['import', project, csv], temp.file('data'));
  expect(period.exitCode).toBe(1);
  expect(period.stderr).toMatch(/--period/);

  // A zip with a path out of the archive.
  const { zipSync } = await import('fflate');
  const zip = temp.file('boese.zip');
  writeFileSync(zip, zipSync({ '../VG5000_GEM.shp': new Uint8Array([1, 2, 3]) }));
  const unsafe = await runKleinraum(['import', project, zip], temp.file('data'));
  expect(unsafe.exitCode).toBe(1);
  expect(unsafe.stderr).not.toMatch(/at .*\.ts/);

  expect(checksum(project)).toBe(before);

  // With the flag given, the same table imports.
  const fixed = await runKleinraum(['import', project, csv, '--period', '2020-12-31', '--json'], temp.file('data'));
  expect(fixed.exitCode).toBe(0);
  expect(JSON.parse(fixed.stdout)).toMatchObject({ kind: 'table', rows: 1 });
  expect(checksum(project)).not.toBe(before);
});

it('--dissolve-by makes the 13 Stadtbezirke; a table against them keeps unmatchedRows complete and adds the summary', async () => {
  const project = temp.file('stadt.gpkg');
  const stadtteile = sharedDataPath('hannover_stadt', 'stadtteile', 'stadtteile_hannover_skh5000_qgis2web_crs84.geojson');
  const bezirke = await runKleinraum(['import', project, stadtteile, '--dissolve-by', 'STADTBZNR', '--layer-name', 'stadtbezirke', '--json'], temp.file('data'));
  expect(bezirke.stderr).toBe('');
  expect(bezirke.exitCode).toBe(0);
  expect(JSON.parse(bezirke.stdout)).toMatchObject({ kind: 'boundaries', layer: 'stadtbezirke', features: 13, dissolvedBy: 'STADTBZNR', withoutName: { count: 2, dropped: true } });
  const csv = temp.file('bezirke_2020-12-31.csv');
  writeFileSync(csv, 'Nr;Stadtbezirk;Einwohner\n01;Mitte;38000\n02;Vahrenwald-List;71000\n99;Gibt es nicht;5\n;Summe;109005\n');
  const table = await runKleinraum(['import', project, csv, '--layer', 'stadtbezirke', '--json'], temp.file('data'));
  expect(table.stderr).toBe('');
  const document = JSON.parse(table.stdout);
  expect(document.rows).toBe(2);
  expect(document.join.unmatchedRows.map((row: { key: string }) => row.key)).toEqual(['99', '']);
  const summary = document.join.unmatchedSummary as { reason: string; count: number; de: string }[];
  expect(summary.reduce((sum, group) => sum + group.count, 0)).toBe(2);
  expect(summary.find((group) => group.reason === 'no-key')?.de).toBe('1 Zeile ohne Schlüssel');

  // The Stadtteile from the same file beside them: the two layers' titles (both named by the file) differ.
  const teile = await runKleinraum(['import', project, stadtteile, '--layer-name', 'stadtteile', '--json'], temp.file('data'));
  expect(teile.exitCode).toBe(0);
  const layers = (JSON.parse((await runKleinraum(['info', project, '--json'], temp.file('data'))).stdout) as { layers: { name: string; title: string | { de: string } }[] }).layers;
  const titles = layers.map((layer) => (typeof layer.title === 'string' ? layer.title : layer.title.de));
  expect(new Set(titles).size).toBe(2);
  expect(titles.find((title, index) => layers[index]!.name === 'stadtteile')).toMatch(/\(stadtteile\)$/);
});

it('--layer-name takes the name as typed ("Stadtbezirke Süd"), as the wizard does, and says why a name without letters is refused', async () => {
  const project = temp.file('stadt-typed.gpkg');
  const stadtteile = sharedDataPath('hannover_stadt', 'stadtteile', 'stadtteile_hannover_skh5000_qgis2web_crs84.geojson');
  const typed = await runKleinraum(['import', project, stadtteile, '--dissolve-by', 'STADTBZNR', '--layer-name', 'Stadtbezirke Süd', '--json'], temp.file('data'));
  expect(typed.stderr).toBe('');
  expect(typed.exitCode).toBe(0);
  expect(JSON.parse(typed.stdout)).toMatchObject({ kind: 'boundaries', layer: 'stadtbezirke_sued', features: 13 });
  const info = await runKleinraum(['info', project, '--json'], temp.file('data'));
  expect(JSON.stringify(JSON.parse(info.stdout))).toContain('Stadtbezirke Süd');
  const refused = await runKleinraum(['import', temp.file('other.gpkg'), stadtteile, '--layer-name', '–––'], temp.file('data'));
  expect(refused.exitCode).not.toBe(0);
  expect(refused.stderr).toContain('--layer-name');
  expect(refused.stderr).toContain('Buchstaben');
});

it('names new variables and gives their units with --variable-name and --unit, and refuses an id the table does not bring', async () => {
  const project = temp.file('named.gpkg');
  expect((await runKleinraum(['import', project, sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3', 'VG5000_GEM.shp'), '--filter-key-prefix', '03241'], temp.file('data'))).exitCode).toBe(0);
  const dbf = sharedDataPath('boundaries', 'vg250-ew_2016-12-31_utm32_pk_points_and_gem_dbf', 'gem_attributes_only_no_shp', 'VG250_GEM.dbf');
  const before = checksum(project);
  const typo = await runKleinraum(['import', project, dbf, '--source', 'VG250-EW 2016', '--period', '2016-12-31', '--variable-name', 'ewx=Einwohner'], temp.file('data'));
  expect(typo.exitCode).toBe(2);
  expect(typo.stderr).toContain('„ewx“ ist keine neue Variable dieser Tabelle. Neu sind: ewz, kfl.');
  expect(checksum(project)).toBe(before);

  const named = await runKleinraum(
    ['import', project, dbf, '--source', 'VG250-EW 2016', '--period', '2016-12-31', '--variable-name', 'ewz=Einwohner 2016', '--variable-name', 'kfl=Katasterfläche', '--unit', 'kfl=km²'],
    temp.file('data'),
  );
  expect(named.stderr).toBe('');
  expect(named.exitCode).toBe(0);
  const info = JSON.parse((await runKleinraum(['info', project, '--json'], temp.file('data'))).stdout) as { indicators: { id: string; name: string; unit: string }[] };
  expect(info.indicators.find((indicator) => indicator.id.startsWith('ewz'))).toMatchObject({ name: 'Einwohner 2016', unit: 'Personen' });
  const area = info.indicators.find((indicator) => indicator.id.startsWith('kfl'));
  expect(area).toMatchObject({ name: 'Katasterfläche', unit: 'km²' });

  // An area is not shown per km² (1,0 everywhere): the command line refuses it as the map does not offer it.
  const perKm2 = await runKleinraum(['classify', project, '--indicator', area!.id, '--mode', 'perKm2'], temp.file('data'));
  expect(perKm2.exitCode).toBe(1);
  expect(perKm2.stderr).toContain('ist selbst eine Fläche in km²');
  const index = await runKleinraum(['classify', project, '--indicator', area!.id, '--mode', 'index', '--json'], temp.file('data'));
  expect(index.exitCode).toBe(0);
  expect((JSON.parse(index.stdout) as { regionValue: number }).regionValue).toBe(100);
});

it('a unit given with --unit decides the totals check, as the wizard\'s typed unit does', async () => {
  const file = temp.file('hortversorgung.csv');
  // The areas add up to 11 + 12 + … + 31 = 441; the Region's row says 500.
  writeFileSync(file, ['AGS;Gemeinde;Hortversorgung', ...Array.from({ length: 21 }, (_, index) => `03241${String(index + 1).padStart(3, '0')};Gemeinde ${index + 1};${11 + index}`), '03241;Region Hannover;500'].join('\n'));
  const run = async (...flags: string[]) => {
    const project = temp.file(`hort-${flags.length}.gpkg`);
    expect((await runKleinraum(['demo', '--out', project], temp.file('data'))).exitCode).toBe(0);
    return runKleinraum(['import', project, file, '--period', '2024-12-31', '--source', 'Hortliste', ...flags], temp.file('data'));
  };
  const counted = await run();
  expect(counted.exitCode).toBe(0);
  expect(counted.stdout).toContain('Summenprüfung Region Hannover: 441 / 500 ABWEICHUNG');
  const share = await run('--unit', 'hortversorgung=%');
  expect(share.exitCode).toBe(0);
  expect(share.stdout).not.toContain('ABWEICHUNG');
  expect(share.stdout).toContain('„Hortversorgung“ ist ein Anteil, eine Quote oder ein Mittelwert');
});

it('next year\'s list under another name: --period lets the preview see which source it continues; without --as it says so, with --as extend it continues it', async () => {
  const project = temp.file('kita.gpkg');
  expect((await runKleinraum(['demo', '--out', project], temp.file('data'))).exitCode).toBe(0);
  const list = (file: string, base: number) => {
    const path = temp.file(file);
    writeFileSync(path, ['AGS;Gemeinde;Kita-Plätze', ...Array.from({ length: 21 }, (_, index) => `03241${String(index + 1).padStart(3, '0')};Gemeinde ${index + 1};${base + index}`)].join('\n'));
    return path;
  };
  expect((await runKleinraum(['import', project, list('kita_2024.csv', 100), '--period', '2024-12-31', '--source', 'Kita-Statistik'], temp.file('data'))).exitCode).toBe(0);
  const further = await runKleinraum(['import', project, list('kita_2025.csv', 110), '--period', '2025-12-31', '--json'], temp.file('data'));
  expect(further.exitCode, further.stderr).toBe(0);
  expect(further.stderr).toContain('Die Datei setzt offenbar die Quelle „Kita-Statistik“ fort; sie wird als weitere Quelle importiert. Deren Reihe fortschreiben: --as extend.');
  expect((JSON.parse(further.stdout) as { source: { name: string } }).source.name).toBe('kita_2025.csv');
  // The same two files into a project of their own, the second one continuing the series.
  const second = temp.file('kita-extended.gpkg');
  expect((await runKleinraum(['demo', '--out', second], temp.file('data'))).exitCode).toBe(0);
  expect((await runKleinraum(['import', second, list('kita_2024.csv', 100), '--period', '2024-12-31', '--source', 'Kita-Statistik'], temp.file('data'))).exitCode).toBe(0);
  const extended = await runKleinraum(['import', second, list('kita_2025.csv', 110), '--period', '2025-12-31', '--as', 'extend', '--json'], temp.file('data'));
  expect(extended.exitCode, extended.stderr).toBe(0);
  expect(extended.stderr).not.toContain('Hinweis');
  expect((JSON.parse(extended.stdout) as { source: { name: string } }).source.name).toBe('Kita-Statistik');
});
