/**
 * `timeseries.export` and `balance.export`: the chart as a committee figure (SVG, PNG, PDF — drawn by
 * shared/movement and rendered like every Kleinraum figure by electron/node/export) or the data as CSV
 * (BOM, `;`) or XLSX, returned as bytes for the browser download and the CLI.
 */
import type { z } from 'zod';
import type { AreaCollection } from '../../../../shared/export/composeFigure';
import { resolveExportLayout } from '../../../../shared/export/exportLayout';
import type { balanceExportInput, timeSeriesExportInput } from '../../../../shared/contract/methods/movement';
import { UserError } from '../../../../shared/contract/errors';
import { balanceTable, timeSeriesTable } from '../../../../shared/movement/movementTables';
import { balanceFigure, balanceOverviewFigure } from '../../../../shared/movement/balanceFigure';
import { panelGridFor } from '../../../../shared/movement/seriesChart';
import { orderedSeriesKeys } from '../../../../shared/movement/seriesOrder';
import { timeSeriesAreaFigure, timeSeriesMultiplesFigure } from '../../../../shared/movement/timeSeriesFigure';
import { readSetting } from '../../../../shared/settings/projectSettings';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { readSettings, readSources } from '../../storage/projectReader';
import { MIME_TYPES, renderFigure, renderTable } from '../../export/renderFiles';
import { today } from '../export/exportHandlers';
import { chooseAnalysisLayer } from '../analysis/analysisResults';
import { computeBalance, computeTimeSeries, MAX_MAP_GRID_AREAS } from './movementResults';
import { describedFileName } from '../../../../shared/export/fileNamePattern';
import { localized } from '../../../../shared/i18n/translate';
import { unknownAccountPeriodText } from '../../../../shared/movement/accountLabels';

type SeriesExportInput = z.output<typeof timeSeriesExportInput>;
type BalanceExportInput = z.output<typeof balanceExportInput>;

interface FileResult {
  fileName: string;
  mimeType: string;
  base64: string;
  widthPx?: number;
  heightPx?: number;
  pageMm?: [number, number];
}

const EMPTY_AREAS = { type: 'FeatureCollection', features: [] } as unknown as AreaCollection;

/**
 * @example await exportTimeSeries(db, { indicatorId: 'movement.turnover_per_1000', view: 'multiples', sortBy: 'layer', format: 'png', locale: 'de', page: 'a4-landscape', dpi: 150 })
 */
export async function exportTimeSeries(db: SqliteDatabase, input: SeriesExportInput): Promise<FileResult> {
  const data = computeTimeSeries(db, input);
  const settings = readSettings(db);
  const createdOn = today();
  const unknown = (input.areas ?? []).filter((key) => !data.series.some((series) => series.key === key));
  if (unknown.length > 0) {
    throw new UserError('not-found', { de: `Gebiet(e) ${unknown.join(', ')} gibt es auf der Ebene „${data.layer}“ nicht.`, en: `Area(s) ${unknown.join(', ')} do not exist on layer "${data.layer}".` });
  }
  const shownArea = input.view === 'area' && input.areas?.[0] ? data.series.find((series) => series.key === input.areas![0])?.name : undefined;
  const fileName = describedFileName([input.locale === 'de' ? 'Zeitreihe' : 'Time series', localized(data.indicator.name, input.locale), shownArea], data.periods.at(-1), input.format);
  const base = { fileName, mimeType: MIME_TYPES[input.format] };
  if (input.format === 'csv' || input.format === 'xlsx') {
    const order = orderedSeriesKeys(data.series, input.sortBy, input.locale, input.areas);
    const ordered = { ...data, series: order.map((key) => data.series.find((series) => series.key === key)!) };
    const table = timeSeriesTable(ordered, data.sources, readSetting(settings, 'smallNumberThreshold'), createdOn, input.locale);
    const bytes = await renderTable(table, input.format, input.locale === 'de' ? 'Zeitreihe' : 'Time series', input.locale);
    return { ...base, base64: bytes.toString('base64') };
  }
  const layer = chooseAnalysisLayer(db, input.layer);
  const layout = resolveExportLayout(readSetting(settings, 'export.layout'));
  const context = {
    areas: EMPTY_AREAS,
    layerTitle: layer.title[input.locale] || layer.title.de,
    boundarySource: null,
    schematicBoundaries: false,
    createdOn,
    locale: input.locale,
    page: input.page,
    author: layout.author.visible ? layout.author.text : '',
  };
  const figure =
    input.view === 'area'
      ? timeSeriesAreaFigure(data, input.areas?.[0] ?? data.series[0]?.key ?? '', context)
      : multiplesFigure(data, context, input);
  const title = data.indicator.name[input.locale];
  const rendered = await renderFigure({ svg: figure.svg, widthMm: figure.widthMm, heightMm: figure.heightMm, title, author: layout.author.text }, input.format, input.dpi);
  return { ...base, pageMm: [figure.widthMm, figure.heightMm], base64: rendered.bytes.toString('base64'), ...(rendered.widthPx !== undefined ? { widthPx: rendered.widthPx, heightPx: rendered.heightPx } : {}) };
}

function multiplesFigure(data: ReturnType<typeof computeTimeSeries>, context: Parameters<typeof timeSeriesMultiplesFigure>[1], input: SeriesExportInput) {
  const order = orderedSeriesKeys(data.series, input.sortBy, input.locale, input.areas);
  const grid = input.layout === 'grid' ? panelGridFor(order, data.mapGrid) : null;
  if (input.layout === 'grid' && grid === null) {
    throw new UserError('not-found', {
      de: `Die Anordnung wie die Karte gibt es für die Ebene „${data.layer}“ nicht (keine Geometrie oder mehr als ${MAX_MAP_GRID_AREAS} Gebiete); bitte --layout sorted wählen.`,
      en: `The map layout is not available for the layer "${data.layer}" (no geometry or more than ${MAX_MAP_GRID_AREAS} areas); please choose --layout sorted.`,
    });
  }
  return timeSeriesMultiplesFigure(data, context, { order, grid });
}

export async function exportBalance(db: SqliteDatabase, input: BalanceExportInput): Promise<FileResult> {
  const balance = computeBalance(db, input);
  if (input.areaKey !== undefined && !balance.areas.some((area) => area.key === input.areaKey)) {
    throw new UserError('not-found', { de: `Das Gebiet ${input.areaKey} gibt es auf der Ebene „${balance.layer}“ nicht.`, en: `Area ${input.areaKey} does not exist on layer "${balance.layer}".` });
  }
  if (input.period !== undefined && !input.allAreas) {
    throw new UserError('bad-input', { de: 'Ein Zeitraum gilt nur für die Bilanz aller Gebiete.', en: 'A period only applies to the balance of all areas.' });
  }
  if (input.allAreas && input.areaKey !== undefined) {
    throw new UserError('bad-input', { de: 'Entweder ein Gebiet oder alle Gebiete, nicht beides.', en: 'Either one area or all areas, not both.' });
  }
  const periodProblem = input.period === undefined ? null : unknownAccountPeriodText(balance.periods, input.period);
  if (periodProblem) throw new UserError('not-found', periodProblem);
  const period = input.allAreas ? (input.period ?? balance.periods.at(-1)) : undefined;
  const withSources = { ...balance, sources: balance.sources.length > 0 ? balance.sources : readSources(db).filter((source) => balance.sourceIds.includes(source.id)) };
  const stockName = balance.variableNames[balance.variables.stock];
  const areaName = input.allAreas ? (input.locale === 'de' ? 'alle Gebiete' : 'all areas') : input.areaKey === undefined ? balance.region.name : balance.areas.find((area) => area.key === input.areaKey)?.name;
  const fileName = describedFileName(
    [input.locale === 'de' ? 'Bilanz' : 'Balance', stockName ? localized(stockName, input.locale) : balance.variables.stock, areaName],
    period ?? balance.periods.at(-1),
    input.format,
  );
  if (input.format === 'csv' || input.format === 'xlsx') {
    const table = balanceTable(withSources, input.areaKey ?? null, today(), input.locale, period);
    const bytes = await renderTable(table, input.format, input.locale === 'de' ? 'Bilanz' : 'Balance', input.locale);
    return { fileName, mimeType: MIME_TYPES[input.format], base64: bytes.toString('base64') };
  }
  // The committee figure: the area's account (the region's without an area), or every area's for one period.
  const layer = chooseAnalysisLayer(db, input.layer);
  const layout = resolveExportLayout(readSetting(readSettings(db), 'export.layout'));
  const context = {
    areas: EMPTY_AREAS,
    layerTitle: layer.title[input.locale] || layer.title.de,
    boundarySource: null,
    schematicBoundaries: false,
    createdOn: today(),
    locale: input.locale,
    page: input.page,
    author: layout.author.visible ? layout.author.text : '',
  };
  const figure = input.allAreas ? balanceOverviewFigure(withSources, period ?? null, context) : balanceFigure(withSources, input.areaKey ?? null, context);
  const title = input.locale === 'de' ? 'Bilanz' : 'Balance';
  const rendered = await renderFigure({ svg: figure.svg, widthMm: figure.widthMm, heightMm: figure.heightMm, title, author: layout.author.text }, input.format, input.dpi);
  return { fileName, mimeType: MIME_TYPES[input.format], pageMm: [figure.widthMm, figure.heightMm], base64: rendered.bytes.toString('base64'), ...(rendered.widthPx !== undefined ? { widthPx: rendered.widthPx, heightPx: rendered.heightPx } : {}) };
}
