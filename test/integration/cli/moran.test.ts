/**
 * `kleinraum moran` as users call it (a child process): the CLI contract's --json fields, files through
 * --out, and the exit codes and messages for bad calls.
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
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kleinraum-moran-cli-'));
  dataDir = path.join(workDir, 'data');
  demoPath = path.join(workDir, 'demo.gpkg');
  expect((await runKleinraum(['demo', '--out', demoPath, '--json'], dataDir)).exitCode).toBe(0);
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('kleinraum moran', () => {
  it('prints the contract fields, and the same seed gives the same result', async () => {
    const args = ['moran', demoPath, '--indicator', 'refugees_per_1000', '--weights', 'knn:5', '--permutations', '499', '--seed', '7', '--correction', 'fdr', '--json'];
    const first = await runKleinraum(args, dataDir);
    expect(first.exitCode).toBe(0);
    const document = JSON.parse(first.stdout) as Record<string, unknown> & { areas: Record<string, unknown>[] };
    for (const field of ['indicator', 'weights', 'I', 'expectedI', 'zScore', 'pValue', 'areas']) expect(document).toHaveProperty(field);
    expect(document.weights).toBe('knn:5');
    expect(document.expectedI).toBeCloseTo(-1 / 20, 12);
    expect(document.areas).toHaveLength(21);
    for (const area of document.areas) {
      for (const field of ['key', 'name', 'value', 'localI', 'pValue', 'cluster']) expect(area).toHaveProperty(field);
      expect(['HH', 'LL', 'HL', 'LH', 'ns']).toContain(area.cluster);
    }
    const second = await runKleinraum(args, dataDir);
    expect(second.stdout).toBe(first.stdout);
  });

  it('writes the cluster map as PDF and the table as XLSX through --out', async () => {
    const pdf = path.join(workDir, 'cluster.pdf');
    const run = await runKleinraum(['moran', demoPath, '--indicator', 'foreign_share', '--out', pdf, '--json'], dataDir);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout).out).toBe(pdf);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const xlsx = path.join(workDir, 'lisa.xlsx');
    expect((await runKleinraum(['moran', demoPath, '--indicator', 'foreign_share', '--out', xlsx], dataDir)).exitCode).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('usage errors name the flag and exit with 2; bad input exits with 1, in German and English', async () => {
    const weights = await runKleinraum(['moran', demoPath, '--indicator', 'foreign_share', '--weights', 'hex'], dataDir);
    expect(weights.exitCode).toBe(2);
    expect(weights.stderr).toContain('--weights');
    const missing = await runKleinraum(['moran', demoPath], dataDir);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('--indicator');
    const unknown = await runKleinraum(['moran', demoPath, '--indicator', 'nope', '--lang', 'en'], dataDir);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('does not exist');
    const period = await runKleinraum(['moran', demoPath, '--indicator', 'foreign_share', '--period', '31.12.1999', '--lang', 'de'], dataDir);
    expect(period.exitCode).toBe(1);
    expect(period.stderr).toContain('zum 31.12.1999 nicht berechnen');
    expect(period.stderr).toContain('Berechenbar zum: … 31.12.2019');
    expect(period.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
