/**
 * Import benchmark: reading + reprojecting + validating the Germany-wide simplified VG250 (10 990 polygons,
 * UTM 32N), parsing the largest CSV (GV-ISys, 1.8 MB), the Zensus Gemeinden join against 21 areas, and the
 * Stadtbezirke dissolve. Run through `npm run bench` (or `npm run bench -- import`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildJoinReport } from '../../shared/fileFormats/join/joinReport';
import { rowKeyText } from '../../shared/fileFormats/table/analyseGrid';
import { parseDelimitedTable } from '../../shared/fileFormats/table/parseDelimited';
import { readBoundaries } from '../../electron/node/import/readBoundaries';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const data = (relative: string) => path.resolve(repoRoot, '../shared/data', relative);

export const name = 'import';

/** Returns the measured durations in milliseconds with what was read, so the runner can print them. */
export async function run(): Promise<Record<string, number>> {
  const boundaryStart = performance.now();
  const boundaries = await readBoundaries(data('boundaries/vg250_gem_2022-05-15_simplified_utm32/VG250_GEM_simplified.zip'));
  const boundaryMilliseconds = performance.now() - boundaryStart;
  const tableStart = performance.now();
  const table = parseDelimitedTable(new Uint8Array(readFileSync(data('population/gv-isys/AuszugGV4QAktuell_2019-12-31_excel-umgewandelt.csv'))));
  const tableMilliseconds = performance.now() - tableStart;
  // Zensus Gemeinden (10 786 rows) against Region Hannover's 21 municipalities: parse + join report with its summary.
  const region = await readBoundaries(data('boundaries/vg5000_2021-01-01_gk3/VG5000_GEM.shp'), { filterKeyPrefix: '03241' });
  const zensusStart = performance.now();
  const zensus = parseDelimitedTable(new Uint8Array(readFileSync(data('population/zensus2022/zensus2022_1000A-0000_bevoelkerung_gemeinden.csv'))));
  const join = buildJoinReport(
    region.areas.map((area) => ({ key: area.key, name: area.name })),
    zensus.rows.map((row, rowIndex) => ({ rowIndex, lineNumber: row.lineNumber, keyText: rowKeyText(zensus, row), name: '', value: null })),
  );
  const zensusMilliseconds = performance.now() - zensusStart;
  // 51 Hannover Stadtteile dissolved (turf union) into 13 Stadtbezirke.
  const dissolveStart = performance.now();
  const bezirke = await readBoundaries(data('hannover_stadt/stadtteile/stadtteile_hannover_skh5000_qgis2web_crs84.geojson'), { dissolveByField: 'STADTBZNR' });
  const dissolveMilliseconds = performance.now() - dissolveStart;
  return {
    vg250Polygons: boundaries.areas.length,
    vg250ReadReprojectValidateMs: Math.round(boundaryMilliseconds),
    gvIsysRows: table.rows.length,
    gvIsysParseMs: Math.round(tableMilliseconds),
    zensusRows: zensus.rows.length,
    zensusUnmatchedRows: join.unmatchedRows.length,
    zensusParseJoinMs: Math.round(zensusMilliseconds),
    stadtbezirke: bezirke.areas.length,
    stadtbezirkeDissolveMs: Math.round(dissolveMilliseconds),
  };
}

export default { name, run };
