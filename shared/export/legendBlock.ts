/**
 * The figure's legend, drawn from the shared legend model (shared/mapView/indicatorLegend.ts) that the
 * app's legend shows too: indicator, unit and Stichtag; one row per class ("bis unter" in German number
 * format); the "keine Daten" row, the rows of suppressed and flagged small numbers and the region's
 * value. Measured first (so the page layout can make room), drawn second.
 */
import type { Locale } from '../format/number';
import { formatNumber } from '../format/number';
import type { IndicatorLegend } from '../mapView/indicatorLegend';
import { WARNING_COLOUR, svgRect, svgText } from './svgElements';
import { textWidth, wrapText } from './textMetrics';

export interface LegendContent {
  legend: IndicatorLegend;
  /** Fills of the marked areas' swatches, e.g. "url(#kr-small-number-hatch)". */
  markFills: { suppressed: string; flagged: string };
  showCounts: boolean;
  locale: Locale;
}

export interface LegendMetrics {
  width: number;
  height: number;
}

interface LegendRow {
  fill: string;
  label: string;
  count: number | null;
}

interface LegendPlan {
  titleLines: string[];
  /** The caption, then the notes (a warning, fixed classes, fewer classes), each wrapped to the legend's width. */
  noteLines: string[][];
  /** The lines of the warning among them (drawn in the warning colour, as the map legend marks it), or null. */
  warningLines: string[] | null;
  regionLines: string[];
  rows: LegendRow[];
  width: number;
  height: number;
}

/** Sizes in mm at scale 1 (A4); multiplied by the page scale. */
const SIZE = { title: 3.5, caption: 2.8, row: 3.1, swatchWidth: 6, swatchHeight: 3.8, rowHeight: 5.2, gap: 2 };
/** Space above a warning, in caption heights: set off from the caption, it does not read as part of it. */
const WARNING_GAP = 0.5;

function plan(content: LegendContent, scale: number, maximumWidth: number): LegendPlan {
  const { legend } = content;
  const rows: LegendRow[] = legend.rows.map((row) => ({ fill: row.colour, label: row.label, count: row.count }));
  if (legend.noData) rows.push({ fill: legend.noData.colour, label: legend.noData.label, count: legend.noData.count });
  for (const mark of legend.marks) rows.push({ fill: content.markFills[mark.kind === 'suppressed' ? 'suppressed' : 'flagged'], label: `${mark.label}*`, count: mark.count });
  const caption = captionOf(content);
  const titleLines = wrapText(legend.title, SIZE.title * scale, maximumWidth, 'semibold');
  // Captions and notes wrap like the title: a long note ("1 statt 5 Klassen: …") ran past the page edge.
  const wrapCaption = (text: string) => wrapText(text, SIZE.caption * scale, maximumWidth);
  // A warning (a change across a change of source or of territory) stands with the caption, where the reader looks first.
  const warningLines = legend.warning ? wrapCaption(legend.warning) : null;
  const noteLines = [...(caption ? [wrapCaption(caption)] : []), ...(warningLines ? [warningLines] : []), ...[legend.fixedClassesNote, legend.classCountNote].filter((note): note is string => Boolean(note)).map(wrapCaption)];
  const regionLines = legend.regionLine ? wrapCaption(legend.regionLine) : [];
  const labelX = (SIZE.swatchWidth + SIZE.gap) * scale;
  const rowWidths = rows.map((row) => labelX + textWidth(labelWithCount(row, content), SIZE.row * scale));
  const width = Math.min(
    maximumWidth,
    Math.max(
      ...titleLines.map((line) => textWidth(line, SIZE.title * scale, 'semibold')),
      ...[...noteLines.flat(), ...regionLines].map((line) => textWidth(line, SIZE.caption * scale)),
      ...rowWidths,
    ),
  );
  const captionLineCount = noteLines.reduce((sum, lines) => sum + lines.length, 0);
  const height =
    titleLines.length * SIZE.title * 1.2 * scale +
    SIZE.caption * (0.3 + captionLineCount * 1.2 + (warningLines ? WARNING_GAP : 0)) * scale +
    SIZE.gap * scale +
    rows.length * SIZE.rowHeight * scale +
    (regionLines.length > 0 ? (SIZE.caption * (0.4 + regionLines.length * 1.2) + SIZE.gap) * scale : 0);
  return { titleLines, noteLines, warningLines, regionLines, rows, width, height };
}

/** "je 1.000 Einw. · Stichtag 31.12.2024" */
function captionOf(content: LegendContent): string {
  return content.legend.unit ? `${content.legend.unit} · ${content.legend.stichtag}` : content.legend.stichtag;
}

function labelWithCount(row: LegendRow, content: LegendContent): string {
  return content.showCounts && row.count !== null ? `${row.label}  (${formatNumber(row.count, 0, content.locale)})` : row.label;
}

/**
 * The legend's size in mm, for the page layout.
 * @example measureLegend(content, 1, 70) // { width: 52.3, height: 44.1 }
 */
export function measureLegend(content: LegendContent, scale: number, maximumWidth: number): LegendMetrics {
  const { width, height } = plan(content, scale, maximumWidth);
  return { width, height };
}

/**
 * The legend as SVG with its top-left corner at (x, y).
 * @example drawLegend(content, 230, 40, 1, 70)
 */
export function drawLegend(content: LegendContent, x: number, y: number, scale: number, maximumWidth: number): string {
  const { titleLines, noteLines, warningLines, regionLines, rows } = plan(content, scale, maximumWidth);
  const parts: string[] = ['<g id="legend">'];
  let cursor = y;
  for (const line of titleLines) {
    cursor += SIZE.title * scale;
    parts.push(svgText(x, cursor, line, { size: SIZE.title * scale, weight: 'semibold' }));
    cursor += SIZE.title * 0.2 * scale;
  }
  for (const lines of noteLines) {
    if (lines === warningLines) cursor += SIZE.caption * WARNING_GAP * scale;
    for (const line of lines) {
      cursor += SIZE.caption * 1.2 * scale;
      parts.push(svgText(x, cursor, line, { size: SIZE.caption * scale, fill: lines === warningLines ? WARNING_COLOUR : '#4d4d4d' }));
    }
  }
  cursor += SIZE.caption * 0.3 * scale + SIZE.gap * scale;
  for (const row of rows) {
    const swatchY = cursor + (SIZE.rowHeight - SIZE.swatchHeight) * 0.5 * scale;
    parts.push(svgRect(x, swatchY, SIZE.swatchWidth * scale, SIZE.swatchHeight * scale, `fill="${row.fill}" stroke="#8c8c8c" stroke-width="${0.15 * scale}"`));
    const baseline = swatchY + SIZE.swatchHeight * scale * 0.5 + SIZE.row * scale * 0.34;
    const labelX = x + (SIZE.swatchWidth + SIZE.gap) * scale;
    parts.push(svgText(labelX, baseline, row.label, { size: SIZE.row * scale }));
    if (content.showCounts && row.count !== null) {
      const countX = labelX + textWidth(`${row.label}  `, SIZE.row * scale);
      parts.push(svgText(countX, baseline, `(${formatNumber(row.count, 0, content.locale)})`, { size: SIZE.row * scale, fill: '#808080' }));
    }
    cursor += SIZE.rowHeight * scale;
  }
  if (regionLines.length > 0) cursor += SIZE.gap * scale;
  for (const line of regionLines) {
    cursor += SIZE.caption * 1.2 * scale;
    parts.push(svgText(x, cursor, line, { size: SIZE.caption * scale, fill: '#4d4d4d' }));
  }
  parts.push('</g>');
  return parts.join('');
}
