/**
 * Composes a print-ready committee figure (Ausschussvorlage) as one SVG document: title and subtitle,
 * the choropleth map fitted to the areas, legend, scale bar, north arrow, locator inset, labels, source
 * lines with Stichtag and licence, author and date, and the small-number footnote. Pure: areas, values
 * and options in, SVG text out; PNG and PDF are rendered from this very SVG (electron/node/export), so the
 * three formats look the same. The user unit is the millimetre; all text stays text.
 */
import { geoBounds, geoContains } from 'd3-geo';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Classification } from '../classification/types';
import type { IndicatorValues } from '../contract/api';
import { formatDate, formatNumber, type Locale } from '../format/number';
import { translate } from '../i18n/translate';
import type { DrawnIndicator } from '../mapView/drawIndicator';
import type { IndicatorLegend } from '../mapView/indicatorLegend';
import type { Source } from '../model/project';
import type { ExportLayout, MapCorner } from './exportLayout';
import { drawLegend, measureLegend, type LegendContent } from './legendBlock';
import { labelAnchors } from '../labels/labelPlacement';
import { asFeatures, drawAreas, drawLabels, type AreaStyle } from './mapAreas';
import { insetShowsGermany, locatorInset, LOCATOR_OUTLINE_ATTRIBUTION, northArrow, scaleBar, type Box } from './mapDecorations';
import { fitProjection, type MapFrame } from './mapProjection';
import { rewindForD3 } from './rewindForD3';
import { sourceLines } from './sourceLines';
import { escapeXml, mm, svgRect, svgText } from './svgElements';
import { textWidth, wrapText } from './textMetrics';

export type AreaCollection = FeatureCollection<Polygon | MultiPolygon, { key: string; name: string }>;

/** The figure's elements, as reported to the CLI (`elements`) and checked by tests. */
export type FigureElement = 'title' | 'subtitle' | 'map' | 'legend' | 'scaleBar' | 'northArrow' | 'inset' | 'labels' | 'sources' | 'author' | 'date' | 'smallNumberFootnote' | 'areaNote';

export interface FigureInput {
  /** Boundaries in WGS84 with `properties.key` and `properties.name` (any ring winding). */
  areas: AreaCollection;
  /** The indicator's values for the period shown (as `indicator.values` returns them). */
  values: IndicatorValues;
  /** Title of the boundary layer, e.g. "Städte und Gemeinden der Region Hannover". */
  layerTitle: string;
  /** Source of the boundary layer (for the BKG attribution), when known. */
  boundarySource: Source | null;
  schematicBoundaries: boolean;
  /** The values drawn with the map view's symbology (shared/mapView/drawIndicator.ts), as on the map. */
  drawn: DrawnIndicator;
  /** The legend of that drawing (shared/mapView/indicatorLegend.ts) in the figure's language. */
  legend: IndicatorLegend;
  layout: ExportLayout;
  locale: Locale;
  /** The day the figure is made, ISO date (printed as "Stand"). */
  createdOn: string;
  /** Zoom to this area and grey its neighbours (per-municipality figures). */
  focusAreaKey?: string | null;
  /** Each label also shows the area's value as drawn (the map view's labels 'namesAndValues'), as the map does. */
  labelValues?: boolean;
}

export interface Figure {
  svg: string;
  widthMm: number;
  heightMm: number;
  elements: FigureElement[];
  classification: Classification;
  /** Keys of areas whose value was suppressed (small-number protection). */
  suppressedKeys: string[];
}

/** Fill of areas without a value: the app's no-data grey. */
export const NO_DATA_FILL = '#d9d9d9';
const HATCH_ID = 'kr-small-number-hatch';
const OVERLAY_ID = 'kr-small-number-overlay';

const words = {
  author: { de: 'Darstellung', en: 'Figure' },
  date: { de: 'Stand', en: 'As of' },
} as const;

/**
 * The figure as an SVG document (width/height in mm, viewBox in mm).
 * @example
 * const figure = composeFigure({ areas, values, layerTitle: 'Gemeinden', boundarySource: null, schematicBoundaries: false,
 *   classification: { method: 'quantile', classes: 5 }, paletteId: 'YlGnBu', layout: DEFAULT_EXPORT_LAYOUT,
 *   locale: 'de', smallNumberThreshold: 3, createdOn: '2025-05-03' });
 * figure.svg.startsWith('<svg') // true
 */
export function composeFigure(input: FigureInput): Figure {
  const { layout, locale, values } = input;
  const { widthMm: width, heightMm: height, marginMm: margin } = layout.page;
  // Type and element sizes grow with the page: 1 on A4, 1.41 on A3, 0.91 on a 16:9 slide.
  const scale = Math.min(width, height) / 210;
  const elements: FigureElement[] = ['map'];
  const body: string[] = [];
  const contentWidth = width - 2 * margin;

  // Classes, colours and marks come from the shared drawing: small numbers suppressed there are left out
  // before classifying, so no published break reveals them.
  const { drawn, legend } = input;
  const suppressedKeys = new Set(drawn.suppressedKeys);
  const flaggedKeys = new Set(drawn.flaggedKeys);

  const focusKey = input.focusAreaKey ?? null;
  const styles: AreaStyle[] = input.areas.features.map((feature) => {
    const key = feature.properties.key;
    return {
      key,
      name: feature.properties.name,
      geometry: rewindForD3(feature.geometry),
      fill: suppressedKeys.has(key) ? `url(#${HATCH_ID})` : (drawn.colourByKey.get(key) ?? NO_DATA_FILL),
      overlay: flaggedKeys.has(key) ? `url(#${OVERLAY_ID})` : null,
      inFocus: focusKey === null || key === focusKey,
    };
  });
  const focusArea = focusKey === null ? null : styles.find((area) => area.key === focusKey);
  const rewoundAreas: AreaCollection = {
    type: 'FeatureCollection',
    features: styles.map((area) => ({ type: 'Feature', properties: { key: area.key, name: area.name }, geometry: area.geometry })),
  };
  const insetInGermany = layout.inset.visible && insetShowsGermany(rewoundAreas);

  // Header.
  let cursor = margin;
  const indicatorName = localizedName(values.indicator.name, locale);
  if (layout.title.visible) {
    const titleText = layout.title.text.trim() || (focusArea ? `${indicatorName} – ${focusArea.name}` : indicatorName);
    const size = 6.2 * scale;
    for (const line of wrapText(titleText, size, contentWidth, 'semibold')) {
      cursor += size * 0.95;
      body.push(svgText(margin, cursor, line, { size, weight: 'semibold' }));
      cursor += size * 0.28;
    }
    elements.push('title');
  }
  if (layout.subtitle.visible) {
    const size = 3.9 * scale;
    // Figures of demo data say so under the title too: a figure cut out of a paper keeps its header, and its
    // first footer line names the register the demo imitates ("Quelle: Einwohnermelderegister …").
    const subtitleText = layout.subtitle.text.trim() || [input.layerTitle, legend.stichtag, ...(legend.synthetic ? [translate(locale, 'badge.synthetic')] : [])].join(' · ');
    for (const line of wrapText(subtitleText, size, contentWidth)) {
      cursor += size * 1.15;
      body.push(svgText(margin, cursor, line, { size, fill: '#4d4d4d' }));
    }
    elements.push('subtitle');
  }
  const bodyTop = cursor + (cursor > margin ? 5 * scale : 0);

  // Footer: sources and footnote on the left, author and date on the right.
  const footerSize = 2.35 * scale;
  const lineHeight = footerSize * 1.38;
  const rightLines: string[] = [];
  if (layout.author.visible && layout.author.text.trim()) {
    rightLines.push(`${words.author[locale]}: ${layout.author.text.trim()}`);
    elements.push('author');
  }
  if (layout.date.visible) {
    rightLines.push(`${words.date[locale]}: ${formatDate(input.createdOn, locale)}`);
    elements.push('date');
  }
  const rightWidth = rightLines.length > 0 ? Math.max(...rightLines.map((line) => textWidth(line, footerSize))) : 0;
  const leftWidth = contentWidth - (rightWidth > 0 ? rightWidth + 8 * scale : 0);
  const leftLines: string[] = [];
  if (legend.marks.length > 0) {
    for (const mark of legend.marks) leftLines.push(...wrapText(`* ${mark.footnote}`, footerSize, leftWidth));
    elements.push('smallNumberFootnote');
  }
  if (legend.areaNote) {
    leftLines.push(...wrapText(legend.areaNote, footerSize, leftWidth));
    elements.push('areaNote');
  }
  if (layout.sources.visible) {
    // Which sources the figure draws from, in priority order ("Quelle: Melderegister, sonst Zensus, Stichtag …").
    if (legend.sourceChoice) leftLines.push(...wrapText(legend.sourceChoice, footerSize, leftWidth));
    const lines = sourceLines({
      dataSources: values.sources,
      ...(values.sourcePeriods ? { shownPeriods: values.sourcePeriods } : {}),
      boundarySource: input.boundarySource,
      schematicBoundaries: input.schematicBoundaries,
      // The inset's Länder are BKG data too.
      locatorOutlineAttribution: insetInGermany ? LOCATOR_OUTLINE_ATTRIBUTION : null,
      currentYear: Number(input.createdOn.slice(0, 4)),
      locale,
    });
    for (const line of lines) leftLines.push(...wrapText(line, footerSize, leftWidth));
    if (lines.length > 0) elements.push('sources');
  }
  const footerLineCount = Math.max(leftLines.length, rightLines.length);
  const footerTop = height - margin - footerLineCount * lineHeight + (footerLineCount > 0 ? lineHeight - footerSize * 0.9 : 0);
  if (footerLineCount > 0) {
    const ruleY = footerTop - 3 * scale;
    body.push(`<line x1="${mm(margin)}" y1="${mm(ruleY)}" x2="${mm(width - margin)}" y2="${mm(ruleY)}" stroke="#bfbfbf" stroke-width="${mm(0.2 * scale)}"/>`);
    const footer: string[] = ['<g id="footer">'];
    leftLines.forEach((line, index) => footer.push(svgText(margin, footerTop + footerSize * 0.9 + index * lineHeight, line, { size: footerSize, fill: '#4d4d4d' })));
    rightLines.forEach((line, index) => footer.push(svgText(width - margin, footerTop + footerSize * 0.9 + index * lineHeight, line, { size: footerSize, fill: '#4d4d4d', anchor: 'end' })));
    footer.push('</g>');
    body.push(footer.join(''));
  }
  const bodyBottom = footerLineCount > 0 ? footerTop - 7 * scale : height - margin;

  // Legend content and where it goes.
  const legendContent: LegendContent = {
    legend: { ...legend, regionLine: focusKey !== null ? null : legend.regionLine },
    markFills: { suppressed: `url(#${HATCH_ID})`, flagged: `url(#${OVERLAY_ID})` },
    showCounts: layout.legend.showCounts,
    locale,
  };
  // On portrait pages a column beside the map would squeeze it; the legend then sits in a map corner.
  const portrait = height > width;
  const legendPosition = portrait && (layout.legend.position === 'right' || layout.legend.position === 'left') ? 'bottom-right' : layout.legend.position;
  const legendInColumn = layout.legend.visible && (legendPosition === 'right' || legendPosition === 'left');
  const legendMaximumWidth = legendInColumn ? Math.min(contentWidth * 0.34, 78 * scale) : Math.min(contentWidth * 0.4, 70 * scale);
  const legendSize = measureLegend(legendContent, scale, legendMaximumWidth);
  const legendGap = 8 * scale;
  const legendPadding = 2.5 * scale;
  const legendBox = { width: legendSize.width + 2 * legendPadding, height: legendSize.height + 2 * legendPadding };
  const inset = 2 * scale;
  const gap = 3 * scale;
  const fullFrame: MapFrame = {
    x: margin + (legendInColumn && legendPosition === 'left' ? legendSize.width + legendGap : 0),
    y: bodyTop,
    width: contentWidth - (legendInColumn ? legendSize.width + legendGap : 0),
    height: Math.max(20, bodyBottom - bodyTop),
  };

  // Map.
  const fitTo = focusArea ? [focusArea] : styles;
  const fitCollection: FeatureCollection<Polygon | MultiPolygon> = { type: 'FeatureCollection', features: asFeatures(fitTo) };
  const mapPadding = (focusArea ? 10 : 3) * scale;
  // A legend the portrait page moved into the map (the planner chose no corner) must not hide areas:
  // where its corner holds some (Bavaria under a Germany map), it goes into a band under the map instead,
  // and the map is fitted to the rest.
  const movedIntoMap = layout.legend.visible && !legendInColumn && legendPosition !== layout.legend.position && !focusArea;
  const legendInBand =
    movedIntoMap && coversAreas(styles, fitProjection(fitCollection, fullFrame, mapPadding), { x: fullFrame.x + fullFrame.width - inset - legendBox.width, y: fullFrame.y + fullFrame.height - inset - legendBox.height, ...legendBox });
  const frame: MapFrame = legendInBand ? { ...fullFrame, height: Math.max(20, fullFrame.height - legendBox.height - gap) } : fullFrame;
  const projection = fitProjection(fitCollection, frame, mapPadding);
  const clipId = 'kr-map-frame';
  const zoomed = focusArea !== null && focusArea !== undefined;
  body.push(`<g id="map"${zoomed ? ` clip-path="url(#${clipId})"` : ''}>`);
  body.push(drawAreas(styles, projection, scale, zoomed));
  if (layout.labels.visible) {
    // The value line reads as on the map: the shown value in the figure's language, "–" without one.
    const valueTextByKey = input.labelValues ? new Map(input.drawn.areas.map((area) => [area.key, area.shownValue === null ? '–' : formatNumber(area.shownValue, input.drawn.decimals, input.locale)])) : null;
    body.push(drawLabels(styles, labelAnchors(styles), projection, frame, scale, valueTextByKey));
    elements.push('labels');
  }
  body.push('</g>');
  if (zoomed) body.push(svgRect(frame.x, frame.y, frame.width, frame.height, `fill="none" stroke="#a6a6a6" stroke-width="${mm(0.25 * scale)}"`));

  // Elements in the map's corners, stacked inward from each corner.
  const cornerItems: Record<MapCorner, { box: Box; draw: (x: number, y: number) => string }[]> = { 'top-left': [], 'top-right': [], 'bottom-left': [], 'bottom-right': [] };
  if (layout.northArrow.visible) {
    cornerItems[layout.northArrow.position].push(northArrow(projection, frame, scale));
    elements.push('northArrow');
  }
  if (layout.scaleBar.visible) {
    cornerItems[layout.scaleBar.position].push(scaleBar(projection, frame, scale, locale));
    elements.push('scaleBar');
  }
  if (layout.inset.visible) {
    cornerItems[layout.inset.position].push(locatorInset(rewoundAreas, focusKey, scale));
    elements.push('inset');
  }
  const drawLegendBox = (x: number, y: number) =>
    svgRect(x, y, legendBox.width, legendBox.height, `fill="#ffffff" fill-opacity="0.9" stroke="#d0d0d0" stroke-width="${mm(0.2 * scale)}"`) +
    drawLegend(legendContent, x + legendPadding, y + legendPadding, scale, legendMaximumWidth);
  if (legendInBand) body.push(drawLegendBox(frame.x + frame.width - inset - legendBox.width, frame.y + frame.height + gap));
  else if (layout.legend.visible && !legendInColumn) cornerItems[legendPosition as MapCorner].push({ box: legendBox, draw: drawLegendBox });
  if (layout.legend.visible) elements.push('legend');
  if (legendInColumn) {
    const legendX = legendPosition === 'right' ? width - margin - legendSize.width : margin;
    body.push(drawLegend(legendContent, legendX, bodyTop + 2 * scale, scale, legendMaximumWidth));
  }
  for (const [corner, items] of Object.entries(cornerItems) as [MapCorner, (typeof cornerItems)[MapCorner]][]) {
    let offset = inset;
    for (const item of items) {
      const x = corner.endsWith('left') ? frame.x + inset : frame.x + frame.width - inset - item.box.width;
      const y = corner.startsWith('top') ? frame.y + offset : frame.y + frame.height - offset - item.box.height;
      body.push(item.draw(x, y));
      offset += item.box.height + gap;
    }
  }

  const definitions = [
    `<clipPath id="${clipId}">${svgRect(frame.x, frame.y, frame.width, frame.height, '')}</clipPath>`,
    `<pattern id="${HATCH_ID}" patternUnits="userSpaceOnUse" width="${mm(1.6 * scale)}" height="${mm(1.6 * scale)}" patternTransform="rotate(45)">` +
      `<rect width="${mm(1.6 * scale)}" height="${mm(1.6 * scale)}" fill="#f4f4f4"/><rect width="${mm(0.4 * scale)}" height="${mm(1.6 * scale)}" fill="#8c8c8c"/></pattern>`,
    `<pattern id="${OVERLAY_ID}" patternUnits="userSpaceOnUse" width="${mm(1.6 * scale)}" height="${mm(1.6 * scale)}" patternTransform="rotate(45)">` +
      `<rect width="${mm(0.35 * scale)}" height="${mm(1.6 * scale)}" fill="#1a1a1a" fill-opacity="0.55"/></pattern>`,
  ];
  const title = escapeXml(layout.title.text.trim() || indicatorName);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${mm(width)}mm" height="${mm(height)}mm" viewBox="0 0 ${mm(width)} ${mm(height)}">` +
    `<title>${title}</title><defs>${definitions.join('')}</defs>` +
    svgRect(0, 0, width, height, 'fill="#ffffff"') +
    body.join('') +
    '</svg>';
  return { svg, widthMm: width, heightMm: height, elements, classification: drawn.classification, suppressedKeys: drawn.suppressedKeys };
}


/** Points looked at per side of a box: 12 × 12 tell an empty corner (sea, a region's empty south-east) from land. */
const COVER_GRID = 12;
/** Share of a box's points inside areas above which the box hides them (a coastline's tip may touch it). */
const COVER_SHARE = 0.03;

/**
 * Whether a box on the page (mm) would hide part of the areas as `projection` draws them: a grid of its
 * points, each taken back to longitude and latitude and looked up in the areas whose bounds hold it.
 * @example coversAreas(germanKreise, projection, { x: 130, y: 200, width: 60, height: 70 }) // true: Bavaria
 */
function coversAreas(areas: readonly AreaStyle[], projection: ReturnType<typeof fitProjection>, box: Box & { x: number; y: number }): boolean {
  const bounded = areas.map((area) => ({ feature: { type: 'Feature' as const, properties: {}, geometry: area.geometry }, bounds: geoBounds(area.geometry) }));
  let inside = 0;
  for (let row = 0; row < COVER_GRID; row += 1) {
    for (let column = 0; column < COVER_GRID; column += 1) {
      const point = projection.invert?.([box.x + ((column + 0.5) / COVER_GRID) * box.width, box.y + ((row + 0.5) / COVER_GRID) * box.height]);
      if (!point) continue;
      const [longitude, latitude] = point;
      const hit = bounded.some(({ feature, bounds: [[west, south], [east, north]] }) => longitude >= west && longitude <= east && latitude >= south && latitude <= north && geoContains(feature, point));
      if (hit) inside += 1;
    }
  }
  return inside > COVER_SHARE * COVER_GRID * COVER_GRID;
}

function localizedName(text: { de: string; en: string }, locale: Locale): string {
  return text[locale].length > 0 ? text[locale] : text.de;
}
