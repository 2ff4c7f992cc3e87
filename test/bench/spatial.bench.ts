/**
 * Benchmark of the spatial statistics (issue 14). Targets: queen weights for the Germany-wide VG250
 * Gemeinden (10 990 polygons, ../shared/data) under 2 s; local Moran with 999 permutations for those
 * areas under 3 s; for the 21 Städte und Gemeinden of Region Hannover everything (weights, global and
 * local Moran with 999 permutations, both empirical-Bayes smoothings, scatter fit) under 50 ms.
 * Reading the shapefile is not measured. Figures: median of several runs after a warm-up, wall-clock ms.
 */
import { createDemoRandom } from '../../shared/demo/random';
import { globalEmpiricalBayes, spatialEmpiricalBayes } from '../../shared/spatial/empiricalBayes';
import { globalMoran } from '../../shared/spatial/globalMoran';
import { contiguityWeights } from '../../shared/spatial/contiguityWeights';
import { linearFit } from '../../shared/spatial/linearFit';
import { localMoran } from '../../shared/spatial/localMoran';
import { areaCentroids, nearestNeighbourWeights } from '../../shared/spatial/nearestNeighbourWeights';
import { spatialAnalysis } from '../../shared/spatial/spatialAnalysis';
import { rowStandardise, summariseWeights } from '../../shared/spatial/spatialWeights';
import { germanyGemeinden, regionHannoverGemeinden, type GoldenArea } from '../golden/spatial/goldenCases';
import { sharedDataAvailable } from '../helpers/sharedData';
import { median, millisecondsSince } from './benchmark';

function timed<T>(runs: number, work: () => T): { milliseconds: number; result: T } {
  let result = work();
  const durations: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    result = work();
    durations.push(millisecondsSince(start));
  }
  return { milliseconds: median(durations), result };
}

/** Values with a west–east trend and noise, so there are clusters to find (seeded). */
function syntheticValues(areas: readonly GoldenArea[]): number[] {
  const random = createDemoRandom(5, 'spatial-bench');
  return areaCentroids(areas).map(([longitude]) => longitude + 2 * random.normal());
}

export const name = 'spatial';

export async function run(): Promise<Record<string, number>> {
  if (!sharedDataAvailable()) throw new Error('../shared/data is not present beside the checkout');
  const germany = await germanyGemeinden();
  const queen = timed(3, () => contiguityWeights(germany, 'queen'));
  const rook = timed(3, () => contiguityWeights(germany, 'rook'));
  const knn = timed(3, () => nearestNeighbourWeights(germany.map((area) => area.key), areaCentroids(germany), 6));
  const weights = rowStandardise(queen.result);
  const values = syntheticValues(germany);
  const lisa = timed(3, () => localMoran(values, weights, { permutations: 999, seed: 1, correction: 'fdr' }));
  const global = timed(3, () => globalMoran(values, weights, { permutations: 999, seed: 1 }));

  const region = await regionHannoverGemeinden();
  const regionValues = syntheticValues(region);
  const populations = region.map((_, index) => 10_000 + 1_000 * index);
  const random = createDemoRandom(5, 'spatial-bench-counts');
  const counts = populations.map((population) => Math.round(population * 0.02 * random.factor(0.3)));
  const everything = timed(21, () => {
    const regionWeights = contiguityWeights(region, 'queen');
    const analysis = spatialAnalysis(
      region.map((area, index) => ({ key: area.key, name: area.name, value: regionValues[index]! })),
      regionWeights,
      { permutations: 999, seed: 1, correction: 'fdr', significanceLevel: 0.05 },
    );
    globalEmpiricalBayes(counts, populations);
    spatialEmpiricalBayes(counts, populations, regionWeights);
    return linearFit(regionValues, regionValues.map((value) => value * 2)).count + analysis.analysedCount;
  });
  return {
    germanyAreas: germany.length,
    germanyQueenLinks: summariseWeights(queen.result).links,
    germanyQueenWeightsMilliseconds: queen.milliseconds,
    germanyRookWeightsMilliseconds: rook.milliseconds,
    germanyKnn6WeightsMilliseconds: knn.milliseconds,
    germanyLocalMoran999Milliseconds: lisa.milliseconds,
    germanyGlobalMoran999Milliseconds: global.milliseconds,
    regionHannover21EverythingMilliseconds: everything.milliseconds,
  };
}
