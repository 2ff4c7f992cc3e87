import { kinks, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { countEdgeIntersections } from '../../../shared/geo/segmentIntersections';
import { validateAreaGeometry } from '../../../shared/geo/validity';

/** Seeded random rings on a small integer grid, so crossings, touches and collinear overlaps all occur. */
function randomRings(seed: number, count: number): number[][][][] {
  let state = seed;
  const next = () => (state = (state * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: count }, () => {
    const ring = Array.from({ length: 4 + Math.floor(next() * 12) }, () => [Math.round(next() * 10), Math.round(next() * 10)]);
    // Without repeated points: turf counts a repeated point as a kink, OGC validity (and this module) does not.
    const distinct = ring.filter((point, index) => index === 0 || point[0] !== ring[index - 1]![0] || point[1] !== ring[index - 1]![1]);
    if (distinct.length < 3 || (distinct[0]![0] === distinct.at(-1)![0] && distinct[0]![1] === distinct.at(-1)![1])) return [];
    // Without three points on one line: turf does not report edges that overlap along a line (a spike), this module does.
    for (let first = 0; first < distinct.length; first += 1) {
      for (let second = first + 1; second < distinct.length; second += 1) {
        for (let third = second + 1; third < distinct.length; third += 1) {
          const [a, b, c] = [distinct[first]!, distinct[second]!, distinct[third]!];
          if ((b[0]! - a[0]!) * (c[1]! - a[1]!) === (b[1]! - a[1]!) * (c[0]! - a[0]!)) return [];
        }
      }
    }
    return [[...distinct, distinct[0]!]];
  }).filter((rings) => rings.length > 0 && rings[0]!.length >= 4);
}

describe('edge intersections without the quadratic cost', () => {
  it('finds a crossing exactly where turf kinks finds one (random rings without collinear points)', () => {
    for (const rings of randomRings(20_241_204, 20_000)) {
      expect(countEdgeIntersections(rings) > 0, JSON.stringify(rings)).toBe(kinks(polygon(rings)).features.length > 0);
    }
  });

  it('a bow-tie crosses once, a square not at all, a repeated point is no crossing', () => {
    expect(countEdgeIntersections([[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]])).toBe(1);
    expect(countEdgeIntersections([[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]])).toBe(0);
    expect(countEdgeIntersections([[[0, 0], [1, 0], [1, 0], [1, 1], [0, 1], [0, 0]]])).toBe(0);
  });

  it('a hole crossing its shell is found, a hole inside is not', () => {
    const shell = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
    expect(countEdgeIntersections([shell, [[2, 2], [4, 2], [4, 4], [2, 4], [2, 2]]])).toBe(0);
    expect(countEdgeIntersections([shell, [[8, 8], [12, 8], [12, 9], [8, 9], [8, 8]]])).toBeGreaterThan(0);
  });

  it('a crossing in a polygon of 5 000 vertices is found and repaired; one of 60 000 is found and flagged', () => {
    const ring: number[][] = [];
    for (let index = 0; index < 5_000; index += 1) {
      const angle = (index / 5_000) * 2 * Math.PI;
      ring.push([10 + Math.cos(angle), 52 + Math.sin(angle) * 0.6]);
    }
    // Swap two neighbouring vertices: a tiny bow-tie somewhere along the border.
    [ring[1000], ring[1001]] = [ring[1001]!, ring[1000]!];
    ring.push(ring[0]!);
    expect(countEdgeIntersections([ring])).toBeGreaterThan(0);
    const result = validateAreaGeometry('03241001', { type: 'Polygon', coordinates: [ring] });
    expect(result.issues.map((issue) => [issue.problem, issue.repaired])).toEqual([['self-intersection', true]]);
    const large: number[][] = [];
    for (let index = 0; index < 60_000; index += 1) large.push([10 + Math.cos((index / 60_000) * 2 * Math.PI), 52 + Math.sin((index / 60_000) * 2 * Math.PI) * 0.6]);
    [large[70], large[71]] = [large[71]!, large[70]!];
    large.push(large[0]!);
    const flagged = validateAreaGeometry('03241002', { type: 'Polygon', coordinates: [large] });
    expect(flagged.issues.map((issue) => [issue.problem, issue.repaired])).toEqual([['self-intersection', false]]);
    expect(flagged.issues[0]!.detail).toContain('too large for automatic repair');
  });
});
