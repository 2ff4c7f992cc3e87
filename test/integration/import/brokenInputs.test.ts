/**
 * Broken inputs generated in the test: each must end in a UserError with German and English text, never a
 * crash and never a silently shorter or shifted result.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/contract/errors';
import { parseDelimitedTable } from '../../../shared/fileFormats/table/parseDelimited';
import { readBoundaries } from '../../../electron/node/import/readBoundaries';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const kreise = path.resolve(repoRoot, '../shared/data/boundaries/vg5000_2021-01-01_gk3');
const workDirectory = mkdtempSync(path.join(os.tmpdir(), 'kleinraum-import-'));
afterAll(() => rmSync(workDirectory, { recursive: true, force: true }));

/** Copies the VG5000 Kreise shapefile set into a fresh directory, optionally changing one member. */
function shapefileSet(name: string, change: Partial<Record<'shp' | 'dbf' | 'prj', Uint8Array | null>> = {}): string {
  const directory = mkdtempSync(path.join(workDirectory, `${name}-`));
  for (const extension of ['shp', 'shx', 'dbf', 'prj', 'cpg'] as const) {
    const target = path.join(directory, `VG5000_KRS.${extension}`);
    const replacement = change[extension as keyof typeof change];
    if (replacement === null) continue;
    if (replacement) writeFileSync(target, replacement);
    else copyFileSync(path.join(kreise, `VG5000_KRS.${extension}`), target);
  }
  return path.join(directory, 'VG5000_KRS.shp');
}

async function expectUserError(action: () => unknown, pattern: RegExp): Promise<void> {
  let caught: unknown;
  try {
    await action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(UserError);
  const error = caught as UserError;
  expect(error.text.de.length).toBeGreaterThan(20);
  expect(error.text.en).toMatch(pattern);
}

const original = (extension: string) => new Uint8Array(readFileSync(path.join(kreise, `VG5000_KRS.${extension}`)));

describe('broken boundary inputs', () => {
  it('the intact copy reads (the fixtures below differ only in the broken part)', async () => {
    expect((await readBoundaries(shapefileSet('intact'))).areas).toHaveLength(401);
  });
  it('a truncated .shp', async () => {
    const shp = original('shp');
    await expectUserError(() => readBoundaries(shapefileSet('truncated', { shp: shp.subarray(0, Math.floor(shp.length / 2)) })), /incomplete or damaged/);
  });
  it('a .dbf with fewer records than the .shp', async () => {
    const dbf = original('dbf');
    const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
    const headerLength = view.getUint16(8, true);
    const recordLength = view.getUint16(10, true);
    const shorter = dbf.slice(0, headerLength + recordLength * 300);
    new DataView(shorter.buffer).setUint32(4, 300, true);
    await expectUserError(() => readBoundaries(shapefileSet('short-dbf', { dbf: shorter })), /401 geometries but 300 records/);
  });
  it('a wrong .prj (says WGS84 for Gauß-Krüger metres)', async () => {
    const wgs84 = new TextEncoder().encode('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]');
    await expectUserError(() => readBoundaries(shapefileSet('wrong-prj', { prj: wgs84 })), /\.prj file is probably wrong.*--crs/);
  });
  it('a missing .prj proposes Gauß-Krüger 3 and asks for --crs; with --crs it reads', async () => {
    const file = shapefileSet('no-prj', { prj: null });
    await expectUserError(() => readBoundaries(file), /probably EPSG:31467.*--crs/);
    expect((await readBoundaries(file, { crs: 'EPSG:31467' })).report.crs).toMatchObject({ used: 'EPSG:31467', detected: { how: 'coordinate-range' } });
  });
  it('a zip without a .shp', async () => {
    const file = path.join(workDirectory, 'no-shp.zip');
    writeFileSync(file, zipSync({ 'readme.txt': new TextEncoder().encode('nur Text') }));
    await expectUserError(() => readBoundaries(file), /contains no shapefile/);
  });
  it('a zip with ../ paths', async () => {
    const file = path.join(workDirectory, 'traversal.zip');
    writeFileSync(file, zipSync({ '../evil/VG5000_KRS.shp': original('shp'), 'VG5000_KRS.dbf': original('dbf') }));
    await expectUserError(() => readBoundaries(file), /unsafe path/);
  });
  it('a BKG-style zip with folders and several layers asks for --layer, then reads the chosen one', async () => {
    const file = path.join(workDirectory, 'layers.zip');
    const members: Record<string, Uint8Array> = {};
    for (const layer of ['VG5000_KRS', 'VG5000_LAN']) {
      for (const extension of ['shp', 'shx', 'dbf', 'prj', 'cpg']) members[`vg5000_ebenen_0101/${layer}.${extension}`] = new Uint8Array(readFileSync(path.join(kreise, `${layer}.${extension}`)));
    }
    writeFileSync(file, zipSync(members));
    await expectUserError(() => readBoundaries(file), /2 layers.*--layer/);
    expect((await readBoundaries(file, { layer: 'VG5000_KRS', filterKeyPrefix: '03' })).areas.length).toBeGreaterThan(40);
  });
});

describe('broken table inputs', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  it('a CSV with mixed delimiters', async () => {
    const lines = ['Schlüssel;Name;Einwohner'];
    for (let index = 1; index <= 20; index += 1) lines.push(`032410${String(index).padStart(2, '0')};Gemeinde ${index};${1000 + index}`);
    for (let index = 21; index <= 30; index += 1) lines.push(`032410${index},Gemeinde ${index},${1000 + index}`);
    await expectUserError(() => parseDelimitedTable(encode(lines.join('\n'))), /mixes delimiters/);
  });
  it('a very large file is refused with a size message', async () => {
    const bytes = new Uint8Array(2 * 1024 * 1024);
    await expectUserError(() => parseDelimitedTable(bytes, { maxBytes: 1024 * 1024 }), /too large/);
  });
  it('an empty file', async () => {
    await expectUserError(() => parseDelimitedTable(new Uint8Array(0)), /empty/);
  });
});
