/**
 * The data behind each Analyse view as a table for CSV and XLSX: one row per area, the method and the
 * sources as notes below. Small counts (below the project's threshold) are not printed, as in every
 * Kleinraum export; the statistics that use them are, since they do not reveal the count.
 */
import { formatDate, formatNumber, type Locale } from '../format/number';
import { localized, translate } from '../i18n/translate';
import type { ProfileTable } from '../profiles/profileTable';
import { sourceLines } from '../export/sourceLines';
import type { Source } from '../model/project';
import { globalExplanation, globalNote, methodNote } from './explanation';
import type { MoranResult, RatesResult, ScatterResult, WeightsChoice } from './analysisTypes';
import { indicatorLabel } from '../indicators/indicatorLabel';

export type AnalysisTable = ProfileTable;

/** "gemeinsame Grenze oder Ecke (Queen)", "4 nächste Nachbarn (Schwerpunkte)". */
export function weightsLabel(weights: WeightsChoice, locale: Locale): string {
  return translate(locale, `analysis.weights.${weights.type}`, { k: weights.k });
}

function sourceNotes(sources: readonly Source[], schematic: boolean, createdOn: string, locale: Locale): string[] {
  return sourceLines({ dataSources: sources, boundarySource: null, schematicBoundaries: schematic, currentYear: Number(createdOn.slice(0, 4)), locale });
}

function rounded(value: number | null, decimals: number): number | null {
  return value === null ? null : Number(value.toFixed(decimals));
}

/**
 * The local Moran table (cluster map, significance map, Moran scatter plot).
 * @example moranTable(result, 3, '2025-05-03', 'de').columns[0] // 'Schlüssel'
 */
export function moranTable(result: MoranResult, smallNumberThreshold: number, createdOn: string, locale: Locale): AnalysisTable {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);
  const indicatorName = indicatorLabel(localized(result.indicator.name, locale), localized(result.indicator.unit, locale));
  const columns = [t('analysis.column.key'), t('analysis.column.name'), indicatorName, t('analysis.column.standardised'), t('analysis.column.lag'), t('analysis.column.localI'), t('analysis.column.pValue'), t('analysis.column.adjustedPValue'), t('analysis.column.cluster')];
  const anySmall = result.areas.some((area) => area.smallNumber && area.value !== null);
  const rows = result.areas.map((area) => [
    area.key,
    area.name,
    area.smallNumber ? null : rounded(area.value, result.indicator.decimals),
    rounded(area.standardisedValue, 4),
    rounded(area.spatialLag, 4),
    rounded(area.localI, 4),
    area.pValue,
    area.adjustedPValue,
    !area.analysed ? t('analysis.cluster.noData') : area.island ? t('analysis.cluster.island') : t(`analysis.cluster.${area.cluster}`),
  ]);
  const notes = [
    `${t('analysis.column.value')}: ${formatDate(result.period, locale)}`,
    globalExplanation(result, locale),
    globalNote(result, locale),
    methodNote(result, locale),
    ...(result.leftOut.length > 0 ? [t('analysis.leftOut', { count: result.leftOut.length, total: result.areas.length, names: result.leftOut.map((area) => area.name).join(', ') })] : []),
    ...(result.islands.length > 0 ? [t('analysis.islands.some', { count: result.islands.length, names: result.islands.map((area) => area.name).join(', ') })] : []),
    ...(anySmall ? [t('analysis.note.smallNumbers', { threshold: smallNumberThreshold })] : []),
    ...sourceNotes(result.sources, result.schematicBoundaries, createdOn, locale),
  ];
  return { columns, rows, notes };
}

/** Raw and smoothed rates per area. */
export function ratesTable(result: RatesResult, smallNumberThreshold: number, createdOn: string, locale: Locale): AnalysisTable {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);
  const unit = localized(result.indicator.unit, locale);
  const decimals = result.indicator.decimals + 1;
  const columns = [t('analysis.column.key'), t('analysis.column.name'), t('analysis.column.count'), t('analysis.column.population'), `${t('analysis.rates.raw')} (${unit})`, `${t('analysis.rates.global')} (${unit})`, `${t('analysis.rates.spatial')} (${unit})`];
  const rows = result.areas.map((area) => [
    area.key,
    area.name,
    area.smallNumber ? null : area.count,
    area.population,
    area.smallNumber ? null : rounded(area.raw, decimals),
    rounded(area.globalSmoothed, decimals),
    rounded(area.spatialSmoothed, decimals),
  ]);
  const notes = [
    `${localized(result.indicator.name, locale)} · ${formatDate(result.period, locale)}`,
    t('analysis.rates.explain'),
    ...(result.regionRate === null ? [] : [t('analysis.rates.regionRate', { value: `${formatNumber(result.regionRate, decimals, locale)} ${unit}` })]),
    `${t('analysis.weights')}: ${weightsLabel(result.weights, locale)}`,
    ...(result.leftOut.length > 0 ? [t('analysis.leftOut', { count: result.leftOut.length, total: result.areas.length, names: result.leftOut.map((area) => area.name).join(', ') })] : []),
    ...(result.areas.some((area) => area.smallNumber) ? [t('analysis.note.smallNumbers', { threshold: smallNumberThreshold })] : []),
    ...sourceNotes(result.sources, result.schematicBoundaries, createdOn, locale),
  ];
  return { columns, rows, notes };
}

/** Two indicators per area, with the fit. */
export function scatterTable(result: ScatterResult, createdOn: string, locale: Locale): AnalysisTable {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);
  const columns = [
    t('analysis.column.key'),
    t('analysis.column.name'),
    indicatorLabel(localized(result.x.name, locale), localized(result.x.unit, locale)),
    indicatorLabel(localized(result.y.name, locale), localized(result.y.unit, locale)),
  ];
  const rows = result.points.map((point) => [point.key, point.name, rounded(point.x, result.x.decimals + 2), rounded(point.y, result.y.decimals + 2)]);
  const { fit } = result;
  const notes = [
    formatDate(result.period, locale),
    fit.slope === null || fit.intercept === null
      ? t('analysis.scatter.noFit')
      : t('analysis.scatter.fit', { intercept: formatNumber(fit.intercept, 3, locale), slope: formatNumber(fit.slope, 4, locale), r: fit.correlation === null ? '–' : formatNumber(fit.correlation, 3, locale), n: fit.count }),
    ...sourceNotes(result.sources, result.schematicBoundaries, createdOn, locale),
  ];
  return { columns, rows, notes };
}
