/**
 * Splits a whole number of people into whole-number cells in proportion to weights (largest-remainder
 * method), so that the cells of a breakdown always add up exactly to the total they were derived from.
 */

/**
 * @param total a non-negative integer
 * @param weights non-negative; at least one positive unless total is 0
 * @returns integers, one per weight, summing to `total`; ties go to the earlier cell
 * @example allocateByLargestRemainder(10, [1, 1, 1]) // [4, 3, 3]
 */
export function allocateByLargestRemainder(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (total === 0 || weightSum <= 0) return weights.map(() => 0);
  const exactShares = weights.map((weight) => (weight / weightSum) * total);
  const allocation = exactShares.map(Math.floor);
  let remaining = total - allocation.reduce((sum, count) => sum + count, 0);
  const byRemainder = exactShares
    .map((share, index) => ({ index, remainder: share - Math.floor(share) }))
    .sort((left, right) => right.remainder - left.remainder || left.index - right.index);
  for (const { index } of byRemainder) {
    if (remaining <= 0) break;
    allocation[index] = (allocation[index] as number) + 1;
    remaining--;
  }
  return allocation;
}
