/**
 * `kleinraum flows` and `kleinraum import … --flows` as users call them (a child process), on the demo and
 * on generated origin–destination tables whose keys are the demo layer's real AGS of Region Hannover.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKleinraum } from './runKleinraum';

interface FlowsDocument {
  period: string | null;
  periods: string[];
  mode: string;
  flows: { from: string; to: string; value: number | null; suppressed?: boolean; complementary?: boolean }[];
  matching: number;
  hidden: { count: number; sum: number | null; withheld: number };
  areas: { key: string; name: string; inflow: number; outflow: number; internal: number; net: number }[];
  external: { key: string; inflow: number; outflow: number }[];
  smallNumberThreshold: number;
  sources: { id: string; name: string }[];
  synthetic: boolean;
}

let workDir: string;
let dataDir: string;
let demoPath: string;
let keys: string[];
let names: Map<string, string>;

async function flows(args: string[], project = demoPath): Promise<FlowsDocument> {
  const run = await runKleinraum(['flows', project, ...args, '--json'], dataDir);
  expect(run.exitCode, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as FlowsDocument;
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kleinraum-flows-cli-'));
  dataDir = path.join(workDir, 'data');
  demoPath = path.join(workDir, 'demo.gpkg');
  expect((await runKleinraum(['demo', '--out', demoPath, '--json'], dataDir)).exitCode).toBe(0);
  const all = await flows([]);
  keys = all.areas.map((area) => area.key);
  names = new Map(all.areas.map((area) => [area.key, area.name]));
}, 120_000);

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('kleinraum flows on the demo', () => {
  it('gives per-area totals that equal the account’s arrivals and departures, for every period', async () => {
    const balanceRun = await runKleinraum(['balance', demoPath, '--variable', 'refugees', '--json'], dataDir);
    expect(balanceRun.exitCode).toBe(0);
    const balance = JSON.parse(balanceRun.stdout) as { areas: { key: string; periods: { period: string; inflow: number; outflow: number }[] }[] };
    for (const period of ['2016-12-31', '2020-12-31', '2024-12-31']) {
      const document = await flows(['--period', period]);
      expect(document.period).toBe(period);
      expect(document.synthetic).toBe(true);
      expect(document.areas).toHaveLength(21);
      for (const area of document.areas) {
        const account = balance.areas.find((entry) => entry.key === area.key)?.periods.find((entry) => entry.period === period);
        expect(area.inflow, `${area.key} ${period}`).toBe(account?.inflow);
        expect(area.outflow, `${area.key} ${period}`).toBe(account?.outflow);
        expect(area.net).toBe(area.inflow - area.outflow);
      }
    }
  });

  it('withholds small flows but keeps them in the totals, and the top N plus what is hidden add up to all flows', async () => {
    const all = await flows([]);
    const threshold = all.smallNumberThreshold;
    const small = all.flows.filter((flow) => flow.suppressed);
    expect(small.length).toBeGreaterThan(0);
    expect(small.every((flow) => flow.value === null)).toBe(true);
    expect(all.flows.filter((flow) => !flow.suppressed).every((flow) => (flow.value as number) >= threshold)).toBe(true);
    // Every outflow from an area, shown or not, is in its total: the total is at least what is shown. A
    // flow withheld to protect a small one (complementary) is no small count; without one, the withheld
    // flows are small. No shown total leaves exactly one withheld flow to subtract.
    for (const area of all.areas) {
      const leaving = all.flows.filter((flow) => flow.from === area.key);
      const shown = leaving.filter((flow) => flow.value !== null).reduce((sum, flow) => sum + (flow.value as number), 0);
      const small = leaving.filter((flow) => flow.value === null && flow.complementary !== true).length;
      const complementary = leaving.filter((flow) => flow.complementary === true).length;
      expect(area.outflow).not.toBeNull();
      expect(area.outflow).toBeGreaterThanOrEqual(shown + small + complementary * threshold);
      if (complementary === 0) expect(area.outflow).toBeLessThanOrEqual(shown + small * (threshold - 1));
      expect(small + complementary).not.toBe(1);
    }
    const top = await flows(['--top', '12']);
    expect(top.flows).toHaveLength(12);
    expect(top.hidden.count).toBe(all.flows.length - 12);
    const values = top.flows.map((flow) => flow.value as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // The 12 are the largest shown flows of the full list; the withheld ones are never among them (their
    // place would tell their size). The sum left out is that of the shown flows left out, which the full
    // list shows one by one; the withheld ones are only counted.
    const shownValues = all.flows.filter((flow) => flow.value !== null).map((flow) => flow.value as number);
    expect(values).toEqual(shownValues.slice(0, 12));
    expect(all.flows.findIndex((flow) => flow.value === null)).toBeGreaterThan(all.flows.findLastIndex((flow) => flow.value !== null));
    expect(top.hidden.sum).toBe(shownValues.slice(12).reduce((sum, value) => sum + value, 0));
    expect(top.hidden.withheld).toBe(all.flows.filter((flow) => flow.value === null).length);
    // All flows = everything leaving an area + everything arriving from outside (true counts from the totals):
    // the shown flows and at least 1 per withheld one fit into them.
    const fromOutside = all.external.reduce((sum, category) => sum + category.inflow, 0);
    expect(fromOutside).toBeGreaterThan(0);
    const shownSum = all.flows.reduce((sum, flow) => sum + (flow.value ?? 1), 0);
    expect(shownSum).toBeLessThanOrEqual(all.areas.reduce((sum, area) => sum + area.outflow, 0) + fromOutside);
  });

  it('filters incoming, outgoing and both directions for one area, and nets opposite flows', async () => {
    const hannover = keys[0] as string;
    const incoming = await flows(['--area', hannover, '--direction', 'in']);
    expect(incoming.flows.length).toBeGreaterThan(3);
    expect(incoming.flows.every((flow) => flow.to === hannover)).toBe(true);
    const outgoing = await flows(['--area', hannover, '--direction', 'out']);
    expect(outgoing.flows.every((flow) => flow.from === hannover)).toBe(true);
    const both = await flows(['--area', hannover]);
    expect(both.flows).toHaveLength(incoming.flows.length + outgoing.flows.length);
    const net = await flows(['--mode', 'net']);
    const pairs = new Set(net.flows.map((flow) => `${flow.from}>${flow.to}`));
    expect(net.flows.some((flow) => pairs.has(`${flow.to}>${flow.from}`))).toBe(false);
    expect(net.flows.length).toBeLessThan(both.flows.length + (await flows([])).flows.length);
  });

  it('writes the flow table with --out and lists every flag in --help', async () => {
    const out = path.join(workDir, 'flows.csv');
    const run = await runKleinraum(['flows', demoPath, '--top', '5', '--out', out, '--json'], dataDir);
    expect(run.exitCode).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').split('\r\n');
    expect(lines[0]).toContain('Von (Schlüssel)');
    expect(lines.slice(1, 6).every((line) => line.split(';').length === 5)).toBe(true);
    expect(lines.join('\n')).toContain('synthetisch');
    const help = await runKleinraum(['flows', '--help'], dataDir);
    for (const flag of ['--period', '--mode', '--area', '--direction', '--top', '--layer', '--out']) expect(help.stdout).toContain(flag);
    // The flow map as a committee figure: one path per flow drawn, the stubs labelled, as PDF too.
    const svgOut = path.join(workDir, 'flows.svg');
    expect((await runKleinraum(['flows', demoPath, '--top', '20', '--out', svgOut], dataDir)).exitCode).toBe(0);
    const svg = fs.readFileSync(svgOut, 'utf8');
    expect(svg.match(/class="flow"/g)).toHaveLength(20);
    expect(svg.match(/class="flow-head"/g)).toHaveLength(20);
    for (const name of ['Umland', 'übriges Niedersachsen', 'übriges Bundesgebiet', 'Ausland', 'unbekannt']) expect(svg).toContain(`>${name}<`);
    expect(svg).toContain('31.12.2024');
    // The width legend: round counts, drawn at the widths the flows get, thinner for smaller counts.
    const legend = [...svg.matchAll(/class="flow-legend-line" data-value="(\d+)"[^>]*stroke-width="([\d.]+)"/g)].map((match) => [Number(match[1]), Number(match[2])] as const);
    expect(legend.length).toBeGreaterThanOrEqual(2);
    expect(legend.map(([, width]) => width)).toEqual(legend.map(([, width]) => width).sort((a, b) => b - a));
    const flowWidths = [...svg.matchAll(/class="flow" [^>]*stroke-width="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(Math.max(...flowWidths)).toBeGreaterThanOrEqual(legend[0]![1]);
    const pdfOut = path.join(workDir, 'flows.pdf');
    expect((await runKleinraum(['flows', demoPath, '--area', keys[0] as string, '--direction', 'in', '--out', pdfOut], dataDir)).exitCode).toBe(0);
    expect(fs.readFileSync(pdfOut).subarray(0, 5).toString()).toBe('%PDF-');
    const importHelp = await runKleinraum(['import', '--help'], dataDir);
    expect(importHelp.stdout).toContain('--flows');
  });
});

describe('kleinraum import --flows', () => {
  it('imports a long table with real AGS, lists unknown keys, and the flows command shows exactly those counts', async () => {
    const project = path.join(workDir, 'long.gpkg');
    fs.copyFileSync(demoPath, project);
    const [a, b, c] = keys as [string, string, string];
    const lines = [
      'von;nach;Jahr;Anzahl;Staatsangehörigkeit',
      `${a};${b};2025;120;ukr`,
      `${a};${b};2025;30;syr`,
      `${b};${a};2025;45;ukr`,
      `${c.replace(/^0/, '')};${a};2025;17;syr`, // lost its leading zero (Excel)
      `${names.get(b)};Ausland;2025;9;syr`,
      `übriges Niedersachsen;${c};2025;64;ukr`,
      `03251001;${a};2025;5;syr`, // Diepholz: not in the Region
      `${a};${c};2025;x;syr`, // withheld by the office
    ];
    fs.writeFileSync(path.join(workDir, 'long.csv'), `${lines.join('\r\n')}\r\n`, 'latin1');
    const run = await runKleinraum(['import', project, path.join(workDir, 'long.csv'), '--flows', '--source', 'Wanderungsstatistik 2025', '--json'], dataDir);
    expect(run.exitCode, run.stderr).toBe(0);
    const document = JSON.parse(run.stdout) as { kind: string; rows: number; flows: number; layout: string; join: { matched: number; unmatchedRows: { line: number; from: string; reason: string }[] }; external: string[]; dimensions: string[] };
    expect(document.kind).toBe('flows');
    expect(document.layout).toBe('long');
    expect(document.rows).toBe(8);
    expect(document.flows).toBe(6);
    expect(document.join.matched).toBe(6);
    expect(document.join.unmatchedRows.map((row) => [row.line, row.reason])).toEqual([[8, 'unknown-from'], [9, 'withheld']]);
    expect(document.external).toEqual(['ext:ausland', 'ext:niedersachsen']);
    expect(document.dimensions).toEqual(['staatsangehoerigkeit']);

    const imported = await flows(['--period', '2025'], project);
    expect(imported.sources.map((source) => source.name)).toEqual(['Wanderungsstatistik 2025']);
    expect(imported.synthetic).toBe(false);
    const value = (from: string, to: string) => imported.flows.find((flow) => flow.from === from && flow.to === to)?.value;
    expect(value(a, b)).toBe(150);
    expect(value(b, a)).toBe(45);
    expect(value(c, a)).toBe(17);
    expect(value('ext:niedersachsen', c)).toBe(64);
    const areaA = imported.areas.find((area) => area.key === a);
    expect(areaA).toMatchObject({ inflow: 62, outflow: 150, net: -88 });
    expect(imported.areas.find((area) => area.key === b)).toMatchObject({ inflow: 150, outflow: 54 });

    // Importing the same table again under the same source replaces, never doubles.
    expect((await runKleinraum(['import', project, path.join(workDir, 'long.csv'), '--flows', '--source', 'Wanderungsstatistik 2025', '--json'], dataDir)).exitCode).toBe(0);
    expect((await flows(['--period', '2025'], project)).areas.find((area) => area.key === a)).toMatchObject({ inflow: 62, outflow: 150 });
  });

  it('never adds up two sources of the same period: the first is shown, --source picks the other', async () => {
    const project = path.join(workDir, 'two-sources.gpkg');
    fs.copyFileSync(demoPath, project);
    const [a, b] = keys as [string, string];
    fs.writeFileSync(path.join(workDir, 'second.csv'), `von;nach;Stichtag;Anzahl\n${a};${b};31.12.2024;500\n`);
    const run = await runKleinraum(['import', project, path.join(workDir, 'second.csv'), '--flows', '--source', 'Zweite Zählung', '--json'], dataDir);
    expect(run.exitCode, run.stderr).toBe(0);
    const sourceId = (JSON.parse(run.stdout) as { source: { id: string } }).source.id;
    const first = await flows(['--period', '2024'], project);
    const demo = await flows(['--period', '2024']);
    expect(first.areas).toEqual(demo.areas);
    expect((first as unknown as { periodSources: { id: string }[] }).periodSources.map((entry) => entry.id)).toContain(sourceId);
    const second = await flows(['--period', '2024', '--source', sourceId], project);
    expect(second.sources.map((source) => source.name)).toEqual(['Zweite Zählung']);
    expect(second.flows).toEqual([{ from: a, to: b, value: 500 }]);
    expect(second.areas.find((area) => area.key === a)?.outflow).toBe(500);
  });

  it('gives a file named like another source a name of its own and continues that source on the next import; --source attaches flows to the source named', async () => {
    const project = path.join(workDir, 'taken-name.gpkg');
    fs.copyFileSync(demoPath, project);
    const [a, b] = keys as [string, string];
    // A file named like the demo's population source (the file's own name is the proposed source name).
    const file = path.join(workDir, 'Beispieldaten, synthetisch.csv');
    fs.writeFileSync(file, `von;nach;Stichtag;Anzahl\n${a};${b};31.12.2024;500\n`);
    type Imported = { source: { id: string; name: string }; replaced: number };
    const importFile = async (...extra: string[]): Promise<Imported> => {
      const run = await runKleinraum(['import', project, file, '--flows', ...extra, '--json'], dataDir);
      expect(run.exitCode, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as Imported;
    };
    const first = await importFile();
    expect([first.source.name, first.replaced]).toEqual(['Beispieldaten, synthetisch (Stichtag 31.12.2024)', 0]);
    // The same file again (a corrected table) goes into that source and replaces its flows: nothing doubles.
    const again = await importFile();
    expect([again.source.id, again.replaced]).toEqual([first.source.id, 1]);
    expect((await flows(['--period', '2024', '--source', first.source.id], project)).flows).toEqual([{ from: a, to: b, value: 500 }]);
    // A typed name (blanks and case as a planner types them) names the source the flows belong to, e.g. the register.
    const register = await importFile('--source', ' einwohnermelderegister –  Beispieldaten, synthetisch');
    expect(register.source.name).toBe('Einwohnermelderegister – Beispieldaten, synthetisch');
    const info = JSON.parse((await runKleinraum(['info', project, '--json'], dataDir)).stdout) as { sources: { id: string; name: string }[] };
    expect(info.sources.filter((source) => source.name.startsWith('Einwohnermelderegister')).map((source) => source.id)).toEqual([register.source.id]);
  });

  it('imports a matrix with --period', async () => {
    const project = path.join(workDir, 'matrix.gpkg');
    fs.copyFileSync(demoPath, project);
    const chosen = keys.slice(0, 4);
    const header = ['von \\ nach', ...chosen, 'Ausland', 'unbekannt'];
    const rows = chosen.map((from, i) => [from, ...chosen.map((to, j) => (i === j ? '-' : String(10 * (i + 1) + j))), String(i + 3), '1']);
    fs.writeFileSync(path.join(workDir, 'matrix.csv'), [header, ...rows].map((row) => row.join(';')).join('\n'));
    const run = await runKleinraum(['import', project, path.join(workDir, 'matrix.csv'), '--flows', '--period', '2026-06-30', '--json'], dataDir);
    expect(run.exitCode, run.stderr).toBe(0);
    const document = JSON.parse(run.stdout) as { layout: string; flows: number; periods: string[]; join: { unmatchedRows: unknown[] } };
    expect(document.layout).toBe('matrix');
    expect(document.periods).toEqual(['2026-06-30']);
    expect(document.join.unmatchedRows).toEqual([]);
    const imported = await flows(['--period', '2026-06-30'], project);
    const second = chosen[1] as string;
    // Row 2 (index 1) sends 10·2 + j to column j, and 4 abroad, 1 unknown.
    expect(imported.areas.find((area) => area.key === second)?.outflow).toBe(20 + 22 + 23 + 4 + 1);
    expect(imported.flows.find((flow) => flow.from === second && flow.to === 'ext:unbekannt')).toMatchObject({ value: null, suppressed: true });
  });

  it('leaves the project file untouched when no row can be used', async () => {
    const project = path.join(workDir, 'failed.gpkg');
    fs.copyFileSync(demoPath, project);
    const before = sha(project);
    fs.writeFileSync(path.join(workDir, 'bad.csv'), 'von;nach;Jahr;Anzahl\n09162000;03251001;2025;5\n');
    const run = await runKleinraum(['import', project, path.join(workDir, 'bad.csv'), '--flows', '--json'], dataDir);
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toMatch(/keine einzige Wanderung|no flow/);
    expect(sha(project)).toBe(before);
  });
});
