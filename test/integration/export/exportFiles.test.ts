/**
 * The export service against the real demo project: PDF checked with poppler (page size in mm, fonts
 * embedded, text content), PNG size for the dpi, SVG text, base64 for browser downloads, batches, the
 * saved layout, and the user errors.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KleinraumApi } from '../../../shared/contract/api';
import { dispatch } from '../../../shared/contract/dispatch';
import { createKleinraumApi, disposeKleinraumApi } from '../../../electron/node/services/createKleinraumApi';
import { findOnPath } from '../../helpers/externalTools';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

let directory: TempDir;
let api: KleinraumApi;
const poppler = findOnPath('pdfinfo') && findOnPath('pdffonts') && findOnPath('pdftotext');
const popplerMissing = 'poppler-utils (pdfinfo, pdffonts, pdftotext) is not installed; .ci/run installs it';

beforeAll(() => {
  directory = makeTempDir('kleinraum-export-');
  api = createKleinraumApi({ dataDir: directory.file('data'), host: { mode: 'browser', version: '0.1.0' }, emit: () => {} });
});
afterAll(() => {
  disposeKleinraumApi(api);
  directory.remove();
});

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout;
}

describe('export.map', () => {
  it.skipIf(!poppler)(`writes an A4 landscape PDF of exact size with the font embedded and title and sources as text${poppler ? '' : ` (skipped: ${popplerMissing})`}`, async () => {
    const target = directory.file('figure.pdf');
    const result = await api['export.map']({ view: { indicatorId: 'foreign_share' }, format: 'pdf', path: target, layout: { author: { text: 'Team Sozialplanung' } } });
    expect(result.path).toBe(target);
    expect(result.pageMm).toEqual([297, 210]);
    const info = run('pdfinfo', [target]);
    const [, widthPt, heightPt] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
    expect(Math.abs((Number(widthPt) * 25.4) / 72 - 297)).toBeLessThan(0.5);
    expect(Math.abs((Number(heightPt) * 25.4) / 72 - 210)).toBeLessThan(0.5);
    const fontRows = run('pdffonts', [target]).split('\n').slice(2).filter((line) => line.trim().length > 0);
    expect(fontRows.length).toBeGreaterThan(0);
    for (const row of fontRows) expect(row).toMatch(/SourceSans3.*\byes\s+yes\s+yes\b/);
    const text = run('pdftotext', [target, '-']);
    expect(text).toContain('Ausländeranteil');
    expect(text).toContain('Stichtag 31.12.2024');
    expect(text).toContain('Beispieldaten, synthetisch');
    expect(text).toContain('© GeoBasis-DE / BKG 2025 (Daten verändert)');
    expect(text).not.toContain('Schematische Grenzen');
    expect(text).toContain('Darstellung: Team Sozialplanung');
  });

  it.skipIf(!poppler)(`makes A3 landscape and a 16:9 slide at their sizes${poppler ? '' : ` (skipped: ${popplerMissing})`}`, async () => {
    for (const [preset, widthMm, heightMm] of [['a3-landscape', 420, 297], ['slide-16x9', 338.667, 190.5]] as const) {
      const target = directory.file(`${preset}.pdf`);
      await api['export.map']({ view: { indicatorId: 'foreign_share' }, format: 'pdf', path: target, layout: { page: { preset } } });
      const [, widthPt, heightPt] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(run('pdfinfo', [target])) ?? [];
      expect(Math.abs((Number(widthPt) * 25.4) / 72 - widthMm)).toBeLessThan(0.5);
      expect(Math.abs((Number(heightPt) * 25.4) / 72 - heightMm)).toBeLessThan(0.5);
    }
  });

  it('renders a PNG with the pixel size of the page at the chosen dpi and records the dpi', async () => {
    const target = directory.file('figure.png');
    const result = await api['export.map']({ view: { indicatorId: 'foreign_share' }, format: 'png', dpi: 150, path: target });
    expect(result.widthPx).toBe(Math.round((297 / 25.4) * 150));
    expect(result.heightPx).toBe(Math.round((210 / 25.4) * 150));
    const bytes = fs.readFileSync(target);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(result.widthPx);
    const physical = bytes.indexOf('pHYs');
    expect(physical).toBeGreaterThan(0);
    expect(bytes.readUInt32BE(physical + 4)).toBe(Math.round(150 / 0.0254));
  });

  it('returns the bytes as base64 when no path is given (browser download)', async () => {
    const result = await api['export.map']({ view: { indicatorId: 'foreign_share' }, format: 'svg' });
    expect(result.path).toBeNull();
    const svg = Buffer.from(result.base64 ?? '', 'base64').toString('utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('>Ausländeranteil</text>');
    // Named as planners read the indicator, not by its id; in English, by its English name.
    expect(result.fileName).toBe('Ausländeranteil_2024-12-31.svg');
    const english = await api['export.map']({ view: { indicatorId: 'foreign_share' }, format: 'svg', locale: 'en' });
    expect(english.fileName).toBe('Share of foreign nationals_2024-12-31.svg');
    // The demo's sources are named with the synthetic label in the figure's language.
    const englishSvg = Buffer.from(english.base64 ?? '', 'base64').toString('utf8');
    expect(englishSvg).toContain('Einwohnermelderegister – sample data, synthetic');
    expect(englishSvg).not.toContain('Beispieldaten');
  });

  it('uses the layout saved in the project', async () => {
    await api['project.setSetting']({ key: 'export.layout', value: { title: { text: 'Abbildung 3: Ausländeranteil' }, legend: { position: 'bottom-left' } } });
    try {
      const preview = await api['export.preview']({ view: { indicatorId: 'foreign_share' } });
      expect(preview.svg).toContain('>Abbildung 3: Ausländeranteil</text>');
      expect((preview.layout as { legend: { position: string } }).legend.position).toBe('bottom-left');
    } finally {
      await api['project.setSetting']({ key: 'export.layout', value: {} });
    }
  });

  it('refuses a file name whose extension does not fit the format, with a message saying what to do', async () => {
    const result = await dispatch(api, 'export.map', { view: { indicatorId: 'foreign_share' }, format: 'pdf', path: directory.file('figure.png') });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.de).toContain('Endung .pdf');
  });

  it('refuses an unknown period with the available ones', async () => {
    const result = await dispatch(api, 'export.map', { view: { indicatorId: 'foreign_share', period: '1999-12-31' }, format: 'svg' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.de).toContain('Berechenbar zum: … 31.12.2019, 31.12.2020, 31.12.2021, 31.12.2022, 31.12.2023, 31.12.2024.');
  });
});

/** A layer of three squares near Hannover, one without a name (as VG250's municipality-free areas), and a table of values for it. */
function writeLayerWithUnnamedArea(folder: string): { boundaries: string; table: string } {
  const square = (west: number) => ({ type: 'Polygon', coordinates: [[[west, 52.3], [west + 0.05, 52.3], [west + 0.05, 52.35], [west, 52.35], [west, 52.3]]] });
  const areas = [
    { AGS: '03241900', GEN: null, west: 9.6 },
    { AGS: '03241901', GEN: 'Zell', west: 9.7 },
    { AGS: '03241902', GEN: 'Au', west: 9.8 },
  ];
  const boundaries = path.join(folder, 'gebiete.geojson');
  fs.writeFileSync(boundaries, JSON.stringify({ type: 'FeatureCollection', features: areas.map((area) => ({ type: 'Feature', properties: { AGS: area.AGS, GEN: area.GEN }, geometry: square(area.west) })) }));
  const table = path.join(folder, 'einwohner_2024-12-31.csv');
  fs.writeFileSync(table, ['AGS;Einwohner', ...areas.map((area, index) => `${area.AGS};${1000 + index}`)].join('\n'));
  return { boundaries, table };
}

describe('export.batch', () => {
  it('writes one figure per area in the order of names, the area named only by its key last, in German and English', async () => {
    const { boundaries, table } = writeLayerWithUnnamedArea(directory.path);
    await api['project.new']({});
    try {
      const layer = await api['import.previewBoundaries']({ path: boundaries, dropUnnamed: false });
      await api['import.commit']({ importId: layer.importId, layerName: 'gebiete' });
      const values = await api['import.previewTable']({ path: table, layer: 'gebiete' });
      await api['import.commit']({ importId: values.importId, sourceName: 'Testzählung' });
      const indicatorId = (await api['project.current']({})).indicators[0]!.id;
      for (const locale of ['de', 'en'] as const) {
        const result = await api['export.batch']({ view: { indicatorId, layer: 'gebiete' }, by: 'areas', format: 'svg', locale, outDir: directory.file(`areas-${locale}`), fileNamePattern: '{n}_{key}' });
        expect(result.files.map((file) => file.fileName)).toEqual(['01_03241902.svg', '02_03241901.svg', '03_03241900.svg']);
      }
    } finally {
      // The other tests export the demo.
      await api['project.openDemo']({});
    }
  });


  it('writes one SVG per period with names from the pattern', async () => {
    const outDir = directory.file('periods');
    const result = await api['export.batch']({ view: { indicatorId: 'foreign_share' }, by: 'periods', format: 'svg', outDir, items: ['2023-12-31', '2024-12-31'], fileNamePattern: 'auslaender_{period}' });
    expect(result.files.map((file) => file.fileName)).toEqual(['auslaender_2023-12-31.svg', 'auslaender_2024-12-31.svg']);
    expect(fs.readFileSync(path.join(outDir, 'auslaender_2023-12-31.svg'), 'utf8')).toContain('Stichtag 31.12.2023');
  });

  it.skipIf(!poppler)(`puts all 21 municipalities into one multi-page PDF${poppler ? '' : ` (skipped: ${popplerMissing})`}`, async () => {
    const outDir = directory.file('areas');
    const result = await api['export.batch']({ view: { indicatorId: 'foreign_share' }, by: 'areas', format: 'pdf', singlePdf: true, outDir });
    expect(result.files).toHaveLength(1);
    expect(result.files[0]?.fileName).toBe('Ausländeranteil_2024-12-31_Gebiete.pdf');
    const info = run('pdfinfo', [result.files[0]?.path ?? '']);
    expect(info).toMatch(/Pages:\s+21/);
    expect(run('pdftotext', [result.files[0]?.path ?? '', '-'])).toContain('Ausländeranteil – Wedemark');
  });
});
