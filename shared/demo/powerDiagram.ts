/**
 * Power diagrams (weighted Voronoi diagrams) in a plane, with weights fitted so that each cell, clipped
 * to a region, gets a target area. Used to draw schematic municipality boundaries around the real seats.
 *
 * The cell of site i is the set of points x with |x − p_i|² − w_i ≤ |x − p_j|² − w_j for every j, an
 * intersection of half-planes, hence convex. Raising w_i grows cell i. Cells of all sites tile the plane
 * without overlaps whatever the weights are, which is why the tiling stays exact while the weights move.
 * Coordinates are planar (e.g. kilometres in a local projection); areas come out in their square.
 */

export type PlanarPoint = readonly [number, number];
export type PlanarRing = PlanarPoint[];

/** The half-plane a·x + b·y ≤ c. */
interface HalfPlane {
  a: number;
  b: number;
  c: number;
}

/**
 * Clips a ring (open: last vertex not repeated) to one half-plane (Sutherland–Hodgman step).
 * For a convex ring the result is the exact intersection. For a non-convex ring the result may contain
 * zero-width connecting edges, but its shoelace area is still the area of the intersection.
 */
function clipRingToHalfPlane(ring: PlanarRing, { a, b, c }: HalfPlane): PlanarRing {
  const result: PlanarRing = [];
  const count = ring.length;
  for (let index = 0; index < count; index++) {
    const current = ring[index] as PlanarPoint;
    const next = ring[(index + 1) % count] as PlanarPoint;
    const currentSlack = c - (a * current[0] + b * current[1]);
    const nextSlack = c - (a * next[0] + b * next[1]);
    if (currentSlack >= 0) result.push(current);
    if ((currentSlack >= 0) !== (nextSlack >= 0)) {
      const t = currentSlack / (currentSlack - nextSlack);
      result.push([current[0] + t * (next[0] - current[0]), current[1] + t * (next[1] - current[1])]);
    }
  }
  return result;
}

/** Absolute shoelace area of an open ring, in the square of the coordinate unit. */
export function planarRingArea(ring: PlanarRing): number {
  let twiceArea = 0;
  for (let index = 0; index < ring.length; index++) {
    const current = ring[index] as PlanarPoint;
    const next = ring[(index + 1) % ring.length] as PlanarPoint;
    twiceArea += current[0] * next[1] - next[0] * current[1];
  }
  return Math.abs(twiceArea) / 2;
}

/** The half-planes that bound the power cell of site `siteIndex` against every other site. */
function powerCellHalfPlanes(sites: readonly PlanarPoint[], weights: readonly number[], siteIndex: number): HalfPlane[] {
  const site = sites[siteIndex] as PlanarPoint;
  const weight = weights[siteIndex] as number;
  const halfPlanes: HalfPlane[] = [];
  sites.forEach((other, otherIndex) => {
    if (otherIndex === siteIndex) return;
    const otherWeight = weights[otherIndex] as number;
    // |x−p_i|² − w_i ≤ |x−p_j|² − w_j  ⇔  2x·(p_j − p_i) ≤ |p_j|² − |p_i|² − w_j + w_i
    halfPlanes.push({
      a: 2 * (other[0] - site[0]),
      b: 2 * (other[1] - site[1]),
      c: other[0] ** 2 + other[1] ** 2 - site[0] ** 2 - site[1] ** 2 - otherWeight + weight,
    });
  });
  return halfPlanes;
}

/**
 * The power cell of one site, clipped to a ring. With a convex `clipRing` (e.g. a bounding box) the result
 * is the exact convex cell; with a non-convex region only its area is meaningful (see clipRingToHalfPlane).
 * @example powerCell([[0, 0], [2, 0]], [0, 0], 0, [[-1, -1], [3, -1], [3, 1], [-1, 1]]) // the box's left half, x ≤ 1
 */
export function powerCell(sites: readonly PlanarPoint[], weights: readonly number[], siteIndex: number, clipRing: PlanarRing): PlanarRing {
  let ring = clipRing;
  for (const halfPlane of powerCellHalfPlanes(sites, weights, siteIndex)) {
    ring = clipRingToHalfPlane(ring, halfPlane);
    if (ring.length === 0) break;
  }
  return ring;
}

export interface WeightFitResult {
  weights: number[];
  /** Area of each cell within the region after the last iteration. */
  areas: number[];
  iterations: number;
  /** Largest |area − target| / target over all cells. */
  largestRelativeError: number;
}

/**
 * Fits power-diagram weights so that each site's cell within `region` has its target area.
 * Iterates w_i ← w_i + step · (target_i − area_i): a larger weight moves every bisector of i outwards by
 * Δw / (2·distance), so the area responds roughly linearly. Too large a step makes close sites oscillate,
 * so the step is halved whenever the largest error grows. Deterministic (no randomness).
 * @param region the region to tile, an open ring (may be non-convex)
 * @param targetAreas wanted cell areas, same unit as the region's area; they should sum to it
 * @example fitPowerWeights([[0, 0], [3, 0]], [[-2, -1], [5, -1], [5, 1], [-2, 1]], [10, 4]).areas // ≈ [10, 4]
 */
export function fitPowerWeights(
  sites: readonly PlanarPoint[],
  region: PlanarRing,
  targetAreas: readonly number[],
  options: { maxIterations?: number; tolerance?: number; step?: number } = {},
): WeightFitResult {
  const maxIterations = options.maxIterations ?? 2000;
  const tolerance = options.tolerance ?? 0.005;
  let step = options.step ?? 0.25;
  const weights = sites.map(() => 0);
  let areas = sites.map(() => 0);
  let largestRelativeError = Infinity;
  let iterations = 0;
  while (iterations < maxIterations) {
    areas = sites.map((_, index) => planarRingArea(powerCell(sites, weights, index, region)));
    const previousError = largestRelativeError;
    largestRelativeError = Math.max(...areas.map((area, index) => Math.abs(area - (targetAreas[index] as number)) / (targetAreas[index] as number)));
    if (largestRelativeError <= tolerance) break;
    if (largestRelativeError > previousError) step /= 2;
    areas.forEach((area, index) => {
      weights[index] = (weights[index] as number) + step * ((targetAreas[index] as number) - area);
    });
    iterations++;
  }
  return { weights, areas, iterations, largestRelativeError };
}
