import { area } from '@turf/area';
import { union } from '@turf/union';
import { unkinkPolygon } from '@turf/unkink-polygon';
import { featureCollection, polygon } from '@turf/helpers';
import type { Polygon, Position } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countEdgeIntersections } from '../../../shared/geo/segmentIntersections';
import { validateAreaGeometry } from '../../../shared/geo/validity';

// polygon-clipping merges the repaired pieces; this switch makes it fail as it does where floating point is
// not enough, so the exact fallback (turf's union) is exercised too.
const failing = vi.hoisted(() => ({ on: false }));
vi.mock('polygon-clipping', async (importOriginal) => {
  const original = ((await importOriginal()) as { default: { union: (...args: unknown[]) => unknown } }).default;
  return {
    default: {
      ...original,
      union: (...args: unknown[]) => {
        if (failing.on) throw new Error('Unable to complete output ring');
        return original.union(...args);
      },
    },
  };
});

afterEach(() => {
  failing.on = false;
});

/** A shell with a loop that doubles back over itself: unkink gives overlapping pieces that must be merged. */
const LOOPED: Position[] = [
  [9.7, 52.3],
  [9.8, 52.3],
  [9.8, 52.4],
  [9.75, 52.4],
  [9.75, 52.28],
  [9.72, 52.28],
  [9.72, 52.35],
  [9.7, 52.35],
  [9.7, 52.3],
];

function exactRepair(ring: Position[]): number {
  const merged = union(featureCollection(unkinkPolygon(polygon([ring])).features));
  return area(merged!);
}

describe('repairing a self-intersecting area', () => {
  for (const [label, fail] of [
    ['with polygon-clipping', false],
    ['with turf union where polygon-clipping fails', true],
  ] as const) {
    it(`${label}: the result has no crossings and the area of the exact union`, () => {
      failing.on = fail;
      expect(countEdgeIntersections([LOOPED])).toBeGreaterThan(0);
      const result = validateAreaGeometry('03241001', { type: 'Polygon', coordinates: [LOOPED] });
      expect(result.issues.map((issue) => [issue.problem, issue.repaired])).toEqual([['self-intersection', true]]);
      const polygons = result.geometry.type === 'Polygon' ? [result.geometry.coordinates] : result.geometry.coordinates;
      for (const rings of polygons) expect(countEdgeIntersections(rings)).toBe(0);
      expect(area(result.geometry as Polygon) / exactRepair(LOOPED)).toBeCloseTo(1, 9);
    });
  }
});
