/**
 * `analysis.export`: one Analyse view as a committee figure (SVG, PNG, PDF — drawn by shared/analysis and
 * rendered like every Kleinraum figure by electron/node/export) or as its data (CSV with BOM and `;`, or
 * XLSX), returned as bytes for the browser download and the CLI.
 */
import { DEFAULT_FILE_NAME_PATTERNS, fileNameFromPattern } from '../../../../shared/export/fileNamePattern';
import { translate } from '../../../../shared/i18n/translate';
import type { z } from 'zod';
import { asAreaCollection, clusterMapFigure, moranScatterFigure, ratesFigure, scatterFigure, significanceMapFigure, type AnalysisFigure, type AnalysisFigureContext } from '../../../../shared/analysis/analysisFigures';
import { moranTable, ratesTable, scatterTable, type AnalysisTable } from '../../../../shared/analysis/analysisTables';
import type { analysisExportInput, analysisExportOutput } from '../../../../shared/contract/methods/analysis';
import { UserError } from '../../../../shared/contract/errors';
import type { AreaCollection } from '../../../../shared/export/composeFigure';
import { resolveExportLayout } from '../../../../shared/export/exportLayout';
import { readSetting } from '../../../../shared/settings/projectSettings';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { readAreasAsFeatureCollection, readSettings, readSources } from '../../storage/projectReader';
import { today } from '../export/exportHandlers';
import { MIME_TYPES, renderFigure, renderTable } from '../../export/renderFiles';
import { chooseAnalysisLayer, computeMoran, computeRates, computeScatter } from './analysisResults';

type ExportInput = z.output<typeof analysisExportInput>;
type ExportOutput = z.output<typeof analysisExportOutput>;


interface ViewContent {
  period: string;
  title: string;
  figure: (context: AnalysisFigureContext) => AnalysisFigure;
  table: (threshold: number, createdOn: string) => AnalysisTable;
}

function viewContent(db: SqliteDatabase, input: ExportInput): ViewContent {
  const locale = input.locale;
  if (input.view === 'scatter') {
    if (!input.yIndicatorId) {
      throw new UserError('bad-input', { de: 'Für das Streudiagramm bitte die zweite Kennzahl (yIndicatorId) angeben.', en: 'For the scatter plot please name the second indicator (yIndicatorId).' });
    }
    const result = computeScatter(db, { xIndicatorId: input.indicatorId, yIndicatorId: input.yIndicatorId, layer: input.layer, period: input.period });
    return { period: result.period, title: `${result.y.name[locale]} – ${result.x.name[locale]}`, figure: (context) => scatterFigure(result, context), table: (_threshold, createdOn) => scatterTable(result, createdOn, locale) };
  }
  if (input.view === 'rates') {
    const result = computeRates(db, input);
    if (!result.eligible) throw new UserError('bad-input', result.reason ?? { de: 'Diese Kennzahl lässt sich nicht glätten.', en: 'This indicator cannot be smoothed.' });
    return { period: result.period, title: result.indicator.name[locale], figure: (context) => ratesFigure(result, context), table: (threshold, createdOn) => ratesTable(result, threshold, createdOn, locale) };
  }
  const result = computeMoran(db, input);
  const figure = input.view === 'clusterMap' ? clusterMapFigure : input.view === 'significanceMap' ? significanceMapFigure : moranScatterFigure;
  return { period: result.period, title: result.indicator.name[locale], figure: (context) => figure(result, context), table: (threshold, createdOn) => moranTable(result, threshold, createdOn, locale) };
}

/**
 * @example await exportAnalysisView(db, { ...moranDefaults, indicatorId: 'foreign_share', view: 'clusterMap', format: 'png' })
 */
export async function exportAnalysisView(db: SqliteDatabase, input: ExportInput): Promise<ExportOutput> {
  const content = viewContent(db, input);
  const settings = readSettings(db);
  const createdOn = today();
  // "Ausländeranteil – Cluster-Karte (LISA)_2024-12-31.png": what it shows, in the figure's language, as
  // the PDF's title too.
  const shown = `${content.title} – ${translate(input.locale, `analysis.${input.view}`)}`;
  const fileName = `${fileNameFromPattern(DEFAULT_FILE_NAME_PATTERNS.single, { indicator: shown, id: input.indicatorId, period: content.period, number: 1, total: 1 })}.${input.format}`;
  const base = { fileName, mimeType: MIME_TYPES[input.format] };
  if (input.format === 'csv' || input.format === 'xlsx') {
    const table = content.table(readSetting(settings, 'smallNumberThreshold'), createdOn);
    const bytes = await renderTable(table, input.format, `${input.view} ${content.period}`, input.locale);
    return { ...base, base64: bytes.toString('base64') };
  }
  const layer = chooseAnalysisLayer(db, input.layer);
  const layout = resolveExportLayout(readSetting(settings, 'export.layout'));
  const figure = content.figure({
    areas: asAreaCollection(readAreasAsFeatureCollection(db, layer.name).features) as AreaCollection,
    layerTitle: layer.title[input.locale] || layer.title.de,
    boundarySource: readSources(db).find((source) => source.id === layer.sourceId) ?? null,
    schematicBoundaries: layer.schematic,
    createdOn,
    locale: input.locale,
    page: input.page,
    author: layout.author.visible ? layout.author.text : '',
  });
  const pageMm: [number, number] = [figure.widthMm, figure.heightMm];
  const rendered = await renderFigure({ svg: figure.svg, widthMm: figure.widthMm, heightMm: figure.heightMm, title: shown, author: layout.author.text }, input.format, input.dpi);
  return { ...base, pageMm, base64: rendered.bytes.toString('base64'), ...(rendered.widthPx !== undefined ? { widthPx: rendered.widthPx, heightPx: rendered.heightPx } : {}) };
}
