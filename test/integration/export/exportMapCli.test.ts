/**
 * `kleinraum export-map` through the real entry point: a single PNG with the contract's JSON fields, the view the user last saved,
 * per-municipality batch (21 PDFs), and a usage error.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MapSymbology } from '../../../shared/mapView/mapSymbology';
import type { MapViewSpec } from '../../../shared/mapView/mapViewSpec';
import { runCli } from '../../helpers/cli';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

let directory: TempDir;
let project: string;
const environment = () => ({ KLEINRAUM_DATA_DIR: directory.file('data') });

beforeAll(() => {
  directory = makeTempDir('kleinraum-export-cli-');
  project = directory.file('demo.gpkg');
  const demo = runCli(['demo', '--out', project, '--json'], { env: environment() });
  expect(demo.status).toBe(0);
});
afterAll(() => directory.remove());

describe('kleinraum export-map', () => {
  it('writes a PNG and prints out, pixel size, page size and elements', () => {
    const out = directory.file('karte.png');
    const result = runCli(['export-map', project, '--indicator', 'foreign_share', '--method', 'quantile', '--classes', '4', '--title', 'Ausländeranteil 2024', '--page', 'a4-portrait', '--dpi', '150', '--out', out, '--json'], { env: environment() });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout) as { out: string; widthPx: number; heightPx: number; pageMm: number[]; elements: string[] };
    expect(document.out).toBe(out);
    expect(document.pageMm).toEqual([210, 297]);
    expect(document.widthPx).toBe(1240);
    expect(document.heightPx).toBe(1754);
    expect(document.elements).toEqual(expect.arrayContaining(['title', 'legend', 'scaleBar', 'northArrow', 'sources']));
    expect(fs.statSync(out).size).toBeGreaterThan(10_000);
  });

  it('draws the figure as an index with --mode index and a change against --compare-period (German date)', () => {
    const indexOut = directory.file('index.svg');
    const index = runCli(['export-map', project, '--indicator', 'refugees_per_1000', '--mode', 'index', '--out', indexOut], { env: environment() });
    expect(index.stderr).toBe('');
    expect(index.status).toBe(0);
    const indexSvg = fs.readFileSync(indexOut, 'utf8');
    expect(indexSvg).toContain('Index (Region = 100) · Stichtag 31.12.2024');
    expect(indexSvg).toContain('Gesamt: 100,0 Index (Region = 100)');

    const changeOut = directory.file('change.svg');
    const change = runCli(['export-map', project, '--indicator', 'foreign_share', '--mode', 'change', '--compare-period', '31.12.2019', '--fixed-classes', '--out', changeOut], { env: environment() });
    expect(change.stderr).toBe('');
    expect(change.status).toBe(0);
    const changeSvg = fs.readFileSync(changeOut, 'utf8');
    expect(changeSvg).toContain('Stichtag 31.12.2024 gegenüber 31.12.2019');
    expect(changeSvg).toContain('Klassen über alle Stichtage');
  });

  it('exits with 2 for an unknown --mode and for --compare-period without a change mode', () => {
    const unknown = runCli(['export-map', project, '--indicator', 'foreign_share', '--mode', 'indx', '--out', directory.file('x.svg')], { env: environment() });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--mode');
    expect(unknown.stderr).toContain('index');
    const stray = runCli(['export-map', project, '--indicator', 'foreign_share', '--compare-period', '2019-12-31', '--out', directory.file('x.svg')], { env: environment() });
    expect(stray.status).toBe(2);
    expect(stray.stderr).toContain('--mode change');
  });

  it('writes one PDF per municipality with --batch areas', () => {
    const outDir = directory.file('gemeinden');
    const result = runCli(['export-map', project, '--indicator', 'refugees_per_1000', '--batch', 'areas', '--out', outDir, '--json'], { env: environment(), timeoutMs: 120_000 });
    expect(result.status).toBe(0);
    const { files } = JSON.parse(result.stdout) as { files: string[] };
    expect(files).toHaveLength(21);
    expect(files.some((file) => file.endsWith('_03241001_Hannover.pdf'))).toBe(true);
    for (const file of files) expect(fs.readFileSync(file).subarray(0, 5).toString('ascii')).toBe('%PDF-');
  });

  it('without view flags draws the view the user last saved: derivation, Stichtag, classes, palette and labels', async () => {
    const saved = directory.file('saved-view.gpkg');
    fs.copyFileSync(project, saved);
    const symbology: MapSymbology = { method: 'equal', classes: 4, breaks: [], palette: 'PuOr', reversed: true, midpoint: 'hundred', midpointValue: null, fixedClasses: false };
    const { createKleinraumApi, disposeKleinraumApi } = await import('../../../electron/node/services/createKleinraumApi');
    const api = createKleinraumApi({ dataDir: directory.file('api-data'), host: { mode: 'browser', version: '0.1.0' }, emit: () => {} });
    try {
      await api['project.open']({ path: saved });
      // As the app does: the symbology and the map display are saved when chosen, the view on Save.
      await api['project.setSetting']({ key: 'map.symbology.foreign_share.index', value: symbology });
      await api['project.setSetting']({ key: 'map.display', value: { labels: 'namesAndValues', basemap: false, smallNumbers: 'suppress' } });
      const view: MapViewSpec = { version: 1, layer: 'gemeinden', indicatorId: 'foreign_share', period: '2019-12-31', sources: null, derivation: { mode: 'index', comparePeriod: null, denominatorVariable: null }, symbology, labels: 'namesAndValues', smallNumbers: 'suppress' };
      await api['project.save']({ view });
    } finally {
      disposeKleinraumApi(api);
    }
    const classified = runCli(['classify', saved, '--indicator', 'foreign_share', '--json'], { env: environment() });
    expect(classified.status, classified.stderr).toBe(0);
    const classes = (JSON.parse(classified.stdout) as { classes: { color: string }[] }).classes;
    expect(classes).toHaveLength(4);

    const out = directory.file('saved-view.svg');
    const result = runCli(['export-map', saved, '--indicator', 'foreign_share', '--out', out], { env: environment() });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const svg = fs.readFileSync(out, 'utf8');
    expect(svg).toContain('Index (Region = 100) · Stichtag 31.12.2019');
    const legend = /<g id="legend">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    const swatches = [...legend.matchAll(/<rect[^>]*fill="(#[0-9a-fA-F]{6})"/g)].map((match) => match[1]!.toLowerCase());
    expect(swatches.slice(0, 4)).toEqual(classes.map((entry) => entry.color.toLowerCase()));
    // Labels with values: Hannover's index at 31.12.2019 stands under its name.
    expect(svg).toMatch(/>Hannover<[\s\S]{0,400}>1[0-9]{2},[0-9]</);
  }, 120_000);

  it('exits with 2 and names the flag when --out has no known extension', () => {
    const result = runCli(['export-map', project, '--indicator', 'foreign_share', '--out', directory.file('karte.jpg')], { env: environment() });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--out');
  });
});
