/**
 * The flow map as a committee figure (SVG in mm; PNG and PDF are rendered from it by the one figure
 * path, electron/node/export/renderFiles.ts): the page frame of the analysis figures (title, subtitle,
 * sources with Stichtag, author, date), the areas in light grey, the flows as the app draws them — the
 * same curves, widths and arrowheads from flowGeometry.ts, projected into the page — the outside
 * categories as labelled stubs, north arrow, scale bar, and notes (hidden flows, small numbers, synthetic).
 */
import type { Feature, Polygon } from 'geojson';
import { geoPath } from 'd3-geo';
import { page, type AnalysisFigure, type AnalysisFigureContext } from '../analysis/analysisFigures';
import { formatDate, formatNumber } from '../format/number';
import { translate, type MessageKey } from '../i18n/translate';
import { drawAreas, asFeatures, type AreaStyle } from '../export/mapAreas';
import { northArrow, scaleBar } from '../export/mapDecorations';
import { fitProjection } from '../export/mapProjection';
import { rewindForD3 } from '../export/rewindForD3';
import { mm, svgText } from '../export/svgElements';
import { textWidth, wrapText } from '../export/textMetrics';
import type { Source } from '../model/project';
import { flowSuppressionNote, flowSyntheticNote, hiddenFlowsNote } from './flows';
import { FLOW_COLOURS as FLOW_FIGURE_COLOURS, flowGeometry, flowWidthLegend, type FlowGeometryInput } from './flowGeometry';

/** Line width in mm of the largest flow on an A4 page. */
const MAX_WIDTH_MM = 3.2;
const MIN_WIDTH_MM = 0.35;

export interface FlowFigureData {
  period: string;
  mode: 'gross' | 'net';
  area: string | null;
  direction: 'all' | 'in' | 'out' | 'between';
  flows: FlowGeometryInput['flows'];
  ends: FlowGeometryInput['ends'];
  hidden: { count: number; sum: number | null; withheld: number };
  smallNumberThreshold: number;
  sources: readonly Source[];
}

/**
 * @example flowMapFigure(data, context).svg.includes('id="flows"') // true
 */
export function flowMapFigure(data: FlowFigureData, context: AnalysisFigureContext): AnalysisFigure {
  const locale = context.locale;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const names = new Map(data.ends.map((end) => [end.key, end.name[locale]]));
  const areaName = data.area === null ? null : (names.get(data.area) ?? data.area);
  const title = areaName === null || data.direction === 'all' ? t('flows.title') : `${t('flows.title')} – ${areaName}: ${t(`flows.direction.${data.direction}`)}`;
  const subtitle = `${context.layerTitle} · ${t('flows.period')} ${formatDate(data.period, locale)} · ${t(`flows.mode.${data.mode}`)}`;
  return page(context, title, subtitle, data.sources, (frame, scale) => {
    const styles: AreaStyle[] = context.areas.features.map((feature) => ({
      key: feature.properties.key,
      name: feature.properties.name,
      geometry: rewindForD3(feature.geometry),
      fill: feature.properties.key === data.area ? FLOW_FIGURE_COLOURS.areaSelected : FLOW_FIGURE_COLOURS.area,
      overlay: null,
      inFocus: true,
    }));
    // Fit the areas and the stubs: a rectangle around all ends joins the areas for fitting only.
    const longitudes = data.ends.map((end) => end.position[0]);
    const latitudes = data.ends.map((end) => end.position[1]);
    const box: Feature<Polygon> = {
      type: 'Feature',
      properties: {},
      geometry: rewindForD3({ type: 'Polygon', coordinates: [[[Math.min(...longitudes), Math.min(...latitudes)], [Math.max(...longitudes), Math.min(...latitudes)], [Math.max(...longitudes), Math.max(...latitudes)], [Math.min(...longitudes), Math.max(...latitudes)], [Math.min(...longitudes), Math.min(...latitudes)]]] }) as Polygon,
    };
    const notesHeight = 12 * scale;
    const mapFrame = { ...frame, height: Math.max(20, frame.height - notesHeight) };
    const projection = fitProjection({ type: 'FeatureCollection', features: [...asFeatures(styles), ...(data.ends.length > 0 ? [box] : [])] }, mapFrame, 8 * scale);
    const parts = ['<g id="flow-map">', drawAreas(styles, projection, scale, false)];
    const path = geoPath(projection).digits(2);
    parts.push('<g id="outlines">');
    for (const style of styles) {
      const d = path(style.geometry);
      if (d) parts.push(`<path d="${d}" fill="none" stroke="#a0aec0" stroke-width="${mm(0.15 * scale)}"/>`);
    }
    parts.push('</g>');
    // Degrees of latitude per mm at the centre, so widths and arrowheads (given in "px") come out in mm.
    const centre = projection.invert?.([mapFrame.x + mapFrame.width / 2, mapFrame.y + mapFrame.height / 2]) ?? [0, 0];
    const below = projection.invert?.([mapFrame.x + mapFrame.width / 2, mapFrame.y + mapFrame.height / 2 + 10]) ?? [0, 0.01];
    const degreesPerMm = Math.abs((centre[1] as number) - (below[1] as number)) / 10 || 0.001;
    const geometry = flowGeometry({ flows: data.flows, ends: data.ends, locale, selectedKey: data.area, maxWidth: MAX_WIDTH_MM * scale, minWidth: MIN_WIDTH_MM * scale }, degreesPerMm * 0.55);
    const colourOf = (properties: { selected: boolean; external: boolean; suppressed: boolean }) =>
      properties.suppressed ? FLOW_FIGURE_COLOURS.suppressed : properties.selected ? FLOW_FIGURE_COLOURS.selected : properties.external ? FLOW_FIGURE_COLOURS.external : FLOW_FIGURE_COLOURS.line;
    const project = (position: readonly number[]) => projection([position[0] as number, position[1] as number]) ?? [0, 0];
    parts.push('<g id="flows">');
    // Small flows first, so large ones lie on top.
    const order = geometry.lines.features.map((_, index) => index).reverse();
    for (const index of order) {
      const line = geometry.lines.features[index]!;
      const arrow = geometry.arrows.features[index]!;
      const colour = colourOf(line.properties);
      const d = line.geometry.coordinates.map((position, point) => `${point === 0 ? 'M' : 'L'}${project(position).map((value) => value.toFixed(2)).join(',')}`).join('');
      const dash = line.properties.suppressed ? ` stroke-dasharray="${mm(1 * scale)},${mm(0.8 * scale)}"` : '';
      parts.push(`<path class="flow" data-from="${line.properties.from}" data-to="${line.properties.to}" d="${d}" fill="none" stroke="${colour}" stroke-opacity="0.8" stroke-width="${mm(line.properties.width)}"${dash}/>`);
      const head = (arrow.geometry.coordinates[0] ?? []).map((position, point) => `${point === 0 ? 'M' : 'L'}${project(position).map((value) => value.toFixed(2)).join(',')}`).join('');
      parts.push(`<path class="flow-head" d="${head}Z" fill="${colour}"/>`);
    }
    parts.push('</g>');
    parts.push('<g id="stubs">');
    const stubSize = 2.8 * scale;
    for (const stub of geometry.stubs.features) {
      // The label sits just beyond the stub, away from the region's centre, so arrowheads never cover it.
      const [x, y] = project(stub.geometry.coordinates) as [number, number];
      const dx = x - (mapFrame.x + mapFrame.width / 2);
      const dy = y - (mapFrame.y + mapFrame.height / 2);
      const length = Math.hypot(dx, dy) || 1;
      const labelX = x + (dx / length) * 4 * scale;
      const labelY = y + (dy / length) * 4 * scale + stubSize * 0.35;
      parts.push(`<circle cx="${mm(x)}" cy="${mm(y)}" r="${mm(0.8 * scale)}" fill="#7b341e"/>`);
      parts.push(svgText(labelX, labelY, stub.properties.name, { size: stubSize, weight: 'semibold', fill: '#7b341e', anchor: dx < -length * 0.3 ? 'end' : dx > length * 0.3 ? 'start' : 'middle', halo: true }));
    }
    parts.push('</g>');
    const arrowMark = northArrow(projection, mapFrame, scale);
    parts.push(arrowMark.draw(mapFrame.x + 2 * scale, mapFrame.y + 2 * scale));
    const bar = scaleBar(projection, mapFrame, scale, locale);
    parts.push(bar.draw(mapFrame.x + 2 * scale, mapFrame.y + mapFrame.height - 2 * scale - bar.box.height));
    parts.push(widthLegend(data, mapFrame, scale, locale, t('flows.legend')));
    parts.push('</g>');
    const notes = [
      ...(data.sources.length > 0 ? [t('flows.source', { source: data.sources.map((source) => source.name).join('; '), date: formatDate(data.period, locale) })] : []),
      ...(data.mode === 'net' ? [t('flows.netNote')] : []),
      ...[hiddenFlowsNote(data.hidden, data.smallNumberThreshold, locale)].filter((note): note is string => note !== null),
      ...[flowSuppressionNote(data.flows, data.smallNumberThreshold, locale)].filter((note): note is string => note !== null),
      ...[flowSyntheticNote(data.sources, locale)].filter((note): note is string => note !== null),
    ].join(' · ');
    const noteSize = 2.6 * scale;
    const noteLines = wrapText(notes, noteSize, frame.width).slice(0, 3);
    parts.push(`<g id="notes">${noteLines.map((line, index) => svgText(frame.x, mapFrame.y + mapFrame.height + 4 * scale + index * noteSize * 1.35, line, { size: noteSize, fill: '#4d4d4d' })).join('')}</g>`);
    return parts.join('');
  });
}

/**
 * The width legend in the map's lower right corner: a line per round count at the width the map gives it,
 * so a reader can tell 1.000 persons from 300 without the table.
 */
function widthLegend(data: FlowFigureData, mapFrame: { x: number; y: number; width: number; height: number }, scale: number, locale: 'de' | 'en', title: string): string {
  const rows = flowWidthLegend(data.flows, data.smallNumberThreshold, MIN_WIDTH_MM * scale, MAX_WIDTH_MM * scale);
  if (rows.length === 0) return '';
  const textSize = 2.6 * scale;
  const lineLength = 9 * scale;
  const rowHeight = Math.max(MAX_WIDTH_MM * scale, textSize) + 1.6 * scale;
  const labels = rows.map(({ value }) => formatNumber(value, 0, locale));
  const labelWidth = Math.max(...labels.map((label) => textWidth(label, textSize)));
  const width = Math.max(lineLength + 2 * scale + labelWidth, textWidth(title, textSize, 'semibold'));
  const x = mapFrame.x + mapFrame.width - 2 * scale - width;
  const top = mapFrame.y + mapFrame.height - 2 * scale - textSize * 1.4 - rowHeight * rows.length;
  const parts = [`<g id="flow-width-legend">`, svgText(x, top + textSize, title, { size: textSize, weight: 'semibold', fill: '#2d3748', halo: true })];
  rows.forEach(({ value, width: strokeWidth }, index) => {
    const y = top + textSize * 1.4 + rowHeight * (index + 0.5);
    parts.push(`<line class="flow-legend-line" data-value="${value}" x1="${mm(x)}" y1="${mm(y)}" x2="${mm(x + lineLength)}" y2="${mm(y)}" stroke="${FLOW_FIGURE_COLOURS.line}" stroke-opacity="0.8" stroke-width="${mm(strokeWidth)}"/>`);
    parts.push(svgText(x + lineLength + 2 * scale, y + textSize * 0.35, labels[index] ?? '', { size: textSize, fill: '#2d3748', halo: true }));
  });
  parts.push('</g>');
  return parts.join('');
}
