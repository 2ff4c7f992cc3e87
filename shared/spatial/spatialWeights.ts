/**
 * Spatial weights: which areas count as neighbours of which, and with what weight. Stored in compressed
 * sparse rows (CSR), so 11 000 areas with 60 000 neighbour links are three typed arrays, fast to walk and
 * cheap to cache: the neighbours of area i are `neighbourIndex[offsets[i]] … neighbourIndex[offsets[i+1]-1]`
 * (ascending), with `weight` parallel to `neighbourIndex`.
 *
 * The same shape as spdep's `listw` (neighbours + weights per region) and PySAL's `W` (neighbors +
 * weights dicts); the index i refers to `keys[i]` everywhere.
 */

/** How neighbours were found: shared boundary point (queen), shared boundary edge (rook), or k nearest centroids. */
export type WeightsKind = { type: 'queen' } | { type: 'rook' } | { type: 'knn'; k: number };

/**
 * `binary`: every neighbour weighs 1 (spdep style "B").
 * `rowStandardised`: the weights of each area sum to 1 (spdep style "W", PySAL transform "r").
 */
export type WeightsStyle = 'binary' | 'rowStandardised';

export interface SpatialWeights {
  /** Area keys; index i in every array refers to keys[i]. */
  keys: readonly string[];
  kind: WeightsKind;
  style: WeightsStyle;
  /** n + 1 entries; neighbours of i are at positions offsets[i] ≤ p < offsets[i + 1]. */
  offsets: Int32Array;
  /** Neighbour indexes (into keys), ascending within each area. */
  neighbourIndex: Int32Array;
  /** Weight of each neighbour link, parallel to neighbourIndex. */
  weight: Float64Array;
}

/**
 * Weights from neighbour lists (binary style). Lists need not be sorted or symmetric; duplicates and
 * self-links are dropped.
 * @example weightsFromNeighbourLists(['a', 'b', 'c'], [[1], [0, 2], [1]], { type: 'queen' }).neighbourIndex // Int32Array [1, 0, 2, 1]
 */
export function weightsFromNeighbourLists(keys: readonly string[], lists: readonly (readonly number[])[], kind: WeightsKind): SpatialWeights {
  if (lists.length !== keys.length) throw new Error(`weightsFromNeighbourLists: ${keys.length} keys but ${lists.length} neighbour lists`);
  const offsets = new Int32Array(keys.length + 1);
  const cleaned = lists.map((list, index) => [...new Set(list)].filter((neighbour) => neighbour !== index).sort((a, b) => a - b));
  cleaned.forEach((list, index) => {
    offsets[index + 1] = (offsets[index] as number) + list.length;
  });
  const neighbourIndex = new Int32Array(offsets[keys.length] as number);
  cleaned.forEach((list, index) => neighbourIndex.set(list, offsets[index] as number));
  const weight = new Float64Array(neighbourIndex.length).fill(1);
  return { keys, kind, style: 'binary', offsets, neighbourIndex, weight };
}

/** The number of neighbours of area i (its cardinality). */
export function neighbourCount(weights: SpatialWeights, index: number): number {
  return (weights.offsets[index + 1] as number) - (weights.offsets[index] as number);
}

/**
 * Neighbour indexes of area i, ascending.
 * @example neighboursOf(weights, 0) // [1, 3]
 */
export function neighboursOf(weights: SpatialWeights, index: number): number[] {
  return Array.from(weights.neighbourIndex.subarray(weights.offsets[index] as number, weights.offsets[index + 1] as number));
}

/** The neighbour lists as arrays (for reports, caches and golden files). */
export function neighbourLists(weights: SpatialWeights): number[][] {
  return weights.keys.map((_, index) => neighboursOf(weights, index));
}

/**
 * Row standardisation: w_ij / Σ_j w_ij, so each area's spatial lag is the weighted mean of its neighbours.
 * Islands (no neighbours) keep an empty row: their lag is 0 (spdep's zero.policy = TRUE).
 * @example rowStandardise(weights).weight // 0.5, 0.5 for an area with two neighbours
 */
export function rowStandardise(weights: SpatialWeights): SpatialWeights {
  const weight = new Float64Array(weights.weight.length);
  for (let index = 0; index < weights.keys.length; index++) {
    const start = weights.offsets[index] as number;
    const end = weights.offsets[index + 1] as number;
    let sum = 0;
    for (let position = start; position < end; position++) sum += weights.weight[position] as number;
    for (let position = start; position < end; position++) weight[position] = (weights.weight[position] as number) / sum;
  }
  return { ...weights, style: 'rowStandardised', weight };
}

/**
 * Indexes of areas without any neighbour (islands): in a contiguity layer an exclave or an island in the
 * sea, after dropping areas without values possibly an area whose neighbours all lack values.
 */
export function islandIndexes(weights: SpatialWeights): number[] {
  const islands: number[] = [];
  for (let index = 0; index < weights.keys.length; index++) if (neighbourCount(weights, index) === 0) islands.push(index);
  return islands;
}

/**
 * The weights restricted to the areas whose `keep` flag is true, in their order (spdep's `subset.listw`):
 * links to dropped areas disappear, so an area whose neighbours are all dropped becomes an island.
 * Row standardisation is redone on the remaining links when the input was row-standardised.
 * @example subsetWeights(weights, [true, false, true]).keys // ['a', 'c']
 */
export function subsetWeights(weights: SpatialWeights, keep: readonly boolean[]): SpatialWeights {
  const newIndex = new Int32Array(weights.keys.length).fill(-1);
  const keys: string[] = [];
  weights.keys.forEach((key, index) => {
    if (keep[index]) {
      newIndex[index] = keys.length;
      keys.push(key);
    }
  });
  const lists: number[][] = [];
  for (let index = 0; index < weights.keys.length; index++) {
    if (!keep[index]) continue;
    const list: number[] = [];
    for (let position = weights.offsets[index] as number; position < (weights.offsets[index + 1] as number); position++) {
      const mapped = newIndex[weights.neighbourIndex[position] as number] as number;
      if (mapped >= 0) list.push(mapped);
    }
    lists.push(list);
  }
  const binary = weightsFromNeighbourLists(keys, lists, weights.kind);
  return weights.style === 'rowStandardised' ? rowStandardise(binary) : binary;
}

/**
 * The spatial lag Σ_j w_ij x_j of every area (islands: 0).
 * @example spatialLag(rowStandardise(weights), [1, 2, 3]) // mean of each area's neighbours
 */
export function spatialLag(weights: SpatialWeights, values: ArrayLike<number>): Float64Array {
  const lag = new Float64Array(weights.keys.length);
  const { offsets, neighbourIndex, weight } = weights;
  for (let index = 0; index < lag.length; index++) {
    let sum = 0;
    for (let position = offsets[index] as number; position < (offsets[index + 1] as number); position++) {
      sum += (weight[position] as number) * (values[neighbourIndex[position] as number] as number);
    }
    lag[index] = sum;
  }
  return lag;
}

/** Counts of links and neighbours, as spdep's `summary.nb` reports them. */
export interface WeightsSummary {
  areas: number;
  /** Number of directed links (Σ cardinalities). */
  links: number;
  minimumNeighbours: number;
  maximumNeighbours: number;
  meanNeighbours: number;
  islands: number;
}

export function summariseWeights(weights: SpatialWeights): WeightsSummary {
  const n = weights.keys.length;
  let minimum = Number.POSITIVE_INFINITY;
  let maximum = 0;
  let islands = 0;
  for (let index = 0; index < n; index++) {
    const count = neighbourCount(weights, index);
    minimum = Math.min(minimum, count);
    maximum = Math.max(maximum, count);
    if (count === 0) islands++;
  }
  const links = weights.neighbourIndex.length;
  return { areas: n, links, minimumNeighbours: n === 0 ? 0 : minimum, maximumNeighbours: maximum, meanNeighbours: n === 0 ? 0 : links / n, islands };
}
