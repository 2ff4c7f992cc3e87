import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitPowerWeights, planarRingArea, powerCell, type PlanarPoint, type PlanarRing } from '../../../shared/demo/powerDiagram';

const square: PlanarRing = [[0, 0], [10, 0], [10, 10], [0, 10]];

describe('powerCell', () => {
  it('splits at the perpendicular bisector when weights are equal', () => {
    const sites: PlanarPoint[] = [[2, 5], [8, 5]];
    expect(planarRingArea(powerCell(sites, [0, 0], 0, square))).toBeCloseTo(50, 9);
    const left = powerCell(sites, [0, 0], 0, square);
    expect(Math.max(...left.map((point) => point[0]))).toBeCloseTo(5, 9);
  });

  it('moves the boundary by Δw / (2·distance) towards the lighter site', () => {
    const sites: PlanarPoint[] = [[2, 5], [8, 5]];
    // Distance 6, Δw = 12 → the boundary moves 1 to the right: left cell 6 × 10.
    expect(planarRingArea(powerCell(sites, [12, 0], 0, square))).toBeCloseTo(60, 9);
  });

  it('tiles the square for any distinct sites and weights (cell areas add up to the square)', () => {
    // Sites on a 0.25 grid: distinct sites (nearly coincident ones lose precision in |p_j|² − |p_i|²; the
    // demo's seats are kilometres apart).
    const gridCoordinate = fc.integer({ min: 0, max: 36 }).map((step) => 0.5 + step * 0.25);
    const site = fc.tuple(gridCoordinate, gridCoordinate);
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(site, fc.double({ min: -20, max: 20, noNaN: true })), { minLength: 2, maxLength: 12, selector: ([point]) => point.join() }), (entries) => {
        const sites = entries.map(([point]) => point as PlanarPoint);
        const weights = entries.map(([, weight]) => weight);
        const total = sites.reduce((sum, _, index) => sum + planarRingArea(powerCell(sites, weights, index, square)), 0);
        expect(total).toBeCloseTo(100, 6);
      }),
    );
  });
});

describe('fitPowerWeights', () => {
  it('reaches target areas within the tolerance in a non-convex region', () => {
    // An L-shaped region of area 75.
    const region: PlanarRing = [[0, 0], [10, 0], [10, 5], [5, 5], [5, 10], [0, 10]];
    const sites: PlanarPoint[] = [[2, 2], [8, 2], [2, 8], [4, 4]];
    const targets = [30, 15, 20, 10];
    const result = fitPowerWeights(sites, region, targets, { tolerance: 0.002 });
    expect(result.largestRelativeError).toBeLessThanOrEqual(0.002);
    result.areas.forEach((area, index) => expect(area).toBeCloseTo(targets[index] as number, 0));
  });
});
