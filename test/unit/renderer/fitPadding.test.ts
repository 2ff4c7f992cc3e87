import { describe, expect, it } from 'vitest';
import { fitPadding, fitShape, fitWithLegend, type Padding } from '../../../renderer/map/fitPadding';

// A triangle with its right angle at the top-right: the bottom-left half of its bounding box is empty,
// as the corner of Region Hannover's box is where the legend sits.
const triangle: [number, number][] = [
  [9, 52.6],
  [10, 52.6],
  [10, 52],
  [9.5, 52.3],
];
const base: Padding = { top: 20, right: 20, bottom: 20, left: 20 };
const map = { width: 600, height: 500 };

/** Screen position of every vertex after map.fitBounds(bounds, { padding }) (Web Mercator, centred in the box). */
function placed(vertices: [number, number][], padding: Padding): { x: number; y: number; scale: number }[] {
  const shape = fitShape(vertices)!;
  const project = ([longitude, latitude]: [number, number]) => {
    const sine = Math.sin((latitude * Math.PI) / 180);
    return [((longitude + 180) / 360) * 512, (0.5 - Math.log((1 + sine) / (1 - sine)) / (4 * Math.PI)) * 512] as const;
  };
  const boxWidth = map.width - padding.left - padding.right;
  const boxHeight = map.height - padding.top - padding.bottom;
  const scale = Math.min(boxWidth / (shape.maxX - shape.minX), boxHeight / (shape.maxY - shape.minY));
  return vertices.map((vertex) => {
    const [x, y] = project(vertex);
    return { x: padding.left + boxWidth / 2 + (x - (shape.minX + shape.maxX) / 2) * scale, y: padding.top + boxHeight / 2 + (y - (shape.minY + shape.maxY) / 2) * scale, scale };
  });
}

describe('fitPadding', () => {
  it('keeps the layer whole and centred when the legend covers none of it', () => {
    const shape = fitShape(triangle)!;
    expect(fitPadding({ shape, ...map, base, reserve: { width: 150, height: 150 } })).toEqual(base);
    expect(fitPadding({ shape, ...map, base, reserve: null })).toEqual(base);
  });

  it('clears a legend that reaches into the layer, larger than fitting the bounding box beside or above the legend', () => {
    const shape = fitShape(triangle)!;
    const reserve = { width: 330, height: 330 };
    const padding = fitPadding({ shape, ...map, base, reserve })!;
    const vertices = placed(triangle, padding);
    for (const vertex of vertices) expect(vertex.x < reserve.width + 8 && vertex.y > map.height - reserve.height - 8, `vertex at ${vertex.x}, ${vertex.y} under the legend`).toBe(false);
    // The old fit: the bounding box wholly right of the legend or wholly above it.
    const beside = placed(triangle, { ...base, left: reserve.width + 8 })[0]!.scale;
    const above = placed(triangle, { ...base, bottom: reserve.height + 8 })[0]!.scale;
    expect(vertices[0]!.scale).toBeGreaterThan(1.1 * Math.max(beside, above));
  });

  it('looks only at the vertices furthest into the bottom-left corner', () => {
    const shape = fitShape([...triangle, [9.7, 52.4], [9.9, 52.1]])!;
    // (9.7, 52.4) has (9.5, 52.3) further west and further south; (10, 52.6) has (10, 52).
    expect(shape.front).toHaveLength(4);
    expect(fitShape([])).toBeNull();
  });
});

describe('fitWithLegend', () => {
  // The triangle mirrored: its empty half is the bottom-right one.
  const mirrored = triangle.map(([longitude, latitude]) => [19 - longitude, latitude] as [number, number]);
  const reserve = { width: 330, height: 330 };

  it('keeps the legend bottom-left where that corner of the layer is empty', () => {
    const fitted = fitWithLegend({ shape: fitShape(triangle)!, ...map, base, reserve });
    expect(fitted.corner).toBe('bottom-left');
    expect(fitted.padding).toEqual(fitPadding({ shape: fitShape(triangle)!, ...map, base, reserve }));
  });

  it('moves the legend bottom-right where only that corner is empty, and the layer is drawn clearly larger there', () => {
    const shape = fitShape(mirrored)!;
    const fitted = fitWithLegend({ shape, ...map, base, reserve });
    expect(fitted.corner).toBe('bottom-right');
    const vertices = placed(mirrored, fitted.padding!);
    for (const vertex of vertices) expect(vertex.x > map.width - reserve.width - 8 && vertex.y > map.height - reserve.height - 8, `vertex at ${vertex.x}, ${vertex.y} under the legend`).toBe(false);
    const leftScale = placed(mirrored, fitPadding({ shape, ...map, base, reserve })!)[0]!.scale;
    expect(vertices[0]!.scale).toBeGreaterThan(1.1 * leftScale);
    // The mirror image of the bottom-left fit of the triangle, with the zoom buttons' margin kept on the right.
    const triangleFit = fitPadding({ shape: fitShape(triangle)!, ...map, base, reserve })!;
    expect(fitted.padding).toEqual({ ...triangleFit, left: triangleFit.right, right: triangleFit.left });
  });

  it('stays bottom-left without a legend', () => {
    expect(fitWithLegend({ shape: fitShape(mirrored)!, ...map, base, reserve: null })).toEqual({ corner: 'bottom-left', padding: base });
  });
});
