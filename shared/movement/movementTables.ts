/**
 * The data behind the Zeitreihen and Bilanz views as tables for CSV and XLSX (shared/export/dataTable.ts):
 * the series wide (one row per area, one column per Stichtag, region last) and the account long (one row
 * per area and period, every term with its source). Sources, Stichtag, synthetic label and
 * small-number note below. Counts below the project's threshold are not printed (".").
 */
import type { DataTable, TableValue } from '../export/dataTable';
import { sourceLines } from '../export/sourceLines';
import { formatDate, type Locale } from '../format/number';
import { localized, translate, type MessageKey } from '../i18n/translate';
import type { LocalizedText, Source } from '../model/project';
import { accountNote, accountTerms, accountTermWord } from './accountLabels';
import { shortSourceName } from '../sources/sourceChoiceLine';
import type { AccountArea, AccountTerm, StockFlowAccount } from './stockFlowAccount';
import { DEFAULT_SMALL_NUMBER_THRESHOLD, isSmallCount } from './smallNumbers';
import type { TimeSeriesData } from './timeSeriesTypes';
import { accountSourcePeriods, seriesSourcePeriods } from './sourcePeriods';
import { regionGapNote, seriesCautionNotes } from './timeSeriesFigure';
import { indicatorLabel } from '../indicators/indicatorLabel';

function sourceNotes(sources: readonly Source[], createdOn: string, locale: Locale, shownPeriods: Readonly<Record<string, readonly string[]>>): string[] {
  const names = sources.map((source) => source.name).join('; ');
  return [
    ...(names ? [translate(locale, 'movement.figure.sources', { sources: names })] : []),
    ...sourceLines({ dataSources: sources, boundarySource: null, schematicBoundaries: false, currentYear: Number(createdOn.slice(0, 4)), locale, shownPeriods }),
  ];
}

function rounded(value: number | null, decimals: number): number | null {
  return value === null ? null : Number(value.toFixed(decimals));
}

/** Areas named in a mixed column before the rest is counted ("Barsinghausen, Gehrden und 4 weitere"). */
const NAMED_AREAS = 5;

/**
 * What `describe` says of the areas' values at Stichtag `index` (their source, their kind): the one text
 * where all agree; otherwise the most frequent for "übrige Gebiete" and the others with their areas.
 * Areas without a value say nothing; null when none has one.
 * @example perColumn(data, 0, (point) => point.sourceId, 'de') // 'AZR' or 'AsylbLG: Gehrden; AZR: übrige Gebiete'
 */
export function perColumn(data: Pick<TimeSeriesData, 'series'>, index: number, describe: (point: TimeSeriesData['region'][number]) => string | null, locale: Locale): string | null {
  const areasBy = new Map<string, string[]>();
  for (const series of data.series) {
    const point = series.values[index];
    if (!point || point.value === null) continue;
    const text = describe(point);
    if (text === null) continue;
    const areas = areasBy.get(text) ?? [];
    areas.push(series.name);
    areasBy.set(text, areas);
  }
  if (areasBy.size <= 1) return areasBy.keys().next().value ?? null;
  const [most, ...others] = [...areasBy].sort((a, b) => b[1].length - a[1].length);
  const named = (areas: string[]) =>
    areas.length > NAMED_AREAS ? translate(locale, 'movement.row.moreAreas', { areas: areas.slice(0, NAMED_AREAS).join(', '), count: areas.length - NAMED_AREAS }) : areas.join(', ');
  const groupText = ([value, areas]: [string, string[]]) => translate(locale, 'movement.row.areas', { value, areas: named(areas) });
  // "übrige Gebiete" only for a clear majority too large to list; otherwise every group is named.
  if (most![1].length <= NAMED_AREAS || others[0]![1].length === most![1].length) return [most!, ...others].map(groupText).join('; ');
  return [...others.map(groupText), translate(locale, 'movement.row.restOf', { value: most![0] })].join('; ');
}

/**
 * @example timeSeriesTable(data, [], 3, '2026-01-01', 'de').columns.slice(0, 3) // ['Schlüssel', 'Gebiet', '31.12.2015']
 */
export function timeSeriesTable(data: TimeSeriesData, sources: readonly Source[], smallNumberThreshold: number, createdOn: string, locale: Locale): DataTable {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const sourceNames = new Map(sources.map((source) => [source.id, source.name]));
  const sourceNameOf = (id: string | null) => (id === null ? null : (sourceNames.get(id) ?? id));
  const kindOf = (point: TimeSeriesData['region'][number]) => {
    const kind = point.projected ? 'projected' : point.quality;
    return kind ? t(`quality.${kind}`) : null;
  };
  const columns = [t('movement.column.key'), t('movement.column.name'), ...data.periods.map((period) => formatDate(period, locale))];
  let suppressed = false;
  const cells = (points: TimeSeriesData['region']): TableValue[] =>
    points.map((point) => {
      if (point.smallNumber || point.withheld === true) {
        suppressed = true;
        return '.';
      }
      return rounded(point.value, data.indicator.decimals);
    });
  const rows: TableValue[][] = [
    ...data.series.map((series) => [series.key, series.name, ...cells(series.values)]),
    ['', t('movement.legend.region'), ...cells(data.region)],
    // Every value's source and kind, per Stichtag: a column of one source names it; a column that mixes
    // sources (a priority order filling gaps, a projection) names which areas took which.
    ['', t('movement.row.source'), ...data.periods.map((_, index) => perColumn(data, index, (point) => sourceNameOf(point.sourceId), locale))],
    ['', t('movement.row.quality'), ...data.periods.map((_, index) => perColumn(data, index, kindOf, locale))],
  ];
  // A change of source or of territory is said as in the charts: the table has no line to break.
  const notes = [indicatorLabel(localized(data.indicator.name, locale), localized(data.indicator.unit, locale)), ...sourceNotes(sources, createdOn, locale, seriesSourcePeriods(data)), ...seriesCautionNotes(data, sources, locale, 'table')];
  // An empty Region cell says why, by the rule the chart's reference gap is said with.
  const regionGap = regionGapNote(data, locale);
  if (regionGap) notes.push(regionGap);
  if (suppressed) notes.push(t('movement.smallNumbers', { threshold: smallNumberThreshold }));
  return { columns, rows, notes };
}

export interface BalanceTableInput extends StockFlowAccount {
  variableNames: Record<string, LocalizedText>;
  sources: Source[];
  /** Counts 0 < n < threshold are written as "." (the remainder and its share use the exact counts). */
  smallNumberThreshold?: number;
}

/**
 * Rows per area and period (one area's with `areaKey`, one period's with `onlyPeriod`), the region last.
 * @example balanceTable(balance, null, '2026-01-01', 'de').columns.includes('Bestandskorrektur / nicht erklärt') // true
 */
export function balanceTable(balance: BalanceTableInput, areaKey: string | null, createdOn: string, locale: Locale, onlyPeriod?: string): DataTable {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const terms = accountTerms(balance);
  // The screen's "+ Zuzüge", "= Bestand am Ende" read as an equation; a column heading starting with + or =
  // reads as a formula in a spreadsheet (and is quoted as one), so the files name the terms without signs.
  const term = (key: MessageKey) => t(key).replace(/^[+−=]\s*/, '');
  const sourceNames = new Map(balance.sources.map((source) => [source.id, shortSourceName(source.name)]));
  const sourceName = (id: string | null | undefined) => (id === null || id === undefined ? null : (sourceNames.get(id) ?? id));
  const columns = [
    t('movement.column.key'),
    t('movement.column.name'),
    t('movement.column.from'),
    t('movement.column.to'),
    t('movement.balance.stockStart'),
    ...terms.map((flow) => accountTermWord(flow, balance.variableNames[balance.variables.flows[flow]!], locale)),
    term('movement.balance.stockEnd'),
    t('movement.balance.residual'),
    `${t('movement.balance.residual')} ${t('movement.balance.residualPercent')}`,
    t('movement.balance.flagged'),
    t('movement.column.sourceStock'),
    ...terms.map((flow) => `${t('movement.balance.source')} ${accountTermWord(flow, balance.variableNames[balance.variables.flows[flow]!], locale)}`),
  ];
  const areas: AccountArea[] = areaKey === null ? [...balance.areas, balance.region] : balance.areas.filter((area) => area.key === areaKey);
  const rows: TableValue[][] = [];
  const threshold = balance.smallNumberThreshold ?? DEFAULT_SMALL_NUMBER_THRESHOLD;
  let withheld = false;
  // A small count, and a total withheld because it would reveal one (balance.compute), are written as the
  // offices write a secret value.
  const count = (term: AccountTerm | undefined): TableValue => {
    if (term?.withheld === true) return '.';
    const value = term?.value;
    if (value === undefined || value === null) return null;
    if (!isSmallCount(value, threshold)) return value;
    withheld = true;
    return '.';
  };
  for (const area of areas) {
    for (const period of area.periods.filter((candidate) => onlyPeriod === undefined || candidate.period === onlyPeriod)) {
      rows.push([
        area.key === 'region' ? '' : area.key,
        area.key === 'region' ? t('movement.legend.region') : area.name,
        formatDate(period.previousPeriod, locale),
        formatDate(period.period, locale),
        count(period.stockStart),
        ...terms.map((flow) => count(period.flows[flow])),
        count(period.stockEnd),
        // A withheld remainder is written as the offices write a secret value, like the counts.
        period.remainderWithheld ? '.' : period.residual,
        period.remainderWithheld ? '.' : rounded(period.residualPercent, 2),
        period.flagged ? t('movement.balance.flagged') : period.complete ? '' : t('movement.balance.incomplete'),
        period.sourceChanged ? `${sourceName(period.stockStart.sourceId) ?? ''} → ${sourceName(period.stockEnd.sourceId) ?? ''}` : sourceName(period.stockEnd.sourceId),
        ...terms.map((flow) => sourceName(period.flows[flow]?.sourceId)),
      ]);
    }
  }
  const stock = balance.variableNames[balance.variables.stock];
  const notes = [
    `${stock ? localized(stock, locale) : balance.variables.stock}: ${accountNote(balance, locale)}`,
    `${t('movement.balance.threshold')}: ${String(balance.thresholdPercent).replace('.', locale === 'de' ? ',' : '.')}`,
    // The Stichtage of the rows written: one period's two with `onlyPeriod`, not all ten.
    ...sourceNotes(balance.sources, createdOn, locale, accountSourcePeriods({ areas: areas.map((area) => ({ ...area, periods: area.periods.filter((period) => onlyPeriod === undefined || period.period === onlyPeriod) })) })),
    ...(withheld ? [t('movement.smallNumbers', { threshold })] : []),
    ...(areas.some((area) => area.periods.some((period) => period.remainderWithheld)) ? [t('movement.smallNumbers.remainder')] : []),
  ];
  return { columns, rows, notes };
}
