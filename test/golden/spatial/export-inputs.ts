/**
 * Step 1 of making the spatial goldens (see README.md): writes, for every case,
 * - in/<case>.json (committed): keys, names, values, counts and populations for the rates, and the
 *   centroids that the k-nearest-neighbour weights use;
 * - <work>/<case>.geojson (not committed for the real layers): the geometry as the project stores it, for
 *   the reference scripts to build their weights from.
 * Run: npx tsx test/golden/spatial/export-inputs.ts <work-folder>
 */
import fs from 'node:fs';
import path from 'node:path';
import { createDemoRandom } from '../../../shared/demo/random';
import { areaCentroid } from '../../../shared/spatial/areaCentroid';
import { demoRefugeeRates, type CaseValues } from './demoRates';
import { fixtureAreas, germanyGemeinden, goldenDir, hannoverStadtteile, regionHannoverGemeinden, type GoldenArea } from './goldenCases';

const workDir = path.resolve(process.argv[2] ?? 'build/golden-spatial');
fs.mkdirSync(workDir, { recursive: true });

function writeCase(name: string, areas: GoldenArea[], data: CaseValues, note: string): void {
  const input = {
    case: name,
    note,
    toleranceDegrees: 1e-7,
    keys: areas.map((area) => area.key),
    names: areas.map((area) => area.name),
    values: data.values,
    counts: data.counts,
    populations: data.populations,
    centroids: areas.map((area) => areaCentroid(area.geometry)),
  };
  fs.writeFileSync(path.join(goldenDir, 'in', `${name}.json`), `${JSON.stringify(input, null, 1)}\n`);
  const collection = { type: 'FeatureCollection', features: areas.map((area) => ({ type: 'Feature', properties: { key: area.key, name: area.name }, geometry: area.geometry })) };
  fs.writeFileSync(path.join(workDir, `${name}.geojson`), JSON.stringify(collection));
  process.stderr.write(`${name}: ${areas.length} areas\n`);
}

/** Synthetic counts over synthetic populations with a west–east gradient, so there is a pattern to find. */
function syntheticRates(areas: GoldenArea[], stream: string, missing: readonly string[] = []): CaseValues {
  const random = createDemoRandom(14, stream);
  const longitudes = areas.map((area) => areaCentroid(area.geometry)[0]);
  const west = Math.min(...longitudes);
  const east = Math.max(...longitudes);
  const populations = areas.map(() => Math.round(random.uniform(800, 40_000)));
  const counts = areas.map((_, index) => {
    const rate = 0.004 + 0.02 * ((longitudes[index]! - west) / (east - west || 1)) * random.factor(0.3);
    return Math.round(rate * populations[index]!);
  });
  const values = areas.map((area, index) => (missing.includes(area.key) ? null : (1000 * counts[index]!) / populations[index]!));
  return { values, counts, populations };
}

const grid = fixtureAreas('grid5x5');
writeCase('grid5x5', grid, syntheticRates(grid, 'grid'), 'A 5 × 5 lattice of unit squares: rook and queen differ at the corners.');
const islands = fixtureAreas('islands');
writeCase('islands', islands, syntheticRates(islands, 'islands', ['c3']), 'A 3 × 3 lattice, a detached square (island) and one area without a value (c3).');
const gemeinden = await regionHannoverGemeinden();
writeCase('region-hannover-21', gemeinden, demoRefugeeRates(gemeinden), 'Region Hannover, VG250 (BKG, simplified, UTM 32N → WGS84); refugees per 1 000 of the demo project (synthetic).');
const stadtteile = await hannoverStadtteile();
writeCase('hannover-stadtteile-51', stadtteile, syntheticRates(stadtteile, 'stadtteile'), 'Hannover Stadtteile (LH Hannover via Freifunk, WGS84); synthetic counts with a west–east gradient.');
if (process.argv.includes('--germany')) {
  const germany = await germanyGemeinden();
  const collection = { type: 'FeatureCollection', features: germany.map((area) => ({ type: 'Feature', properties: { key: area.key, name: area.name }, geometry: area.geometry })) };
  fs.writeFileSync(path.join(workDir, 'germany.geojson'), JSON.stringify(collection));
  process.stderr.write(`germany: ${germany.length} areas (geometry only)\n`);
}
