/**
 * The desktop app's main process is an esbuild bundle (electron/build.ts) that this machine cannot start
 * (no Electron binary). What can be checked here: it builds, and it reads .dbf text with the same decoder
 * as the prebuilt CLI (the shapefile package's `text-encoding` polyfill replaced by platformTextEncoding.cjs,
 * whose CP850 and windows-1252 output shapefileText.test.ts checks end to end), not with the polyfill,
 * which maps windows-1252 differently.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../../electron/build';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

let directory: TempDir;
let main = '';
beforeAll(async () => {
  directory = makeTempDir('kleinraum-electron-bundle-');
  await buildElectron(directory.path);
  main = fs.readFileSync(path.join(directory.path, 'main.cjs'), 'utf8');
}, 120_000);
afterAll(() => directory.remove());

describe('Electron main bundle', () => {
  it('builds main and preload', () => {
    expect(main.length).toBeGreaterThan(100_000);
    expect(fs.existsSync(path.join(directory.path, 'preload.cjs'))).toBe(true);
  });

  it('carries the platform decoder the CLI ships, not the text-encoding polyfill', () => {
    expect(main).toContain('electron/node/import/platformTextEncoding.cjs');
    expect(main).not.toContain('node_modules/text-encoding/');
  });
});
