/**
 * Import against the real files in ../shared/data (see its PROVENANCE.md). Each test asserts content a
 * planner would check by hand.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { rowKeyText } from '../../../shared/fileFormats/table/analyseGrid';
import { parseDelimitedTable } from '../../../shared/fileFormats/table/parseDelimited';
import type { ParsedTable } from '../../../shared/fileFormats/table/parsedTable';
import { buildJoinReport, type JoinRow } from '../../../shared/fileFormats/join/joinReport';
import { proposeTableMapping } from '../../../shared/fileFormats/table/tableMapping';
import { recogniseAreaKey } from '../../../shared/fileFormats/keys/areaKey';
import { readBoundaries } from '../../../electron/node/import/readBoundaries';
import { listXlsxSheets, readTableFile } from '../../../electron/node/import/readTable';
import { inspectImportFile } from '../../../electron/node/services/import/inspectImport';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const data = (relative: string) => path.resolve(repoRoot, '../shared/data', relative);
const table = (relative: string) => parseDelimitedTable(new Uint8Array(readFileSync(data(relative))));

function valueOf(parsed: ParsedTable, key: string, column: number) {
  const row = parsed.rows.find((candidate) => recogniseAreaKey(rowKeyText(parsed, candidate))?.key === key);
  return row?.values[column];
}

describe('boundaries', () => {
  it('VG5000 GEM (Gauß-Krüger 3) filtered to Region Hannover gives 21 municipalities, Hannover ≈ 202 km²', async () => {
    const result = await readBoundaries(data('boundaries/vg5000_2021-01-01_gk3/VG5000_GEM.shp'), { filterKeyPrefix: '03241' });
    expect(result.areas).toHaveLength(21);
    expect(result.report.crs).toMatchObject({ detected: { code: 'EPSG:31467', how: 'authority' }, used: 'EPSG:31467' });
    expect(result.report.encoding.used).toBe('utf-8');
    expect(result.report.filteredOut.byKeyPrefix).toBe(10997 - 21);
    const hannover = result.areas.find((candidate) => candidate.key === '03241001')!;
    expect(area(hannover.geometry) / 1e6).toBeGreaterThan(200);
    expect(area(hannover.geometry) / 1e6).toBeLessThan(205);
    expect(result.areas.map((candidate) => candidate.name)).toContain('Neustadt am Rübenberge');
    expect(result.layerInfo).toMatchObject({ keyField: 'AGS', sourceCrs: 'EPSG:31467', featureCount: 21 });
  });

  it('the Germany-wide simplified VG250 zip reads 10 990 polygons and finds and repairs its invalid ones', async () => {
    const result = await readBoundaries(data('boundaries/vg250_gem_2022-05-15_simplified_utm32/VG250_GEM_simplified.zip'));
    expect(result.report.featureCount).toBe(10990);
    expect(result.areas).toHaveLength(10990);
    expect(result.report.keyDerivation).toBe('ags-from-ars');
    // PROVENANCE counts 37 invalid polygons (GEOS); some carry both a crossing and a stray hole.
    const { found, repaired, list } = result.report.invalidGeometries;
    expect(found).toBeGreaterThanOrEqual(30);
    expect(found).toBeLessThanOrEqual(37);
    expect(new Set(list.map((issue) => issue.problem))).toEqual(new Set(['self-intersection', 'hole-outside-shell']));
    expect(repaired).toBe(found);
    expect(result.areas.find((candidate) => candidate.key === '03241001')).toBeDefined();
  });

  it('VG250-EW GeoJSON: 990 features with 964 keys become 964 areas, duplicates reported', async () => {
    const result = await readBoundaries(data('boundaries/vg250ew_gemeinden_niedersachsen_wgs84/de-03_gemeinden_niedersachsen.geojson'));
    expect(result.report.featureCount).toBe(990);
    expect(result.areas).toHaveLength(964);
    expect(result.report.duplicateKeys.reduce((sum, duplicate) => sum + duplicate.featureCount - 1, 0)).toBe(26);
    expect(result.areas.find((candidate) => candidate.key === '03241012')?.name).toBe('Neustadt am Rübenberge');
  });

  it('Hannover Stadtteile: 51 Stadtteile in 13 Stadtbezirke once slivers and drawn shapes are filtered', async () => {
    const file = data('hannover_stadt/stadtteile/stadtteile_hannover_freifunk_wgs84.json');
    const stadtteile = await readBoundaries(file, { keyField: 'STADTTLNR', requireAttributes: ['STADTBZNAM'] });
    expect(stadtteile.areas).toHaveLength(51);
    expect(stadtteile.report.filteredOut.byMissingAttributes).toBe(14);
    const stadtbezirke = await readBoundaries(file, { keyField: 'STADTBZNR', nameField: 'STADTBZNAM', requireAttributes: ['STADTBZNAM'] });
    expect(stadtbezirke.areas).toHaveLength(13);
    const qgis = await readBoundaries(data('hannover_stadt/stadtteile/stadtteile_hannover_skh5000_qgis2web_crs84.geojson'), { keyField: 'STADTTLNR', requireAttributes: ['STADTTLNAM'] });
    expect(qgis.report.crs.detected.code).toBe('EPSG:4326');
    expect(qgis.areas).toHaveLength(51);
    const total = qgis.areas.reduce((sum, candidate) => sum + area(candidate.geometry), 0) / 1e6;
    // SHAPE_Area sums to 204.21 km² (planar, ETRS89); turf's spherical area is about 0.3 % smaller.
    expect(total).toBeGreaterThan(202.5);
    expect(total).toBeLessThan(205);
  });
});

describe('tables', () => {
  it('GV-ISys (UTF-8 BOM, comma, space thousands): Hannover 31.12.2019 = 536 925', async () => {
    const parsed = table('population/gv-isys/AuszugGV4QAktuell_2019-12-31_excel-umgewandelt.csv');
    expect(parsed.settings).toMatchObject({ delimiter: ',', encoding: { used: 'utf-8' } });
    expect(parsed.compositeKeyColumns).toHaveLength(4);
    const population = parsed.columns.findIndex((column) => column.label === 'bevoelkerung');
    expect(valueOf(parsed, '03241001', population)?.value).toBe(536925);
    const areaColumn = parsed.columns.findIndex((column) => column.label === 'flaeche');
    expect(valueOf(parsed, '03241001', areaColumn)?.value).toBeCloseTo(204.3);
    const longitude = parsed.columns.findIndex((column) => column.label === 'laengengrad');
    expect(valueOf(parsed, '03241001', longitude)?.value).toBeCloseTo(9.738084, 6);
    expect(parsed.rows.find((row) => row.cells[7] === 'Neustadt am Rübenberge, Stadt')).toBeDefined();
  });

  it('Schutzsuchende 31.12.2018: Region Hannover = 38 535, Hannover city is "." and stays missing', async () => {
    const parsed = table('refugees/schutzsuchende_kreise_2018-12-31_regionalstatistik_bearbeitet.csv');
    expect(parsed.settings.encoding.used).toBe('windows-1252');
    expect(valueOf(parsed, '03241', 3)?.value).toBe(38535);
    expect(valueOf(parsed, '03241001', 3)).toMatchObject({ value: null, missing: '.' });
    expect(parsed.warnings.map((warning) => warning.code)).toContain('missing-codes');
  });

  it('Zensus 2022 Gemeinden (UTF-8 BOM, ARS): 21 Region Hannover rows summing to the Kreis row 1 129 158', async () => {
    const gemeinden = table('population/zensus2022/zensus2022_1000A-0000_bevoelkerung_gemeinden.csv');
    expect(gemeinden.settings.encoding.detected?.bom).toBe(true);
    expect(gemeinden.titlePeriod).toBe('2022-05-15');
    expect(gemeinden.footerNotes.some((note) => note.startsWith('©'))).toBe(true);
    const valueColumn = gemeinden.columns.findIndex((column) => column.period === '2022-05-15');
    const regionRows = gemeinden.rows.filter((row) => recogniseAreaKey(rowKeyText(gemeinden, row))?.ags.startsWith('03241'));
    expect(regionRows).toHaveLength(21);
    const sum = regionRows.reduce((total, row) => total + (row.values[valueColumn]!.value ?? 0), 0);
    const kreise = table('population/zensus2022/zensus2022_1000A-0000_bevoelkerung_kreise.csv');
    expect(valueOf(kreise, '03241', valueColumn)?.value).toBe(sum);
    expect(sum).toBe(1129158);
  });

  it('joins Zensus rows to the 21 areas with a totals check against a Kreis row', async () => {
    const boundaries = await readBoundaries(data('boundaries/vg5000_2021-01-01_gk3/VG5000_GEM.shp'), { filterKeyPrefix: '03241' });
    const gemeinden = table('population/zensus2022/zensus2022_1000A-0000_bevoelkerung_gemeinden.csv');
    const kreise = table('population/zensus2022/zensus2022_1000A-0000_bevoelkerung_kreise.csv');
    const rows: JoinRow[] = [...kreise.rows.slice(0, 60), ...gemeinden.rows].map((row, rowIndex) => ({
      rowIndex,
      lineNumber: row.lineNumber,
      keyText: row.cells[0] ?? '',
      name: row.cells[1] ?? '',
      value: row.values[4]?.value ?? null,
    }));
    const report = buildJoinReport(boundaries.areas, rows);
    expect(report.matched).toHaveLength(21);
    expect(report.matched.every((match) => match.via === 'ars-to-ags')).toBe(true);
    expect(report.areasWithoutData).toEqual([]);
    expect(report.totalsChecks.find((check) => check.aggregateKey === '03241')).toMatchObject({ sumOfAreas: 1129158, consistent: true, areaCount: 21 });
    expect(report.unmatchedRows.length).toBeGreaterThan(10000);
  });

  it('GENESIS Latin-1 exports decode umlauts, find header rows, and never turn missing codes into 0', async () => {
    const parsed = table('population/regionalstatistik_kreise/12411-02-03-5-B_bevoelkerung_geschlecht_17altersgruppen_kreise_2018-12-31.csv');
    expect(parsed.settings.encoding.used).toBe('windows-1252');
    expect(parsed.settings.headerRowCount).toBe(3);
    expect(parsed.titlePeriod).toBe('2018-12-31');
    expect(parsed.columns.some((column) => column.label.startsWith('männlich'))).toBe(true);
    expect(parsed.rows.some((row) => row.cells[1] === 'Lübeck, Hansestadt, Kreisfreie Stadt')).toBe(true);
    for (const row of parsed.rows) for (const value of row.values) if (value.missing) expect(value.value).toBeNull();
    const area = table('population/regionalstatistik_kreise/11111-01-01-4_flaeche_kreise_2018-12-31.csv');
    expect(valueOf(area, '03241', 3)?.value).toBeCloseTo(2297.13);
    const indented = area.rows.find((row) => row.cells[1] === '01001')!;
    expect(indented.indent).toBe(6);
  });

  it('Excel-resaved GENESIS with lost leading zeros: 3241 becomes 03241 and sums to 1 157 115', async () => {
    const parsed = table('population/regionalstatistik_kreise/12411-0018_bevoelkerung_geschlecht_altersgruppen_kreise_2019-12-31.csv');
    const row = parsed.rows.find((candidate) => candidate.cells[1] === '3241')!;
    expect(recogniseAreaKey(row.cells[1]!)).toMatchObject({ key: '03241', restoredLeadingZero: true });
    const numberColumns = parsed.columns.filter((column) => column.kind === 'number').map((column) => column.index);
    expect(numberColumns.reduce((sum, index) => sum + (row.values[index]!.value ?? 0), 0)).toBe(1157115);
  });

  it('the Hamburg XLSX reads with sheet list, header rows and merged header cells', async () => {
    const file = data('stadtteil_stats_andere_staedte/hamburg_stadtteilprofile_2014/Daten_fuer_die_Stadtteilprofile_2014.xlsx');
    expect(await listXlsxSheets(file)).toEqual(['Stadtteilprofile 2014']);
    const parsed = await readTableFile(file);
    expect(parsed.titleLines[0]).toContain('Statistikamt Nord');
    expect(parsed.headerRows.length).toBeGreaterThanOrEqual(2);
    expect(parsed.rows).toHaveLength(107);
    // The merged group header spans several columns and labels each of them.
    expect(parsed.columns[1]!.label.startsWith('Bevölkerung und Haushalte 31.12.2013')).toBe(true);
    expect(parsed.columns[2]!.label.startsWith('Bevölkerung und Haushalte 31.12.2013')).toBe(true);
    const hamburg = parsed.rows.find((row) => row.cells[0] === 'Hamburg')!;
    expect(hamburg.values[1]!.value).toBe(1788994);
  });
});

describe('dBASE tables (.dbf)', () => {
  const vg250Attributes = 'boundaries/vg250-ew_2016-12-31_utm32_pk_points_and_gem_dbf/gem_attributes_only_no_shp/VG250_GEM.dbf';

  it('reads the VG250-EW 2016 attribute table without its .shp as a table: population and area per AGS, codes not as values', async () => {
    const parsed = await readTableFile(data(vg250Attributes));
    expect(parsed.rows).toHaveLength(11403);
    expect(parsed.settings.encoding.used).toBe('utf-8');
    const column = (name: string) => parsed.columns.find((candidate) => candidate.label === name)!;
    expect(column('EWZ').kind).toBe('number');
    expect(column('KFL').kind).toBe('number');
    // Digits in text fields are codes and the WSK date field is a date: neither is offered as a value.
    for (const name of ['RS_0', 'AGS_0', 'SN_L', 'WSK']) expect(column(name).kind).not.toBe('number');
    // PROVENANCE.md: Hannover 532 163 inhabitants on 204,30 km² (EW16); the AGS keeps its leading zero.
    const hannover = parsed.rows.filter((row) => row.cells[column('AGS').index] === '03241001' && row.cells[column('GF').index] === '4');
    expect(hannover).toHaveLength(1);
    expect(hannover[0]!.values[column('EWZ').index]?.value).toBe(532163);
    expect(hannover[0]!.values[column('KFL').index]?.value).toBeCloseTo(204.3, 2);
    expect(parsed.rows.some((row) => row.cells.includes('Neustadt am Rübenberge'))).toBe(true);
    expect(parsed.warnings.map((warning) => warning.code)).not.toContain('shapefile-attributes');
  });

  it('proposes only EWZ and KFL of the VG250 attributes as values, not the code fields ADE, GF, BSG, IBZ', async () => {
    const parsed = await readTableFile(data(vg250Attributes));
    const { mapping } = proposeTableMapping(parsed, 'VG250_GEM.dbf');
    expect(mapping.valueColumns.map((entry) => parsed.columns[entry.column]!.label)).toEqual(['EWZ', 'KFL']);
  });

  it('reads the .dbf of a shapefile as a table too, and says where the boundaries are', async () => {
    const parsed = await readTableFile(data('boundaries/vg5000_2021-01-01_gk3/VG5000_GEM.dbf'));
    expect(parsed.rows).toHaveLength(10997);
    const note = parsed.warnings.find((warning) => warning.code === 'shapefile-attributes');
    expect(note?.text.de).toContain('VG5000_GEM.shp wählen');
  });

  it('is offered as a table by the import wizard', async () => {
    const inspected = await inspectImportFile(data(vg250Attributes));
    expect(inspected).toMatchObject({ kind: 'table', format: 'dbf', sheets: [] });
    expect(inspected.table?.columns.map((candidate) => candidate.label)).toEqual(expect.arrayContaining(['AGS', 'GEN', 'EWZ', 'KFL']));
  });
});
