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

/** A cell's id: text, or a number where a caller has very many cells (profiles of 11 000 areas). */
export type CellId = string | number;

/** A published sum: the cell `total` is the sum of the cells `parts` (ids into the values). */
export interface SumConstraint<Id extends CellId = string> {
  total: Id;
  parts: readonly Id[];
}

/** The cells to withhold: the small counts, and those withheld so that no published sum gives one back. */
export interface CellProtection<Id extends CellId = string> {
  small: ReadonlySet<Id>;
  complementary: ReadonlySet<Id>;
}

/**
 * Secondary protection of cells linked by published sums (a table's rows and columns, an area's flows
 * and its totals): starting from the small counts, every sum whose withheld cells it would settle
 * (`sumRevealsWithheld`, or a withheld total beside shown parts) gets one more cell withheld — its
 * smallest part not yet withheld, or, where no part is left (or every part is one `keepPart` names, e.g.
 * an area's total that the map shows), the sum's total — until no sum that has a cell left to withhold
 * settles any (each sum on its own: a reader solving several together can know more). A cell added for one
 * sum may open another it belongs to, which then gets its own; each round adds a cell, so it ends.
 * Deterministic (ties by id, the lower first), so every view computing the same table withholds the same
 * cells. Linear in the table's cells plus, for each cell withheld, the parts of the sums it settles.
 * @example protectSums(new Map([['a', 40], ['b', 2], ['t', 42]]), [{ total: 't', parts: ['a', 'b'] }], 3).complementary // Set { 'a' }
 */
export function protectSums<Id extends CellId = string>(
  values: ReadonlyMap<Id, number>,
  constraints: readonly SumConstraint<Id>[],
  threshold: number,
  keepPart: (id: Id) => boolean = () => false,
): CellProtection<Id> {
  const valueOf = (id: Id) => values.get(id) ?? 0;
  const small = new Set<Id>();
  for (const [id, value] of values) if (isSmallCount(value, threshold)) small.add(id);
  const withheld = new Set<Id>();
  const complementary = new Set<Id>();
  // What each sum withholds, kept up to date as cells are withheld, so that looking at a sum does not walk
  // its parts (a column of 11 000 areas): how many of its cells, and of its parts their count, sum and how
  // many of them are no small counts. Sums by cell, to update them.
  const hiddenCells = new Int32Array(constraints.length);
  const hiddenParts = new Int32Array(constraints.length);
  const hiddenPartsSum = new Float64Array(constraints.length);
  const hiddenPartsNotSmall = new Int32Array(constraints.length);
  const sumsOfCell = new Map<Id, number[]>();
  const addSumOfCell = (id: Id, index: number) => {
    const list = sumsOfCell.get(id);
    if (list) list.push(index);
    else sumsOfCell.set(id, [index]);
  };
  constraints.forEach((constraint, index) => {
    addSumOfCell(constraint.total, index);
    for (const id of constraint.parts) addSumOfCell(id, index);
  });
  const withhold = (id: Id) => {
    withheld.add(id);
    for (const index of sumsOfCell.get(id) ?? []) {
      hiddenCells[index] = (hiddenCells[index] as number) + 1;
      if ((constraints[index] as SumConstraint<Id>).total === id) continue;
      hiddenParts[index] = (hiddenParts[index] as number) + 1;
      hiddenPartsSum[index] = (hiddenPartsSum[index] as number) + valueOf(id);
      if (!isSmallCount(valueOf(id), threshold)) hiddenPartsNotSmall[index] = (hiddenPartsNotSmall[index] as number) + 1;
    }
  };
  for (const id of small) withhold(id);
  /** `sumRevealsWithheld` of the sum's withheld cells, from the counters. */
  const settles = (index: number, totalHidden: boolean): boolean => {
    if (hiddenCells[index] === 1) return true;
    if (totalHidden || (hiddenPartsNotSmall[index] as number) > 0) return false;
    const count = hiddenParts[index] as number;
    const sum = hiddenPartsSum[index] as number;
    return sum === count || sum === count * (threshold - 1);
  };
  // A work list of sums to look at: all at first, then those a newly withheld cell belongs to.
  const queue = constraints.map((_, index) => index);
  const queued = new Uint8Array(constraints.length).fill(1);
  for (let head = 0; head < queue.length; head += 1) {
    const index = queue[head] as number;
    queued[index] = 0;
    if (hiddenCells[index] === 0) continue;
    const constraint = constraints[index] as SumConstraint<Id>;
    const totalHidden = withheld.has(constraint.total);
    if (!settles(index, totalHidden)) continue;
    let next: Id | undefined;
    for (const id of constraint.parts) {
      if (withheld.has(id) || !(valueOf(id) > 0) || keepPart(id)) continue;
      if (next === undefined || valueOf(id) < valueOf(next) || (valueOf(id) === valueOf(next) && id < next)) next = id;
    }
    next ??= totalHidden ? undefined : constraint.total;
    if (next === undefined) continue;
    withhold(next);
    complementary.add(next);
    // This sum may need one more cell (two small counts at their extremes), and so may the others of the cell.
    for (const affected of [index, ...(sumsOfCell.get(next) ?? [])]) {
      if (queued[affected] === 1) continue;
      queued[affected] = 1;
      queue.push(affected);
    }
  }
  return { small, complementary };
}
