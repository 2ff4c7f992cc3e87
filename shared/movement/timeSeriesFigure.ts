/**
 * Time series as committee figures, on the same page as every Analyse figure (title, subtitle, source
 * lines with "Beispieldaten" where they apply, date; shared/analysis/analysisFigures.ts `page`): the small
 * multiples of all areas on one scale with the region line, or one area against the region. The charts
 * themselves are drawn by seriesChart.ts, the same code the Zeitreihen tab draws with.
 */
import { page, type AnalysisFigure, type AnalysisFigureContext } from '../analysis/analysisFigures';
import { WARNING_COLOUR, mm, svgText } from '../export/svgElements';
import { textWidth, wrapText } from '../export/textMetrics';
import { formatDate, type Locale } from '../format/number';
import { localized, message, translate } from '../i18n/translate';
import type { Source } from '../model/project';
import { contrastedSourceNames, seriesNames, sourceSeries } from '../sources/sourceChoiceLine';
import { seriesSourcePeriods } from './sourcePeriods';
import { AREA_COLOUR, REGION_COLOUR, drawMultiples, drawPanel, hasSegment, multiplesLayout, scaleNote, sharedScale, sourceChanges, type ChartFrame, type MultiplesPanel, type PanelGrid } from './seriesChart';
import { DEFAULT_SMALL_NUMBER_THRESHOLD, drawnValue, smallNumberText } from './smallNumbers';
import type { TimeSeriesData } from './timeSeriesTypes';

export interface SeriesFigureData extends TimeSeriesData {
  sources: Source[];
}

function subtitle(data: SeriesFigureData, context: AnalysisFigureContext): string {
  const { locale } = context;
  // With a projection the observed Stichtage end at the last observed one; the projected years are named apart.
  const observedTo = data.projection?.lastObserved ?? data.periods.at(-1) ?? '';
  const text = translate(locale, 'movement.figure.subtitle', {
    layer: context.layerTitle,
    from: formatDate(data.periods[0] ?? '', locale),
    to: formatDate(observedTo, locale),
    unit: localized(data.indicator.unit, locale),
  });
  return data.projection ? `${text}; ${translate(locale, 'movement.figure.subtitleProjection', { to: formatDate(data.periods.at(-1) ?? '', locale), scenario: localized(data.projection.name, locale) })}` : text;
}

/** The label of the projected part in the panels; null when the series has none. */
export function projectionLabel(data: TimeSeriesData, locale: Locale, short: boolean): string | null {
  if (data.projection) return short ? translate(locale, 'movement.projection.choice') : translate(locale, 'movement.projection.label', { scenario: localized(data.projection.name, locale) });
  return data.series.some((series) => series.values.some((point) => point.projected)) ? translate(locale, 'movement.projection.choice') : null;
}

/** The note that says which values are observed and which projected (never joined silently). */
export function projectionNote(data: TimeSeriesData, locale: Locale): string | null {
  if (data.projection) {
    return translate(locale, 'movement.figure.projection', {
      observed: formatDate(data.projection.lastObserved, locale),
      scenario: localized(data.projection.name, locale),
      from: formatDate(data.projection.firstPeriod, locale),
    });
  }
  return data.series.some((series) => series.values.some((point) => point.projected)) ? translate(locale, 'movement.figure.projectionOnly') : null;
}

/** The note on small numbers when the series has any: not drawn, marked "< N", totals before suppression. */
export function smallNumberNote(data: TimeSeriesData, locale: Locale): string | null {
  if (!data.series.some((series) => series.values.some((point) => point.smallNumber))) return null;
  return translate(locale, 'movement.smallNumbers.chart', { label: smallNumberText(data.smallNumberThreshold, locale), threshold: data.smallNumberThreshold });
}

/**
 * One note per change of source in the series (of any area or the reference line), each named once: up to
 * which Stichtag the values come from which source, and from which on from which. The charts break the
 * line there and mark it with a dotted rule.
 */
export function sourceChangeNotes(data: Pick<TimeSeriesData, 'series' | 'reference'>, sources: readonly { id?: string; name: string }[], locale: Locale, medium: NoteMedium = 'chart'): string[] {
  const found = new Map<string, { before: string; after: string; from: string; to: string }>();
  const seriesOf = sourceSeries(sources);
  for (const points of [...data.series.map((series) => series.values), data.reference.values]) {
    for (const change of sourceChanges(points, seriesOf)) {
      const before = points.slice(0, change.index).findLast((point) => point.sourceId === change.from)?.period ?? '';
      const after = (points[change.index] as (typeof points)[number]).period;
      const key = [before, after, change.from, change.to].join('|');
      if (!found.has(key)) found.set(key, { before, after, from: change.from, to: change.to });
    }
  }
  const changes = [...found.values()];
  const name = contrastedSourceNames(changes.flatMap((change) => [change.from, change.to]), sources);
  // A table has no line to break: its note says the change without pointing at the chart.
  return changes.map((change) => translate(locale, medium === 'table' ? 'movement.sourceChange.tableNote' : 'movement.sourceChange.note', { before: formatDate(change.before, locale), after: formatDate(change.after, locale), from: name(change.from), to: name(change.to) }));
}

/** Where a note is printed: beside a chart (which breaks its line at a change of source) or under a table. */
export type NoteMedium = 'chart' | 'table';

/**
 * The cautions a series carries, as the tab, the figures and the tables print them: each change of source
 * (sourceChangeNotes), then each probable change of territory that concerns an area shown.
 */
export function seriesCautionNotes(data: Pick<TimeSeriesData, 'series' | 'reference' | 'territoryNotes'>, sources: readonly { id?: string; name: string }[], locale: Locale, medium: NoteMedium = 'chart'): string[] {
  const shown = new Set(data.series.map((series) => series.key));
  const territory = (data.territoryNotes ?? []).filter((entry) => entry.keys.some((key) => shown.has(key)));
  return [...sourceChangeNotes(data, sources, locale, medium), ...territory.map((entry) => localized(entry.note, locale))];
}

/**
 * Where the reference line has no value although areas have values (a sum over the areas is no region
 * total while one area lacks a value, e.g. after a merger of Kreise): which Stichtage, so its absence
 * there is explained, not left to guess. Null when it has a value wherever any area has one.
 */
export function referenceGapNote(data: Pick<TimeSeriesData, 'series' | 'reference' | 'periods'> & { smallNumberThreshold?: number }, locale: Locale): string | null {
  const reference = localized(data.reference.label, locale);
  const datesOf = (periods: readonly string[]) => periods.map((period) => formatDate(period, locale)).join(', ');
  const missing = data.periods.filter((period, index) => {
    const point = data.reference.values[index];
    if (!point || point.projected || point.value !== null || point.withheld === true) return false;
    return data.series.some((series) => series.values[index]?.value !== null && series.values[index]?.value !== undefined);
  });
  const withheld = data.periods.filter((period, index) => data.reference.values[index]?.withheld === true);
  const notes = [
    ...(missing.length > 0 ? [translate(locale, 'movement.referenceMissing', { reference, dates: datesOf(missing) })] : []),
    ...(withheld.length > 0 ? [translate(locale, 'movement.referenceWithheld', { reference, dates: datesOf(withheld), threshold: data.smallNumberThreshold ?? DEFAULT_SMALL_NUMBER_THRESHOLD })] : []),
  ];
  return notes.length > 0 ? notes.join(' ') : null;
}

/**
 * Why a table's Region cells are empty: at single Stichtage, because an area lacks a value there (the
 * chart's reference-gap rule); at every Stichtage, because the figure has no regional total at all (a
 * share or mean imported as such is not summed over areas). Null when the Region has every value.
 */
export function regionGapNote(data: Pick<TimeSeriesData, 'series' | 'region' | 'periods'> & { smallNumberThreshold?: number }, locale: Locale): string | null {
  if (data.region.length > 0 && data.region.every((point) => point.value === null && point.withheld !== true)) return translate(locale, 'movement.regionNone');
  return referenceGapNote({ ...data, reference: { label: message('movement.legend.region'), values: data.region } }, locale);
}

/** Whether the reference line (region or mean per area) has any value to draw; its key is shown only then. */
export function referenceDrawn(data: Pick<TimeSeriesData, 'reference'>): boolean {
  return data.reference.values.some((point) => drawnValue(point) !== null);
}

/**
 * Whether the reference has two neighbouring values, so a dashed line is drawn; values cut off on both
 * sides are grey dots (a gap after a merger), and the key shows a dot instead of promising a line.
 */
export function referenceHasLine(data: Pick<TimeSeriesData, 'reference'> & { sources?: readonly { id?: string; name: string }[] }): boolean {
  // Broken where the chart breaks it: at a missing value and at a change of source (hasSegment).
  return hasSegment(data.reference.values, sourceSeries(data.sources ?? []));
}

/** The line key under the one-area chart in the tab: "Linie: Gebiet · gestrichelt grau: …", or a dot, or none. */
export function lineKeyText(data: Pick<TimeSeriesData, 'reference'> & { sources?: readonly { id?: string; name: string }[] }, locale: Locale): string {
  const reference = localized(data.reference.label, locale);
  if (!referenceDrawn(data)) return translate(locale, 'movement.figure.legendAreaOnly', { reference });
  return translate(locale, referenceHasLine(data) ? 'movement.figure.legend' : 'movement.figure.legendReferencePoints', { reference });
}

/** Legend and notes under the chart: the line key, the sources by name, the shared scale. */
function notes(frame: ChartFrame, scale: number, data: SeriesFigureData, locale: Locale, extra: readonly string[]): { svg: string; height: number } {
  const size = 2.7 * scale;
  const lines: { line: string; fill: string }[] = [];
  const projection = projectionNote(data, locale);
  const sourceNames = seriesNames(data.sources, locale);
  const small = smallNumberNote(data, locale);
  const referenceGap = referenceGapNote(data, locale);
  // A change of source or of territory is a caution, set in the warning colour as in the tab and the map legend.
  const cautions = new Set(seriesCautionNotes(data, data.sources, locale));
  const texts = [...(sourceNames ? [translate(locale, 'movement.figure.sources', { sources: sourceNames })] : []), ...cautions, ...(referenceGap ? [referenceGap] : []), ...extra, ...(projection ? [projection] : []), ...(small ? [small] : [])];
  for (const text of texts) lines.push(...wrapText(text, size, frame.width).map((line) => ({ line, fill: cautions.has(text) ? WARNING_COLOUR : '#333333' })));
  const legendHeight = size * 1.6;
  const height = legendHeight + lines.length * size * 1.35;
  const top = frame.y + frame.height - height;
  const parts = ['<g id="chart-notes">'];
  // Line key: the area line, the region's dashed grey line and, with a projection, the dashed area line.
  const keyY = top + size * 0.6;
  parts.push(`<line x1="${mm(frame.x)}" y1="${mm(keyY)}" x2="${mm(frame.x + 8 * scale)}" y2="${mm(keyY)}" stroke="${AREA_COLOUR}" stroke-width="${mm(0.5 * scale)}"/>`);
  parts.push(svgText(frame.x + 10 * scale, keyY + size * 0.35, translate(locale, 'movement.legend.area'), { size }));
  // The reference line's key only where the line is drawn; else the key says it cannot be computed.
  const regionX = frame.x + 30 * scale;
  const referenceLabel = localized(data.reference.label, locale);
  const withReference = referenceDrawn(data);
  if (withReference && referenceHasLine(data)) {
    parts.push(`<line x1="${mm(regionX)}" y1="${mm(keyY)}" x2="${mm(regionX + 8 * scale)}" y2="${mm(keyY)}" stroke="${REGION_COLOUR}" stroke-width="${mm(0.4 * scale)}" stroke-dasharray="${mm(1.2 * scale)} ${mm(0.8 * scale)}"/>`);
  } else if (withReference) {
    parts.push(`<circle class="legend-reference-point" cx="${mm(regionX + 4 * scale)}" cy="${mm(keyY)}" r="${mm(0.7 * scale)}" fill="${REGION_COLOUR}"/>`);
  }
  const referenceText = withReference ? referenceLabel : translate(locale, 'movement.legend.referenceMissing', { reference: referenceLabel });
  parts.push(svgText(regionX + (withReference ? 10 * scale : 0), keyY + size * 0.35, referenceText, { size }));
  const label = projectionLabel(data, locale, false);
  if (label) {
    const projectionX = regionX + (withReference ? 10 * scale : 0) + textWidth(referenceText, size) + 8 * scale;
    parts.push(
      `<line class="legend-projection" x1="${mm(projectionX)}" y1="${mm(keyY)}" x2="${mm(projectionX + 8 * scale)}" y2="${mm(keyY)}" stroke="${AREA_COLOUR}" stroke-width="${mm(0.5 * scale)}" stroke-dasharray="${mm(1.5 * scale)} ${mm(1 * scale)}"/>`,
    );
    parts.push(`<circle cx="${mm(projectionX + 8 * scale)}" cy="${mm(keyY)}" r="${mm(0.55 * scale)}" fill="#ffffff" stroke="${AREA_COLOUR}" stroke-width="${mm(0.25 * scale)}"/>`);
    parts.push(svgText(projectionX + 10 * scale, keyY + size * 0.35, label, { size }));
  }
  lines.forEach(({ line, fill }, index) => parts.push(svgText(frame.x, top + legendHeight + (index + 0.8) * size * 1.35, line, { size, fill })));
  parts.push('</g>');
  return { svg: parts.join(''), height: height + 2 * scale };
}

/**
 * @example timeSeriesMultiplesFigure(data, context).svg.includes('id="small-multiples"') // true
 */
export function timeSeriesMultiplesFigure(data: SeriesFigureData, context: AnalysisFigureContext, options: { order?: readonly string[]; flags?: ReadonlyMap<string, string>; grid?: PanelGrid | null } = {}): AnalysisFigure {
  const { locale } = context;
  const byKey = new Map(data.series.map((series) => [series.key, series]));
  const order = options.order ?? data.series.map((series) => series.key);
  const panels: MultiplesPanel[] = order.flatMap((key) => {
    const series = byKey.get(key);
    return series ? [{ key, title: series.name, points: series.values, flag: options.flags?.get(key) ?? null }] : [];
  });
  const scaleValues = sharedScale([...panels.map((panel) => panel.points.map(drawnValue)), data.reference.values.map(drawnValue)]);
  return page({ ...context, shownPeriods: seriesSourcePeriods(data) }, localized(data.indicator.name, locale), subtitle(data, context), data.sources, (frame, scale) => {
    const multiples = { panels, region: data.reference.values, periods: data.periods, decimals: data.indicator.decimals, locale, fontSize: 2.6 * scale, lineWidth: 0.45 * scale, gap: 2.5 * scale, projectionLabel: projectionLabel(data, locale, true), grid: options.grid ?? null, smallNumberLabel: smallNumberText(data.smallNumberThreshold, locale), sourceSeries: sourceSeries(data.sources) };
    const scaleLine = scaleNote(scaleValues, data.indicator.decimals, locale);
    let footnote = notes(frame, scale, data, locale, [scaleLine]);
    // Too many areas for the page (all 401 Kreise on A4): the charts have no room for a line. Said on
    // the page, so the figure is not taken for a finished one.
    let chartFrame = { ...frame, height: frame.height - footnote.height };
    let layout = multiplesLayout(chartFrame, multiples);
    if ((layout.plots[0]?.height ?? Infinity) < multiples.fontSize * 2.5) {
      footnote = notes(frame, scale, data, locale, [translate(locale, 'movement.figure.tooManyAreas', { count: panels.length }), scaleLine]);
      chartFrame = { ...frame, height: frame.height - footnote.height };
      layout = multiplesLayout(chartFrame, multiples);
    }
    return drawMultiples(chartFrame, multiples, layout) + footnote.svg;
  });
}

/**
 * The one-area chart's title: the area and what it is compared with ("Region Hannover und Durchschnitt je
 * Gebiet"), or the area alone where no reference line is drawn (it could not be computed anywhere).
 */
export function areaChartTitle(data: Pick<TimeSeriesData, 'series' | 'reference'>, areaKey: string | null, locale: Locale): string {
  const name = (data.series.find((candidate) => candidate.key === areaKey) ?? data.series[0])?.name ?? '';
  return referenceDrawn(data) ? translate(locale, 'movement.areaChart', { area: name, reference: localized(data.reference.label, locale) }) : name;
}

/**
 * One area against the region, with every value tick and year.
 * @example timeSeriesAreaFigure(data, '03241001', context).svg.includes('class="area-line"') // true
 */
export function timeSeriesAreaFigure(data: SeriesFigureData, areaKey: string, context: AnalysisFigureContext): AnalysisFigure {
  const { locale } = context;
  const series = data.series.find((candidate) => candidate.key === areaKey) ?? data.series[0];
  const name = series?.name ?? '';
  const points = series?.values ?? [];
  const scaleValues = sharedScale([points.map(drawnValue), data.reference.values.map(drawnValue)]);
  const title = `${localized(data.indicator.name, locale)}: ${areaChartTitle(data, series?.key ?? null, locale)}`;
  return page({ ...context, shownPeriods: seriesSourcePeriods({ ...data, series: series ? [series] : [] }) }, title, subtitle(data, context), data.sources, (frame, scale) => {
    // The notes of this area's line and the reference only (another area's change of source is not drawn here).
    const footnote = notes(frame, scale, { ...data, series: series ? [series] : [] }, locale, []);
    const chartFrame = { ...frame, height: frame.height - footnote.height };
    return (
      `<g id="area-chart">` +
      drawPanel(chartFrame, { title: name, points, region: data.reference.values, periods: data.periods, scale: scaleValues, fontSize: 3.4 * scale, detailed: true, decimals: data.indicator.decimals, locale, lineWidth: 0.7 * scale, projectionLabel: projectionLabel(data, locale, false), smallNumberLabel: smallNumberText(data.smallNumberThreshold, locale), sourceChangeLabel: translate(locale, 'movement.sourceChange.label'), sourceSeries: sourceSeries(data.sources) }) +
      '</g>' +
      footnote.svg
    );
  });
}
