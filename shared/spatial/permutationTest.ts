/**
 * Pseudo p-values from permutations and the seeded random numbers that drive them. The generator is the
 * demo's mulberry32 (shared/demo/random.ts): the same seed gives the same permutations in Node, the
 * browser and the CLI, so a published result can be reproduced exactly.
 */
import { createDemoRandom } from '../demo/random';

/** The default number of permutations (GeoDa's and PySAL's 999: p-values in steps of 1/1000). */
export const DEFAULT_PERMUTATIONS = 999;
/** The default seed (as GeoDa's default seed). */
export const DEFAULT_SEED = 123456789;

/** Uniform [0, 1) numbers for one named use of one seed. */
export function permutationRandom(seed: number, stream: string): () => number {
  return createDemoRandom(seed, stream).next;
}

/**
 * The folded pseudo p-value of PySAL's esda (`p_sim`) and GeoDa: the share of permuted statistics at least
 * as extreme as the observed one, in the tail the observed one lies in, counting the observation itself:
 * larger = #(simulated ≥ observed); if the other tail is smaller, take it; p = (larger + 1) / (permutations + 1).
 * The smallest possible value is 1 / (permutations + 1), e.g. 0,001 for 999 permutations.
 * @example foldedPseudoPValue(3, 999) // 0.004
 */
export function foldedPseudoPValue(atLeastObserved: number, permutations: number): number {
  const larger = permutations - atLeastObserved < atLeastObserved ? permutations - atLeastObserved : atLeastObserved;
  return (larger + 1) / (permutations + 1);
}
