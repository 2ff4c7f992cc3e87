/**
 * The map itself: the areas filled by class (or grey for no data, hatched for small numbers) with white
 * borders, optionally zoomed to one focus area with its neighbours greyed, and name labels at each area's
 * largest part.
 */
import { geoPath, type GeoPath, type GeoProjection } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { MapFrame } from './mapProjection';
import { mm, svgText } from './svgElements';
import { textWidth } from './textMetrics';

export interface AreaStyle {
  key: string;
  name: string;
  geometry: Polygon | MultiPolygon;
  /** Fill colour or pattern reference. */
  fill: string;
  /** A hatch drawn over the fill (flagged small numbers), or null. */
  overlay: string | null;
  /** Part of the figure's subject (false: a greyed neighbour in a zoomed figure). */
  inFocus: boolean;
}

export const NEIGHBOUR_FILL = '#ebebeb';

/**
 * The areas as SVG paths; in a zoomed figure the focus area is outlined and drawn last so its border is on top.
 * @example drawAreas(styles, projection, 1)
 */
export function drawAreas(styles: readonly AreaStyle[], projection: GeoProjection, scale: number, zoomed: boolean): string {
  const path = geoPath(projection).digits(2);
  const parts: string[] = ['<g id="areas">'];
  const ordered = [...styles].sort((a, b) => Number(a.inFocus) - Number(b.inFocus));
  for (const area of ordered) {
    const d = path(area.geometry);
    if (!d) continue;
    const fill = area.inFocus ? area.fill : NEIGHBOUR_FILL;
    parts.push(`<path d="${d}" fill="${fill}" stroke="#ffffff" stroke-width="${mm(0.35 * scale)}" stroke-linejoin="round" data-key="${area.key}"/>`);
    if (area.inFocus && area.overlay) parts.push(`<path d="${d}" fill="${area.overlay}" stroke="none"/>`);
  }
  if (zoomed) {
    for (const area of styles.filter((candidate) => candidate.inFocus)) {
      const d = path(area.geometry);
      if (d) parts.push(`<path d="${d}" fill="none" stroke="#262626" stroke-width="${mm(0.45 * scale)}" stroke-linejoin="round"/>`);
    }
  }
  parts.push('</g>');
  return parts.join('');
}

/** The polygon of a (multi)polygon with the largest area on the page: where its label goes. */
function largestPart(geometry: Polygon | MultiPolygon, path: GeoPath): Polygon {
  if (geometry.type === 'Polygon') return geometry;
  let best: Polygon = { type: 'Polygon', coordinates: geometry.coordinates[0] ?? [] };
  let bestArea = -1;
  for (const coordinates of geometry.coordinates) {
    const polygon: Polygon = { type: 'Polygon', coordinates };
    const area = path.area(polygon);
    if (area > bestArea) {
      best = polygon;
      bestArea = area;
    }
  }
  return best;
}

/** Splits a long name into two lines at the space nearest its middle ("Neustadt am | Rübenberge"). */
function labelLines(name: string): string[] {
  if (name.length <= 13 || !name.includes(' ')) return [name];
  const middle = name.length / 2;
  let splitAt = -1;
  for (let index = name.indexOf(' '); index >= 0; index = name.indexOf(' ', index + 1)) {
    if (splitAt < 0 || Math.abs(index - middle) < Math.abs(splitAt - middle)) splitAt = index;
  }
  return [name.slice(0, splitAt), name.slice(splitAt + 1)];
}

/**
 * Name labels with a white halo at the centroid of each area's largest part; labels whose centre falls
 * outside the map frame are left out. Neighbours in a zoomed figure are labelled in grey.
 * @example drawLabels(styles, projection, frame, 1)
 */
export function drawLabels(styles: readonly AreaStyle[], projection: GeoProjection, frame: MapFrame, scale: number): string {
  const path = geoPath(projection);
  const size = 2.55 * scale;
  const parts: string[] = ['<g id="labels">'];
  for (const area of styles) {
    const [x, y] = path.centroid(largestPart(area.geometry, path));
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const lines = labelLines(area.name);
    const width = Math.max(...lines.map((line) => textWidth(line, size)));
    if (x - width / 2 < frame.x || x + width / 2 > frame.x + frame.width || y < frame.y + size || y > frame.y + frame.height - size) continue;
    const firstBaseline = y + size * 0.35 - ((lines.length - 1) * size * 1.05) / 2;
    lines.forEach((line, index) => {
      parts.push(svgText(x, firstBaseline + index * size * 1.05, line, { size, anchor: 'middle', halo: true, fill: area.inFocus ? '#1a1a1a' : '#8a8a8a', weight: 'regular' }));
    });
  }
  parts.push('</g>');
  return parts.join('');
}

/** Turns the areas into plain GeoJSON features (for fitting the projection). */
export function asFeatures(styles: readonly AreaStyle[]): Feature<Polygon | MultiPolygon>[] {
  return styles.map((area) => ({ type: 'Feature', properties: {}, geometry: area.geometry }));
}
