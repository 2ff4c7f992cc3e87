import fs from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { drawPreview } from '../../../renderer/import/previewGeometry';
import { sharedDataAvailable, sharedDataPath } from '../../helpers/sharedData';
import { skipWithReason } from '../../helpers/skipWithReason';

function numbersOf(path: string): number[] {
  return (path.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
}

describe('drawPreview', () => {
  it('puts a square into the middle of the box, north up, keeping its shape', () => {
    const square: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: 'a', properties: { key: '03241001' }, geometry: { type: 'Polygon', coordinates: [[[9, 52], [9.1, 52], [9.1, 52.1], [9, 52.1], [9, 52]]] } }],
    };
    const drawing = drawPreview(square, 200, 100, 'key');
    expect(drawing.shapes).toHaveLength(1);
    expect(drawing.shapes[0]?.title).toBe('03241001');
    const values = numbersOf(drawing.shapes[0]?.path ?? '');
    const xs = values.filter((_, index) => index % 2 === 0);
    const ys = values.filter((_, index) => index % 2 === 1);
    // The first corner (9, 52) is south-west: left and at the bottom.
    expect(xs[0]).toBe(Math.min(...xs));
    expect(ys[0]).toBe(Math.max(...ys));
    const width = Math.max(...xs) - Math.min(...xs);
    const height = Math.max(...ys) - Math.min(...ys);
    // 0.1° of longitude at 52° N is cos(52°) ≈ 0.616 of 0.1° of latitude.
    expect(width / height).toBeCloseTo(Math.cos((52.05 * Math.PI) / 180), 2);
    expect((Math.max(...xs) + Math.min(...xs)) / 2).toBeCloseTo(100, 0);
  });

  it('draws nothing for an empty collection', () => {
    expect(drawPreview({ type: 'FeatureCollection', features: [] }, 100, 100).shapes).toEqual([]);
  });

  it('draws the 21 municipalities of Region Hannover inside the box', (context) => {
    if (!sharedDataAvailable()) skipWithReason(context, '../shared/data is not present beside the checkout');
    const file = sharedDataPath('boundaries', 'vg250ew_gemeinden_niedersachsen_wgs84', 'DERIVED_region_hannover_21_gemeinden.geojson');
    const collection = JSON.parse(fs.readFileSync(file, 'utf8')) as FeatureCollection;
    const drawing = drawPreview(collection, 360, 280, 'ags');
    expect(drawing.shapes).toHaveLength(21);
    expect(drawing.shapes.map((shape) => shape.title)).toContain('03241001');
    for (const shape of drawing.shapes) {
      const values = numbersOf(shape.path);
      expect(values.length).toBeGreaterThan(6);
      for (const [index, value] of values.entries()) expect(value).toBeLessThanOrEqual(index % 2 === 0 ? 360 : 280);
      for (const value of values) expect(value).toBeGreaterThanOrEqual(0);
    }
  });
});
