/**
 * `kleinraum timeseries` and `kleinraum balance` as users call them (a child process): the CLI contract's
 * --json fields, files through --out, usage errors with exit code 2.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKleinraum } from './runKleinraum';

let workDir: string;
let dataDir: string;
let demoPath: string;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kleinraum-movement-cli-'));
  dataDir = path.join(workDir, 'data');
  demoPath = path.join(workDir, 'demo.gpkg');
  expect((await runKleinraum(['demo', '--out', demoPath, '--json'], dataDir)).exitCode).toBe(0);
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('kleinraum timeseries', () => {
  it('writes the small multiples as SVG and prints the contract fields', async () => {
    const out = path.join(workDir, 'turnover.svg');
    const run = await runKleinraum(['timeseries', demoPath, '--indicator', 'movement.turnover_per_1000', '--out', out, '--json'], dataDir);
    expect(run.exitCode).toBe(0);
    const document = JSON.parse(run.stdout) as { out: string; indicator: { id: string }; periods: string[]; series: { key: string; name: string; values: (number | null)[] }[] };
    expect(document.out).toBe(out);
    expect(document.indicator.id).toBe('movement.turnover_per_1000');
    expect(document.periods).toHaveLength(10);
    expect(document.series).toHaveLength(21);
    for (const series of document.series) expect(series.values).toHaveLength(10);
    const svg = fs.readFileSync(out, 'utf8');
    expect(svg.match(/class="series-panel"/g)).toHaveLength(21);
  });

  it('restricts to the areas named and writes CSV', async () => {
    const out = path.join(workDir, 'two.csv');
    const run = await runKleinraum(['timeseries', demoPath, '--indicator', 'refugees_per_1000', '--areas', '03241001,03241003', '--out', out, '--json'], dataDir);
    expect(run.exitCode).toBe(0);
    expect((JSON.parse(run.stdout) as { series: unknown[] }).series).toHaveLength(2);
    const rows = fs.readFileSync(out, 'utf8').split('\r\n').filter((line) => /^03241/.test(line));
    expect(rows.map((line) => line.split(';')[0])).toEqual(['03241001', '03241003']);
  });

  it('lays the small multiples out like the map with --layout grid (and lists the flag in --help)', async () => {
    const out = path.join(workDir, 'grid.svg');
    const run = await runKleinraum(['timeseries', demoPath, '--indicator', 'refugees_per_1000', '--layout', 'grid', '--out', out, '--json'], dataDir);
    expect(run.exitCode).toBe(0);
    const document = JSON.parse(run.stdout) as { grid: { columns: number; rows: number; cells: { key: string; column: number; row: number }[] } };
    expect(new Set(document.grid.cells.map((cell) => `${cell.column},${cell.row}`)).size).toBe(21);
    const svg = fs.readFileSync(out, 'utf8');
    // Where each panel's title is drawn: its position on the page.
    const position = (key: string) => {
      const match = new RegExp(`data-key="${key}"><text x="([\\d.]+)" y="([\\d.]+)"`).exec(svg) ?? new RegExp(`data-key="${key}"><rect[^>]*/><text x="([\\d.]+)" y="([\\d.]+)"`).exec(svg);
      expect(match, key).not.toBeNull();
      return { x: Number(match![1]), y: Number(match![2]) };
    };
    const hannover = position('03241001');
    expect(position('03241010').y).toBeLessThan(hannover.y); // Langenhagen lies north
    expect(position('03241009').y).toBeGreaterThan(hannover.y); // Laatzen lies south
    expect(position('03241011').x).toBeGreaterThan(hannover.x); // Lehrte lies east
    expect(position('03241005').x).toBeLessThan(hannover.x); // Garbsen lies west
    const help = await runKleinraum(['timeseries', '--help'], dataDir);
    expect(help.stdout).toContain('--layout');
    expect(help.stdout).toContain('grid');
    const wrong = await runKleinraum(['timeseries', demoPath, '--indicator', 'refugees_per_1000', '--layout', 'karte', '--out', out], dataDir);
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toContain('sorted, grid');
  });

  it('explains --scenario for a scenario without stored results, and draws nothing dashed with --scenario none', async () => {
    const out = path.join(workDir, 'none.svg');
    const unknown = await runKleinraum(['timeseries', demoPath, '--indicator', 'refugees_total', '--scenario', 'mittel', '--out', out], dataDir);
    expect(unknown.exitCode).not.toBe(0);
    expect(unknown.stderr).toContain('mittel');
    const none = await runKleinraum(['timeseries', demoPath, '--indicator', 'refugees_total', '--scenario', 'none', '--out', out, '--json'], dataDir);
    expect(none.exitCode).toBe(0);
    expect((JSON.parse(none.stdout) as { projection: unknown }).projection).toBeNull();
    expect(fs.readFileSync(out, 'utf8')).not.toContain('class="area-line projected"');
  });

  it('names the missing flag with exit code 2', async () => {
    const run = await runKleinraum(['timeseries', demoPath, '--indicator', 'movement.net'], dataDir);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--out');
  });
});

describe('kleinraum balance', () => {
  it('prints the account per area and period; the demo closes', async () => {
    const run = await runKleinraum(['balance', demoPath, '--variable', 'refugees', '--json'], dataDir);
    expect(run.exitCode).toBe(0);
    const document = JSON.parse(run.stdout) as { variable: string; areas: { key: string; name: string; periods: Record<string, unknown>[] }[] };
    expect(document.variable).toBe('refugees');
    expect(document.areas.length).toBe(22);
    for (const area of document.areas) {
      for (const period of area.periods) {
        for (const field of ['period', 'stockStart', 'inflow', 'outflow', 'stockEnd', 'residual', 'flagged']) expect(period).toHaveProperty(field);
        expect(period['residual']).toBe(0);
        expect((period['stockStart'] as number) + (period['inflow'] as number) - (period['outflow'] as number)).toBe(period['stockEnd']);
      }
    }
  });

  it('prints and draws every area\'s account for one period with --area all [--period]', async () => {
    const out = path.join(workDir, 'bilanz-alle.svg');
    const run = await runKleinraum(['balance', demoPath, '--area', 'all', '--period', '31.12.2021', '--out', out], dataDir);
    expect(run.exitCode).toBe(0);
    // 21 municipalities and the region, each with that period's terms.
    expect(run.stdout.split('\n').filter((line) => line.includes('31.12.2020–31.12.2021'))).toHaveLength(22);
    expect(run.stdout).toMatch(/Region\s+31\.12\.2020–31\.12\.2021: [\d.]+ \+ /);
    const svg = fs.readFileSync(out, 'utf8');
    expect(svg).toContain('Bilanz aller Gebiete vom 31.12.2020 bis 31.12.2021');
    const alone = await runKleinraum(['balance', demoPath, '--period', '2021-12-31'], dataDir);
    expect(alone.exitCode).toBe(2);
    expect(alone.stderr).toContain('--period gilt nur mit --area all');
    const missing = await runKleinraum(['balance', demoPath, '--area', 'all', '--period', '2030-12-31'], dataDir);
    expect(missing.exitCode).not.toBe(0);
    expect(missing.stderr).toContain('Möglich: 31.12.2016');
  });

  it('writes one area\'s account as a PDF committee figure with --area and --out FILE.pdf', async () => {
    const out = path.join(workDir, 'bilanz.pdf');
    const run = await runKleinraum(['balance', demoPath, '--area', '03241003', '--out', out, '--json'], dataDir);
    expect(run.exitCode).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const svgOut = path.join(workDir, 'bilanz.svg');
    expect((await runKleinraum(['balance', demoPath, '--area', '03241003', '--out', svgOut], dataDir)).exitCode).toBe(0);
    const svg = fs.readFileSync(svgOut, 'utf8');
    expect(svg).toContain('Bilanz): Burgdorf');
    expect(svg.match(/>20\d\d–20\d\d</g)).toHaveLength(9);
    const help = await runKleinraum(['balance', '--help'], dataDir);
    expect(help.stdout).toContain('.pdf');
    // On the console, --area shows that area's account period by period, each term given, so it can be checked.
    const onConsole = await runKleinraum(['balance', demoPath, '--area', '03241003'], dataDir);
    const lines = onConsole.stdout.split('\n').filter((line) => line.includes('Burgdorf'));
    expect(lines).toHaveLength(9);
    const [, start, inflow, outflow, expected, counted] = /(\d[\d.]*) \+ (\d[\d.]*) − (\d[\d.]*) = (\d[\d.]*); gezählt (\d[\d.]*)/.exec(lines[0]!)!.map((text) => Number(text.replace(/\./g, '')));
    expect(start! + inflow! - outflow!).toBe(expected);
    expect(counted).toBe(expected);
    expect(onConsole.stdout).toContain('Quellen: ');
    const unknown = await runKleinraum(['balance', demoPath, '--area', '99999999'], dataDir);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('99999999');
  });

  it('writes the account as XLSX and rejects a bad threshold', async () => {
    const out = path.join(workDir, 'bilanz.xlsx');
    expect((await runKleinraum(['balance', demoPath, '--out', out], dataDir)).exitCode).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    const bad = await runKleinraum(['balance', demoPath, '--threshold', 'viel'], dataDir);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--threshold');
  });
});
