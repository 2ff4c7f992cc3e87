/**
 * `kleinraum compare-sources` and `kleinraum import --source/--as/--dimension` as users call them (a child
 * process), against ../shared/docs/cli-contract.md: the real GV-ISys 31.12.2019 file joins the demo as a
 * further source of population and is compared with the register; bad input names the flag and leaves the
 * project file byte for byte as it was.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataAvailable, sharedDataPath } from '../../helpers/sharedData';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { runKleinraum } from './runKleinraum';

let temp: TempDir;
let demo: string;
const checksum = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const GV_ISYS = sharedDataPath('population', 'gv-isys', 'AuszugGV4QAktuell_2019-12-31_excel-umgewandelt.csv');
const ZENSUS_GEMEINDEN = sharedDataPath('population', 'zensus2022', 'zensus2022_1000A-0000_bevoelkerung_gemeinden.csv');

beforeAll(async () => {
  temp = makeTempDir('kleinraum-cli-compare-');
  demo = temp.file('demo.gpkg');
  const written = await runKleinraum(['demo', '--out', demo], temp.file('data'));
  expect(written.exitCode).toBe(0);
}, 120_000);
afterAll(() => temp.remove());

describe('kleinraum compare-sources', () => {
  it('prints the contract document: the sources with their Stichtag, per area each value, the gap, the totals and "nicht zuordenbar"', async () => {
    const run = await runKleinraum(['compare-sources', demo, '--variable', 'refugees', '--sources', 'demo-azr,demo-asylblg', '--threshold', '25', '--json'], temp.file('data'));
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document.variable).toBe('refugees');
    expect(document.sources.map((source: { id: string; stichtag: string }) => [source.id, source.stichtag])).toEqual([
      ['demo-azr', document.period],
      ['demo-asylblg', document.period],
    ]);
    expect(document.areas).toHaveLength(21);
    for (const area of document.areas) {
      const [a, b] = [area.values['demo-azr'], area.values['demo-asylblg']];
      expect(area.gap).toBe(a !== null && b !== null ? b - a : null);
      expect(area.flagged).toBe(area.gapPercent !== null && Math.abs(area.gapPercent) > 25);
    }
    // Totals per source over the areas, never one sum over both.
    const sum = (id: string) => document.areas.reduce((total: number, area: { values: Record<string, number | null> }) => total + (area.values[id] ?? 0), 0);
    expect(document.totals).toEqual({ 'demo-azr': sum('demo-azr'), 'demo-asylblg': sum('demo-asylblg') });
    expect(document.unassignable['demo-asylblg']).toBeGreaterThan(0);
  });

  it('writes the comparison as CSV, XLSX and a PDF figure naming both sources', async () => {
    for (const extension of ['csv', 'xlsx', 'pdf']) {
      const out = temp.file(`vergleich.${extension}`);
      const run = await runKleinraum(['compare-sources', demo, '--variable', 'refugees', '--out', out, '--json'], temp.file('data'));
      expect(run.exitCode).toBe(0);
      expect(JSON.parse(run.stdout).out).toBe(out);
      const bytes = readFileSync(out);
      if (extension === 'csv') expect(bytes.toString('utf8')).toMatch(/Ausländerzentralregister \(AZR\).*Statistik der Asylbewerberleistungen/s);
      if (extension === 'xlsx') expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      if (extension === 'pdf') expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  }, 120_000);

  it('refuses an unknown variable, an unknown source, a source without the figure and a single source, naming the flag', async () => {
    const variable = await runKleinraum(['compare-sources', demo, '--variable', 'einwohner'], temp.file('data'));
    expect([variable.exitCode, variable.stdout]).toEqual([1, '']);
    expect(variable.stderr).toMatch(/einwohner.*Vorhanden: .*population/);
    const unknown = await runKleinraum(['compare-sources', demo, '--variable', 'refugees', '--sources', 'demo-azr,azr-2'], temp.file('data'));
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toMatch(/azr-2 \(sources\) gibt es nicht/);
    const empty = await runKleinraum(['compare-sources', demo, '--variable', 'population', '--sources', 'demo-melderegister,demo-azr'], temp.file('data'));
    expect(empty.exitCode).toBe(1);
    expect(empty.stderr).toMatch(/demo-azr \(sources\) enthalten keine Werte/);
    const single = await runKleinraum(['compare-sources', demo, '--variable', 'refugees', '--sources', 'demo-azr'], temp.file('data'));
    expect(single.exitCode).toBe(2);
    expect(single.stderr).toMatch(/--sources braucht mindestens zwei/);
  });
});

describe.skipIf(!sharedDataAvailable())('kleinraum import --source/--as/--dimension on a real file', () => {
  it('takes GV-ISys 31.12.2019 as a further source of population, compared with the register, never added to it', async () => {
    const project = temp.file('gv-isys.gpkg');
    copyFileSync(demo, project);
    const densityOf = async () => {
      const classified = await runKleinraum(['classify', project, '--indicator', 'population_density', '--period', '2019-12-31', '--method', 'quantile', '--json'], temp.file('data'));
      return Object.fromEntries(JSON.parse(classified.stdout).areas.map((area: { key: string; value: number }) => [area.key, area.value]));
    };
    const densityBefore = await densityOf();
    // Text output: the --json document lists every one of the file's 17 000 rows outside the region.
    const run = await runKleinraum(['import', project, GV_ISYS, '--source', 'GV-ISys 31.12.2019', '--definition', 'Bevölkerung lt. Fortschreibung'], temp.file('data'), 120_000);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    // Variables by the names planners read, not their ids.
    expect(run.stdout).toMatch(/Werte von .*„Bevölkerung“ zum 31\.12\.2019 als Quelle „GV-ISys 31\.12\.2019“ gespeichert\. Als weitere Quelle gespeichert: .*„Bevölkerung“ \(Einwohnermelderegister\)/);
    const info = JSON.parse((await runKleinraum(['info', project, '--json'], temp.file('data'))).stdout);
    const imported = { source: info.sources.find((source: { name: string }) => source.name === 'GV-ISys 31.12.2019') };
    const compared = await runKleinraum(['compare-sources', project, '--variable', 'population', '--sources', `demo-melderegister,${imported.source.id}`, '--json'], temp.file('data'));
    const document = JSON.parse(compared.stdout);
    // The default Stichtag is the one both hold; Hannover 536 925 by GV-ISys (PROVENANCE), the region 1 157 115.
    expect(document.period).toBe('2019-12-31');
    expect(document.areas.find((area: { key: string }) => area.key === '03241001').values[imported.source.id]).toBe(536_925);
    expect(document.totals[imported.source.id]).toBe(1_157_115);
    expect(document.sources[1]).toMatchObject({ definition: 'Bevölkerung lt. Fortschreibung', stichtag: '2019-12-31' });
    // GV-ISys also brings land areas of that very Stichtag (Pattensen 67,13 km² against the boundary
    // source's 67,12): as a further source they fill gaps only, so no density changes.
    expect(await densityOf()).toEqual(densityBefore);
    // Choosing GV-ISys as the population source changes the population, not the land area the map divides
    // by (the details panel shows that same area): Pattensen = GV-ISys population / 67,12 km².
    const pattensenPopulation = document.areas.find((area: { key: string }) => area.key === '03241013').values[imported.source.id] as number;
    const classified = await runKleinraum(['classify', project, '--indicator', 'population_density', '--period', '2019-12-31', '--sources', imported.source.id, '--method', 'quantile', '--json'], temp.file('data'));
    const pattensen = JSON.parse(classified.stdout).areas.find((area: { key: string }) => area.key === '03241013');
    expect(pattensen.value).toBeCloseTo(pattensenPopulation / 67.12, 6);
    // The figure of B against A names the two in its data lines; the Zensus, a third column of the table, is not drawn.
    const svg = temp.file('gv-isys.svg');
    const figure = await runKleinraum(['compare-sources', project, '--variable', 'population', '--sources', `demo-melderegister,${imported.source.id},zensus-2022-1000a-0000`, '--out', svg], temp.file('data'));
    expect(figure.exitCode).toBe(0);
    const text = readFileSync(svg, 'utf8');
    expect(text).toContain('GV-ISys 31.12.2019 gegenüber Einwohnermelderegister');
    expect(text).toContain('Daten: GV-ISys 31.12.2019, Stichtag 31.12.2019');
    expect(text).not.toContain('Zensus 2022');
  }, 180_000);

  it('the contract example: AsylbLG recipients 2019 as a further source of refugees next to the Schutzsuchende 2018, per Niedersachsen Kreis', async () => {
    const project = temp.file('kreise.gpkg');
    const data = temp.file('data');
    expect((await runKleinraum(['import', project, sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3', 'VG5000_KRS.shp'), '--filter-key-prefix', '03'], data)).exitCode).toBe(0);
    const first = await runKleinraum(['import', project, sharedDataPath('refugees', 'schutzsuchende_kreise_2018-12-31_regionalstatistik_bearbeitet.csv'), '--source', 'Schutzsuchende 2018'], data, 120_000);
    expect(first.exitCode).toBe(0);
    // The file's first value column is the recipients; "weiblich"/"maennlich" stay figures of their own (naming them all refugees made one figure three times).
    const second = await runKleinraum(['import', project, sharedDataPath('refugees', 'asylblg_empfaenger_kreise_2019-12-31_regionalstatistik_bearbeitet.csv'), '--source', 'AsylbLG 2019', '--variable', 'refugees'], data, 120_000);
    expect(second.stderr).toBe('');
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toMatch(/„Schutzsuchende“, „empfaenger_asylbewerber_weiblich“, „empfaenger_asylbewerber_maennlich“ zum 31\.12\.2019 als Quelle „AsylbLG 2019“ gespeichert/);
    const document = JSON.parse((await runKleinraum(['compare-sources', project, '--variable', 'refugees', '--sources', 'schutzsuchende_2018,asylblg_2019', '--period', '2019-12-31', '--json'], data)).stdout);
    expect(document.sources.map((source: { stichtag: string }) => source.stichtag)).toEqual(['2018-12-31', '2019-12-31']);
    expect(document.areas).toHaveLength(45);
    // Region Hannover: 38 535 Schutzsuchende (31.12.2018) against 5 480 AsylbLG recipients (31.12.2019), PROVENANCE.
    expect(document.areas.find((area: { key: string }) => area.key === '03241').values).toEqual({ schutzsuchende_2018: 38_535, asylblg_2019: 5_480 });
  }, 240_000);

  it('bad input: an unknown source for --as replace, a --dimension column that does not exist, a bad --as; the project unchanged', async () => {
    const project = temp.file('unchanged.gpkg');
    copyFileSync(demo, project);
    const before = checksum(project);
    const replace = await runKleinraum(['import', project, ZENSUS_GEMEINDEN, '--variable', 'population', '--as', 'replace:zensus-2011'], temp.file('data'), 120_000);
    expect(replace.exitCode).toBe(1);
    expect(replace.stderr).toMatch(/Quelle „zensus-2011“ gibt es in diesem Projekt nicht \(--as replace:QUELLE\)\. Vorhanden: .*zensus-2022-1000a-0000/);
    const dimension = await runKleinraum(['import', project, ZENSUS_GEMEINDEN, '--dimension', 'Geschlecht=sex'], temp.file('data'), 120_000);
    expect(dimension.exitCode).toBe(1);
    expect(dimension.stderr).toMatch(/Spalte „Geschlecht“ \(--dimension\) gibt es nicht\. Spalten: 1 /);
    const mode = await runKleinraum(['import', project, ZENSUS_GEMEINDEN, '--as', 'ersetzen'], temp.file('data'), 120_000);
    expect(mode.exitCode).toBe(2);
    expect(mode.stderr).toMatch(/--as: „ersetzen“ ist nicht möglich/);
    expect(checksum(project)).toBe(before);
  }, 240_000);
});
