/**
 * SVG path data for an area's outline in screen pixels, for the hover and selection outlines drawn above
 * the map (MapHighlight). Points less than `minimumStep` pixels from the last point kept are left out: a
 * municipality of a zoomed-out Germany layer has hundreds of vertices within a few pixels.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type ProjectLngLat = (lngLat: [number, number]) => { x: number; y: number };

function ringPath(ring: readonly Position[], project: ProjectLngLat, minimumStep: number): string {
  const parts: string[] = [];
  let lastX = Number.NaN;
  let lastY = Number.NaN;
  for (let index = 0; index < ring.length; index += 1) {
    const position = ring[index]!;
    const { x, y } = project([position[0]!, position[1]!]);
    const isLast = index === ring.length - 1;
    if (parts.length > 0 && !isLast && Math.abs(x - lastX) < minimumStep && Math.abs(y - lastY) < minimumStep) continue;
    parts.push(`${parts.length === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`);
    lastX = x;
    lastY = y;
  }
  return parts.length > 1 ? `${parts.join('')}Z` : '';
}

/**
 * @example outlinePath({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }, ([x, y]) => ({ x: x * 10, y: y * 10 })) // 'M0.0 0.0L10.0 0.0L10.0 10.0L0.0 0.0Z'
 */
export function outlinePath(geometry: Polygon | MultiPolygon, project: ProjectLngLat, minimumStep = 0.5): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let path = '';
  for (const polygon of polygons) for (const ring of polygon) path += ringPath(ring, project, minimumStep);
  return path;
}
