/**
 * The white borders between areas thin out when the areas are small on paper: a handful of municipalities
 * keep 0.35 mm, a Germany-like grid of thousands gets a hairline, so fills stay visible.
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaBorderWidth, type AreaStyle } from '../../../shared/export/mapAreas';
import { fitProjection } from '../../../shared/export/mapProjection';

/** A grid of `side` × `side` squares covering 6°–15° E, 47°–55° N (about Germany). */
function grid(side: number): AreaStyle[] {
  const styles: AreaStyle[] = [];
  const width = 9 / side;
  const height = 8 / side;
  for (let row = 0; row < side; row += 1) {
    for (let column = 0; column < side; column += 1) {
      const west = 6 + column * width;
      const south = 47 + row * height;
      const ring = [[west, south], [west + width, south], [west + width, south + height], [west, south + height], [west, south]];
      styles.push({ key: `${row}-${column}`, name: '', geometry: { type: 'Polygon', coordinates: [ring] }, fill: '#000000', overlay: null, inFocus: true });
    }
  }
  return styles;
}

function widthOnA4Map(styles: AreaStyle[], scale = 1): number {
  const features: Feature<Polygon>[] = styles.map((style) => ({ type: 'Feature', properties: {}, geometry: style.geometry as Polygon }));
  const collection: FeatureCollection<Polygon> = { type: 'FeatureCollection', features };
  const projection = fitProjection(collection, { x: 0, y: 0, width: 180 * scale, height: 170 * scale }, 3 * scale);
  return areaBorderWidth(styles, projection, scale);
}

describe('areaBorderWidth', () => {
  it('keeps the full 0.35 mm for a few large areas (21 municipalities of a region)', () => {
    expect(widthOnA4Map(grid(5))).toBeCloseTo(0.35, 6);
  });

  it('thins the border for about 10 000 areas (about 1.3 mm each) to a hairline, and no further than its minimum', () => {
    const width = widthOnA4Map(grid(105));
    expect(width).toBeGreaterThan(0.05);
    expect(width).toBeLessThan(0.07);
    expect(widthOnA4Map(grid(200))).toBeCloseTo(0.35 * 0.15, 6);
  });

  it('between the two, in proportion to the typical area size', () => {
    // 30 × 30 squares of about 4.6 mm on this map (the grid's height of 890 km fills 164 mm): 0.35 × 4.6 / 8 ≈ 0.2 mm.
    const width = widthOnA4Map(grid(30));
    expect(width).toBeGreaterThan(0.18);
    expect(width).toBeLessThan(0.22);
  });

  it('scales with the figure (a poster at scale 2 has the same proportions as A4)', () => {
    expect(widthOnA4Map(grid(30), 2)).toBeCloseTo(2 * widthOnA4Map(grid(30)), 6);
  });

  it('greyed neighbours of a zoomed figure do not count: one large focus area keeps the full border', () => {
    const styles = grid(105).map((style, index) => ({ ...style, inFocus: index === 0 }));
    const big: AreaStyle = { ...styles[0]!, key: 'focus', geometry: { type: 'Polygon', coordinates: [[[6, 47], [15, 47], [15, 55], [6, 55], [6, 47]]] }, inFocus: true };
    expect(widthOnA4Map([big, ...styles.slice(1)])).toBeCloseTo(0.35, 6);
  });
});
