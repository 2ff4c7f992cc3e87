import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { outlinePath } from '../../../renderer/map/outlinePath';

const scaled = ([x, y]: [number, number]) => ({ x: x * 10, y: 100 - y * 10 });

describe('outlinePath', () => {
  it('draws each ring of a polygon as a closed path in screen pixels', () => {
    const square: Polygon = {
      type: 'Polygon',
      coordinates: [
        [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
        [[1, 1], [1, 2], [2, 2], [1, 1]],
      ],
    };
    expect(outlinePath(square, scaled)).toBe('M0.0 100.0L40.0 100.0L40.0 60.0L0.0 60.0L0.0 100.0ZM10.0 90.0L10.0 80.0L20.0 80.0L10.0 90.0Z');
  });

  it('draws every part of a MultiPolygon', () => {
    const two: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[5, 5], [6, 5], [6, 6], [5, 5]]]],
    };
    expect(outlinePath(two, scaled).match(/M/g)).toHaveLength(2);
  });

  it('leaves out points closer than the minimum step to the last one kept, but keeps the closing point', () => {
    const dense: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [0.01, 0], [0.02, 0], [4, 0], [4, 4], [0, 0.01], [0, 0]]] };
    // 0.1 and 0.2 px from the start: left out; the closing point 0.1 px after the one before it: kept.
    expect(outlinePath(dense, scaled)).toBe('M0.0 100.0L40.0 100.0L40.0 60.0L0.0 99.9L0.0 100.0Z');
  });

  it('keeps a ring that collapses to one point on screen as a closed path from that point (the outline of a tiny area stays)', () => {
    const speck: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [0.001, 0], [0, 0.001], [0, 0]]] };
    expect(outlinePath(speck, scaled)).toBe('M0.0 100.0L0.0 100.0Z');
  });
});
