/**
 * `kleinraum monitor` as users call it (a child process): the CLI contract's --json fields, the z-scores
 * against the indicator values `classify` prints (one engine, checked from outside), the population floor,
 * weighting, a missing dynamics period, rules, saved definitions, --out, and bad calls.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKleinraum } from './runKleinraum';

let workDir: string;
let dataDir: string;
let demoPath: string;

interface MonitorArea {
  key: string;
  name: string;
  population: number | null;
  scored: boolean;
  notScoredReason: string | null;
  z: Record<string, number | null>;
  status: number | null;
  statusClass: string | null;
  dynamics: number | null;
  dynamicsClass: string | null;
  text: string;
}
interface MonitorDocument {
  period: string;
  indicators: { id: string }[];
  areas: MonitorArea[];
  alerts: { key: string; name: string; rule: string; indicator: string | null; value: number | null; threshold: number | null }[];
  messages: string[];
}

async function monitor(args: string[]): Promise<MonitorDocument> {
  const run = await runKleinraum(['monitor', demoPath, ...args, '--json'], dataDir);
  expect(run.exitCode, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as MonitorDocument;
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kleinraum-monitor-cli-'));
  dataDir = path.join(workDir, 'data');
  demoPath = path.join(workDir, 'demo.gpkg');
  expect((await runKleinraum(['demo', '--out', demoPath, '--json'], dataDir)).exitCode).toBe(0);
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('kleinraum monitor', () => {
  it('prints the contract fields, with z-scores of the values classify shows', async () => {
    const document = await monitor(['--indicators', 'refugees_per_1000,under18_share', '--directions', '+,-', '--period', '31.12.2024']);
    expect(document.period).toBe('2024-12-31');
    expect(document.indicators.map((indicator) => indicator.id)).toEqual(['refugees_per_1000', 'under18_share']);
    expect(document.areas).toHaveLength(21);
    for (const area of document.areas) for (const field of ['key', 'name', 'scored', 'z', 'status', 'statusClass', 'dynamics', 'dynamicsClass']) expect(area).toHaveProperty(field);
    const classify = await runKleinraum(['classify', demoPath, '--indicator', 'refugees_per_1000', '--period', '2024-12-31', '--method', 'quantile', '--classes', '4', '--json'], dataDir);
    const values = (JSON.parse(classify.stdout) as { areas: { key: string; value: number }[] }).areas;
    const mean = values.reduce((sum, area) => sum + area.value, 0) / values.length;
    const sd = Math.sqrt(values.reduce((sum, area) => sum + (area.value - mean) ** 2, 0) / values.length);
    for (const area of values) expect(document.areas.find((entry) => entry.key === area.key)!.z['refugees_per_1000']).toBeCloseTo((area.value - mean) / sd, 3);
    // Direction −: the z of under-18 share is the negated standard score; the status index their mean.
    const first = document.areas[0]!;
    expect(first.status).toBeCloseTo(((first.z['refugees_per_1000'] as number) + (first.z['under18_share'] as number)) / 2, 10);
    expect(document.areas.every((area) => area.scored && area.dynamicsClass !== null)).toBe(true);
    expect(document.areas[0]!.text).toMatch(/^Status .+, Dynamik .+$/);
  });

  it('leaves areas under the floor unscored and weights on request', async () => {
    const floor = await monitor(['--indicators', 'refugees_per_1000', '--min-population', '20000']);
    const small = floor.areas.filter((area) => (area.population as number) < 20_000);
    expect(small.length).toBeGreaterThan(0);
    for (const area of small) expect(area).toMatchObject({ scored: false, notScoredReason: 'belowFloor', statusClass: null, text: 'nicht bewertet (unter 20.000 Einwohnern)' });
    const unweighted = await monitor(['--indicators', 'refugees_per_1000']);
    const weighted = await monitor(['--indicators', 'refugees_per_1000', '--weighted']);
    expect(weighted.areas[0]!.z['refugees_per_1000']).not.toBeCloseTo(unweighted.areas[0]!.z['refugees_per_1000'] as number, 2);
  });

  it('says when the dynamics period is missing, never NaN', async () => {
    const document = await monitor(['--indicators', 'refugees_per_1000', '--period', '2016-12-31', '--dynamics-years', '3']);
    expect(document.messages.join(' ')).toMatch(/Dynamikzeitraum/);
    expect(document.areas.every((area) => area.dynamics === null && area.dynamicsClass === null && area.statusClass !== null)).toBe(true);
  });

  it('raises alerts of the rules', async () => {
    const document = await monitor(['--indicators', 'refugees_per_1000', '--rule', 'above:refugees_per_1000:30', '--rule', 'worse-class']);
    const above = document.alerts.filter((alert) => alert.rule === 'above');
    const expected = (await monitor(['--indicators', 'refugees_per_1000'])).areas.length;
    expect(expected).toBe(21);
    for (const alert of above) expect(alert.value as number).toBeGreaterThan(30);
    expect(above.length).toBeGreaterThan(0);
    for (const alert of document.alerts) for (const field of ['key', 'rule', 'indicator', 'value', 'threshold']) expect(alert).toHaveProperty(field);
    // In words, a move into a worse class names both classes and the earlier Stichtag.
    const worse = (await monitor(['--indicators', 'refugees_per_1000,under18_share,foreign_share', '--rule', 'worse-class'])).alerts;
    expect(worse.length).toBeGreaterThan(0);
    const text = await runKleinraum(['monitor', demoPath, '--indicators', 'refugees_per_1000,under18_share,foreign_share', '--rule', 'worse-class'], dataDir);
    expect(text.stdout).toMatch(new RegExp(`${worse[0]!.name}: in schlechtere Statusklasse \\((hoch|mittel|niedrig) → (mittel|niedrig|sehr niedrig), zuvor 31\\.12\\.2023\\)`));
  });

  it('writes the table through --out and refuses bad calls with exit code 2', async () => {
    const csv = path.join(workDir, 'monitoring.csv');
    const run = await runKleinraum(['monitor', demoPath, '--indicators', 'refugees_per_1000,foreign_share', '--out', csv, '--json'], dataDir);
    expect(run.exitCode, run.stderr).toBe(0);
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.split('\r\n')[0]).toContain('Statusklasse');
    expect(text).toContain('Beispieldaten, synthetisch');
    const badDirections = await runKleinraum(['monitor', demoPath, '--indicators', 'refugees_per_1000,foreign_share', '--directions', '+'], dataDir);
    expect(badDirections.exitCode).toBe(2);
    expect(badDirections.stderr).toMatch(/--directions/);
    const badRule = await runKleinraum(['monitor', demoPath, '--indicators', 'refugees_per_1000', '--rule', 'above:x'], dataDir);
    expect(badRule.exitCode).toBe(2);
    const unknown = await runKleinraum(['monitor', demoPath, '--indicators', 'nope'], dataDir);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toMatch(/nope/);
  });
});
