/**
 * The project's small-number rule and what a total gives away of the counts it withholds — one module for
 * the map's values, the time series, the Bilanz and the flows, so they protect alike.
 *
 * Primary protection withholds a count n with 0 < n < threshold (shown as "< 3" or "."). A total shown
 * next to the other counts gives the withheld ones back by subtraction: their sum is the total minus the
 * shown counts. That sum settles them when there is one withheld count, or when every withheld count must
 * be the least (1) or the most (threshold − 1) a small count can be — two withheld counts summing to 2
 * are both 1. Such a total is withheld too (secondary protection, as statistical offices do); with two or
 * more withheld counts whose sum leaves room, the total stays. Where a total is printed elsewhere too
 * (the Bilanz shows what the flow view sums), a further count is withheld instead (`protectSums`), as
 * offices do with complementary suppression.
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

/** A published sum: the cell `total` is the sum of the cells `parts` (ids into the values). */
export interface SumConstraint {
  total: string;
  parts: readonly string[];
}

/** The cells to withhold: the small counts, and those withheld so that no published sum gives one back. */
export interface CellProtection {
  small: ReadonlySet<string>;
  complementary: ReadonlySet<string>;
}

/**
 * Secondary protection of cells linked by published sums (a table's rows and columns, an area's flows
 * and its totals): starting from the small counts, every sum whose withheld cells it would settle
 * (`sumRevealsWithheld`, or a withheld total beside shown parts) gets one more cell withheld — its
 * smallest part not yet withheld, or, where no part is left (or every part is one `keepPart` names, e.g.
 * an area's total that the map shows), the sum's total — until no sum that has a cell left to withhold
 * settles any (each sum on its own: a reader solving several together can know more). A cell added for one
 * sum may open another it belongs to, which then gets its own; each round adds a cell, so it ends.
 * Deterministic (ties by id), so every view computing the same table withholds the same cells.
 * @example protectSums(new Map([['a', 40], ['b', 2], ['t', 42]]), [{ total: 't', parts: ['a', 'b'] }], 3).complementary // Set { 'a' }
 */
export function protectSums(values: ReadonlyMap<string, number>, constraints: readonly SumConstraint[], threshold: number, keepPart: (id: string) => boolean = () => false): CellProtection {
  const valueOf = (id: string) => values.get(id) ?? 0;
  const small = new Set([...values].filter(([, value]) => isSmallCount(value, threshold)).map(([id]) => id));
  const withheld = new Set(small);
  const complementary = new Set<string>();
  // A work list of sums to look at: all at first, then those a newly withheld cell belongs to.
  const sumsOfCell = new Map<string, number[]>();
  constraints.forEach((constraint, index) => {
    for (const id of [constraint.total, ...constraint.parts]) {
      const list = sumsOfCell.get(id);
      if (list) list.push(index);
      else sumsOfCell.set(id, [index]);
    }
  });
  const queue = constraints.map((_, index) => index);
  const queued = new Set(queue);
  for (let head = 0; head < queue.length; head += 1) {
    const index = queue[head] as number;
    queued.delete(index);
    const constraint = constraints[index] as SumConstraint;
    const hidden = [constraint.total, ...constraint.parts].filter((id) => withheld.has(id));
    if (hidden.length === 0) continue;
    const totalHidden = withheld.has(constraint.total);
    const settled = hidden.length === 1 || (!totalHidden && sumRevealsWithheld(hidden.map(valueOf), threshold));
    if (!settled) continue;
    let next: string | undefined;
    for (const id of constraint.parts) {
      if (withheld.has(id) || !(valueOf(id) > 0) || keepPart(id)) continue;
      if (next === undefined || valueOf(id) < valueOf(next) || (valueOf(id) === valueOf(next) && id < next)) next = id;
    }
    next ??= totalHidden ? undefined : constraint.total;
    if (next === undefined) continue;
    withheld.add(next);
    complementary.add(next);
    // This sum may need one more cell (two small counts at their extremes), and so may the others of the cell.
    for (const affected of [index, ...(sumsOfCell.get(next) ?? [])]) {
      if (queued.has(affected)) continue;
      queued.add(affected);
      queue.push(affected);
    }
  }
  return { small, complementary };
}
