/**
 * Local Moran's I (LISA, Anselin 1995): for each area, is it like its neighbours, and how surely?
 * Formulas as R spdep `localmoran` (1.2, defaults `conditional = TRUE, mlvar = TRUE`):
 *
 *   z_i = x_i − mean(x),  m2 = Σ z² / n  (n = all areas analysed),  lag_i = Σ_j w_ij z_j
 *   I_i = (z_i / m2) · lag_i
 *   E[I_i] = −z_i² W_i / ((n − 1) m2)                              W_i = Σ_j w_ij, W2_i = Σ_j w_ij²
 *   Var[I_i] = (z_i / m2)² · n / (n − 2) · (W2_i − W_i² / (n − 1)) · (m2 − z_i² / (n − 1))
 *   z(I_i) = (I_i − E[I_i]) / √Var[I_i]   (analytical, two-sided p; shown for reference only)
 *
 * With row-standardised weights the mean of the I_i is the global I. PySAL esda `Moran_Local.Is` divides
 * by Σ z² / (n − 1) instead of Σ z² / n, so its values are (n − 1) / n times these; the permutation
 * p-values are the same either way.
 *
 * Significance by conditional permutation (esda `Moran_Local`, GeoDa): z_i stays in place, the other
 * n − 1 values are drawn at random into its |N_i| neighbour positions (without replacement), and I_i is
 * recomputed; the folded pseudo p-value counts how many draws reach the observed I_i. Each area gets its
 * own draws from one seeded stream, so results are reproducible.
 *
 * Cluster type from the signs (esda's quadrants): HH z_i > 0 and lag_i > 0, LL both ≤ 0, HL z_i > 0 and
 * lag_i ≤ 0, LH z_i ≤ 0 and lag_i > 0 — only where the (corrected) p-value is ≤ α, else "ns".
 * Islands have no neighbours: I_i = 0, no p-value, never a cluster.
 */
import { adjustPValues, type Correction } from './multipleTesting';
import { normalTwoSided } from './normalDistribution';
import { DEFAULT_PERMUTATIONS, DEFAULT_SEED, foldedPseudoPValue, permutationRandom } from './permutationTest';
import { centred } from './globalMoran';
import { neighbourCount, spatialLag, type SpatialWeights } from './spatialWeights';

export type ClusterType = 'HH' | 'LL' | 'HL' | 'LH' | 'ns';
export const CLUSTER_TYPES: readonly ClusterType[] = ['HH', 'LL', 'LH', 'HL', 'ns'];

/** GeoDa's default significance level. */
export const DEFAULT_SIGNIFICANCE_LEVEL = 0.05;

export interface LocalMoranOptions {
  permutations?: number;
  seed?: number;
  correction?: Correction;
  /** Significance level α for clusters; default 0.05. */
  significanceLevel?: number;
}

export interface LocalMoranArea {
  localI: number;
  /** Analytical expectation, variance and z of I_i (spdep; conditional). */
  expectedLocalI: number;
  varianceLocalI: number;
  zScore: number | null;
  /** Two-sided normal p of zScore (spdep's `Pr(z != E(Ii))`), null for islands. */
  analyticalPValue: number | null;
  /** Folded pseudo p-value of the permutations; null for islands or without permutations. */
  pseudoPValue: number | null;
  /** pseudoPValue after the chosen correction. */
  adjustedPValue: number | null;
  /** Quadrant in the Moran scatter plot, whatever the significance. */
  quadrant: Exclude<ClusterType, 'ns'>;
  cluster: ClusterType;
  island: boolean;
}

export interface LocalMoran {
  areas: LocalMoranArea[];
  permutations: number;
  correction: Correction;
  significanceLevel: number;
}

/**
 * Local Moran's I of every area with permutation p-values, correction and cluster types.
 * @example localMoran(values, rowStandardise(queen), { permutations: 999, seed: 1, correction: 'fdr' }).areas[0].cluster
 */
export function localMoran(values: ArrayLike<number>, weights: SpatialWeights, options: LocalMoranOptions = {}): LocalMoran {
  const permutations = options.permutations ?? DEFAULT_PERMUTATIONS;
  const correction = options.correction ?? 'none';
  const significanceLevel = options.significanceLevel ?? DEFAULT_SIGNIFICANCE_LEVEL;
  const n = values.length;
  const z = centred(values);
  let sumOfSquares = 0;
  for (const deviation of z) sumOfSquares += deviation * deviation;
  const m2 = sumOfSquares / n;
  const lag = spatialLag(weights, z);
  const { offsets, weight } = weights;
  const localI = new Float64Array(n);
  for (let i = 0; i < n; i++) localI[i] = ((z[i] as number) / m2) * (lag[i] as number);
  const pseudo = permutations > 0 ? conditionalPermutationPValues(z, m2, localI, weights, permutations, options.seed ?? DEFAULT_SEED) : null;
  const adjusted = adjustPValues(pseudo ?? Array.from({ length: n }, () => null), correction);
  const areas: LocalMoranArea[] = [];
  for (let i = 0; i < n; i++) {
    const zi = z[i] as number;
    let Wi = 0;
    let Wi2 = 0;
    for (let position = offsets[i] as number; position < (offsets[i + 1] as number); position++) {
      Wi += weight[position] as number;
      Wi2 += (weight[position] as number) ** 2;
    }
    const island = neighbourCount(weights, i) === 0;
    const expected = -(zi * zi * Wi) / ((n - 1) * m2);
    const variance = (zi / m2) ** 2 * (n / (n - 2)) * (Wi2 - (Wi * Wi) / (n - 1)) * (m2 - (zi * zi) / (n - 1));
    const zScore = variance > 0 ? ((localI[i] as number) - expected) / Math.sqrt(variance) : null;
    const high = zi > 0;
    const highLag = (lag[i] as number) > 0;
    const quadrant = high ? (highLag ? 'HH' : 'HL') : highLag ? 'LH' : 'LL';
    const adjustedPValue = island ? null : (adjusted[i] ?? null);
    areas.push({
      localI: localI[i] as number,
      expectedLocalI: expected,
      varianceLocalI: variance,
      zScore,
      analyticalPValue: zScore === null ? null : normalTwoSided(zScore),
      pseudoPValue: island ? null : (pseudo?.[i] ?? null),
      adjustedPValue,
      quadrant,
      cluster: adjustedPValue !== null && adjustedPValue <= significanceLevel ? quadrant : 'ns',
      island,
    });
  }
  return { areas, permutations, correction, significanceLevel };
}

/**
 * Conditional permutation pseudo p-values (null for islands). For each area a partial Fisher–Yates shuffle
 * of the pool of all other areas draws its |N_i| random neighbours; the pool keeps its order between draws,
 * which does not bias them (each draw picks uniformly among the positions not yet taken).
 */
function conditionalPermutationPValues(z: Float64Array, m2: number, localI: Float64Array, weights: SpatialWeights, permutations: number, seed: number): (number | null)[] {
  const n = z.length;
  const random = permutationRandom(seed, 'local-moran');
  const pool = new Int32Array(n);
  const positionOf = new Int32Array(n);
  for (let index = 0; index < n; index++) {
    pool[index] = index;
    positionOf[index] = index;
  }
  const swap = (a: number, b: number): void => {
    const first = pool[a] as number;
    const second = pool[b] as number;
    pool[a] = second;
    pool[b] = first;
    positionOf[second] = a;
    positionOf[first] = b;
  };
  const { offsets, weight } = weights;
  const result: (number | null)[] = new Array<number | null>(n).fill(null);
  const others = n - 1;
  for (let i = 0; i < n; i++) {
    const start = offsets[i] as number;
    const k = (offsets[i + 1] as number) - start;
    if (k === 0) continue;
    const factor = (z[i] as number) / m2;
    // An area exactly at the mean has I_i = 0 in every draw: no evidence either way (esda would count every
    // tie as "at least as extreme" and report the smallest p-value).
    if (factor === 0) {
      result[i] = 1;
      continue;
    }
    // Area i waits at the end of the pool, out of the draw.
    swap(positionOf[i] as number, others);
    const observed = localI[i] as number;
    let atLeastObserved = 0;
    for (let permutation = 0; permutation < permutations; permutation++) {
      let simulatedLag = 0;
      for (let draw = 0; draw < k; draw++) {
        const chosen = draw + Math.floor(random() * (others - draw));
        swap(draw, chosen);
        simulatedLag += (weight[start + draw] as number) * (z[pool[draw] as number] as number);
      }
      if (factor * simulatedLag >= observed) atLeastObserved++;
    }
    result[i] = foldedPseudoPValue(atLeastObserved, permutations);
  }
  return result;
}
