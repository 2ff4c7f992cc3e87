import { describe, expect, it } from 'vitest';
import { hatchPattern } from '../../../renderer/map/hatch';
import { combineStyles } from '../../../renderer/map/basemap';
import type { StyleSpecification } from 'maplibre-gl';

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
    sources: {
      areas: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      'areas-flagged': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'background', type: 'background' },
      { id: 'areas-fill', type: 'fill', source: 'areas', paint: { 'fill-color': '#123456' } },
      { id: 'areas-small-number', type: 'line', source: 'areas-flagged', filter: ['==', ['get', 'smallNumber'], true] },
    ],
  };

  it('puts the basemap below the app layers, which keep their paint', () => {
    const basemap: StyleSpecification = { version: 8, sources: { bm: { type: 'vector', url: 'x' } }, layers: [{ id: 'bm-land', type: 'background' }] };
    const combined = combineStyles(current, basemap);
    expect(combined.layers.map((layer) => layer.id)).toEqual(['bm-land', 'areas-fill', 'areas-small-number']);
    expect(Object.keys(combined.sources).sort()).toEqual(['areas', 'areas-flagged', 'bm']);
  });

  it('returns to the plain background without the basemap', () => {
    const plain = combineStyles(current, null);
    expect(plain.layers.map((layer) => layer.id)).toEqual(['background', 'areas-fill', 'areas-small-number']);
    expect(Object.keys(plain.sources).sort()).toEqual(['areas', 'areas-flagged']);
  });
});
