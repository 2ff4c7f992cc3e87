// "Anordnung: wie die Karte" for the 51 Stadtteile of Hannover (real boundaries from the shared data
// folder): one cell each, and the west–east and north–south order of clearly separated Stadtteile kept.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readBoundaries } from '../../../electron/node/import/readBoundaries';
import { geographicGrid } from '../../../shared/movement/geoGrid';
import { areaCentroid } from '../../../shared/spatial/areaCentroid';
import { expectOneCellEach, reversedShare } from '../../unit/movement/gridChecks';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const file = path.resolve(repoRoot, '../shared/data/hannover_stadt/stadtteile/stadtteile_hannover_skh5000_qgis2web_crs84.geojson');
const available = fs.existsSync(file);
if (!available) console.warn(`geoGridStadtteile: skipped, ${file} is missing`);

describe.skipIf(!available)('geographicGrid on the 51 Stadtteile of Hannover', () => {
  it('gives each Stadtteil one cell and keeps their order on the map', async () => {
    const { areas } = await readBoundaries(file, { keyField: 'STADTTLNR', requireAttributes: ['STADTTLNAM'] });
    expect(areas).toHaveLength(51);
    const points = areas.map((area) => {
      const [x, y] = areaCentroid(area.geometry);
      return { key: area.key, x, y };
    });
    const grid = geographicGrid(points);
    expectOneCellEach(grid, points);
    expect(reversedShare(grid, points, 0.2)).toEqual({ columns: 0, rows: 0 });
    const close = reversedShare(grid, points, 0.05);
    expect(close.columns).toBeLessThan(0.05);
    expect(close.rows).toBeLessThan(0.05);
  });
});
