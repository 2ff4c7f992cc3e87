import type { Polygon, Position } from 'geojson';
import { area, booleanValid, featureCollection, feature, union } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { simplifySharedBorders } from '../../../shared/geo/simplifySharedBorders';

/** A wiggly line from `start` to `end` in `steps` steps, displaced sideways by a deterministic zig-zag of `amplitude`. */
function wiggle(start: Position, end: Position, steps: number, amplitude: number): Position[] {
  const points: Position[] = [];
  for (let step = 0; step <= steps; step++) {
    const t = step / steps;
    const offset = step === 0 || step === steps ? 0 : amplitude * Math.sin(step * 1.7) * Math.sin(step * 0.31);
    const dx = end[0]! - start[0]!;
    const dy = end[1]! - start[1]!;
    const length = Math.hypot(dx, dy);
    points.push([start[0]! + dx * t - (dy / length) * offset, start[1]! + dy * t + (dx / length) * offset]);
  }
  return points;
}

/** Two squares side by side (planar units) whose common edge x = 100 is a detailed wiggly line. */
function twoNeighbours(): Polygon[] {
  const border = wiggle([100, 0], [100, 100], 200, 3);
  const left: Position[] = [[0, 0], ...border, [0, 100], [0, 0]];
  const right: Position[] = [[100, 0], [200, 0], [200, 100], ...[...border].reverse().slice(0, -1), [100, 0]];
  return [
    { type: 'Polygon', coordinates: [left] },
    { type: 'Polygon', coordinates: [right] },
  ];
}

const keys = (ring: Position[]): Set<string> => new Set(ring.map((position) => position.join(',')));

describe('simplifySharedBorders', () => {
  it('simplifies a shared border once, so both neighbours keep exactly the same vertices on it', () => {
    const [left, right] = simplifySharedBorders(twoNeighbours(), { tolerance: 2 });
    const leftBorder = left!.coordinates[0]!.filter((position) => position[0]! > 50 && position[0]! < 150);
    const rightBorder = right!.coordinates[0]!.filter((position) => position[0]! > 50 && position[0]! < 150);
    expect(leftBorder.length).toBeLessThan(150);
    expect(leftBorder.length).toBeGreaterThan(5);
    expect(keys(leftBorder)).toEqual(keys(rightBorder));
    // No gap and no overlap: the union is one ring and as large as the two parts together.
    const merged = union(featureCollection([feature(left!), feature(right!)]))!;
    expect(merged.geometry.type).toBe('Polygon');
    expect((merged.geometry as Polygon).coordinates).toHaveLength(1);
  });

  it('uses only input positions, keeps the rings closed and the structure of the input', () => {
    const input = twoNeighbours();
    const inputPositions = new Set(input.flatMap((polygon) => polygon.coordinates.flat().map((position) => position.join(','))));
    const output = simplifySharedBorders(input, { tolerance: 5 });
    expect(output.map((polygon) => polygon.coordinates.length)).toEqual([1, 1]);
    for (const ring of output.flatMap((polygon) => polygon.coordinates)) {
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (const position of ring) expect(inputPositions.has(position.join(','))).toBe(true);
    }
  });

  it('gives back detail where the simplified border would cross another one, so the rings stay valid', () => {
    // A narrow bay: at this tolerance Douglas–Peucker alone would cut straight across it into the island.
    const outer: Position[] = [[0, 0], [100, 0], [100, 100], [60, 100], [60, 20], [40, 20], [40, 100], [0, 100], [0, 0]];
    const island: Position[] = [[45, 50], [55, 50], [55, 60], [45, 60], [45, 50]];
    const simplified = simplifySharedBorders(
      [
        { type: 'Polygon', coordinates: [outer] },
        { type: 'Polygon', coordinates: [island] },
      ],
      { tolerance: 200 },
    );
    for (const polygon of simplified) expect(booleanValid(polygon)).toBe(true);
    expect(simplified[0]!.coordinates[0]!.length).toBeGreaterThanOrEqual(4);
    const overlap = area(union(featureCollection(simplified.map((polygon) => feature(polygon))))!) / (area(simplified[0]!) + area(simplified[1]!));
    expect(overlap).toBeCloseTo(1, 6);
  });

  it('keeps at least three corners in a ring that the tolerance would collapse', () => {
    const small: Position[] = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    const [simplified] = simplifySharedBorders([{ type: 'Polygon', coordinates: [small] } as Polygon], { tolerance: 10 });
    expect(new Set(simplified!.coordinates[0]!.map((position) => position.join(','))).size).toBeGreaterThanOrEqual(3);
    expect(booleanValid(simplified!)).toBe(true);
  });
});
