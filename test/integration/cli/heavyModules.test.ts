/**
 * A CLI command loads exceljs, pdfkit and resvg only when it reads or writes such a file: each takes a few
 * hundred milliseconds to load, which every command would otherwise pay before doing anything (issue 16).
 * The commands run as users run them (the `kleinraum` bin, prebuilt bundle) with a preload that records
 * every module the process loads.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { cliEnvironment, kleinraumBin, repoRoot } from './runKleinraum';

const HEAVY_PACKAGES = ['exceljs', 'pdfkit', '@resvg/resvg-js'] as const;
type HeavyPackage = (typeof HEAVY_PACKAGES)[number];
const recorder = pathToFileURL(path.join(repoRoot, 'test', 'helpers', 'recordModuleLoads.mjs')).href;

let directory: TempDir;
let demoPath: string;

/** Runs one command and returns which of the heavy packages it loaded. */
function heavyPackagesLoadedBy(args: string[]): Promise<HeavyPackage[]> {
  const record = directory.file(`modules-${Math.random().toString(36).slice(2)}.txt`);
  fs.writeFileSync(record, '');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', recorder, kleinraumBin, ...args],
      { cwd: repoRoot, env: { ...cliEnvironment(directory.file('data')), KLEINRAUM_RECORD_MODULES: record }, timeout: 60_000 },
      (error, _stdout, stderr) => {
        if (error) return reject(new Error(`kleinraum ${args.join(' ')} failed: ${stderr}`));
        const loaded = fs.readFileSync(record, 'utf8').replaceAll('\\', '/');
        // The recorder itself proves it works: every command loads better-sqlite3 this way.
        if (!loaded.includes('/node_modules/better-sqlite3/')) return reject(new Error('the module recorder saw no module loads'));
        resolve(HEAVY_PACKAGES.filter((name) => loaded.includes(`/node_modules/${name}/`)));
      },
    );
  });
}

beforeAll(() => {
  directory = makeTempDir('kleinraum-heavy-modules-');
  demoPath = directory.file('demo.gpkg');
}, 60_000);

afterAll(() => directory.remove());

describe('heavy modules load only for the files that need them', () => {
  it('demo, info and scenario load none of them', async () => {
    expect(await heavyPackagesLoadedBy(['demo', '--out', demoPath])).toEqual([]);
    expect(await heavyPackagesLoadedBy(['info', demoPath, '--json'])).toEqual([]);
    expect(await heavyPackagesLoadedBy(['scenario', demoPath, '--scenario', 'mittel', '--json'])).toEqual([]);
  }, 120_000);

  it('export-map loads resvg only for PNG and pdfkit only for PDF', async () => {
    if (!fs.existsSync(demoPath)) expect(await heavyPackagesLoadedBy(['demo', '--out', demoPath])).toEqual([]);
    expect(await heavyPackagesLoadedBy(['export-map', demoPath, '--indicator', 'foreign_share', '--out', directory.file('karte.svg')])).toEqual([]);
    expect(await heavyPackagesLoadedBy(['export-map', demoPath, '--indicator', 'foreign_share', '--dpi', '150', '--out', directory.file('karte.png')])).toEqual(['@resvg/resvg-js']);
    expect(await heavyPackagesLoadedBy(['export-map', demoPath, '--indicator', 'foreign_share', '--out', directory.file('karte.pdf')])).toEqual(['pdfkit']);
  }, 120_000);

  it('importing a CSV table loads none of them', async () => {
    const project = directory.file('plaetze.gpkg');
    expect(await heavyPackagesLoadedBy(['demo', '--out', project])).toEqual([]);
    const table = directory.file('plaetze.csv');
    fs.writeFileSync(table, 'AGS;Name;Plaetze\n03241001;Hannover;12\n03241002;Barsinghausen;4\n');
    expect(await heavyPackagesLoadedBy(['import', project, table, '--period', '2020-12-31', '--json'])).toEqual([]);
  }, 120_000);

  it('monitor loads none of them without --out, and exceljs only for XLSX', async () => {
    if (!fs.existsSync(demoPath)) expect(await heavyPackagesLoadedBy(['demo', '--out', demoPath])).toEqual([]);
    expect(await heavyPackagesLoadedBy(['monitor', demoPath, '--indicators', 'refugees_per_1000,under18_share', '--json'])).toEqual([]);
    expect(await heavyPackagesLoadedBy(['monitor', demoPath, '--indicators', 'refugees_per_1000', '--out', directory.file('monitoring.xlsx'), '--json'])).toEqual(['exceljs']);
  }, 120_000);
});
