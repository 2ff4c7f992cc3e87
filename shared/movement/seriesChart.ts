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
import { WARNING_COLOUR, escapeXml, mm, svgRect, svgText } from '../export/svgElements';
import { fittedText, textWidth } from '../export/textMetrics';
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

/**
 * Where the plot area of a panel lies inside its frame: room for the title, the years and, left of it,
 * `labelRoom` for the value labels (valueLabelRoom); without them a narrow margin.
 */
export function plotArea(frame: ChartFrame, fontSize: number, detailed: boolean, labelRoom = 0): ChartFrame {
  const top = fontSize * 1.9;
  const left = labelRoom > 0 ? labelRoom : fontSize * 0.6;
  const bottom = fontSize * 1.8;
  const right = detailed ? fontSize * 1.6 : fontSize * 0.8;
  return { x: frame.x + left, y: frame.y + top, width: Math.max(1, frame.width - left - right), height: Math.max(1, frame.height - top - bottom) };
}

/** The size of the value labels: larger in the one-area chart than in the small panels. */
function valueLabelSize(fontSize: number, detailed: boolean): number {
  return fontSize * (detailed ? 0.85 : 0.72);
}

/**
 * Decimals for a scale's ticks: one fewer than the values have, but as many as the ticks need to differ
 * (turnover of a small group per 1.000 inhabitants: ticks 0,01 … 0,05 read "0" five times with none).
 */
function tickDecimals(scale: ValueScale, decimals: number): number {
  let needed = 0;
  while (needed < 6 && !scale.ticks.every((tick) => Number(tick.toFixed(needed)) === tick)) needed += 1;
  return Math.max(0, decimals - 1, needed);
}

/** How a tick's value is written at the axis. */
function tickText(tick: number, scale: ValueScale, decimals: number, locale: Locale): string {
  return formatNumber(tick, tickDecimals(scale, decimals), locale);
}

/**
 * The room left of a plot for its value labels: the widest tick's label and a margin on both sides, so
 * "1.200.000" is not cut off at the panel's edge.
 */
export function valueLabelRoom(scale: ValueScale, decimals: number, locale: Locale, fontSize: number, detailed: boolean): number {
  const size = valueLabelSize(fontSize, detailed);
  const widest = Math.max(0, ...scale.ticks.map((tick) => textWidth(tickText(tick, scale, decimals, locale), size)));
  return widest + fontSize * 0.7;
}

/**
 * Where each Stichtag stands on the time axis, from 0 to 1, by its date: 31.12.2018, 31.12.2021 and the
 * Zensus day 15.05.2022 are not spaced evenly, so no slope is steepened by a short interval. One Stichtag
 * stands in the middle.
 * @example periodPositions(['2018-12-31', '2021-12-31', '2022-12-31']) // [0, 0.75, 1]
 */
export function periodPositions(periods: readonly string[]): number[] {
  const times = periods.map((period) => Date.parse(period));
  const first = times[0] ?? 0;
  const span = (times.at(-1) ?? 0) - first;
  if (times.length <= 1 || !(span > 0) || times.some((time) => !Number.isFinite(time))) {
    return periods.map((_, index) => (periods.length <= 1 ? 0.5 : index / (periods.length - 1)));
  }
  return times.map((time) => (time - first) / span);
}

export function xAt(plot: ChartFrame, positions: readonly number[], index: number): number {
  return plot.x + plot.width * (positions[index] ?? 0.5);
}

export function yAt(plot: ChartFrame, scale: ValueScale, value: number): number {
  return plot.y + plot.height - ((value - scale.minimum) / (scale.maximum - scale.minimum)) * plot.height;
}

/** The period index nearest to horizontal position `x` (hover). */
export function periodIndexAt(plot: ChartFrame, positions: readonly number[], x: number): number {
  const at = (x - plot.x) / plot.width;
  let nearest = 0;
  positions.forEach((position, index) => {
    if (Math.abs(position - at) < Math.abs((positions[nearest] ?? 0) - at)) nearest = index;
  });
  return nearest;
}

/**
 * The Stichtage at which an observed series changes its source (the register's 31.12.2021, then the
 * Zensus' 15.05.2022): the index of the first value from the new source, with both sources. The step
 * between them is a break in the series, not a development, so the line is not drawn across it. A
 * projection continuing the series is marked on its own and is no change of source here. `seriesOf`
 * names the series a source belongs to (sourceSeries): two imports of one table, one per Stichtag, are
 * one series, not a change of source.
 */
export function sourceChanges(points: readonly SeriesPoint[], seriesOf: (sourceId: string) => string = (sourceId) => sourceId): { index: number; from: string; to: string }[] {
  const changes: { index: number; from: string; to: string }[] = [];
  let previous: string | null = null;
  points.forEach((point, index) => {
    if (point.projected || point.sourceId === null || point.value === null) return;
    if (previous !== null && seriesOf(point.sourceId) !== seriesOf(previous)) changes.push({ index, from: previous, to: point.sourceId });
    previous = point.sourceId;
  });
  return changes;
}

/**
 * Whether the line joins the value at `index` to the one before: both are drawn as values and no change
 * of source lies between them. The one rule for the drawn lines and for the key that names them.
 */
export function joinsPrevious(points: readonly SeriesPoint[], index: number, breaks: ReadonlySet<number>): boolean {
  const point = points[index];
  const previous = index > 0 ? points[index - 1] : undefined;
  return point !== undefined && previous !== undefined && drawnValue(point) !== null && drawnValue(previous) !== null && !breaks.has(index);
}

/**
 * Whether a line drawn through these points has any segment (values cut off on both sides are dots).
 * @example hasSegment([{ value: 1, … }, { value: null, … }, { value: 2, … }]) // false
 */
export function hasSegment(points: readonly SeriesPoint[], seriesOf?: (sourceId: string) => string): boolean {
  const breaks = new Set(sourceChanges(points, seriesOf).map((change) => change.index));
  return points.some((_, index) => joinsPrevious(points, index, breaks));
}

/**
 * Path segments through consecutive values. A missing value breaks the line, and so do a change of source
 * and a small number (never drawn as an exact point: its x is returned in `small` for a "< N" mark).
 * Segments ending at a projected value are dashed.
 */
function linePaths(
  points: readonly SeriesPoint[],
  plot: ChartFrame,
  scale: ValueScale,
  positions: readonly number[],
  seriesOf?: (sourceId: string) => string,
): { solid: string; dashed: string; dots: { x: number; y: number; projected: boolean; joined: boolean }[]; small: number[] } {
  const solid: string[] = [];
  const dashed: string[] = [];
  const dots: { x: number; y: number; projected: boolean; joined: boolean }[] = [];
  const small: number[] = [];
  const breaks = new Set(sourceChanges(points, seriesOf).map((change) => change.index));
  for (let index = 0; index < points.length; index += 1) {
    const point = points[index] as SeriesPoint;
    const x = xAt(plot, positions, index);
    if (point.smallNumber) small.push(x);
    const value = drawnValue(point);
    if (value === null) continue;
    const y = yAt(plot, scale, value);
    dots.push({ x, y, projected: point.projected, joined: false });
    if (joinsPrevious(points, index, breaks)) {
      const previousValue = drawnValue(points[index - 1] as SeriesPoint) as number;
      const segment = `M${mm(xAt(plot, positions, index - 1))} ${mm(yAt(plot, scale, previousValue))}L${mm(x)} ${mm(y)}`;
      (point.projected ? dashed : solid).push(segment);
      (dots.at(-1) as { joined: boolean }).joined = true;
      const before = dots.at(-2);
      if (before) before.joined = true;
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
  /** The one-area chart's label at a change of source, e.g. "Quellenwechsel". */
  sourceChangeLabel?: string | null;
  /** The series a source belongs to (sourceChanges); by default each source is its own. */
  sourceSeries?: (sourceId: string) => string;
}

/**
 * The years under the time axis. The one-area chart labels every Stichtag whose year is new and whose
 * label has room beside its neighbours; small panels label the first and the last. Where the last has
 * no room beside the one before, the one that ends the longer interval keeps its year: after 2011–2018,
 * 31.12.2021 (the end of a gap) rather than the Zensus day five months later, whose date the subtitle
 * and the hover give.
 */
function yearLabels(periods: readonly string[], positions: readonly number[], plot: ChartFrame, size: number, detailed: boolean): { x: number; text: string; anchor: 'start' | 'middle' | 'end' }[] {
  const count = periods.length;
  if (count === 0) return [];
  const label = (index: number, anchor: 'start' | 'middle' | 'end') => ({ index, x: xAt(plot, positions, index), text: (periods[index] as string).slice(0, 4), anchor });
  // A panel too narrow for both years keeps the last.
  if (!detailed) return count === 1 ? [label(0, 'middle')] : plot.width < textWidth('2000', size) * 2.4 ? [label(count - 1, 'end')] : [label(0, 'start'), label(count - 1, 'end')];
  const room = textWidth('2000', size) * 1.4;
  const labels: ReturnType<typeof label>[] = [];
  for (let index = 0; index < count; index += 1) {
    const next = label(index, 'middle');
    const previous = labels.at(-1);
    if (previous && (previous.text === next.text || next.x - previous.x < room)) {
      if (index !== count - 1 || previous.text === next.text) continue;
      const previousInterval = previous.index > 0 ? previous.x - xAt(plot, positions, previous.index - 1) : 0;
      if (previousInterval > next.x - previous.x) continue;
      labels.pop();
    }
    labels.push(next);
  }
  return labels;
}

/**
 * The plot area of a panel drawn with these options: the one-area chart and the small panels that print
 * or keep room for value labels leave the room of the widest label. The tab's hover uses the same area.
 */
export function panelPlot(frame: ChartFrame, options: Pick<PanelOptions, 'scale' | 'fontSize' | 'detailed' | 'valueLabels' | 'decimals' | 'locale'>): ChartFrame {
  const labelled = options.detailed || options.valueLabels !== undefined;
  return plotArea(frame, options.fontSize, options.detailed, labelled ? valueLabelRoom(options.scale, options.decimals, options.locale, options.fontSize, options.detailed) : 0);
}

/** One panel as an SVG group. */
export function drawPanel(frame: ChartFrame, options: PanelOptions): string {
  const { fontSize, scale } = options;
  const plot = panelPlot(frame, options);
  const parts: string[] = [`<g class="series-panel"${options.attributes ?? ''}>`];
  if (options.selected) parts.push(svgRect(frame.x, frame.y, frame.width, frame.height, `fill="${SELECTED_FILL}"`));
  // One line: a name longer than the panel is cut with "…" (the hover and the table name it in full).
  const title = fittedText(options.title, fontSize, frame.width - fontSize * 0.6, 'semibold');
  parts.push(svgText(frame.x + fontSize * 0.3, frame.y + fontSize * 1.1, title, { size: fontSize, weight: 'semibold' }));
  if (options.flag) parts.push(svgText(frame.x + frame.width - fontSize * 0.3, frame.y + fontSize * 1.1, options.flag, { size: fontSize * 0.85, fill: '#b2182b', anchor: 'end', weight: 'semibold' }));
  const thin = options.lineWidth * 0.3;
  // In a small panel the value labels would stack: every step-th tick is labelled (the gridlines stay).
  const labelSize = valueLabelSize(fontSize, options.detailed);
  const tickSpacing = scale.ticks.length > 1 ? plot.height / (scale.ticks.length - 1) : Infinity;
  const labelStep = Math.max(1, Math.ceil((labelSize * 1.2) / tickSpacing));
  for (const [tickIndex, tick] of scale.ticks.entries()) {
    const y = yAt(plot, scale, tick);
    parts.push(`<line x1="${mm(plot.x)}" y1="${mm(y)}" x2="${mm(plot.x + plot.width)}" y2="${mm(y)}" stroke="${tick === 0 ? '#8c8c8c' : '#e3e3e3'}" stroke-width="${mm(tick === 0 ? thin * 1.6 : thin)}"/>`);
    if ((options.detailed || options.valueLabels === 'print') && tickIndex % labelStep === 0) {
      parts.push(svgText(plot.x - fontSize * 0.3, y + labelSize * 0.35, tickText(tick, scale, options.decimals, options.locale), { size: labelSize, fill: '#4d4d4d', anchor: 'end' }));
    }
  }
  const count = options.periods.length;
  const positions = periodPositions(options.periods);
  const yearSize = fontSize * 0.8;
  for (const label of yearLabels(options.periods, positions, plot, yearSize, options.detailed)) {
    parts.push(svgText(label.x, plot.y + plot.height + fontSize * 1.25, label.text, { size: yearSize, fill: '#4d4d4d', anchor: label.anchor }));
  }
  if (options.hoverIndex !== null && options.hoverIndex !== undefined && count > 0) {
    const x = xAt(plot, positions, options.hoverIndex);
    parts.push(`<line class="hover-rule" x1="${mm(x)}" y1="${mm(plot.y)}" x2="${mm(x)}" y2="${mm(plot.y + plot.height)}" stroke="#333333" stroke-width="${mm(thin)}"/>`);
  }
  // A change of source: an amber dotted rule between the two Stichtage, where the line breaks; the one-area
  // chart names it.
  for (const change of sourceChanges(options.points, options.sourceSeries)) {
    const before = options.points.slice(0, change.index).findLastIndex((point) => point.value !== null && !point.projected);
    const x = before >= 0 ? (xAt(plot, positions, before) + xAt(plot, positions, change.index)) / 2 : xAt(plot, positions, change.index);
    parts.push(`<line class="source-change-rule" x1="${mm(x)}" y1="${mm(plot.y)}" x2="${mm(x)}" y2="${mm(plot.y + plot.height)}" stroke="${WARNING_COLOUR}" stroke-width="${mm(thin * 1.4)}" stroke-dasharray="${mm(thin * 1.5)} ${mm(thin * 2.5)}"/>`);
    if (options.detailed && options.sourceChangeLabel) {
      const size = fontSize * 0.8;
      parts.push(svgText(x - size * 0.3, plot.y + size * 0.9, options.sourceChangeLabel, { size, fill: WARNING_COLOUR, anchor: 'end', halo: true }, ' class="source-change-label"'));
    }
  }
  if (options.region) {
    const region = linePaths(options.region, plot, scale, positions, options.sourceSeries);
    const d = region.solid + region.dashed;
    // A reference value no segment reaches (a break on both sides) is a small grey point, so it still shows.
    for (const dot of region.dots.filter((candidate) => !candidate.joined)) {
      parts.push(`<circle class="region-point" cx="${mm(dot.x)}" cy="${mm(dot.y)}" r="${mm(options.lineWidth * (options.detailed ? 1.1 : 0.8))}" fill="${REGION_COLOUR}"/>`);
    }
    if (d) parts.push(`<path class="region-line" d="${d}" fill="none" stroke="${REGION_COLOUR}" stroke-width="${mm(options.lineWidth * 0.8)}" stroke-dasharray="${mm(options.lineWidth * 2.5)} ${mm(options.lineWidth * 1.5)}"/>`);
  }
  const firstProjected = options.points.findIndex((point) => point.projected);
  if (firstProjected >= 0) {
    // The rule stands at the last observed Stichtag (or the plot's left edge when all values are projected).
    const x = firstProjected > 0 ? xAt(plot, positions, firstProjected - 1) : plot.x;
    parts.push(`<line class="projection-rule" x1="${mm(x)}" y1="${mm(plot.y)}" x2="${mm(x)}" y2="${mm(plot.y + plot.height)}" stroke="#8c8c8c" stroke-width="${mm(thin)}" stroke-dasharray="${mm(thin * 3)} ${mm(thin * 3)}"/>`);
    if (options.projectionLabel) {
      const size = fontSize * (options.detailed ? 0.8 : 0.7);
      parts.push(svgText(x + size * 0.3, plot.y + size * 0.9, options.projectionLabel, { size, fill: '#4d4d4d', halo: true }, ' class="projection-label"'));
    }
  }
  const line = linePaths(options.points, plot, scale, positions, options.sourceSeries);
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
  /** drawPanel's sourceSeries. */
  sourceSeries?: (sourceId: string) => string;
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

/**
 * Where the small multiples stand: their shared scale, each panel's frame and plot area (the tab's hover
 * finds the Stichtag in it) and whether it prints the value labels (the leftmost panel of each row; in
 * the map layout a row may start further right).
 */
export function multiplesLayout(frame: ChartFrame, options: MultiplesOptions): { scale: ValueScale; frames: ChartFrame[]; plots: ChartFrame[]; valueLabels: ('print' | 'room')[] } {
  const scale = sharedScale([...options.panels.map((panel) => panel.points.map(drawnValue)), options.region.map(drawnValue)]);
  const frames = multiplesFrames(frame, options.panels.length, options.gap, options.columns, options.grid);
  const leftmostOfRow = new Map<number, number>();
  for (const panelFrame of frames) leftmostOfRow.set(panelFrame.y, Math.min(leftmostOfRow.get(panelFrame.y) ?? Infinity, panelFrame.x));
  const valueLabels = frames.map((panelFrame) => (Math.abs(panelFrame.x - (leftmostOfRow.get(panelFrame.y) as number)) < 1e-6 ? 'print' : 'room'));
  const plots = frames.map((panelFrame, index) => panelPlot(panelFrame, { scale, fontSize: options.fontSize, detailed: false, valueLabels: valueLabels[index], decimals: options.decimals, locale: options.locale }));
  return { scale, frames, plots, valueLabels };
}

/**
 * Small multiples: one panel per area, one shared scale, the region as reference line in each. `layout`:
 * the tab's, which its hover uses too (computed here when not given).
 */
export function drawMultiples(frame: ChartFrame, options: MultiplesOptions, layout: ReturnType<typeof multiplesLayout> = multiplesLayout(frame, options)): string {
  const { scale, frames, valueLabels } = layout;
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
        valueLabels: valueLabels[index],
        attributes: ` data-key="${escapeXml(panel.key)}"`,
        projectionLabel: options.projectionLabel ?? null,
        smallNumberLabel: options.smallNumberLabel ?? null,
        ...(options.sourceSeries ? { sourceSeries: options.sourceSeries } : {}),
      }),
    );
  });
  parts.push('</g>');
  return parts.join('');
}

/** The scale's range as text, e.g. "Gemeinsame Skala 0 bis 40". */
export function scaleNote(scale: ValueScale, decimals: number, locale: Locale): string {
  const shown = Math.max(decimals, tickDecimals(scale, decimals));
  const from = formatNumber(scale.minimum, shown, locale);
  const to = formatNumber(scale.maximum, shown, locale);
  return locale === 'de' ? `Gemeinsame Skala für alle Gebiete: ${from} bis ${to}` : `One scale for all areas: ${from} to ${to}`;
}
