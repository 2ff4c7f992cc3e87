/**
 * Finding command-line tools outside npm that some tests use to check our files independently
 * (GDAL's ogrinfo and validate_gpkg.py). `.ci/run` installs them; on a machine without them the tests
 * that need them skip with a printed reason instead of failing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Absolute path of an executable found on PATH, or undefined. */
export function findOnPath(command: string): string | undefined {
  for (const directory of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!directory) continue;
    const candidate = path.join(directory, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/**
 * The Python that has GDAL's bindings. Debian's python3-gdal installs them for the system Python only,
 * so a python3 from pyenv or a venv earlier on PATH would not find `osgeo`.
 */
export const systemPython = '/usr/bin/python3';

/** Where Debian's python3-gdal (pulled in by gdal-bin) installs GDAL's GeoPackage validator. */
const validateGpkgCandidates = [
  '/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py',
  '/usr/share/doc/python3-gdal/examples/validate_gpkg.py',
];

/** Path of GDAL's validate_gpkg.py when it and the system Python with GDAL's bindings exist, else undefined. */
export function findValidateGpkgScript(): string | undefined {
  if (!fs.existsSync(systemPython)) return undefined;
  const script = validateGpkgCandidates.find((candidate) => fs.existsSync(candidate));
  if (!script) return undefined;
  const probe = spawnSync(systemPython, ['-c', 'import osgeo.ogr'], { encoding: 'utf8' });
  return probe.status === 0 ? script : undefined;
}
