/**
 * The Analyse views as committee figures (one SVG document each, mm as the user unit, text kept as text):
 * cluster map, significance map, Moran scatter plot, raw against smoothed rates, and the scatter plot of
 * two indicators. Same page conventions as the map figures (shared/export): title, subtitle with layer and
 * Stichtag, source lines with the BKG attribution and "Beispieldaten", date; maps with north arrow and
 * scale bar. PNG and PDF are rendered from this SVG (electron/node/export), so all formats look alike.
 */
import { geoPath } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AreaCollection } from '../export/composeFigure';
import { PAGE_SIZES_MM } from '../export/exportLayout';
import { labelAnchors } from '../labels/labelPlacement';
import { asFeatures, drawAreas, drawLabels, type AreaStyle } from '../export/mapAreas';
import { northArrow, scaleBar } from '../export/mapDecorations';
import { fitProjection, type MapFrame } from '../export/mapProjection';
import { rewindForD3 } from '../export/rewindForD3';
import { sourceLines } from '../export/sourceLines';
import { escapeXml, mm, svgRect, svgText } from '../export/svgElements';
import { wrapText } from '../export/textMetrics';
import { formatDate, formatNumber, type Locale } from '../format/number';
import { localized, translate, type MessageKey } from '../i18n/translate';
import type { Source } from '../model/project';
import { significanceClass } from '../spatial/spatialAnalysis';
import type { MoranResult, RatesResult, ScatterResult } from './analysisTypes';
import { extraRows, significanceLegendRows, type LegendRow } from './legendRows';
import { drawRates } from './ratesDrawing';
import { CLUSTER_COLOURS, CLUSTER_ORDER, clusterCategory, clusterCategoryColour, NO_DATA_COLOUR, SIGNIFICANCE_COLOURS } from './clusterColours';
import { clusterExplanation, globalExplanation, globalNote, methodNote } from './explanation';
import { niceTicks } from './niceTicks';
import { indicatorLabel } from '../indicators/indicatorLabel';

export type AnalysisPage = keyof typeof PAGE_SIZES_MM;

export interface AnalysisFigureContext {
  /** The layer's areas in WGS84 with key and name. */
  areas: AreaCollection;
  layerTitle: string;
  boundarySource: Source | null;
  schematicBoundaries: boolean;
  /** ISO date the figure is made ("Stand"). */
  createdOn: string;
  locale: Locale;
  page: AnalysisPage;
  /** Author line, e.g. "Region Hannover, Team Sozialplanung"; empty: none. */
  author: string;
  /**
   * Per source, the Stichtage the figure shows of it (a series, a balance): the footer names those instead
   * of the source's latest Stichtag (shared/movement/sourcePeriods.ts).
   */
  shownPeriods?: Readonly<Record<string, readonly string[]>>;
}

export interface AnalysisFigure {
  svg: string;
  widthMm: number;
  heightMm: number;
}


const MARGIN_MM = 12;

function text(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  return translate(locale, key, params);
}

/** Title, subtitle and footer around a body drawn into the remaining frame (also the monitoring committee sheet's page). */
export function page(context: AnalysisFigureContext, title: string, subtitle: string, dataSources: readonly Source[], drawBody: (frame: MapFrame, scale: number) => string): AnalysisFigure {
  const { shownPeriods } = context;
  const [width, height] = PAGE_SIZES_MM[context.page];
  const scale = Math.min(width, height) / 210;
  const contentWidth = width - 2 * MARGIN_MM;
  const parts: string[] = [];
  let cursor = MARGIN_MM;
  const titleSize = 6.2 * scale;
  for (const line of wrapText(title, titleSize, contentWidth, 'semibold')) {
    cursor += titleSize * 0.95;
    parts.push(svgText(MARGIN_MM, cursor, line, { size: titleSize, weight: 'semibold' }));
    cursor += titleSize * 0.28;
  }
  const subtitleSize = 3.9 * scale;
  for (const line of wrapText(subtitle, subtitleSize, contentWidth)) {
    cursor += subtitleSize * 1.15;
    parts.push(svgText(MARGIN_MM, cursor, line, { size: subtitleSize, fill: '#4d4d4d' }));
  }
  const bodyTop = cursor + 5 * scale;
  const footerSize = 2.35 * scale;
  const lineHeight = footerSize * 1.38;
  const right = [...(context.author.trim() ? [`${context.locale === 'de' ? 'Darstellung' : 'Figure'}: ${context.author.trim()}`] : []), `${text(context.locale, 'analysis.figure.stand')}: ${formatDate(context.createdOn, context.locale)}`];
  const left = sourceLines({ dataSources, boundarySource: context.boundarySource, schematicBoundaries: context.schematicBoundaries, currentYear: Number(context.createdOn.slice(0, 4)), locale: context.locale, ...(shownPeriods ? { shownPeriods } : {}) }).flatMap((line) =>
    wrapText(line, footerSize, contentWidth * 0.72),
  );
  const footerLines = Math.max(left.length, right.length);
  const footerTop = height - MARGIN_MM - (footerLines - 1) * lineHeight - footerSize * 0.9;
  parts.push(`<line x1="${mm(MARGIN_MM)}" y1="${mm(footerTop - 3 * scale)}" x2="${mm(width - MARGIN_MM)}" y2="${mm(footerTop - 3 * scale)}" stroke="#bfbfbf" stroke-width="${mm(0.2 * scale)}"/>`);
  parts.push('<g id="footer">');
  left.forEach((line, index) => parts.push(svgText(MARGIN_MM, footerTop + footerSize * 0.9 + index * lineHeight, line, { size: footerSize, fill: '#4d4d4d' })));
  right.forEach((line, index) => parts.push(svgText(width - MARGIN_MM, footerTop + footerSize * 0.9 + index * lineHeight, line, { size: footerSize, fill: '#4d4d4d', anchor: 'end' })));
  parts.push('</g>');
  const frame = { x: MARGIN_MM, y: bodyTop, width: contentWidth, height: Math.max(20, footerTop - 9 * scale - bodyTop) };
  parts.push(drawBody(frame, scale));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${mm(width)}mm" height="${mm(height)}mm" viewBox="0 0 ${mm(width)} ${mm(height)}">` +
    `<title>${escapeXml(title)}</title>` +
    svgRect(0, 0, width, height, 'fill="#ffffff"') +
    parts.join('') +
    '</svg>';
  return { svg, widthMm: width, heightMm: height };
}

/**
 * A map of the layer's areas filled per key, with north arrow and scale bar; labels when few areas. Areas in
 * `emphasised` get a dashed dark outline on top (group `<id>-emphasised`).
 */
export function categoricalMap(context: AnalysisFigureContext, fillOf: (key: string) => string, frame: MapFrame, scale: number, id: string, emphasised: ReadonlySet<string> = new Set()): string {
  const styles: AreaStyle[] = context.areas.features.map((feature) => ({
    key: feature.properties.key,
    name: feature.properties.name,
    geometry: rewindForD3(feature.geometry),
    fill: fillOf(feature.properties.key),
    overlay: null,
    inFocus: true,
  }));
  const projection = fitProjection({ type: 'FeatureCollection', features: asFeatures(styles) }, frame, 3 * scale);
  const parts = [`<g id="${id}">`, drawAreas(styles, projection, scale, false)];
  // Outlines in grey, so white islands and light "not significant" areas stay visible.
  const path = geoPath(projection).digits(2);
  parts.push('<g id="outlines">');
  for (const style of styles) {
    const d = path(style.geometry as Polygon | MultiPolygon);
    if (d) parts.push(`<path d="${d}" fill="none" stroke="#8c8c8c" stroke-width="${mm(0.12 * scale)}"/>`);
  }
  parts.push('</g>');
  if (emphasised.size > 0) {
    parts.push(`<g id="${id}-emphasised">`);
    for (const style of styles) {
      const d = emphasised.has(style.key) ? path(style.geometry as Polygon | MultiPolygon) : null;
      if (d) parts.push(`<path d="${d}" data-key="${escapeXml(style.key)}" fill="none" stroke="#111827" stroke-width="${mm(0.5 * scale)}" stroke-dasharray="${mm(1.2 * scale)} ${mm(0.7 * scale)}"/>`);
    }
    parts.push('</g>');
  }
  if (styles.length <= 60) parts.push(drawLabels(styles, labelAnchors(styles), projection, frame, scale));
  const arrow = northArrow(projection, frame, scale);
  parts.push(arrow.draw(frame.x + 2 * scale, frame.y + 2 * scale));
  const bar = scaleBar(projection, frame, scale, context.locale);
  parts.push(bar.draw(frame.x + 2 * scale, frame.y + frame.height - 2 * scale - bar.box.height));
  parts.push('</g>');
  return parts.join('');
}

/** Legend rows (swatch, label, count) and wrapped notes below; returns the SVG. */
function legendColumn(x: number, y: number, width: number, scale: number, heading: string, rows: readonly LegendRow[], notes: readonly string[]): string {
  const parts = ['<g id="legend">'];
  const headingSize = 3.4 * scale;
  let cursor = y + headingSize;
  for (const line of wrapText(heading, headingSize, width, 'semibold')) {
    parts.push(svgText(x, cursor, line, { size: headingSize, weight: 'semibold' }));
    cursor += headingSize * 1.2;
  }
  cursor += 1.5 * scale;
  const rowSize = 2.9 * scale;
  const swatch = 4.2 * scale;
  for (const row of rows) {
    parts.push(svgRect(x, cursor, swatch * 1.4, swatch, `fill="${row.colour}" stroke="#8c8c8c" stroke-width="${mm(0.15 * scale)}"`));
    parts.push(svgText(x + swatch * 1.4 + 2 * scale, cursor + swatch * 0.78, row.count === null ? row.label : `${row.label} (${row.count})`, { size: rowSize }));
    cursor += swatch + 1.6 * scale;
  }
  cursor += 3 * scale;
  const noteSize = 2.6 * scale;
  for (const note of notes) {
    for (const line of wrapText(note, noteSize, width)) {
      parts.push(svgText(x, cursor, line, { size: noteSize, fill: '#333333' }));
      cursor += noteSize * 1.32;
    }
    cursor += noteSize * 0.6;
  }
  parts.push('</g>');
  return parts.join('');
}

function subtitleOf(context: AnalysisFigureContext, period: string): string {
  return text(context.locale, 'analysis.figure.subtitle', { layer: context.layerTitle, date: formatDate(period, context.locale) });
}

/** Legend rows for areas that are neither clusters nor classes: islands and no data, when present. */
/**
 * The LISA cluster map with legend, the global result and what a cluster means.
 * @example clusterMapFigure(result, context).svg.includes('id="cluster-map"') // true
 */
export function clusterMapFigure(result: MoranResult, context: AnalysisFigureContext): AnalysisFigure {
  const { locale } = context;
  const indicator = localized(result.indicator.name, locale);
  const categoryByKey = new Map(result.areas.map((area) => [area.key, clusterCategory(area)]));
  return page(context, text(locale, 'analysis.figure.clusterTitle', { indicator }), subtitleOf(context, result.period), result.sources, (frame, scale) => {
    const legendWidth = Math.min(frame.width * 0.34, 85 * scale);
    const mapFrame = { ...frame, width: frame.width - legendWidth - 8 * scale };
    const rows: LegendRow[] = [
      ...CLUSTER_ORDER.map((type) => ({ colour: CLUSTER_COLOURS[type], label: text(locale, `analysis.cluster.${type}`), count: result.clusterCounts[type] - (type === 'ns' ? result.islands.length : 0) })),
      ...extraRows(result, locale),
    ];
    const notes = [globalExplanation(result, locale), clusterExplanation(result.significanceLevel, locale), globalNote(result, locale), methodNote(result, locale)];
    return (
      categoricalMap(context, (key) => clusterCategoryColour(categoryByKey.get(key) ?? 'noData'), mapFrame, scale, 'cluster-map') +
      legendColumn(frame.x + frame.width - legendWidth, frame.y, legendWidth, scale, text(locale, 'analysis.clusterMap'), rows, notes)
    );
  });
}

/** The significance map: each area's (corrected) pseudo p-value in GeoDa's classes. */
export function significanceMapFigure(result: MoranResult, context: AnalysisFigureContext): AnalysisFigure {
  const { locale } = context;
  const indicator = localized(result.indicator.name, locale);
  const fill = new Map(
    result.areas.map((area) => {
      const category = clusterCategory(area);
      if (category === 'noData' || category === 'island') return [area.key, clusterCategoryColour(category)];
      return [area.key, SIGNIFICANCE_COLOURS[significanceClass(area.adjustedPValue, result.significanceLevel)]];
    }),
  );
  return page(context, text(locale, 'analysis.figure.significanceTitle', { indicator }), subtitleOf(context, result.period), result.sources, (frame, scale) => {
    const legendWidth = Math.min(frame.width * 0.34, 85 * scale);
    const mapFrame = { ...frame, width: frame.width - legendWidth - 8 * scale };
    const rows = significanceLegendRows(result, locale);
    return (
      categoricalMap(context, (key) => fill.get(key) ?? NO_DATA_COLOUR, mapFrame, scale, 'significance-map') +
      legendColumn(frame.x + frame.width - legendWidth, frame.y, legendWidth, scale, text(locale, 'analysis.significanceMap'), rows, [clusterExplanation(result.significanceLevel, locale), globalNote(result, locale), methodNote(result, locale)])
    );
  });
}

interface ScatterPoint {
  key: string;
  name: string;
  x: number;
  y: number;
  colour: string;
}

/** Axes, ticks, points, optional zero lines and the regression line, in a frame (mm). */
function scatterPlot(points: readonly ScatterPoint[], fit: { slope: number | null; intercept: number | null }, frame: MapFrame, scale: number, labels: { x: string; y: string }, locale: Locale, zeroLines: boolean): string {
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const pad = (low: number, high: number): [number, number] => {
    const span = high - low || Math.abs(high) || 1;
    return [low - span * 0.06, high + span * 0.06];
  };
  const [xMin, xMax] = pad(Math.min(...xs, zeroLines ? 0 : Number.POSITIVE_INFINITY), Math.max(...xs, zeroLines ? 0 : Number.NEGATIVE_INFINITY));
  const [yMin, yMax] = pad(Math.min(...ys, zeroLines ? 0 : Number.POSITIVE_INFINITY), Math.max(...ys, zeroLines ? 0 : Number.NEGATIVE_INFINITY));
  const axisSize = 2.8 * scale;
  const plot = { x: frame.x + 14 * scale, y: frame.y + 2 * scale, width: frame.width - 16 * scale, height: frame.height - 14 * scale };
  const px = (value: number) => plot.x + ((value - xMin) / (xMax - xMin)) * plot.width;
  const py = (value: number) => plot.y + plot.height - ((value - yMin) / (yMax - yMin)) * plot.height;
  const parts = ['<g id="scatter">', svgRect(plot.x, plot.y, plot.width, plot.height, `fill="#ffffff" stroke="#8c8c8c" stroke-width="${mm(0.2 * scale)}"`)];
  const decimalsFor = (ticks: number[]) => Math.max(0, ...ticks.map((tick) => (String(tick).split('.')[1] ?? '').length));
  const xTicks = niceTicks(xMin, xMax);
  const yTicks = niceTicks(yMin, yMax);
  for (const tick of xTicks) {
    parts.push(`<line x1="${mm(px(tick))}" y1="${mm(plot.y)}" x2="${mm(px(tick))}" y2="${mm(plot.y + plot.height)}" stroke="#ececec" stroke-width="${mm(0.15 * scale)}"/>`);
    parts.push(svgText(px(tick), plot.y + plot.height + axisSize * 1.4, formatNumber(tick, decimalsFor(xTicks), locale), { size: axisSize, anchor: 'middle', fill: '#4d4d4d' }));
  }
  for (const tick of yTicks) {
    parts.push(`<line x1="${mm(plot.x)}" y1="${mm(py(tick))}" x2="${mm(plot.x + plot.width)}" y2="${mm(py(tick))}" stroke="#ececec" stroke-width="${mm(0.15 * scale)}"/>`);
    parts.push(svgText(plot.x - 1.5 * scale, py(tick) + axisSize * 0.35, formatNumber(tick, decimalsFor(yTicks), locale), { size: axisSize, anchor: 'end', fill: '#4d4d4d' }));
  }
  if (zeroLines) {
    parts.push(`<line x1="${mm(px(0))}" y1="${mm(plot.y)}" x2="${mm(px(0))}" y2="${mm(plot.y + plot.height)}" stroke="#666666" stroke-width="${mm(0.25 * scale)}" stroke-dasharray="${mm(1.2 * scale)} ${mm(0.8 * scale)}"/>`);
    parts.push(`<line x1="${mm(plot.x)}" y1="${mm(py(0))}" x2="${mm(plot.x + plot.width)}" y2="${mm(py(0))}" stroke="#666666" stroke-width="${mm(0.25 * scale)}" stroke-dasharray="${mm(1.2 * scale)} ${mm(0.8 * scale)}"/>`);
  }
  if (fit.slope !== null && fit.intercept !== null) {
    const y0 = fit.intercept + fit.slope * xMin;
    const y1 = fit.intercept + fit.slope * xMax;
    parts.push(`<clipPath id="scatter-clip">${svgRect(plot.x, plot.y, plot.width, plot.height, '')}</clipPath>`);
    parts.push(`<line id="regression-line" clip-path="url(#scatter-clip)" x1="${mm(px(xMin))}" y1="${mm(py(y0))}" x2="${mm(px(xMax))}" y2="${mm(py(y1))}" stroke="#1a1a1a" stroke-width="${mm(0.45 * scale)}"/>`);
  }
  const radius = (points.length > 300 ? 0.6 : 1.3) * scale;
  for (const point of points) {
    parts.push(`<circle cx="${mm(px(point.x))}" cy="${mm(py(point.y))}" r="${mm(radius)}" fill="${point.colour}" stroke="#333333" stroke-width="${mm(0.12 * scale)}" data-key="${escapeXml(point.key)}"/>`);
  }
  if (points.length <= 60) {
    for (const point of points) parts.push(svgText(px(point.x) + radius + 0.6 * scale, py(point.y) - radius * 0.4, point.name, { size: 2.1 * scale, fill: '#333333', halo: true }));
  }
  parts.push(svgText(plot.x + plot.width / 2, plot.y + plot.height + axisSize * 3.4, labels.x, { size: axisSize * 1.1, anchor: 'middle' }));
  const yLabelX = frame.x + axisSize;
  const yLabelY = plot.y + plot.height / 2;
  parts.push(`<g transform="rotate(-90 ${mm(yLabelX)} ${mm(yLabelY)})">${svgText(yLabelX, yLabelY, labels.y, { size: axisSize * 1.1, anchor: 'middle' })}</g>`);
  parts.push('</g>');
  return parts.join('');
}

/** The Moran scatter plot: standardised value against the mean of the neighbours, slope = I. */
export function moranScatterFigure(result: MoranResult, context: AnalysisFigureContext): AnalysisFigure {
  const { locale } = context;
  const indicator = localized(result.indicator.name, locale);
  const points: ScatterPoint[] = result.areas.flatMap((area) =>
    area.standardisedValue === null || area.spatialLag === null ? [] : [{ key: area.key, name: area.name, x: area.standardisedValue, y: area.spatialLag, colour: clusterCategoryColour(clusterCategory(area)) }],
  );
  return page(context, text(locale, 'analysis.figure.moranTitle', { indicator }), subtitleOf(context, result.period), result.sources, (frame, scale) => {
    const legendWidth = Math.min(frame.width * 0.3, 80 * scale);
    const plotFrame = { ...frame, width: frame.width - legendWidth - 8 * scale };
    const rows = CLUSTER_ORDER.map((type) => ({ colour: CLUSTER_COLOURS[type], label: text(locale, `analysis.cluster.${type}`), count: null }));
    const notes = [text(locale, 'analysis.scatter.slope', { I: formatNumber(result.global.I, 3, locale) }), globalExplanation(result, locale), globalNote(result, locale), methodNote(result, locale)];
    return (
      scatterPlot(points, result.scatterFit, plotFrame, scale, { x: text(locale, 'analysis.scatter.standardised', { indicator }), y: text(locale, 'analysis.scatter.lag') }, locale, true) +
      legendColumn(frame.x + frame.width - legendWidth, frame.y, legendWidth, scale, text(locale, 'analysis.moranScatter'), rows, notes)
    );
  });
}

/** Raw rates and empirical-Bayes smoothed rates side by side, classified together (same classes). */
export function ratesFigure(result: RatesResult, context: AnalysisFigureContext, smoothing: 'spatial' | 'global' = 'spatial'): AnalysisFigure {
  const { locale } = context;
  const indicator = localized(result.indicator.name, locale);
  // One scale for both maps (shared/analysis/ratesDrawing.ts), as in the app.
  const drawing = drawRates(result, smoothing, locale);
  const rawFill = drawing.raw.colourByKey;
  const smoothedFill = drawing.smoothed.colourByKey;
  const decimals = result.indicator.decimals;
  return page(context, text(locale, 'analysis.figure.ratesTitle', { indicator }), subtitleOf(context, result.period), result.sources, (frame, scale) => {
    const legendHeight = 34 * scale;
    const gap = 6 * scale;
    const mapWidth = (frame.width - gap) / 2;
    const mapHeight = frame.height - legendHeight;
    const captionSize = 3.4 * scale;
    const parts: string[] = [];
    const panels: [string, Map<string, string>, number][] = [
      [text(locale, 'analysis.rates.raw'), rawFill, frame.x],
      [text(locale, smoothing === 'spatial' ? 'analysis.rates.spatial' : 'analysis.rates.global'), smoothedFill, frame.x + mapWidth + gap],
    ];
    panels.forEach(([caption, fills, x], index) => {
      parts.push(svgText(x, frame.y + captionSize, caption, { size: captionSize, weight: 'semibold' }));
      parts.push(categoricalMap(context, (key) => fills.get(key) ?? NO_DATA_COLOUR, { x, y: frame.y + captionSize * 1.6, width: mapWidth, height: mapHeight - captionSize * 1.6 }, scale * 0.8, index === 0 ? 'raw-rates' : 'smoothed-rates'));
    });
    const rows: LegendRow[] = drawing.rows.map((row) => ({ colour: row.colour, label: row.label, count: null }));
    if (drawing.raw.noDataKeys.length > 0) rows.push({ colour: NO_DATA_COLOUR, label: text(locale, 'analysis.cluster.noData'), count: null });
    const notes = [text(locale, 'analysis.rates.explain'), ...(result.regionRate === null ? [] : [text(locale, 'analysis.rates.regionRate', { value: `${formatNumber(result.regionRate, decimals, locale)} ${localized(result.indicator.unit, locale)}` })])];
    const legendY = frame.y + mapHeight + 2 * scale;
    // Class rows on the left, notes on the right.
    parts.push(legendColumn(frame.x, legendY, frame.width * 0.4, scale * 0.85, localized(result.indicator.unit, locale), rows, []));
    parts.push(legendColumn(frame.x + frame.width * 0.45, legendY, frame.width * 0.55, scale * 0.85, text(locale, 'analysis.rates.smoothing'), [], notes));
    return parts.join('');
  });
}

/** Two indicators against each other with the regression line and r. */
export function scatterFigure(result: ScatterResult, context: AnalysisFigureContext): AnalysisFigure {
  const { locale } = context;
  const xName = localized(result.x.name, locale);
  const yName = localized(result.y.name, locale);
  const points: ScatterPoint[] = result.points.flatMap((point) => (point.x === null || point.y === null ? [] : [{ key: point.key, name: point.name, x: point.x, y: point.y, colour: '#41b6c4' }]));
  const { fit } = result;
  const fitText =
    fit.slope === null || fit.intercept === null
      ? text(locale, 'analysis.scatter.noFit')
      : text(locale, 'analysis.scatter.fit', { intercept: formatNumber(fit.intercept, 3, locale), slope: formatNumber(fit.slope, 4, locale), r: fit.correlation === null ? '–' : formatNumber(fit.correlation, 3, locale), n: fit.count });
  const sources = [...result.sources];
  return page(context, text(locale, 'analysis.figure.scatterTitle', { x: xName, y: yName }), `${subtitleOf(context, result.period)} · ${fitText}`, sources, (frame, scale) =>
    scatterPlot(points, fit, frame, scale, { x: indicatorLabel(xName, localized(result.x.unit, locale)), y: indicatorLabel(yName, localized(result.y.unit, locale)) }, locale, false),
  );
}

/** Turns a contract feature collection into the figure's area collection. */
export function asAreaCollection(features: readonly Feature<Polygon | MultiPolygon, { key: string; name: string }>[]): AreaCollection {
  return { type: 'FeatureCollection', features: [...features] };
}
