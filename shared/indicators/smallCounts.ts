/**
 * The project's small-number rule and what a total gives away of the counts it withholds — one module for
 * the map's values, the time series, the Bilanz and the flows, so they protect alike.
 *
 * Primary protection withholds a count n with 0 < n < threshold (shown as "< 3" or "."). A total shown
 * next to the other counts gives the withheld ones back by subtraction: their sum is the total minus the
 * shown counts. That sum settles them when there is one withheld count, or when every withheld count must
 * be the least (1) or the most (threshold − 1) a small count can be — two withheld counts summing to 2
 * are both 1. Such a total is withheld too (secondary protection, as statistical offices do); with two or
 * more withheld counts whose sum leaves room, the total stays.
 */

/**
 * The project's rule: a count above 0 and below the threshold is small.
 * @example isSmallCount(2, 3) // true
 * @example isSmallCount(0, 3) // false (a zero is no person to protect)
 */
export function isSmallCount(value: number | null, threshold: number): boolean {
  return value !== null && value > 0 && value < threshold;
}

/**
 * Whether the withheld counts `withheld` follow from their sum, i.e. from a total shown beside the other
 * counts. Values that are not small counts (a net, a withheld total) are settled only when alone.
 * @example sumRevealsWithheld([2], 3) // true: the total minus the shown counts is 2
 * @example sumRevealsWithheld([1, 1], 3) // true: a sum of 2 over two small counts means 1 and 1
 * @example sumRevealsWithheld([1, 2], 3) // false: 3 could be 1 + 2 or 2 + 1
 * @example sumRevealsWithheld([], 3) // false: nothing withheld
 */
export function sumRevealsWithheld(withheld: readonly number[], threshold: number): boolean {
  if (withheld.length === 0) return false;
  if (withheld.length === 1) return true;
  if (!withheld.every((value) => isSmallCount(value, threshold))) return false;
  const sum = withheld.reduce((total, value) => total + value, 0);
  return sum === withheld.length || sum === withheld.length * (threshold - 1);
}
