/**
 * The flow map's geometry, pure: each flow as a curved line (bent to the right of its direction, so the
 * two directions of a pair never overlap) with a width by count, and an arrowhead polygon at its end;
 * the external categories as stubs (points) at the edge. GeoJSON in WGS84 for MapLibre; the same
 * features serve the figure export and the tests (width order by count, what a filter leaves).
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon, Position } from 'geojson';

/** Colours of the flow map, in the app and in the figure. */
export const FLOW_COLOURS = { line: '#2b6cb0', external: '#9c4221', selected: '#c53030', suppressed: '#718096', area: '#edf2f7', areaSelected: '#fefcbf' } as const;

export interface FlowGeometryInput {
  flows: readonly { from: string; to: string; value: number | null; suppressed: boolean; external: boolean }[];
  ends: readonly { key: string; name: { de: string; en: string }; external: boolean; position: readonly [number, number] }[];
  locale: 'de' | 'en';
  /** Line width in px of the largest flow (default 14) and of the smallest shown (default 1.5). */
  maxWidth?: number;
  minWidth?: number;
  /** Highlighted area: its flows are drawn in the accent colour. */
  selectedKey?: string | null;
}

export interface FlowLineProperties {
  id: string;
  from: string;
  to: string;
  /** null: withheld (small number), drawn at the minimum width, dashed. */
  value: number | null;
  suppressed: boolean;
  external: boolean;
  width: number;
  rank: number;
  selected: boolean;
}

export interface FlowGeometry {
  lines: FeatureCollection<LineString, FlowLineProperties>;
  arrows: FeatureCollection<Polygon, FlowLineProperties>;
  stubs: FeatureCollection<Point, { key: string; name: string; inflow: number | null }>;
  /** [west, south, east, north] of all ends. */
  bounds: [number, number, number, number] | null;
}

const CURVE_POINTS = 24;
/** Line widths in px of the largest and the smallest flow on screen. */
export const SCREEN_FLOW_WIDTH = { max: 14, min: 1.5 } as const;

/** Bend of a curve: its middle sits this share of the chord length to the right. */
const BEND = 0.18;

/**
 * Width of a flow's line: the square root of its count scaled to [minWidth, maxWidth] (areas of thick
 * lines grow with the count, so large flows do not swamp the map).
 * @example flowWidth(100, 100, 1.5, 14) // 14
 */
export function flowWidth(value: number | null, maxValue: number, minWidth: number, maxWidth: number): number {
  if (value === null || maxValue <= 0) return minWidth;
  return minWidth + (maxWidth - minWidth) * Math.sqrt(Math.max(0, value) / maxValue);
}

/**
 * Counts for the width legend: round numbers near the largest flow, a quarter and a sixteenth of it (the
 * square-root scale makes them about full, half and a quarter of the width), none below the small-number
 * threshold, largest first.
 * @example flowLegendValues(1234, 3) // [1000, 300, 70]
 */
export function flowLegendValues(maxValue: number, smallNumberThreshold: number): number[] {
  if (!(maxValue > 0)) return [];
  const roundDown = (value: number) => {
    const magnitude = 10 ** Math.floor(Math.log10(value));
    return Math.floor(value / magnitude) * magnitude;
  };
  const values = [maxValue, maxValue / 4, maxValue / 16].map(roundDown).filter((value) => value >= Math.max(1, smallNumberThreshold));
  return [...new Set(values)];
}

/**
 * The width legend of a set of flows: the legend counts with the width the map gives each, on the same
 * scale as the lines (the largest drawn flow gets `maxWidth`). Shared by the tab and the figure.
 * @example flowWidthLegend([{ value: 1234 }], 3, 1.5, 14)[0] // { value: 1000, width: ≈12.4 }
 */
export function flowWidthLegend(flows: readonly { value: number | null }[], smallNumberThreshold: number, minWidth: number, maxWidth: number): { value: number; width: number }[] {
  const maxValue = largestFlow(flows);
  return flowLegendValues(maxValue, smallNumberThreshold).map((value) => ({ value, width: flowWidth(value, maxValue, minWidth, maxWidth) }));
}

function largestFlow(flows: readonly { value: number | null }[]): number {
  return Math.max(0, ...flows.map((flow) => flow.value ?? 0));
}

function curve(start: readonly [number, number], end: readonly [number, number], cosLatitude: number, trimStart: number, trimEnd: number): Position[] {
  // Work in a plane where x is scaled by cos(latitude), so "right of the direction" is right on the map.
  const ax = start[0] * cosLatitude;
  const ay = start[1];
  const bx = end[0] * cosLatitude;
  const by = end[1];
  const dx = bx - ax;
  const dy = by - ay;
  const length = Math.hypot(dx, dy) || 1e-9;
  const cx = (ax + bx) / 2 + (dy / length) * length * BEND;
  const cy = (ay + by) / 2 - (dx / length) * length * BEND;
  const points: Position[] = [];
  for (let index = 0; index <= CURVE_POINTS; index += 1) {
    const t = trimStart + ((1 - trimStart - trimEnd) * index) / CURVE_POINTS;
    const u = 1 - t;
    const x = u * u * ax + 2 * u * t * cx + t * t * bx;
    const y = u * u * ay + 2 * u * t * cy + t * t * by;
    points.push([x / cosLatitude, y]);
  }
  return points;
}

/** A triangle at the line's end pointing along it, `size` in degrees of latitude. */
function arrowhead(points: readonly Position[], size: number, halfWidth: number, cosLatitude: number): Position[] {
  const tip = points[points.length - 1] as Position;
  const before = points[points.length - 3] ?? (points[0] as Position);
  const dx = ((tip[0] as number) - (before[0] as number)) * cosLatitude;
  const dy = (tip[1] as number) - (before[1] as number);
  const length = Math.hypot(dx, dy) || 1e-9;
  const ux = dx / length;
  const uy = dy / length;
  const baseX = (tip[0] as number) * cosLatitude - ux * size;
  const baseY = (tip[1] as number) - uy * size;
  const left: Position = [(baseX - uy * halfWidth) / cosLatitude, baseY + ux * halfWidth];
  const right: Position = [(baseX + uy * halfWidth) / cosLatitude, baseY - ux * halfWidth];
  return [tip, left, right, tip];
}

/**
 * @param degreesPerPixel the map's scale at its centre (degrees of latitude per screen pixel), so arrowheads keep their size on screen
 * @example flowGeometry({ flows, ends, locale: 'de' }, 0.001).lines.features.length // flows.length
 */
export function flowGeometry(input: FlowGeometryInput, degreesPerPixel: number): FlowGeometry {
  const positions = new Map(input.ends.map((end) => [end.key, end.position]));
  const latitudes = input.ends.map((end) => end.position[1]);
  const meanLatitude = latitudes.length > 0 ? latitudes.reduce((sum, value) => sum + value, 0) / latitudes.length : 0;
  const cosLatitude = Math.cos((meanLatitude * Math.PI) / 180);
  const maxWidth = input.maxWidth ?? SCREEN_FLOW_WIDTH.max;
  const minWidth = input.minWidth ?? SCREEN_FLOW_WIDTH.min;
  const maxValue = largestFlow(input.flows);
  const lines: Feature<LineString, FlowLineProperties>[] = [];
  const arrows: Feature<Polygon, FlowLineProperties>[] = [];
  input.flows.forEach((flow, rank) => {
    const start = positions.get(flow.from);
    const end = positions.get(flow.to);
    if (!start || !end) return;
    const width = flowWidth(flow.value, maxValue, minWidth, maxWidth);
    const properties: FlowLineProperties = {
      id: `${flow.from}>${flow.to}`,
      from: flow.from,
      to: flow.to,
      value: flow.value,
      suppressed: flow.suppressed,
      external: flow.external,
      width,
      rank,
      selected: input.selectedKey !== undefined && input.selectedKey !== null && (flow.from === input.selectedKey || flow.to === input.selectedKey),
    };
    // Leave a little room at both ends (label points are shared by many flows).
    const chord = Math.hypot((end[0] - start[0]) * cosLatitude, end[1] - start[1]) || 1e-9;
    const headSize = Math.max(6, width * 1.6) * degreesPerPixel;
    const trim = Math.min(0.2, (4 * degreesPerPixel) / chord);
    const points = curve(start, end, cosLatitude, trim, Math.min(0.35, trim + headSize / chord));
    lines.push({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates: points } });
    const tipPoints = curve(start, end, cosLatitude, trim, trim);
    const halfWidth = Math.max(4, width * 1.1) * degreesPerPixel;
    arrows.push({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [arrowhead(tipPoints, headSize, halfWidth, cosLatitude)] } });
  });
  const stubs: FlowGeometry['stubs'] = {
    type: 'FeatureCollection',
    features: input.ends
      .filter((end) => end.external)
      .map((end) => ({ type: 'Feature', properties: { key: end.key, name: end.name[input.locale], inflow: null }, geometry: { type: 'Point', coordinates: [end.position[0], end.position[1]] } })),
  };
  const longitudes = input.ends.map((end) => end.position[0]);
  const bounds: FlowGeometry['bounds'] = input.ends.length === 0 ? null : [Math.min(...longitudes), Math.min(...latitudes), Math.max(...longitudes), Math.max(...latitudes)];
  return { lines: { type: 'FeatureCollection', features: lines }, arrows: { type: 'FeatureCollection', features: arrows }, stubs, bounds };
}
