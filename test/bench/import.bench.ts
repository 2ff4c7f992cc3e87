/**
 * Import benchmark: reading + reprojecting + validating the Germany-wide simplified VG250 (10 990 polygons,
 * UTM 32N) and parsing the largest CSV (GV-ISys, 1.8 MB). Run through `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDelimitedTable } from '../../shared/formats/table/parse-delimited';
import { readBoundaries } from '../../electron/node/import/read-boundaries';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const data = (relative: string) => path.resolve(repoRoot, '../shared/data', relative);

export const name = 'import';

/** Returns the measured durations in milliseconds with what was read, so the runner can print them. */
export async function run(): Promise<Record<string, number>> {
  const boundaryStart = performance.now();
  const boundaries = readBoundaries(data('boundaries/vg250_gem_2022-05-15_simplified_utm32/VG250_GEM_simplified.zip'));
  const boundaryMilliseconds = performance.now() - boundaryStart;
  const tableStart = performance.now();
  const table = parseDelimitedTable(new Uint8Array(readFileSync(data('population/gv-isys/AuszugGV4QAktuell_2019-12-31_excel-umgewandelt.csv'))));
  const tableMilliseconds = performance.now() - tableStart;
  return {
    vg250Polygons: boundaries.areas.length,
    vg250ReadReprojectValidateMs: Math.round(boundaryMilliseconds),
    gvIsysRows: table.rows.length,
    gvIsysParseMs: Math.round(tableMilliseconds),
  };
}

export default { name, run };
