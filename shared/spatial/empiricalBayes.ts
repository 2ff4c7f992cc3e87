/**
 * Empirical-Bayes smoothed rates for counts over a population at risk (Marshall 1991, method of moments):
 * a rate from a small population is pulled towards a reference rate, a rate from a large population hardly
 * moves. So a municipality with 50 refugees does not look extreme by chance.
 *
 * Global (R spdep `EBest(n, x, family = "poisson")`), with counts r_i, populations n_i, raw rates p_i = r_i / n_i,
 * N areas:
 *   b = Σ r / Σ n                                   (the region's rate)
 *   s² = Σ n_i (p_i − b)² / Σ n
 *   a = max(0, s² − b / (Σ n / N))                  (variance of the true rates)
 *   EB_i = b + a (p_i − b) / (a + b / n_i)
 *
 * Spatial (R spdep `EBlocal(r, n, nb)`, default `geoda = FALSE`): the same with the reference taken from the
 * area and its neighbours, N*_i = N_i ∪ {i}:
 *   m_i = Σ_{N*_i} r / Σ_{N*_i} n,   n̄_i = mean of n over N*_i
 *   C_i = Σ_{j ∈ N*_i} n_j (p_j − m_j)²        (note: each j's own m_j, as spdep computes it)
 *   a_i = max(0, C_i / Σ_{N*_i} n − m_i / n̄_i)
 *   EB_i = m_i + (p_i − m_i) · a_i / (a_i + m_i / n_i)
 *
 * Rates are per person; multiply by the indicator's scale (1 000 for "je 1.000", 100 for %) to show them.
 * When every count is 0 the smoothed rate is 0 (spdep would divide 0 by 0).
 */
import type { SpatialWeights } from './spatialWeights';

export interface EmpiricalBayesEstimate {
  raw: number[];
  smoothed: number[];
}

export interface GlobalEmpiricalBayes extends EmpiricalBayesEstimate {
  /** Prior mean b (the overall rate) and prior variance a. */
  priorMean: number;
  priorVariance: number;
}

export interface SpatialEmpiricalBayes extends EmpiricalBayesEstimate {
  /** Local prior mean m_i and variance a_i per area. */
  priorMean: number[];
  priorVariance: number[];
}

function checkInput(counts: readonly number[], populations: readonly number[]): void {
  if (counts.length !== populations.length) throw new Error('empirical Bayes: counts and populations differ in length');
  populations.forEach((population, index) => {
    if (!(population > 0)) throw new Error(`empirical Bayes: population of area ${index} is ${population}, must be positive`);
    if (!((counts[index] as number) >= 0)) throw new Error(`empirical Bayes: count of area ${index} is ${counts[index]}, must be ≥ 0`);
  });
}

function shrink(priorMean: number, priorVariance: number, rate: number, population: number): number {
  if (priorMean === 0 && priorVariance === 0) return 0;
  return priorMean + (priorVariance * (rate - priorMean)) / (priorVariance + priorMean / population);
}

/**
 * @example globalEmpiricalBayes([2, 50], [100, 10_000]).smoothed // the small area moves towards 52 / 10 100
 */
export function globalEmpiricalBayes(counts: readonly number[], populations: readonly number[]): GlobalEmpiricalBayes {
  checkInput(counts, populations);
  const areas = counts.length;
  const raw = counts.map((count, index) => count / (populations[index] as number));
  const countSum = counts.reduce((sum, count) => sum + count, 0);
  const populationSum = populations.reduce((sum, population) => sum + population, 0);
  const priorMean = countSum / populationSum;
  let variance = 0;
  raw.forEach((rate, index) => {
    variance += ((populations[index] as number) * (rate - priorMean) ** 2) / populationSum;
  });
  const priorVariance = Math.max(0, variance - priorMean / (populationSum / areas));
  const smoothed = raw.map((rate, index) => shrink(priorMean, priorVariance, rate, populations[index] as number));
  return { raw, smoothed, priorMean, priorVariance };
}

/**
 * @example spatialEmpiricalBayes(counts, populations, queenWeights).smoothed
 */
export function spatialEmpiricalBayes(counts: readonly number[], populations: readonly number[], weights: SpatialWeights): SpatialEmpiricalBayes {
  checkInput(counts, populations);
  const areas = counts.length;
  if (weights.keys.length !== areas) throw new Error('empirical Bayes: weights and values differ in length');
  const raw = counts.map((count, index) => count / (populations[index] as number));
  const { offsets, neighbourIndex } = weights;
  // N*_i: the neighbours and the area itself.
  const withSelf = (i: number): number[] => [i, ...Array.from(neighbourIndex.subarray(offsets[i] as number, offsets[i + 1] as number))];
  const localCount = new Float64Array(areas);
  const localPopulation = new Float64Array(areas);
  const meanPopulation = new Float64Array(areas);
  const priorMean = new Array<number>(areas);
  for (let i = 0; i < areas; i++) {
    const members = withSelf(i);
    for (const j of members) {
      localCount[i] = (localCount[i] as number) + (counts[j] as number);
      localPopulation[i] = (localPopulation[i] as number) + (populations[j] as number);
    }
    meanPopulation[i] = (localPopulation[i] as number) / members.length;
    priorMean[i] = (localCount[i] as number) / (localPopulation[i] as number);
  }
  const priorVariance = new Array<number>(areas);
  const smoothed = new Array<number>(areas);
  for (let i = 0; i < areas; i++) {
    let spread = 0;
    for (const j of withSelf(i)) spread += (populations[j] as number) * ((raw[j] as number) - (priorMean[j] as number)) ** 2;
    const mean = priorMean[i] as number;
    const variance = Math.max(0, spread / (localPopulation[i] as number) - mean / (meanPopulation[i] as number));
    priorVariance[i] = variance;
    smoothed[i] = mean === 0 && variance === 0 ? 0 : mean + ((raw[i] as number) - mean) * (variance / (variance + mean / (populations[i] as number)));
  }
  return { raw, smoothed, priorMean, priorVariance };
}
