import { describe, expect, it } from 'vitest';
import { placeLabels, labelAnchors } from '../../../renderer/map/labels';
import { hatchPattern } from '../../../renderer/map/hatch';
import { combineStyles } from '../../../renderer/map/basemap';
import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollectionDto } from '../../../shared/contract/api';

describe('placeLabels', () => {
  it('keeps the larger area when two labels overlap and drops labels outside the view', () => {
    const shown = placeLabels(
      [
        { key: 'small', x: 52, y: 50, width: 40, height: 14, priority: 1 },
        { key: 'large', x: 50, y: 50, width: 40, height: 14, priority: 9 },
        { key: 'apart', x: 150, y: 50, width: 40, height: 14, priority: 2 },
        { key: 'outside', x: 198, y: 50, width: 40, height: 14, priority: 5 },
      ],
      { width: 200, height: 100 },
    );
    expect(shown).toEqual(['large', 'apart']);
  });

  it('never returns two overlapping boxes (random candidates)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const candidates = Array.from({ length: 200 }, (_, index) => ({ key: String(index), x: random() * 500, y: random() * 400, width: 20 + random() * 60, height: 14, priority: random() }));
    const shown = new Set(placeLabels(candidates, { width: 500, height: 400 }, 0));
    const boxes = candidates.filter((candidate) => shown.has(candidate.key));
    for (const first of boxes) {
      for (const second of boxes) {
        if (first === second) continue;
        const overlaps = Math.abs(first.x - second.x) * 2 < first.width + second.width && Math.abs(first.y - second.y) * 2 < first.height + second.height;
        expect(overlaps).toBe(false);
      }
    }
    expect(boxes.length).toBeGreaterThan(10);
  });
});

describe('labelAnchors', () => {
  it('puts the anchor inside a concave area and weights by area', () => {
    // A U shape: its centroid lies in the gap, outside the area.
    const u: FeatureCollectionDto = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { key: 'u', name: 'U' },
          geometry: { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] },
        },
      ],
    };
    const [anchor] = labelAnchors(u);
    const [longitude, latitude] = anchor?.lngLat ?? [0, 0];
    const inGap = longitude > 1 && longitude < 2 && latitude > 1;
    expect(inGap).toBe(false);
    expect(anchor?.areaSquareMeters).toBeGreaterThan(0);
  });
});

describe('hatchPattern', () => {
  it('draws a diagonal line of the line colour on the background', () => {
    const image = hatchPattern(4, '#ffffff', '#000000');
    const pixel = (x: number, y: number) => Array.from(image.data.slice((y * 4 + x) * 4, (y * 4 + x) * 4 + 4));
    expect(pixel(3, 0)).toEqual([0, 0, 0, 255]);
    expect(pixel(0, 3)).toEqual([0, 0, 0, 255]);
    expect(pixel(0, 0)).toEqual([255, 255, 255, 255]);
  });
});

describe('combineStyles', () => {
  const current: StyleSpecification = {
    version: 8,
    sources: { areas: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
    layers: [
      { id: 'background', type: 'background' },
      { id: 'areas-fill', type: 'fill', source: 'areas', paint: { 'fill-color': '#123456' } },
    ],
  };

  it('puts the basemap below the app layers, which keep their paint', () => {
    const basemap: StyleSpecification = { version: 8, sources: { bm: { type: 'vector', url: 'x' } }, layers: [{ id: 'bm-land', type: 'background' }] };
    const combined = combineStyles(current, basemap);
    expect(combined.layers.map((layer) => layer.id)).toEqual(['bm-land', 'areas-fill']);
    expect(Object.keys(combined.sources).sort()).toEqual(['areas', 'bm']);
  });

  it('returns to the plain background without the basemap', () => {
    expect(combineStyles(current, null).layers.map((layer) => layer.id)).toEqual(['background', 'areas-fill']);
  });
});
