/**
 * The map itself: the areas filled by class (or grey for no data, hatched for small numbers) with white
 * borders, optionally zoomed to one focus area with its neighbours greyed, and name labels placed as on the
 * screen map (shared/labels).
 */
import bbox from '@turf/bbox';
import { geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { placeAreaLabels, type LabelAnchor } from '../labels/labelPlacement';
import { kilometresPerMm, planarTransform, type MapFrame } from './mapProjection';
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

/** White borders between areas, in mm at scale 1. */
const BORDER_MM = 0.35;
/** Areas at least this wide on paper (mm at scale 1) get the full border; smaller ones a thinner one. */
const FULL_BORDER_AREA_MM = 8;
/** The thinnest border, as a share of the full one: about 0.05 mm, still a visible hairline in print. */
const MIN_BORDER_SHARE = 0.15;
/** Areas measured at most (about): enough for a stable median. */
const BORDER_SAMPLE = 500;

/**
 * The border width for these areas: 0.35 mm, thinner when the typical (median) area is small on paper, so
 * Germany's 10 990 municipalities on A4 (1–2 mm across) keep their colours instead of drowning in white.
 * Sizes come from the areas' projected bounding boxes; for large layers an evenly spaced sample of about
 * 500 areas gives the median (Germany: 1 ms instead of 25).
 */
export function areaBorderWidth(styles: readonly AreaStyle[], projection: GeoProjection, scale: number): number {
  const inFocus = styles.filter((area) => area.inFocus);
  const stride = Math.max(1, Math.floor(inFocus.length / BORDER_SAMPLE));
  const sizes: number[] = [];
  for (let index = 0; index < inFocus.length; index += stride) {
    const area = inFocus[index]!;
    const [west, south, east, north] = bbox(area.geometry);
    const corner = projection([west, south]);
    const opposite = projection([east, north]);
    if (corner && opposite) sizes.push(Math.sqrt(Math.abs((opposite[0] - corner[0]) * (opposite[1] - corner[1]))));
  }
  if (sizes.length === 0) return BORDER_MM * scale;
  sizes.sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)]!;
  return BORDER_MM * scale * Math.min(1, Math.max(MIN_BORDER_SHARE, median / (FULL_BORDER_AREA_MM * scale)));
}

/**
 * The areas as SVG paths; in a zoomed figure the focus area is outlined and drawn last so its border is on top.
 * @example drawAreas(styles, projection, 1)
 */
export function drawAreas(styles: readonly AreaStyle[], projection: GeoProjection, scale: number, zoomed: boolean): string {
  const planar = nearCentralMeridian(styles, projection) ? planarTransform(projection) : null;
  const path = geoPath(planar ?? projection).digits(2);
  const border = mm(areaBorderWidth(styles, projection, scale));
  // The white border is set once for the group, not on each of (for Germany) 11 000 paths: a fifth of the file.
  const parts: string[] = [`<g id="areas" stroke="#ffffff" stroke-width="${border}" stroke-linejoin="round">`];
  const ordered = [...styles].sort((a, b) => Number(a.inFocus) - Number(b.inFocus));
  for (const area of ordered) {
    const d = path(area.geometry);
    if (!d) continue;
    const fill = area.inFocus ? area.fill : NEIGHBOUR_FILL;
    parts.push(`<path d="${d}" fill="${fill}" data-key="${area.key}"/>`);
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

/**
 * Whether every vertex lies within 80° of longitude of the projection's central meridian: far from the
 * antimeridian and the world's edge, where d3's clipping is needed (see planarTransform).
 */
function nearCentralMeridian(styles: readonly AreaStyle[], projection: GeoProjection): boolean {
  const centralMeridian = -projection.rotate()[0];
  // Index loops: run once over every vertex, before the optimiser has compiled them, for…of allocates a
  // result object per step.
  for (const area of styles) {
    const polygons = area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
    for (const rings of polygons) {
      for (const ring of rings) {
        for (let index = 0; index < ring.length; index += 1) {
          const offset = ((((ring[index]![0]! - centralMeridian) % 360) + 540) % 360) - 180;
          if (Math.abs(offset) > 80) return false;
        }
      }
    }
  }
  return true;
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

const LINE_SPACING = 1.05;

/**
 * Name labels (with the value as a second line when `valueTextByKey` gives one) with a white halo, placed by the shared label placement (shared/labels) exactly as on the
 * screen map: at each area's pole of inaccessibility, every area labelled in a small layer (smaller font
 * or beside the area with a leader line where space is short), only the labels that fit inside their
 * areas in a dense one. Neighbours in a zoomed figure are labelled in grey.
 * @example drawLabels(styles, labelAnchors(styles), projection, frame, 1)
 */
export function drawLabels(styles: readonly AreaStyle[], anchors: readonly LabelAnchor[], projection: GeoProjection, frame: MapFrame, scale: number, valueTextByKey: ReadonlyMap<string, string> | null = null): string {
  const size = 2.55 * scale;
  const styleByKey = new Map(styles.map((area) => [area.key, area]));
  const squareMillimetresPerSquareKilometre = 1 / kilometresPerMm(projection, frame) ** 2;
  const placed = placeAreaLabels(anchors, {
    project: (lngLat) => projection(lngLat),
    box: (anchor) => {
      const value = valueTextByKey?.get(anchor.key);
      const lines = value === undefined ? labelLines(anchor.name) : [...labelLines(anchor.name), value];
      return { width: Math.max(...lines.map((line) => textWidth(line, size))), height: size * (1 + (lines.length - 1) * LINE_SPACING), content: lines };
    },
    areaInView: (anchor) => anchor.areaSquareKilometres * squareMillimetresPerSquareKilometre,
    frame,
    padding: 0.6 * scale,
  });
  const parts: string[] = ['<g id="labels">'];
  for (const label of placed) {
    const area = styleByKey.get(label.key);
    if (!area) continue;
    const fill = area.inFocus ? '#1a1a1a' : '#8a8a8a';
    const labelSize = size * label.scale;
    if (label.leader) {
      const { from, to } = label.leader;
      parts.push(`<line x1="${mm(from.x)}" y1="${mm(from.y)}" x2="${mm(to.x)}" y2="${mm(to.y)}" stroke="${fill}" stroke-width="${mm(0.2 * scale)}"/>`);
      parts.push(`<circle cx="${mm(from.x)}" cy="${mm(from.y)}" r="${mm(0.35 * scale)}" fill="${fill}"/>`);
    }
    const lines = label.content;
    const firstBaseline = label.y + labelSize * 0.35 - ((lines.length - 1) * labelSize * LINE_SPACING) / 2;
    lines.forEach((line, index) => {
      parts.push(svgText(label.x, firstBaseline + index * labelSize * LINE_SPACING, line, { size: labelSize, anchor: 'middle', halo: true, fill, weight: 'regular' }));
    });
  }
  parts.push('</g>');
  return parts.join('');
}

/** Turns the areas into plain GeoJSON features (for fitting the projection). */
export function asFeatures(styles: readonly AreaStyle[]): Feature<Polygon | MultiPolygon>[] {
  return styles.map((area) => ({ type: 'Feature', properties: {}, geometry: area.geometry }));
}
