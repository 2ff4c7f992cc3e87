/**
 * k-nearest-neighbour weights: each area's neighbours are the k areas whose centroids are closest on the
 * sphere (great-circle distance, as spdep `knearneigh(longlat = TRUE)`). Every area gets exactly k
 * neighbours, so there are no islands; the relation is not symmetric (B can be among A's nearest without
 * A being among B's).
 *
 * Index: the centroids as unit vectors in a k-d tree, because the chord between two unit vectors grows
 * with the great-circle distance — the same order, without trigonometry in the search. Ties (equal
 * distances) go to the area that comes first in the layer's order.
 */
import { areaCentroid } from './areaCentroid';
import type { AreaGeometry } from './contiguityWeights';
import { weightsFromNeighbourLists, type SpatialWeights } from './spatialWeights';

/** The centroids of the areas as [longitude, latitude] (see areaCentroid.ts). */
export function areaCentroids(areas: readonly AreaGeometry[]): [number, number][] {
  return areas.map((area) => areaCentroid(area.geometry));
}

/**
 * Weights linking every area to its k nearest neighbours (binary).
 * @example nearestNeighbourWeights(['a', 'b', 'c'], [[9.7, 52.4], [9.8, 52.4], [10.5, 52.1]], 1)
 */
export function nearestNeighbourWeights(keys: readonly string[], centroids: readonly (readonly [number, number])[], k: number): SpatialWeights {
  const n = keys.length;
  if (!Number.isInteger(k) || k < 1) throw new Error(`nearestNeighbourWeights: k must be a whole number ≥ 1, not ${k}`);
  if (k >= n) throw new Error(`nearestNeighbourWeights: k = ${k} needs more than ${k} areas, there are ${n}`);
  const points = new Float64Array(n * 3);
  centroids.forEach(([longitude, latitude], index) => {
    const lambda = (longitude * Math.PI) / 180;
    const phi = (latitude * Math.PI) / 180;
    points[index * 3] = Math.cos(phi) * Math.cos(lambda);
    points[index * 3 + 1] = Math.cos(phi) * Math.sin(lambda);
    points[index * 3 + 2] = Math.sin(phi);
  });
  const tree = buildTree(points, n);
  const lists = keys.map((_, index) => nearest(tree, points, index, k));
  return weightsFromNeighbourLists(keys, lists, { type: 'knn', k });
}

interface KdTree {
  /** Point indexes in tree order; node m covers order[lo..hi) with its split point at the middle. */
  order: Int32Array;
  /** Split axis per middle position. */
  axis: Uint8Array;
}

function buildTree(points: Float64Array, n: number): KdTree {
  const order = new Int32Array(n);
  for (let index = 0; index < n; index++) order[index] = index;
  const axis = new Uint8Array(n);
  const build = (lo: number, hi: number): void => {
    if (hi - lo <= 1) {
      if (hi - lo === 1) axis[lo] = 0;
      return;
    }
    // Split on the axis of largest spread.
    const spread = [0, 1, 2].map((dimension) => {
      let minimum = Number.POSITIVE_INFINITY;
      let maximum = Number.NEGATIVE_INFINITY;
      for (let position = lo; position < hi; position++) {
        const value = points[(order[position] as number) * 3 + dimension] as number;
        if (value < minimum) minimum = value;
        if (value > maximum) maximum = value;
      }
      return maximum - minimum;
    });
    const dimension = spread[0]! >= spread[1]! && spread[0]! >= spread[2]! ? 0 : spread[1]! >= spread[2]! ? 1 : 2;
    const slice = Array.from(order.subarray(lo, hi)).sort((a, b) => (points[a * 3 + dimension] as number) - (points[b * 3 + dimension] as number));
    order.set(slice, lo);
    const middle = (lo + hi) >> 1;
    axis[middle] = dimension;
    build(lo, middle);
    build(middle + 1, hi);
  };
  build(0, n);
  return { order, axis };
}

function squaredChord(points: Float64Array, a: number, b: number): number {
  const dx = (points[a * 3] as number) - (points[b * 3] as number);
  const dy = (points[a * 3 + 1] as number) - (points[b * 3 + 1] as number);
  const dz = (points[a * 3 + 2] as number) - (points[b * 3 + 2] as number);
  return dx * dx + dy * dy + dz * dz;
}

/** The k nearest other points of `query`, nearest first (ties: lower index first). */
function nearest(tree: KdTree, points: Float64Array, query: number, k: number): number[] {
  const bestIndex: number[] = [];
  const bestDistance: number[] = [];
  const consider = (candidate: number): void => {
    if (candidate === query) return;
    const distance = squaredChord(points, query, candidate);
    if (bestIndex.length === k) {
      const worst = bestDistance[k - 1] as number;
      if (distance > worst || (distance === worst && candidate > (bestIndex[k - 1] as number))) return;
    }
    let position = bestIndex.length;
    while (position > 0 && ((bestDistance[position - 1] as number) > distance || ((bestDistance[position - 1] as number) === distance && (bestIndex[position - 1] as number) > candidate))) position--;
    bestIndex.splice(position, 0, candidate);
    bestDistance.splice(position, 0, distance);
    if (bestIndex.length > k) {
      bestIndex.pop();
      bestDistance.pop();
    }
  };
  const search = (lo: number, hi: number): void => {
    if (hi <= lo) return;
    const middle = (lo + hi) >> 1;
    const point = tree.order[middle] as number;
    consider(point);
    if (hi - lo === 1) return;
    const dimension = tree.axis[middle] as number;
    const difference = (points[query * 3 + dimension] as number) - (points[point * 3 + dimension] as number);
    const [near, far] = difference <= 0 ? [[lo, middle], [middle + 1, hi]] : [[middle + 1, hi], [lo, middle]];
    search(near[0] as number, near[1] as number);
    if (bestIndex.length < k || difference * difference <= (bestDistance[bestIndex.length - 1] as number)) search(far[0] as number, far[1] as number);
  };
  search(0, tree.order.length);
  return bestIndex;
}
