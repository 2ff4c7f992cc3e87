/**
 * The small SVG maps beside the main map (Analyse, Monitoring, Quellenvergleich, Planung): the layer
 * projected into a fixed frame (d3-geo), each area's path, and the areas' names placed by the label
 * placement of the main map and the printed figure (shared/labels): every area of a small layer named
 * (smaller, or beside it with a leader line, where space is short), a dense layer thinned to the names that
 * fit inside their areas.
 */
import { rewind } from '@turf/rewind';
import { geoMercator, geoPath } from 'd3-geo';
import type { MultiPolygon, Polygon } from 'geojson';
import type { FeatureCollectionDto } from '../../shared/contract/api';
import { labelAnchors, placeAreaLabels } from '../../shared/labels/labelPlacement';

export interface SvgAreaShape {
  key: string;
  name: string;
  /** SVG path data in the frame's units. */
  d: string;
}

export interface SvgAreaLabel {
  key: string;
  name: string;
  x: number;
  y: number;
  /** Font size factor (below 1 where the name was set smaller to fit). */
  scale: number;
  /** The line from the area to a name set beside it: from `end` (the name's edge) to `leader` (in the area). */
  leader: { x: number; y: number } | null;
  end: { x: number; y: number } | null;
}

export interface SvgAreaMap {
  shapes: SvgAreaShape[];
  labels: SvgAreaLabel[];
  /** A longitude/latitude in the frame's units; null where the projection has none. */
  project(lngLat: [number, number]): [number, number] | null;
}

/** Font size of the names in the frame's units, and the semibold Noto Sans they are set in. */
export const SVG_LABEL_FONT_SIZE = 10;
export const SVG_LABEL_FONT_FAMILY = '"Noto Sans", sans-serif';
// Average advance of Noto Sans semibold at a font size of 1: the names' width where text cannot be measured.
const CHARACTER_WIDTH = 0.6;

/** The labels' font as CSS and canvas write it. */
export const SVG_LABEL_FONT = `600 ${SVG_LABEL_FONT_SIZE}px ${SVG_LABEL_FONT_FAMILY}`;

let measuringContext: CanvasRenderingContext2D | null | undefined;
const measuredWidths = new Map<string, number>();

/**
 * The width of `name` set in the labels' font, measured by the browser. Until the font has loaded (the
 * maps lay out again then, see useSvgLabelFont) and where nothing can measure, an estimate that errs wide.
 */
function labelWidth(name: string): number {
  let width = measuredWidths.get(name);
  if (width !== undefined) return width;
  measuringContext ??= typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!measuringContext || !document.fonts.check(SVG_LABEL_FONT)) return name.length * SVG_LABEL_FONT_SIZE * CHARACTER_WIDTH;
  measuringContext.font = SVG_LABEL_FONT;
  width = measuringContext.measureText(name).width;
  measuredWidths.set(name, width);
  return width;
}

/**
 * Projects `features` into a `width` × `height` frame and places the areas' names.
 * @example svgAreaMap(features, 420, 340, { labels: true }).labels.map((label) => label.name) // ['Hannover', 'Garbsen', …]
 */
export function svgAreaMap(
  features: FeatureCollectionDto,
  width: number,
  height: number,
  options: {
    labels: boolean;
    /** Points drawn over the map (facilities, as [longitude, latitude]) that names keep clear of, and their radius in the frame's units. */
    points?: { positions: readonly [number, number][]; radius: number };
  },
): SvgAreaMap {
  // d3-geo reads counter-clockwise rings (RFC 7946) as "the globe minus the shape": rewind to clockwise.
  const rewound = rewind(features as unknown as GeoJSON.FeatureCollection, { reverse: true }) as GeoJSON.FeatureCollection;
  const projection = geoMercator().fitSize([width, height], rewound);
  const path = geoPath(projection);
  const shapes = rewound.features.map((feature) => {
    const properties = feature.properties as { key: string; name?: unknown };
    return { key: String(properties.key), name: String(properties.name ?? properties.key), d: path(feature) ?? '' };
  });
  if (!options.labels) return { shapes, labels: [], project: (lngLat) => projection(lngLat) };
  const areaInFrame = new Map(rewound.features.map((feature) => [String((feature.properties as { key: string }).key), path.area(feature)]));

  const anchors = labelAnchors(
    features.features
      .filter((feature) => feature.geometry.type === 'Polygon' || feature.geometry.type === 'MultiPolygon')
      .map((feature) => ({ key: String(feature.properties.key), name: String(feature.properties['name'] ?? feature.properties.key), geometry: feature.geometry as unknown as Polygon | MultiPolygon })),
  );
  const labels = placeAreaLabels(anchors, {
    project: (lngLat) => projection(lngLat),
    box: (anchor) => ({ width: labelWidth(anchor.name) + 2, height: SVG_LABEL_FONT_SIZE * 1.2, content: null }),
    areaInView: (anchor) => areaInFrame.get(anchor.key) ?? 0,
    frame: { x: 0, y: 0, width, height },
    padding: 1,
    obstacles: (options.points?.positions ?? []).flatMap((position) => {
      const point = projection(position);
      const radius = options.points!.radius;
      return point ? [{ x: point[0] - radius, y: point[1] - radius, width: 2 * radius, height: 2 * radius }] : [];
    }),
  }).map((label) => ({ key: label.key, name: label.name, x: label.x, y: label.y, scale: label.scale, leader: label.leader?.from ?? null, end: label.leader?.to ?? null }));
  return { shapes, labels, project: (lngLat) => projection(lngLat) };
}
