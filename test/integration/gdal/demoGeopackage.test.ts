// The project file is a GeoPackage so that planners can open it in QGIS or hand it to GDAL. GDAL is the
// reference implementation, so it, not our own reader, judges the demo project written by the CLI.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { runCli } from '../../helpers/cli';
import { findOnPath, findValidateGpkgScript, systemPython } from '../../helpers/externalTools';
import { skipWithReason } from '../../helpers/skipWithReason';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

const ogrinfo = findOnPath('ogrinfo');
const validateGpkgScript = findValidateGpkgScript();
const gdalInstalled = Boolean(ogrinfo && validateGpkgScript);

function skipWithoutGdal(context: TestContext): void {
  if (!gdalInstalled) {
    skipWithReason(
      context,
      `GDAL is not installed (ogrinfo: ${ogrinfo ?? 'missing'}, validate_gpkg.py: ${validateGpkgScript ?? 'missing'}); apt-get install gdal-bin`,
    );
  }
}

describe('the demo project as GDAL sees it', () => {
  let directory: TempDir | undefined;
  let demoPath = '';

  beforeAll(() => {
    if (!gdalInstalled) return;
    directory = makeTempDir('kleinraum-gdal-');
    demoPath = directory.file('demo.gpkg');
    const result = runCli(['demo', '--out', demoPath]);
    expect(result.stderr, 'kleinraum demo --out wrote to stderr').toBe('');
    expect(result.status).toBe(0);
  });

  afterAll(() => directory?.remove());

  it('ogrinfo reads the layer gemeinden with the 21 municipalities', (context) => {
    skipWithoutGdal(context);
    const result = spawnSync(ogrinfo ?? 'ogrinfo', ['-so', '-al', demoPath, 'gemeinden'], { encoding: 'utf8' });
    expect(result.stderr).not.toMatch(/ERROR/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Layer name: gemeinden$/m);
    expect(result.stdout).toMatch(/^Feature Count: 21$/m);
  });

  it("passes GDAL's GeoPackage validator", (context) => {
    skipWithoutGdal(context);
    // -k lists every violated requirement instead of stopping with a traceback at the first one.
    const result = spawnSync(systemPython, [validateGpkgScript ?? '', '-k', demoPath], { encoding: 'utf8' });
    const report = `${result.stdout}${result.stderr}`.trim();
    expect(report, 'validate_gpkg.py reported requirement violations').not.toMatch(/^Req \d+:|Traceback/m);
    expect(result.status, report).toBe(0);
  });
});
