/**
 * Exact optimal 1-D k-means (Fisher 1958 / Jenks / Ckmeans.1d.dp) over DISTINCT values with weights.
 *
 * Why weighted: statistics arrive rounded (rates with one decimal, counts), so 11 000 areas often have only
 * a few thousand distinct values. Grouping equal values first gives the same optimum — equal values always
 * belong to the same class in an optimal partition, because splitting them can only add within-class
 * variance — while the dynamic programme runs over m distinct values instead of n. Equal values are then
 * never split across classes either, so every class starts at a distinct data value.
 *
 * The programme: D[c][i] = min over j of D[c−1][j−1] + SSQ(j..i), SSQ from weighted prefix sums of the
 * values shifted by the median (numerical stability, as in Ckmeans.1d.dp). The optimal start j of the last
 * class is monotone in i (the within-class sum of squares satisfies the quadrangle inequality), so each row
 * is filled by divide and conquer in O(m log m): O(k·m·log m) in all, in typed arrays.
 */

/**
 * Indices (into `distinctValues`) where classes 2…k start, for the partition into `classCount` classes with
 * the smallest weighted within-class sum of squares. Ties between equally good partitions go to the
 * latest start index. Requires ascending distinct values and classCount ≤ distinctValues.length.
 * @example weightedCkmeansStarts([1, 2, 10, 11], [1, 1, 1, 1], 2) // [2] → classes {1, 2} {10, 11}
 */
export function weightedCkmeansStarts(distinctValues: ArrayLike<number>, weights: ArrayLike<number>, classCount: number): number[] {
  const valueCount = distinctValues.length;
  if (classCount <= 1 || valueCount === 0) return [];
  const shift = distinctValues[Math.floor(valueCount / 2)] as number;
  // Prefix sums with a leading 0: sums over j..i are prefix[i + 1] − prefix[j].
  const weightSums = new Float64Array(valueCount + 1);
  const valueSums = new Float64Array(valueCount + 1);
  const squareSums = new Float64Array(valueCount + 1);
  for (let index = 0; index < valueCount; index++) {
    const weight = weights[index] as number;
    const shifted = (distinctValues[index] as number) - shift;
    weightSums[index + 1] = (weightSums[index] as number) + weight;
    valueSums[index + 1] = (valueSums[index] as number) + weight * shifted;
    squareSums[index + 1] = (squareSums[index] as number) + weight * shifted * shifted;
  }

  // cost[c * m + i]: the least total SSQ of values 0..i in c + 1 classes; start[c * m + i]: where class c + 1 starts.
  const cost = new Float64Array(classCount * valueCount);
  const start = new Int32Array(classCount * valueCount);
  for (let last = 0; last < valueCount; last++) {
    const weight = weightSums[last + 1] as number;
    const sum = valueSums[last + 1] as number;
    const withinCost = (squareSums[last + 1] as number) - (sum * sum) / weight;
    cost[last] = withinCost > 0 ? withinCost : 0;
  }

  const tables: DynamicProgrammeTables = { weightSums, valueSums, squareSums, cost, start, valueCount };
  for (let cluster = 1; cluster < classCount; cluster++) {
    // The last row is only needed at the last value.
    const firstIndex = cluster === classCount - 1 ? valueCount - 1 : cluster;
    fillRow(tables, cluster, firstIndex, valueCount - 1, cluster, valueCount - 1);
  }

  const starts: number[] = new Array(classCount - 1);
  let last = valueCount - 1;
  for (let cluster = classCount - 1; cluster >= 1; cluster--) {
    const classStart = start[cluster * valueCount + last] as number;
    starts[cluster - 1] = classStart;
    last = classStart - 1;
  }
  return starts;
}

interface DynamicProgrammeTables {
  weightSums: Float64Array;
  valueSums: Float64Array;
  squareSums: Float64Array;
  cost: Float64Array;
  start: Int32Array;
  valueCount: number;
}

/**
 * Fills cost/start of row `cluster` for last values lowIndex..highIndex, knowing that their optimal starts
 * lie in lowStart..highStart (divide and conquer over the monotone optimal start). A plain function with
 * its tables passed in, rather than a closure per row, so that V8 optimises it once.
 */
function fillRow(tables: DynamicProgrammeTables, cluster: number, lowIndex: number, highIndex: number, lowStart: number, highStart: number): void {
  if (lowIndex > highIndex) return;
  const { weightSums, valueSums, squareSums, cost, start, valueCount } = tables;
  const row = cluster * valueCount;
  const previousRow = row - valueCount;
  const index = (lowIndex + highIndex) >>> 1;
  const firstStart = Math.max(lowStart, cluster);
  const lastStart = Math.min(highStart, index);
  let bestCost = Number.POSITIVE_INFINITY;
  let bestStart = lastStart;
  // Scan from the latest start backwards. Moving the start earlier only grows the last class's SSQ, and
  // the cost of the classes before it is at least cost[previousRow + firstStart − 1] (optimal costs grow
  // with the number of values), so once that floor plus the SSQ reaches the best total, no earlier start
  // can beat it: exact pruning, as in Ckmeans.1d.dp. Ties keep the latest start (consistently, which
  // keeps the optimal starts monotone for the divide and conquer).
  const floor = firstStart > 0 ? (cost[previousRow + firstStart - 1] as number) : 0;
  const weightEnd = weightSums[index + 1] as number;
  const valueEnd = valueSums[index + 1] as number;
  const squareEnd = squareSums[index + 1] as number;
  for (let candidate = lastStart; candidate >= firstStart; candidate--) {
    const weight = weightEnd - (weightSums[candidate] as number);
    const sum = valueEnd - (valueSums[candidate] as number);
    let withinCost = squareEnd - (squareSums[candidate] as number) - (sum * sum) / weight;
    if (withinCost < 0) withinCost = 0;
    if (withinCost + floor >= bestCost) break;
    const total = (cost[previousRow + candidate - 1] as number) + withinCost;
    if (total < bestCost) {
      bestCost = total;
      bestStart = candidate;
    }
  }
  cost[row + index] = bestCost;
  start[row + index] = bestStart;
  fillRow(tables, cluster, lowIndex, index - 1, lowStart, bestStart);
  fillRow(tables, cluster, index + 1, highIndex, bestStart, highStart);
}
