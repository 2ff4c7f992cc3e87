/**
 * Fresh temporary directories for tests that write real files (SQLite, GeoPackage, exports). Each test
 * gets its own directory so tests never see each other's files; `remove()` deletes it again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TempDir {
  /** Absolute path of the new, empty directory. */
  path: string;
  /** Path of a file inside the directory, e.g. `file('demo.gpkg')`. */
  file(name: string): string;
  /** Deletes the directory and everything in it; safe to call twice. */
  remove(): void;
}

/**
 * Creates an empty directory under the system temp dir.
 *
 * @param prefix readable part of the directory name, e.g. 'kleinraum-gdal-'
 * @example const dir = makeTempDir('kleinraum-gdal-'); try { … dir.file('demo.gpkg') … } finally { dir.remove(); }
 */
export function makeTempDir(prefix = 'kleinraum-test-'): TempDir {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    path: directory,
    file: (name: string) => path.join(directory, name),
    remove: () => fs.rmSync(directory, { recursive: true, force: true }),
  };
}
