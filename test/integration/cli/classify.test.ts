/**
 * `kleinraum classify` on the demo project written by `kleinraum demo`: the JSON document of the CLI
 * contract, the same breaks as the shared classify on the same values, and errors that name the flag.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../../shared/classification/classify';
import { roundForDisplay } from '../../../shared/format/number';
import { runKleinraum } from './runKleinraum';

let workDir: string;
let dataDir: string;
let demoPath: string;

interface ClassifyDocument {
  method: string;
  breaks: number[];
  classes: { from: number; to: number; count: number; color: string; label: string }[];
  noData: string[];
  areas: { key: string; name: string; value: number | null; class: number | null }[];
  period: string;
  indicator: { id: string; unit: string };
  regionValue: number | null;
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kleinraum-classify-'));
  dataDir = path.join(workDir, 'data');
  demoPath = path.join(workDir, 'demo.gpkg');
  const demo = await runKleinraum(['demo', '--out', demoPath], dataDir);
  expect(demo.exitCode).toBe(0);
}, 120_000);

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

async function classifyJson(args: string[]): Promise<ClassifyDocument> {
  const run = await runKleinraum(['classify', demoPath, ...args, '--json'], dataDir);
  expect(run.stderr).toBe('');
  expect(run.exitCode).toBe(0);
  return JSON.parse(run.stdout) as ClassifyDocument;
}

describe('kleinraum classify', () => {
  it('prints the contract document for natural breaks, consistent with the shared classify', async () => {
    const document = await classifyJson(['--indicator', 'refugees_per_1000', '--method', 'jenks', '--classes', '4']);
    expect(document.method).toBe('jenks');
    expect(document.areas).toHaveLength(21);
    expect(document.classes).toHaveLength(4);
    expect(document.breaks).toHaveLength(5);
    expect(document.classes.reduce((sum, classInterval) => sum + classInterval.count, 0) + document.noData.length).toBe(21);
    for (const classInterval of document.classes) expect(classInterval.color).toMatch(/^#[0-9a-f]{6}$/);
    // The CLI's breaks are the shared function's breaks on the very values it reports, as shown (1 decimal).
    const again = classify(document.areas.map((area) => area.value), { method: 'jenks', classes: 4, decimals: 1 });
    expect(document.breaks).toEqual(again.breaks);
    expect(document.areas.map((area) => area.class)).toEqual(again.classOfValue);
    // Every area's shown value lies in the interval of its class.
    for (const area of document.areas) {
      if (area.value === null || area.class === null) continue;
      const classInterval = document.classes[area.class] as ClassifyDocument['classes'][number];
      expect(roundForDisplay(area.value, 1)).toBeGreaterThanOrEqual(classInterval.from);
      expect(roundForDisplay(area.value, 1)).toBeLessThanOrEqual(classInterval.to);
    }
  }, 60_000);

  it('takes manual breaks with German decimals, a period as typed in German, and a palette', async () => {
    const document = await classifyJson(['--indicator', 'refugees_per_1000', '--breaks', '20;25,5;30', '--period', '31.12.2019', '--palette', 'Greys', '--lang', 'de']);
    expect(document.method).toBe('manual');
    expect(document.period).toBe('2019-12-31');
    expect(document.breaks.slice(1, -1)).toEqual([20, 25.5, 30]);
    expect(document.classes[1]?.label).toBe('20,0 bis unter 25,5');
    expect(document.classes.map((classInterval) => classInterval.color)).toEqual(['#f7f7f7', '#cccccc', '#969696', '#525252']);
  }, 60_000);

  it('classifies a derived figure: index against the region', async () => {
    const document = await classifyJson(['--indicator', 'refugees_per_1000', '--method', 'quantile', '--classes', '5', '--mode', 'index']);
    expect(document.regionValue).toBe(100);
    expect(document.indicator.unit).toContain('100');
    const values = document.areas.map((area) => area.value).filter((value): value is number => value !== null);
    expect(Math.min(...values)).toBeLessThan(100);
    expect(Math.max(...values)).toBeGreaterThan(100);
  }, 60_000);

  it('names the flag in usage errors (exit 2) and bad input (exit 1), without a stack trace', async () => {
    const cases: [string[], number, string][] = [
      [['--method', 'jenks'], 2, '--indicator'],
      [['--indicator', 'refugees_per_1000', '--method', 'fisher'], 2, '--method'],
      [['--indicator', 'refugees_per_1000', '--method', 'jenks', '--classes', '12'], 2, '--classes'],
      [['--indicator', 'refugees_per_1000', '--method', 'manual', '--breaks', '5,x'], 2, '--breaks'],
      [['--indicator', 'refugees_per_1000', '--method', 'quantile', '--palette', 'Rainbow'], 2, '--palette'],
      [['--indicator', 'no_such_indicator', '--method', 'quantile'], 1, '--indicator'],
      [['--indicator', 'refugees_per_1000', '--method', 'quantile', '--layer', 'kreise'], 1, '--layer'],
      [['--indicator', 'refugees_per_1000', '--method', 'quantile', '--period', '1999-12-31'], 1, '--period'],
    ];
    for (const [args, exitCode, flag] of cases) {
      const run = await runKleinraum(['classify', demoPath, ...args, '--lang', 'en'], dataDir);
      expect(run.exitCode, args.join(' ')).toBe(exitCode);
      expect(run.stderr).toContain(flag);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stdout).toBe('');
    }
  }, 120_000);

  it('without classification flags draws the symbology the user saved for the indicator in the project', async () => {
    const saved = path.join(workDir, 'saved-symbology.gpkg');
    fs.copyFileSync(demoPath, saved);
    const { createKleinraumApi, disposeKleinraumApi } = await import('../../../electron/node/services/createKleinraumApi');
    const api = createKleinraumApi({ dataDir: path.join(workDir, 'api-data'), host: { mode: 'browser', version: '0.1.0' }, emit: () => {} });
    try {
      await api['project.open']({ path: saved });
      await api['project.setSetting']({ key: 'map.symbology.refugees_per_1000', value: { method: 'equal', classes: 3, breaks: [], palette: 'Greens', reversed: false, midpoint: 'region', midpointValue: null, fixedClasses: false } });
      await api['project.save']({});
    } finally {
      disposeKleinraumApi(api);
    }
    const run = await runKleinraum(['classify', saved, '--indicator', 'refugees_per_1000', '--json'], dataDir);
    expect(run.exitCode, run.stderr).toBe(0);
    const document = JSON.parse(run.stdout) as ClassifyDocument;
    expect(document.method).toBe('equal');
    expect(document.classes).toHaveLength(3);
    expect(document.classes.map((classInterval) => classInterval.color)).toEqual(['#e5f5e0', '#a1d99b', '#31a354']);
  }, 60_000);

  it('leaves the project file unchanged', async () => {
    const before = fs.readFileSync(demoPath);
    await classifyJson(['--indicator', 'foreign_share', '--method', 'pretty']);
    expect(fs.readFileSync(demoPath).equals(before)).toBe(true);
  }, 60_000);
});
