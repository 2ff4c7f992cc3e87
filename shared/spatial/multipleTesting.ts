/**
 * Corrections for testing every area at once. With 999 permutations and 21 areas about one area in twenty
 * looks "significant" at 5 % by chance alone; the corrections keep that in check:
 *
 * - none: p as computed;
 * - bonferroni: p · m (capped at 1), m = number of areas tested — controls the chance of any false alarm,
 *   strict (with 999 permutations and more than 50 areas no area can reach 5 %);
 * - fdr: Benjamini–Hochberg adjusted p-values, q_(i) = min over j ≥ i of m · p_(j) / j for p sorted
 *   ascending — controls the expected share of false alarms among the areas called significant; an area
 *   is significant when q ≤ α, which is GeoDa's FDR rule "p_(i) ≤ i · α / m for the largest such i".
 *
 * Matches R's `p.adjust(p, "bonferroni")` and `p.adjust(p, "BH")`.
 */

export const CORRECTIONS = ['none', 'bonferroni', 'fdr'] as const;
export type Correction = (typeof CORRECTIONS)[number];

/**
 * Adjusted p-values, in the order given; null entries (areas not tested) stay null and do not count in m.
 * @example adjustPValues([0.01, 0.04, 0.03], 'fdr') // [0.03, 0.04, 0.04]
 */
export function adjustPValues(pValues: readonly (number | null)[], correction: Correction): (number | null)[] {
  if (correction === 'none') return [...pValues];
  const tested = pValues.flatMap((p, index) => (p === null ? [] : [{ p, index }]));
  const m = tested.length;
  const adjusted: (number | null)[] = pValues.map(() => null);
  if (correction === 'bonferroni') {
    for (const { p, index } of tested) adjusted[index] = Math.min(1, p * m);
    return adjusted;
  }
  const ascending = [...tested].sort((a, b) => a.p - b.p || a.index - b.index);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const entry = ascending[rank - 1] as { p: number; index: number };
    running = Math.min(running, (m * entry.p) / rank);
    adjusted[entry.index] = running;
  }
  return adjusted;
}
