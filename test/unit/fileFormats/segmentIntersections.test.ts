import { kinks, polygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { countEdgeIntersections, PAIRWISE_MAX_EDGES } from '../../../shared/geo/segmentIntersections';
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

  it('the grid and the direct comparison of small polygons count the same pairs as comparing every pair', () => {
    // Every pair of non-neighbouring edges, the plain definition, against both strategies: polygons on both sides of the threshold.
    const reference = (ring: number[][]): number => {
      const edges = ring.slice(0, -1).map((point, index) => [point, ring[index + 1]!] as const);
      const side = (a: number[], b: number[], c: number[]) => Math.sign((b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!));
      const within = (a: number[], b: number[], c: number[]) => Math.min(a[0]!, b[0]!) <= c[0]! && c[0]! <= Math.max(a[0]!, b[0]!) && Math.min(a[1]!, b[1]!) <= c[1]! && c[1]! <= Math.max(a[1]!, b[1]!);
      let count = 0;
      for (let first = 0; first < edges.length; first += 1) {
        for (let second = first + 2; second < edges.length; second += 1) {
          if (first === 0 && second === edges.length - 1) continue;
          const [a, b] = edges[first]!;
          const [c, d] = edges[second]!;
          const [o1, o2, o3, o4] = [side(a, b, c), side(a, b, d), side(c, d, a), side(c, d, b)];
          if ((o1 !== o2 && o3 !== o4) || (o1 === 0 && within(a, b, c)) || (o2 === 0 && within(a, b, d)) || (o3 === 0 && within(c, d, a)) || (o4 === 0 && within(c, d, b))) count += 1;
        }
      }
      return count;
    };
    let state = 4711;
    const next = () => (state = (state * 16807) % 2147483647) / 2147483647;
    let withCrossings = 0;
    for (let sample = 0; sample < 300; sample += 1) {
      const vertices = PAIRWISE_MAX_EDGES - 20 + Math.floor(next() * 160);
      // A wobbly circle, some vertices swapped with a near neighbour: some rings cross themselves, some do not.
      const points = Array.from({ length: vertices }, (_, index) => {
        const angle = (index / vertices) * 2 * Math.PI;
        const radius = 95 + next() * 10;
        return [Math.round(Math.cos(angle) * radius), Math.round(Math.sin(angle) * radius)];
      });
      for (let index = 1; index + 3 < points.length; index += 1) {
        if (next() < 0.004) [points[index], points[index + 2]] = [points[index + 2]!, points[index]!];
      }
      const ring = points.filter((point, index, all) => index === 0 || point[0] !== all[index - 1]![0] || point[1] !== all[index - 1]![1]);
      ring.push(ring[0]!);
      const expected = reference(ring);
      if (expected > 0) withCrossings += 1;
      expect(countEdgeIntersections([ring]), `${vertices} vertices`).toBe(expected);
    }
    expect(withCrossings).toBeGreaterThan(20);
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
