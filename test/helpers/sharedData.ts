/**
 * Real public data for tests lives beside the checkout in `../shared/data` (see its PROVENANCE.md). It is
 * never copied into the repository, so tests always reach it through these helpers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repoRoot';

/** Absolute path of `../shared/data` relative to the repository root. */
export const sharedDataDir = path.resolve(repoRoot, '../shared/data');

/**
 * Absolute path of a file or folder inside `../shared/data`.
 *
 * @example sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3', 'VG5000_GEM.shp')
 */
export function sharedDataPath(...segments: string[]): string {
  return path.join(sharedDataDir, ...segments);
}

/** True when `../shared/data` is present beside the checkout (it is in CI and on development machines). */
export function sharedDataAvailable(): boolean {
  return fs.existsSync(path.join(sharedDataDir, 'PROVENANCE.md'));
}
