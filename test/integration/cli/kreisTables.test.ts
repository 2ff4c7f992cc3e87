/**
 * A planner of Germany's Kreise with the real files, through the `kleinraum` command: VG5000 Kreise, the
 * Regionalstatistik population of 31.12.2021 and the Zensus 2022 as a further source.
 * - Hamburg and Berlin, Land and Kreis at once, take their Land rows ("02 Hamburg", "11 Berlin").
 * - On the Zensus day only the Zensus counts: it is that Stichtag's source, not a filler of gaps.
 * - A change from 31.12.2021 to 15.05.2022 compares two sources, and says so.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sharedDataPath } from '../../helpers/sharedData';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { runKleinraum } from './runKleinraum';

let temp: TempDir;
let project: string;
const data = () => temp.file('data');

interface Classified {
  period: string;
  comparePeriod: string | null;
  warnings: string[];
  areas: { key: string; name: string; value: number | null; fallback: boolean }[];
}

async function classify(...args: string[]): Promise<Classified> {
  const run = await runKleinraum(['classify', project, '--indicator', 'population_total', '--method', 'quantile', '--classes', '5', '--json', ...args], data());
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Classified;
}

beforeAll(async () => {
  temp = makeTempDir('kleinraum-cli-kreise-');
  project = temp.file('kreise.gpkg');
  const steps = [
    sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3', 'VG5000_KRS.shp'),
    sharedDataPath('population', 'regionalstatistik_kreise', '12411-01-01-4_bevoelkerung_geschlecht_kreise_2021-12-31.csv'),
    sharedDataPath('population', 'zensus2022', 'zensus2022_1000A-0000_bevoelkerung_kreise.csv'),
  ];
  for (const input of steps) {
    const run = await runKleinraum(['import', project, input], data());
    expect(run.exitCode, run.stderr).toBe(0);
  }
}, 120_000);
afterAll(() => temp.remove());

it('Hamburg and Berlin get the values of their Land rows, and the report says so', async () => {
  const again = await runKleinraum(['import', temp.file('again.gpkg'), sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3', 'VG5000_KRS.shp')], data());
  expect(again.exitCode).toBe(0);
  const table = await runKleinraum(['import', temp.file('again.gpkg'), sharedDataPath('population', 'regionalstatistik_kreise', '12411-01-01-4_bevoelkerung_geschlecht_kreise_2021-12-31.csv'), '--json'], data());
  const document = JSON.parse(table.stdout) as { join: { areasWithoutData: unknown[] }; warnings: { code: string; de: string }[] };
  expect(document.join.areasWithoutData).toEqual([]);
  expect(document.warnings.find((warning) => warning.code === 'city-state-rows')?.de).toContain('Zeile des Landes als dieses Gebiet übernommen (02 Hamburg → 02000, 11 Berlin → 11000)');

  const values = new Map((await classify('--period', '2021-12-31')).areas.map((area) => [area.key, area.value]));
  // As the file gives them: "02;  Hamburg;1853935" and "11;  Berlin;3677472".
  expect(values.get('02000')).toBe(1853935);
  expect(values.get('11000')).toBe(3677472);
  // Bremen's Land row stays a sum row: its two Kreise have rows of their own.
  expect(values.get('04011')).toBe(563290);
  // The city and the Landkreis of one name are told apart by their BKG designation (BEZ).
  const names = new Map((await classify('--period', '2021-12-31')).areas.map((area) => [area.key, area.name]));
  expect([names.get('09162'), names.get('09184'), names.get('03241')]).toEqual(['München, Kreisfreie Stadt', 'München, Landkreis', 'Region Hannover']);
}, 120_000);

it('on the Zensus day the Zensus is the source, not a gap filler; a change across the two sources says so', async () => {
  const zensusDay = await classify('--period', '2022-05-15');
  expect(zensusDay.areas.filter((area) => area.fallback)).toEqual([]);
  expect(zensusDay.areas.filter((area) => area.value !== null)).toHaveLength(400);

  const change = await classify('--mode', 'changePercent', '--period', '2022-05-15');
  expect(change.comparePeriod).toBe('2021-12-31');
  expect(change.warnings).toHaveLength(1);
  // GENESIS' boilerplate ("- Stichtag 31.12. - regionale Tiefe: …") is not part of the name.
  expect(change.warnings[0]).toMatch(/^Quellenwechsel: 31\.12\.2021 aus Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4, 15\.05\.2022 aus Bevölkerung kompakt .*Tabelle 1000A-0000\. Ein Teil der Veränderung/);
  expect(change.warnings[0]).not.toContain('.csv');

  // The Zeitreihen table says it too: it has no line to break.
  const csv = temp.file('reihe.csv');
  const series = await runKleinraum(['timeseries', project, '--indicator', 'population_total', '--areas', '03241', '--out', csv], data());
  expect(series.exitCode, series.stderr).toBe(0);
  const text = fs.readFileSync(csv, 'utf8');
  expect(text).toContain('03241;Region Hannover;1157541;1129158');
  expect(text).toMatch(/Quellenwechsel: bis 31\.12\.2021 aus Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4, ab 15\.05\.2022 aus Bevölkerung kompakt .*Tabelle 1000A-0000\./);
}, 120_000);

it('Eisenach joined the Wartburgkreis in 2021: the change map and the Zeitreihen say so instead of showing +29 % growth', async () => {
  const merged = temp.file('merged.gpkg');
  for (const input of [
    sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3', 'VG5000_KRS.shp'),
    sharedDataPath('population', 'regionalstatistik_kreise', '12411-01-01-4_bevoelkerung_geschlecht_kreise_2018-12-31.csv'),
    sharedDataPath('population', 'regionalstatistik_kreise', '12411-01-01-4_bevoelkerung_geschlecht_kreise_2021-12-31.csv'),
  ]) {
    const run = await runKleinraum(['import', merged, input], data());
    expect(run.exitCode, run.stderr).toBe(0);
  }
  const run = await runKleinraum(['classify', merged, '--indicator', 'population_total', '--mode', 'change', '--period', '2021-12-31', '--compare-period', '2018-12-31', '--json'], data());
  expect(run.stderr).toBe('');
  const change = JSON.parse(run.stdout) as Classified;
  // The VG5000 of 01.01.2021 still has Eisenach (16056); the 2021 table has "-" there and 158.900 in the Wartburgkreis (16063).
  expect(change.areas.find((area) => area.key === '16063')?.value).toBe(158900 - 123025);
  expect(change.areas.find((area) => area.key === '16056')?.value).toBeNull();
  expect(change.warnings).toEqual(['Eisenach hat zum 31.12.2021 keinen Wert mehr (31.12.2018:\u00a042.370), Wartburgkreis wuchs um 35.875 (+29,2\u00a0%): vermutlich wurde Eisenach dort eingegliedert. Der Sprung wäre dann eine Gebietsänderung, keine Entwicklung.']);

  // The Zeitreihen table of the two Kreise notes it; one of Region Hannover alone does not.
  const csv = temp.file('wartburg.csv');
  const series = await runKleinraum(['timeseries', merged, '--indicator', 'population_total', '--areas', '16063', '--out', csv], data());
  expect(series.exitCode, series.stderr).toBe(0);
  expect(fs.readFileSync(csv, 'utf8')).toContain('Wartburgkreis wuchs um 35.875 (+29,2\u00a0%): vermutlich wurde Eisenach dort eingegliedert.');
  const hannover = temp.file('hannover.csv');
  expect((await runKleinraum(['timeseries', merged, '--indicator', 'population_total', '--areas', '03241', '--out', hannover], data())).exitCode).toBe(0);
  expect(fs.readFileSync(hannover, 'utf8')).not.toContain('eingegliedert');
}, 120_000);
