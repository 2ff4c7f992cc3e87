import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKleinraum } from './runKleinraum';

let workDir: string;
let dataDir: string;
let demoPath: string;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kleinraum-profiles-cli-'));
  dataDir = path.join(workDir, 'data');
  demoPath = path.join(workDir, 'demo.gpkg');
  const demo = await runKleinraum(['demo', '--out', demoPath, '--json'], dataDir);
  expect(demo.exitCode).toBe(0);
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

async function exportProfiles(args: string[]) {
  const run = await runKleinraum(['export-profiles', demoPath, ...args, '--json'], dataDir);
  return { ...run, document: run.exitCode === 0 ? (JSON.parse(run.stdout) as { out: string; panels: number; widthPx?: number }) : null };
}

describe('kleinraum export-profiles', () => {
  it('writes the pyramid grid of all 21 municipalities as SVG with source, Stichtag and the synthetic label', async () => {
    const out = path.join(workDir, 'profiles.svg');
    const { exitCode, stderr, document } = await exportProfiles(['--out', out]);
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(document).toMatchObject({ out, panels: 21 });
    const svg = fs.readFileSync(out, 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/class="kr-panel"/g)).toHaveLength(21);
    expect(svg).toContain('Stichtag 31.12.2024');
    expect(svg).toContain('Beispieldaten, synthetisch');
  });

  it('writes chosen areas of another view as PNG at print resolution', async () => {
    const out = path.join(workDir, 'status.png');
    const { exitCode, document } = await exportProfiles(['--areas', '03241001,03241002', '--view', 'status', '--dpi', '150', '--out', out]);
    expect(exitCode).toBe(0);
    expect(document?.panels).toBe(2);
    const bytes = fs.readFileSync(out);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    // 150 dpi: 150/96 of the same figure's SVG width in px.
    const svgPath = path.join(workDir, 'status.svg');
    expect((await exportProfiles(['--areas', '03241001,03241002', '--view', 'status', '--out', svgPath])).exitCode).toBe(0);
    const svgWidth = Number(/width="(\d+)"/.exec(fs.readFileSync(svgPath, 'utf8'))?.[1]);
    expect(document?.widthPx).toBe(Math.round((svgWidth * 150) / 96));
  });

  it('writes an --out name without its bidirectional controls, and names the file it wrote', async () => {
    const folder = fs.mkdtempSync(path.join(workDir, 'bidi-'));
    const { exitCode, document } = await exportProfiles(['--view', 'indicators', '--out', path.join(folder, 'rechnung\u202efdp.csv')]);
    expect(exitCode).toBe(0);
    expect(fs.readdirSync(folder)).toEqual(['rechnungfdp.csv']);
    expect(document?.out).toBe(path.join(folder, 'rechnungfdp.csv'));
  });

  it('writes a vector PDF', async () => {
    const out = path.join(workDir, 'profiles.pdf');
    const { exitCode } = await exportProfiles(['--view', 'indicators', '--out', out]);
    expect(exitCode).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString('ascii')).toBe('%PDF-');
  });

  it('writes the data as CSV (BOM, semicolons, decimal comma) and XLSX (numbers as numbers)', async () => {
    const csvPath = path.join(workDir, 'indicators.csv');
    const csvRun = await exportProfiles(['--view', 'indicators', '--out', csvPath]);
    expect(csvRun.exitCode).toBe(0);
    const csv = fs.readFileSync(csvPath, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]?.split(';').slice(0, 3)).toEqual(['Schlüssel', 'Gebiet', 'Stichtag']);
    const hannover = lines.find((line) => line.startsWith('03241001;'));
    expect(hannover).toMatch(/^03241001;Hannover;31\.12\.2024;\d+;\d+;\d+,\d+/);
    expect(lines.some((line) => line.startsWith('region;'))).toBe(true);

    const xlsxPath = path.join(workDir, 'nationality.xlsx');
    const xlsxRun = await exportProfiles(['--view', 'nationality', '--areas', '03241001', '--out', xlsxPath]);
    expect(xlsxRun.exitCode).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(4).value).toBe('Staatsangehörigkeit');
    expect(typeof sheet?.getRow(2).getCell(5).value).toBe('number');
  });

  it('names an unknown area key (exit 1) and an unknown view (exit 2) without a stack trace, and writes no file', async () => {
    const out = path.join(workDir, 'never.svg');
    const unknownArea = await runKleinraum(['export-profiles', demoPath, '--areas', '03241001,99999999', '--out', out], dataDir);
    expect(unknownArea.exitCode).toBe(1);
    expect(unknownArea.stderr).toContain('99999999');
    expect(unknownArea.stderr).not.toMatch(/^\s+at /m);
    const badView = await runKleinraum(['export-profiles', demoPath, '--view', 'map', '--out', out], dataDir);
    expect(badView.exitCode).toBe(2);
    expect(badView.stderr).toContain('--view');
    const badFormat = await runKleinraum(['export-profiles', demoPath, '--out', path.join(workDir, 'x.docx')], dataDir);
    expect(badFormat.exitCode).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });
});
