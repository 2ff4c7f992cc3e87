/**
 * Drawing of time-series charts as SVG text: one panel (an area's line against the region's reference
 * line) and the small multiples of all areas on one shared scale. The same code draws the Zeitreihen tab
 * (renderer/movement) and the committee figures (timeSeriesFigure.ts), so screen and print agree; the
 * tab's hover uses `periodIndexAt` with the same geometry.
 *
 * Lines break at missing values (never drawn through a gap as if it were 0); projected values continue
 * the line dashed; the region is a grey dashed reference line.
 */
import { niceTicks } from '../analysis/niceTicks';
import { escapeXml, mm, svgRect, svgText } from '../export/svgElements';
import { wrapText } from '../export/textMetrics';
import { formatNumber, type Locale } from '../format/number';
import { drawnValue } from './smallNumbers';
import type { SeriesPoint } from './timeSeriesTypes';

export const AREA_COLOUR = '#1f5f9e';
export const REGION_COLOUR = '#7f7f7f';
export const SELECTED_FILL = '#fff6d5';

export interface ChartFrame {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ValueScale {
  minimum: number;
  maximum: number;
  ticks: number[];
}

/**
 * One scale for every panel: covers all values (areas and region) and 0, on round ticks.
 * @example sharedScale([[1, 5, null], [2, 9]]) // { minimum: 0, maximum: 10, ticks: [0, 2, 4, 6, 8, 10] }
 */
export function sharedScale(valueLists: readonly (readonly (number | null)[])[]): ValueScale {
  let low = 0;
  let high = 0;
  for (const values of valueLists) {
    for (const value of values) {
      if (value === null || !Number.isFinite(value)) continue;
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
  }
  if (high === low) high = low + 1;
  const rough = niceTicks(low, high, 4);
  const step = rough.length > 1 ? (rough[1] as number) - (rough[0] as number) : 1;
  // Both ends on a tick, so the scale note and the gridlines show round numbers.
  const minimum = Number((Math.floor(low / step + 1e-9) * step).toPrecision(12));
  const maximum = Number((Math.ceil(high / step - 1e-9) * step).toPrecision(12));
  const ticks: number[] = [];
  for (let tick = minimum; tick <= maximum + step * 1e-9; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return { minimum, maximum, ticks };
}

/** Where the plot area of a panel lies inside its frame (room for the title, axis labels and years). */
export function plotArea(frame: ChartFrame, fontSize: number, axisLabels: boolean, compactLabels = false): ChartFrame {
  const top = fontSize * 1.9;
  const left = axisLabels ? fontSize * 4.2 : compactLabels ? fontSize * 2.4 : fontSize * 0.6;
  const bottom = fontSize * 1.8;
  const right = axisLabels ? fontSize * 1.6 : fontSize * 0.8;
  return { x: frame.x + left, y: frame.y + top, width: Math.max(1, frame.width - left - right), height: Math.max(1, frame.height - top - bottom) };
}

export function xAt(plot: ChartFrame, count: number, index: number): number {
  return count <= 1 ? plot.x + plot.width / 2 : plot.x + (plot.width * index) / (count - 1);
}

export function yAt(plot: ChartFrame, scale: ValueScale, value: number): number {
  return plot.y + plot.height - ((value - scale.minimum) / (scale.maximum - scale.minimum)) * plot.height;
}

/** The period index nearest to horizontal position `x` (hover). */
export function periodIndexAt(plot: ChartFrame, count: number, x: number): number {
  if (count <= 1) return 0;
  const index = Math.round(((x - plot.x) / plot.width) * (count - 1));
  return Math.max(0, Math.min(count - 1, index));
}

/** Path segments through consecutive values; a null breaks the line. `dashedFrom`: index from which the line is dashed (projection). */
/**
 * Path segments through consecutive values; a missing value breaks the line, and so does a small number
 * (never drawn as an exact point: its x is returned in `small` for a "< N" mark). Segments ending at a
 * projected value are dashed.
 */
function linePaths(points: readonly SeriesPoint[], plot: ChartFrame, scale: ValueScale): { solid: string; dashed: string; dots: { x: number; y: number; projected: boolean }[]; small: number[] } {
  const solid: string[] = [];
  const dashed: string[] = [];
  const dots: { x: number; y: number; projected: boolean }[] = [];
  const small: number[] = [];
  for (let index = 0; index < points.length; index += 1) {
    const point = points[index] as SeriesPoint;
    const x = xAt(plot, points.length, index);
    if (point.smallNumber) small.push(x);
    const value = drawnValue(point);
    if (value === null) continue;
    const y = yAt(plot, scale, value);
    dots.push({ x, y, projected: point.projected });
    const previous = index > 0 ? points[index - 1] : undefined;
    const previousValue = previous ? drawnValue(previous) : null;
    if (previousValue !== null) {
      const segment = `M${mm(xAt(plot, points.length, index - 1))} ${mm(yAt(plot, scale, previousValue))}L${mm(x)} ${mm(y)}`;
      (point.projected ? dashed : solid).push(segment);
    }
  }
  return { solid: solid.join(''), dashed: dashed.join(''), dots, small };
}

export interface PanelOptions {
  title: string;
  points: readonly SeriesPoint[];
  region: readonly SeriesPoint[] | null;
  periods: readonly string[];
  scale: ValueScale;
  fontSize: number;
  /** Value labels at every tick and a year under every period (the one-area chart); else first and last year only. */
  detailed: boolean;
  /** Small multiples: leave room for value labels, and print them (first column only). */
  valueLabels?: 'room' | 'print';
  decimals: number;
  locale: Locale;
  selected?: boolean;
  /** A note in the panel (e.g. "Bilanz offen"), drawn in red under the title. */
  flag?: string | null;
  /** Marks the hovered period with a vertical rule. */
  hoverIndex?: number | null;
  /** Line width for the area line (user units). */
  lineWidth: number;
  /** Extra attributes for the panel group (e.g. data-key). */
  attributes?: string;
  /**
   * Label of the projected part (e.g. "Projektion – Szenario mittel"): where points are `projected`, a rule
   * marks the last observed Stichtag and this label names what follows, so the dashed continuation is
   * never read as observed.
   */
  projectionLabel?: string | null;
  /** What stands at a small number's Stichtag instead of a point, e.g. "< 3" (smallNumbers.ts). */
  smallNumberLabel?: string | null;
}

function yearOf(period: string): string {
  return period.slice(0, 4);
}

/** One panel as an SVG group. */
export function drawPanel(frame: ChartFrame, options: PanelOptions): string {
  const { fontSize, scale } = options;
  const plot = plotArea(frame, fontSize, options.detailed, options.valueLabels !== undefined);
  const parts: string[] = [`<g class="series-panel"${options.attributes ?? ''}>`];
  if (options.selected) parts.push(svgRect(frame.x, frame.y, frame.width, frame.height, `fill="${SELECTED_FILL}"`));
  const title = wrapText(options.title, fontSize, frame.width - fontSize * 0.4, 'semibold')[0] ?? options.title;
  parts.push(svgText(frame.x + fontSize * 0.3, frame.y + fontSize * 1.1, title, { size: fontSize, weight: 'semibold' }));
  if (options.flag) parts.push(svgText(frame.x + frame.width - fontSize * 0.3, frame.y + fontSize * 1.1, options.flag, { size: fontSize * 0.85, fill: '#b2182b', anchor: 'end', weight: 'semibold' }));
  const thin = options.lineWidth * 0.3;
  for (const tick of scale.ticks) {
    const y = yAt(plot, scale, tick);
    parts.push(`<line x1="${mm(plot.x)}" y1="${mm(y)}" x2="${mm(plot.x + plot.width)}" y2="${mm(y)}" stroke="${tick === 0 ? '#8c8c8c' : '#e3e3e3'}" stroke-width="${mm(tick === 0 ? thin * 1.6 : thin)}"/>`);
    if (options.detailed || options.valueLabels === 'print') {
      const size = options.detailed ? fontSize * 0.85 : fontSize * 0.72;
      parts.push(svgText(plot.x - fontSize * 0.3, y + size * 0.35, formatNumber(tick, Math.max(0, options.decimals - 1), options.locale), { size, fill: '#4d4d4d', anchor: 'end' }));
    }
  }
  const count = options.periods.length;
  const yearIndexes = options.detailed ? options.periods.map((_, index) => index) : count > 0 ? [...new Set([0, count - 1])] : [];
  for (const index of yearIndexes) {
    const x = xAt(plot, count, index);
    const anchor = options.detailed ? 'middle' : index === 0 ? 'start' : 'end';
    parts.push(svgText(x, plot.y + plot.height + fontSize * 1.25, yearOf(options.periods[index] as string), { size: fontSize * 0.8, fill: '#4d4d4d', anchor }));
  }
  if (options.hoverIndex !== null && options.hoverIndex !== undefined && count > 0) {
    const x = xAt(plot, count, options.hoverIndex);
    parts.push(`<line class="hover-rule" x1="${mm(x)}" y1="${mm(plot.y)}" x2="${mm(x)}" y2="${mm(plot.y + plot.height)}" stroke="#333333" stroke-width="${mm(thin)}"/>`);
  }
  if (options.region) {
    const region = linePaths(options.region, plot, scale);
    const d = region.solid + region.dashed;
    if (d) parts.push(`<path class="region-line" d="${d}" fill="none" stroke="${REGION_COLOUR}" stroke-width="${mm(options.lineWidth * 0.8)}" stroke-dasharray="${mm(options.lineWidth * 2.5)} ${mm(options.lineWidth * 1.5)}"/>`);
  }
  const firstProjected = options.points.findIndex((point) => point.projected);
  if (firstProjected >= 0) {
    // The rule stands at the last observed Stichtag (or the plot's left edge when all values are projected).
    const x = firstProjected > 0 ? xAt(plot, count, firstProjected - 1) : plot.x;
    parts.push(`<line class="projection-rule" x1="${mm(x)}" y1="${mm(plot.y)}" x2="${mm(x)}" y2="${mm(plot.y + plot.height)}" stroke="#8c8c8c" stroke-width="${mm(thin)}" stroke-dasharray="${mm(thin * 3)} ${mm(thin * 3)}"/>`);
    if (options.projectionLabel) {
      const size = fontSize * (options.detailed ? 0.8 : 0.7);
      parts.push(svgText(x + size * 0.3, plot.y + size * 0.9, options.projectionLabel, { size, fill: '#4d4d4d', halo: true }, ' class="projection-label"'));
    }
  }
  const line = linePaths(options.points, plot, scale);
  if (line.solid) parts.push(`<path class="area-line" d="${line.solid}" fill="none" stroke="${AREA_COLOUR}" stroke-width="${mm(options.lineWidth)}" stroke-linejoin="round"/>`);
  if (line.dashed) parts.push(`<path class="area-line projected" d="${line.dashed}" fill="none" stroke="${AREA_COLOUR}" stroke-width="${mm(options.lineWidth)}" stroke-dasharray="${mm(options.lineWidth * 3)} ${mm(options.lineWidth * 2)}"/>`);
  // Small numbers: no point, the line breaks, and "< N" stands at the foot of the plot.
  // Small panels write it without the space, smaller, so neighbouring Stichtage do not run into each other.
  const smallSize = fontSize * (options.detailed ? 0.8 : 0.55);
  const smallLabel = options.detailed ? (options.smallNumberLabel ?? '<') : (options.smallNumberLabel ?? '<').replace(/\s+/g, '');
  for (const x of line.small) {
    parts.push(svgText(x, plot.y + plot.height - smallSize * 0.35, smallLabel, { size: smallSize, fill: '#6b6b6b', anchor: 'middle' }, ' class="small-number-label"'));
  }
  const radius = options.lineWidth * (options.detailed ? 1.6 : 1.1);
  // Projected values are open circles: never read as observed points.
  for (const dot of line.dots) {
    parts.push(
      dot.projected
        ? `<circle class="projected-point" cx="${mm(dot.x)}" cy="${mm(dot.y)}" r="${mm(radius)}" fill="#ffffff" stroke="${AREA_COLOUR}" stroke-width="${mm(thin * 1.5)}"/>`
        : `<circle cx="${mm(dot.x)}" cy="${mm(dot.y)}" r="${mm(radius)}" fill="${AREA_COLOUR}"/>`,
    );
  }
  parts.push('</g>');
  return parts.join('');
}

/** Columns and rows for `count` panels in a frame, keeping panels roughly 1,5 : 1. */
export function gridLayout(count: number, width: number, height: number, aspect = 1.5): { columns: number; rows: number } {
  let best = { columns: 1, rows: Math.max(1, count), score: -Infinity };
  for (let columns = 1; columns <= Math.max(1, count); columns += 1) {
    const rows = Math.ceil(count / columns);
    const panelWidth = width / columns;
    const panelHeight = height / rows;
    const size = Math.min(panelWidth, panelHeight * aspect);
    // On a tie the layout with fewer empty cells wins (6 × 4 rather than 5 × 5 for 21 panels).
    if (size > best.score + 1e-9 || (Math.abs(size - best.score) <= 1e-9 && columns * rows < best.columns * best.rows)) best = { columns, rows, score: size };
  }
  return { columns: best.columns, rows: best.rows };
}

export interface MultiplesPanel {
  key: string;
  title: string;
  points: readonly SeriesPoint[];
  flag?: string | null;
}

export interface MultiplesOptions {
  panels: readonly MultiplesPanel[];
  region: readonly SeriesPoint[];
  periods: readonly string[];
  decimals: number;
  locale: Locale;
  fontSize: number;
  lineWidth: number;
  gap: number;
  selectedKey?: string | null;
  /** Fixed number of columns (the tab fits its width); default from gridLayout. */
  columns?: number;
  /** Label of projected parts in each panel (drawPanel's projectionLabel). */
  projectionLabel?: string | null;
  /** drawPanel's smallNumberLabel. */
  smallNumberLabel?: string | null;
  /** Panels placed in grid cells (one per panel, in panel order) instead of row by row: "wie die Karte" (geoGrid.ts). */
  grid?: PanelGrid | null;
}

/** Grid cells of the panels, in panel order. */
export interface PanelGrid {
  columns: number;
  rows: number;
  cells: readonly { column: number; row: number }[];
}

/**
 * The panel grid of the map layout for panels in `order` (keys), from the layer's grid cells by key; areas
 * without a cell are left out of the grid (null when none has one).
 */
export function panelGridFor(order: readonly string[], grid: { columns: number; rows: number; cells: readonly { key: string; column: number; row: number }[] } | null | undefined): PanelGrid | null {
  if (!grid) return null;
  const byKey = new Map(grid.cells.map((cell) => [cell.key, cell]));
  if (!order.every((key) => byKey.has(key))) return null;
  return { columns: grid.columns, rows: grid.rows, cells: order.map((key) => byKey.get(key) as { column: number; row: number }) };
}

/** The panel frames of the small multiples, in panel order: row by row, or in the given grid cells. */
export function multiplesFrames(frame: ChartFrame, count: number, gap: number, columns?: number, grid?: PanelGrid | null): ChartFrame[] {
  if (grid) {
    const width = (frame.width - gap * (grid.columns - 1)) / Math.max(1, grid.columns);
    const height = (frame.height - gap * (grid.rows - 1)) / Math.max(1, grid.rows);
    return Array.from({ length: count }, (_, index) => {
      const cell = grid.cells[index] ?? { column: 0, row: 0 };
      return { x: frame.x + cell.column * (width + gap), y: frame.y + cell.row * (height + gap), width, height };
    });
  }
  const layout = columns ? { columns, rows: Math.ceil(count / columns) } : gridLayout(count, frame.width, frame.height);
  const width = (frame.width - gap * (layout.columns - 1)) / layout.columns;
  const height = (frame.height - gap * (layout.rows - 1)) / Math.max(1, layout.rows);
  return Array.from({ length: count }, (_, index) => ({
    x: frame.x + (index % layout.columns) * (width + gap),
    y: frame.y + Math.floor(index / layout.columns) * (height + gap),
    width,
    height,
  }));
}

/** Small multiples: one panel per area, one shared scale, the region as reference line in each. */
export function drawMultiples(frame: ChartFrame, options: MultiplesOptions): string {
  const scale = sharedScale([...options.panels.map((panel) => panel.points.map(drawnValue)), options.region.map(drawnValue)]);
  const frames = multiplesFrames(frame, options.panels.length, options.gap, options.columns, options.grid);
  // Value labels on the leftmost panel of each row (in the map layout a row may start further right).
  const leftmostOfRow = new Map<number, number>();
  for (const panelFrame of frames) leftmostOfRow.set(panelFrame.y, Math.min(leftmostOfRow.get(panelFrame.y) ?? Infinity, panelFrame.x));
  const parts = ['<g id="small-multiples">'];
  options.panels.forEach((panel, index) => {
    const panelFrame = frames[index] as ChartFrame;
    parts.push(svgRect(panelFrame.x, panelFrame.y, panelFrame.width, panelFrame.height, `fill="none" stroke="#d9d9d9" stroke-width="${mm(options.lineWidth * 0.3)}"`));
    parts.push(
      drawPanel(panelFrame, {
        title: panel.title,
        points: panel.points,
        region: options.region,
        periods: options.periods,
        scale,
        fontSize: options.fontSize,
        detailed: false,
        decimals: options.decimals,
        locale: options.locale,
        selected: panel.key === options.selectedKey,
        flag: panel.flag ?? null,
        lineWidth: options.lineWidth,
        valueLabels: Math.abs(panelFrame.x - (leftmostOfRow.get(panelFrame.y) as number)) < 1e-6 ? 'print' : 'room',
        attributes: ` data-key="${escapeXml(panel.key)}"`,
        projectionLabel: options.projectionLabel ?? null,
        smallNumberLabel: options.smallNumberLabel ?? null,
      }),
    );
  });
  parts.push('</g>');
  return parts.join('');
}

/** The scale's range as text, e.g. "Gemeinsame Skala 0 bis 40". */
export function scaleNote(scale: ValueScale, decimals: number, locale: Locale): string {
  const from = formatNumber(scale.minimum, decimals, locale);
  const to = formatNumber(scale.maximum, decimals, locale);
  return locale === 'de' ? `Gemeinsame Skala für alle Gebiete: ${from} bis ${to}` : `One scale for all areas: ${from} to ${to}`;
}
