/**
 * What every classification method returns before values are assigned: the full list of class bounds.
 * Kept separate from `Classification` so that each method is a small pure function of sorted data and
 * the assignment rule ("a value on a break belongs to the class above") lives in one place.
 */
export interface ClassBounds {
  /** [lowest bound, inner breaks…, highest bound], non-decreasing; lowest ≤ data minimum, highest ≥ data maximum. */
  bounds: number[];
  /** The first class has no lower limit ("unter …"). */
  openBelow?: boolean;
  /** The last class has no upper limit ("… und mehr" / outliers). */
  openAbove?: boolean;
}

/**
 * Turns candidate inner breaks of a data-driven method into bounds over the data range: drops breaks
 * that would leave an empty class at either end (≤ minimum or > maximum) and duplicates (ties in the
 * data), so that fewer distinct values than classes give fewer classes instead of empty ones.
 * @example boundsFromInnerBreaks([1, 1, 3], 1, 5) // { bounds: [1, 3, 5] }
 */
export function boundsFromInnerBreaks(candidateBreaks: readonly number[], minimum: number, maximum: number): ClassBounds {
  const inner: number[] = [];
  for (const candidate of [...candidateBreaks].sort((a, b) => a - b)) {
    if (!Number.isFinite(candidate) || candidate <= minimum || candidate > maximum) continue;
    if (inner.length > 0 && candidate <= (inner[inner.length - 1] as number)) continue;
    inner.push(candidate);
  }
  return { bounds: [minimum, ...inner, maximum] };
}
