/**
 * Global Moran's I: do similar values lie next to each other? Formulas as R spdep `moran.test` (1.2) with
 * `zero.policy = TRUE, adjust.n = TRUE`, and its permutation counterpart as spdep `moran.mc` / PySAL esda
 * `Moran` (`p_sim`).
 *
 * With x the values of all n areas, z = x − mean(x) (mean over all areas, islands included), W the weights
 * and lag(z)_i = Σ_j w_ij z_j:
 *
 *   I = (n′ / S0) · Σ_i z_i lag(z)_i / Σ_i z_i²            n′ = number of areas with neighbours
 *   E[I] = −1 / (n′ − 1)
 *   S0 = Σ_ij w_ij,  S1 = ½ Σ_ij (w_ij + w_ji)²,  S2 = Σ_i (Σ_j w_ij + Σ_j w_ji)²
 *   normality:      Var[I] = (n′² S1 − n′ S2 + 3 S0²) / (S0² (n′² − 1)) − E[I]²
 *   randomisation:  K = n Σ z⁴ / (Σ z²)²  (kurtosis, n = all areas)
 *                   Var[I] = [n′ (S1 (n′² − 3n′ + 3) − n′ S2 + 3 S0²) − K (S1 (n′² − n′) − 2n′ S2 + 6 S0²)]
 *                            / ((n′−1)(n′−2)(n′−3) S0²) − E[I]²
 *   z = (I − E[I]) / √Var[I],  p = P(Z > z) (one-sided "greater", spdep's default)
 *
 * Permutations: the values are shuffled over the areas (`sample(x)`), I is recomputed each time, and the
 * folded pseudo p-value counts how many shuffles reach the observed I (see permutationTest.ts).
 * Islands contribute nothing to the sum (their lag is 0) and are left out of n′.
 */
import { normalUpperTail } from './normalDistribution';
import { DEFAULT_PERMUTATIONS, DEFAULT_SEED, foldedPseudoPValue, permutationRandom } from './permutationTest';
import { neighbourCount, type SpatialWeights } from './spatialWeights';

export interface GlobalMoranOptions {
  /** Number of random permutations; 0 skips the permutation test. Default 999. */
  permutations?: number;
  /** Seed of the permutations. */
  seed?: number;
}

export interface GlobalMoran {
  I: number;
  expectedI: number;
  /** Analytical variance, z and one-sided p under the normality assumption (spdep `randomisation = FALSE`). */
  normality: { variance: number; zScore: number; pValue: number };
  /** Analytical variance, z and one-sided p under randomisation (spdep's default). */
  randomisation: { variance: number; zScore: number; pValue: number };
  permutations: number;
  /** Folded pseudo p-value of the permutations (null without permutations). */
  pseudoPValue: number | null;
  /** Mean and standard deviation (population, as numpy's std) of the permuted I, and (I − mean) / sd (esda `EI_sim`, `seI_sim`, `z_sim`). */
  permutationMean: number | null;
  permutationStandardDeviation: number | null;
  permutationZScore: number | null;
  /** n′: areas with at least one neighbour. */
  areasWithNeighbours: number;
}

/** spdep's `spweights.constants` with adjust.n = TRUE. */
export function weightsConstants(weights: SpatialWeights): { n: number; S0: number; S1: number; S2: number } {
  const areaCount = weights.keys.length;
  const { offsets, neighbourIndex, weight } = weights;
  let n = 0;
  let S0 = 0;
  let S1 = 0;
  const rowSum = new Float64Array(areaCount);
  const columnSum = new Float64Array(areaCount);
  for (let i = 0; i < areaCount; i++) {
    if (neighbourCount(weights, i) > 0) n++;
    for (let position = offsets[i] as number; position < (offsets[i + 1] as number); position++) {
      const j = neighbourIndex[position] as number;
      const wij = weight[position] as number;
      S0 += wij;
      rowSum[i] = (rowSum[i] as number) + wij;
      columnSum[j] = (columnSum[j] as number) + wij;
      S1 += wij * wij + wij * linkWeight(weights, j, i);
    }
  }
  let S2 = 0;
  for (let i = 0; i < areaCount; i++) S2 += ((rowSum[i] as number) + (columnSum[i] as number)) ** 2;
  return { n, S0, S1, S2 };
}

/** w_ij, or 0 when j is not a neighbour of i (binary search in i's sorted row). */
function linkWeight(weights: SpatialWeights, i: number, j: number): number {
  let low = weights.offsets[i] as number;
  let high = (weights.offsets[i + 1] as number) - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = weights.neighbourIndex[middle] as number;
    if (candidate === j) return weights.weight[middle] as number;
    if (candidate < j) low = middle + 1;
    else high = middle - 1;
  }
  return 0;
}

/** Σ_i z_i · Σ_j w_ij z_j. */
function crossProduct(weights: SpatialWeights, z: ArrayLike<number>): number {
  const { offsets, neighbourIndex, weight } = weights;
  let total = 0;
  for (let i = 0; i < weights.keys.length; i++) {
    let lag = 0;
    for (let position = offsets[i] as number; position < (offsets[i + 1] as number); position++) lag += (weight[position] as number) * (z[neighbourIndex[position] as number] as number);
    total += (z[i] as number) * lag;
  }
  return total;
}

/** Deviations from the mean. */
export function centred(values: ArrayLike<number>): Float64Array {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  const mean = sum / values.length;
  const z = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) z[i] = (values[i] as number) - mean;
  return z;
}

/**
 * Global Moran's I with analytical and permutation inference.
 * @example globalMoran([1, 2, 3, 4], rowStandardise(lineWeights)).I
 */
export function globalMoran(values: ArrayLike<number>, weights: SpatialWeights, options: GlobalMoranOptions = {}): GlobalMoran {
  const permutations = options.permutations ?? DEFAULT_PERMUTATIONS;
  const { n, S0, S1, S2 } = weightsConstants(weights);
  const z = centred(values);
  let zz = 0;
  let z4 = 0;
  for (const deviation of z) {
    zz += deviation * deviation;
    z4 += deviation ** 4;
  }
  const scale = n / S0;
  const I = (scale * crossProduct(weights, z)) / zz;
  const K = (values.length * z4) / (zz * zz);
  const S02 = S0 * S0;
  const nn = n * n;
  const expectedI = -1 / (n - 1);
  const varianceNormality = (nn * S1 - n * S2 + 3 * S02) / (S02 * (nn - 1)) - expectedI * expectedI;
  const varianceRandomisation =
    (n * (S1 * (nn - 3 * n + 3) - n * S2 + 3 * S02) - K * (S1 * (nn - n) - 2 * n * S2 + 6 * S02)) / ((n - 1) * (n - 2) * (n - 3) * S02) - expectedI * expectedI;
  const inference = (variance: number) => {
    const zScore = (I - expectedI) / Math.sqrt(variance);
    return { variance, zScore, pValue: normalUpperTail(zScore) };
  };
  const result: GlobalMoran = {
    I,
    expectedI,
    normality: inference(varianceNormality),
    randomisation: inference(varianceRandomisation),
    permutations,
    pseudoPValue: null,
    permutationMean: null,
    permutationStandardDeviation: null,
    permutationZScore: null,
    areasWithNeighbours: n,
  };
  if (permutations <= 0) return result;
  const random = permutationRandom(options.seed ?? DEFAULT_SEED, 'global-moran');
  const shuffled = Float64Array.from(z);
  let atLeastObserved = 0;
  let sum = 0;
  let sumOfSquares = 0;
  for (let permutation = 0; permutation < permutations; permutation++) {
    // Fisher–Yates: a uniform shuffle whatever order the array is in, so the array is reused.
    for (let index = shuffled.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      const kept = shuffled[index] as number;
      shuffled[index] = shuffled[other] as number;
      shuffled[other] = kept;
    }
    const simulated = (scale * crossProduct(weights, shuffled)) / zz;
    if (simulated >= I) atLeastObserved++;
    sum += simulated;
    sumOfSquares += simulated * simulated;
  }
  const mean = sum / permutations;
  const standardDeviation = Math.sqrt(Math.max(0, sumOfSquares / permutations - mean * mean));
  return {
    ...result,
    pseudoPValue: foldedPseudoPValue(atLeastObserved, permutations),
    permutationMean: mean,
    permutationStandardDeviation: Number.isFinite(standardDeviation) ? standardDeviation : null,
    permutationZScore: Number.isFinite(standardDeviation) && standardDeviation > 0 ? (I - mean) / standardDeviation : null,
  };
}
