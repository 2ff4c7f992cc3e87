/**
 * Backend implementation of the contract methods in shared/contract/methods/export.ts: preview, single
 * figure and batch, written to a path (Electron save dialog, CLI) or returned as base64 (browser download).
 */
import path from 'node:path';
import type { z } from 'zod';
import { UserError } from '../../../../shared/contract/errors';
import { localized } from '../../../../shared/i18n/translate';
import { formatDate } from '../../../../shared/format/number';
import type { LocalizedText } from '../../../../shared/model/project';
import type { exportedFile, exportMethods } from '../../../../shared/contract/methods/export';
import { DEFAULT_FILE_NAME_PATTERNS, fileNameFromPattern, uniqueFileName, type FileNameFields } from '../../../../shared/export/fileNamePattern';
import type { PdfPage } from '../../export/renderPdf';
import { renderFigure } from '../../export/renderFiles';
import { deliver, targetPath } from '../../export/deliverFile';
import { readAreasAsFeatureCollection } from '../../storage/projectReader';
import { summarizeProject } from '../projectSummary';
import type { FeatureHandlers, ServiceContext } from '../serviceContext';
import type { MapViewSpec } from '../../../../shared/mapView/mapViewSpec';
import { resolveProjectView } from '../map/mapView';
import { selectionOfView, valuesDerivation } from '../../../../shared/mapView/viewValues';
import { computablePeriodsFor } from '../indicatorService';
import { chooseLayer, composeProjectFigure, type ComposedFigure, type FigureRequest } from './figureData';
import { compareAreaNames } from '../../../../shared/format/areaNames';

type ExportFormat = 'svg' | 'png' | 'pdf';
type ExportedFile = z.output<typeof exportedFile>;

/** Today as an ISO date in local time (the "Stand" printed on the figure). */
export function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function render(composed: ComposedFigure, format: ExportFormat, dotsPerInch: number, author: string): Promise<{ bytes: Buffer; widthPx?: number; heightPx?: number }> {
  const { figure } = composed;
  return renderFigure({ svg: figure.svg, widthMm: figure.widthMm, heightMm: figure.heightMm, title: composed.title, author }, format, dotsPerInch);
}

/** What a series runs over, for the name of its one PDF ("Ausländeranteil_2024-12-31_Gebiete.pdf"). */
const SERIES_WORDS = {
  indicators: { de: 'Kennzahlen', en: 'indicators' },
  periods: { de: 'Stichtage', en: 'periods' },
  areas: { de: 'Gebiete', en: 'areas' },
} as const;

/** The file-name fields of a composed figure, the `n`th of `total`. */
function fileNameFields(composed: ComposedFigure, number: number, total: number): FileNameFields {
  return { indicator: composed.indicatorName, id: composed.indicatorId, period: composed.period, number, total };
}

export function createExportHandlers(context: ServiceContext): FeatureHandlers<typeof exportMethods> {
  return {
    async 'export.preview'(request) {
      const composed = composeProjectFigure(context.current(), request, today());
      return { svg: composed.figure.svg, pageMm: [composed.figure.widthMm, composed.figure.heightMm], elements: composed.figure.elements, layout: { ...composed.layout } };
    },

    async 'export.map'(request) {
      const composed = composeProjectFigure(context.current(), request, today());
      const dotsPerInch = request.dpi ?? 300;
      const rendered = await render(composed, request.format, dotsPerInch, composed.layout.author.text);
      const filePath = request.path ? targetPath(path.resolve(request.path), request.format) : null;
      const fileName = filePath ? path.basename(filePath) : `${fileNameFromPattern(DEFAULT_FILE_NAME_PATTERNS.single, fileNameFields(composed, 1, 1))}.${request.format}`;
      return {
        ...deliver(rendered.bytes, fileName, request.format, filePath),
        ...(rendered.widthPx !== undefined ? { widthPx: rendered.widthPx, heightPx: rendered.heightPx } : {}),
        pageMm: [composed.figure.widthMm, composed.figure.heightMm] as [number, number],
        elements: composed.figure.elements,
      };
    },

    async 'export.batch'(request) {
      const session = context.current();
      const summary = summarizeProject(session);
      const base = resolveProjectView(session.db, request.view ?? {}, summary.settings);
      const indicator = summary.indicators.find((candidate) => candidate.id === base.indicatorId);
      if (!indicator) {
        throw new UserError('not-found', { de: `Die Kennzahl „${base.indicatorId}“ gibt es im Projekt nicht.`, en: `The project has no indicator "${base.indicatorId}".` });
      }
      if (request.singlePdf && request.format !== 'pdf') {
        throw new UserError('bad-input', { de: 'Eine gemeinsame Datei mit mehreren Seiten gibt es nur als PDF: bitte Format PDF wählen.', en: 'A single multi-page file is only available as PDF: please choose PDF.' });
      }
      const requests = batchRequests(request, base, summary, session);
      if (requests.length === 0) {
        throw new UserError('bad-input', { de: 'Für diese Serie gibt es keine Abbildungen (keine passenden Einträge).', en: 'There is nothing to export for this series (no matching items).' });
      }
      const pattern = request.fileNamePattern?.trim() || DEFAULT_FILE_NAME_PATTERNS[request.by];
      const outDir = request.outDir ? path.resolve(request.outDir) : null;
      const taskId = `export-batch-${Date.now()}`;
      const createdOn = today();
      const files: ExportedFile[] = [];
      // No file of the series may replace another: names, unlike ids, can repeat.
      const takenNames = new Set<string>();
      const pages: PdfPage[] = [];
      let first: ComposedFigure | null = null;
      for (const [index, item] of requests.entries()) {
        const composed = composeProjectFigure(session, item.request, createdOn, summary);
        first ??= composed;
        context.emit('progress', { taskId, label: item.label, done: index, total: requests.length, finished: false });
        if (request.singlePdf) {
          pages.push({ svg: composed.figure.svg, widthMm: composed.figure.widthMm, heightMm: composed.figure.heightMm });
          continue;
        }
        const rendered = await render(composed, request.format, request.dpi ?? 300, composed.layout.author.text);
        const name = uniqueFileName(fileNameFromPattern(pattern, { ...fileNameFields(composed, index + 1, requests.length), area: item.areaName, key: item.areaKey }), request.format, takenNames);
        files.push(deliver(rendered.bytes, name, request.format, outDir ? path.join(outDir, name) : null));
      }
      if (request.singlePdf && first) {
        const { renderPdf } = await import('../../export/renderPdf');
        const bytes = await renderPdf(pages, { title: first.title, author: first.layout.author.text });
        const name = `${fileNameFromPattern(`${DEFAULT_FILE_NAME_PATTERNS.single}_${localized(SERIES_WORDS[request.by], first.locale)}`, fileNameFields(first, 1, 1))}.pdf`;
        files.push(deliver(bytes, name, 'pdf', outDir ? path.join(outDir, name) : null));
      }
      context.emit('progress', { taskId, label: indicator.name, done: requests.length, total: requests.length, finished: true });
      return { files };
    },
  };
}

interface BatchItem {
  request: FigureRequest;
  /** What the progress shows while this figure is made. */
  label: LocalizedText;
  areaKey?: string;
  areaName?: string;
}

/** One figure request per item of the series, in the project's order; `base` is the request's view completed. */
function batchRequests(
  request: z.output<(typeof exportMethods)['export.batch']['input']>,
  base: MapViewSpec & { layer: string },
  summary: ReturnType<typeof summarizeProject>,
  session: Parameters<typeof composeProjectFigure>[0],
): BatchItem[] {
  const { by, items, ...common } = request;
  const view = request.view ?? {};
  const wanted = items ? new Set(items) : null;
  // A change needs an earlier Stichtag to compare with: Stichtage without one have no figure in the series.
  const { mode, comparePeriod } = base.derivation;
  const comparing = mode === 'change' || mode === 'changePercent';
  if (by === 'indicators') {
    return summary.indicators
      .filter((indicator) => indicator.periods.length > (comparing ? 1 : 0) && (wanted === null || wanted.has(indicator.id)))
      .map((indicator) => {
        const period = base.period && indicator.periods.includes(base.period) ? base.period : (indicator.periods.at(-1) ?? null);
        // A compare period the other indicator lacks falls back to its Stichtag before the shown one.
        const keptComparePeriod = comparePeriod && period && indicator.periods.includes(comparePeriod) && comparePeriod < period ? comparePeriod : null;
        // A title typed for one indicator would be wrong on the others: each figure gets its own name.
        const layout = { ...request.layout, title: { ...request.layout?.title, text: '' } };
        // Each indicator is drawn as remembered for it unless the request fixes the symbology.
        const itemView = { ...view, indicatorId: indicator.id, period, layer: base.layer, derivation: { ...base.derivation, comparePeriod: keptComparePeriod } };
        return { request: { ...common, view: itemView, layout }, label: indicator.name };
      });
  }
  if (by === 'periods') {
    // The Stichtage this view can be drawn for, with its sources and its "Darstellung als": a Stichtag of
    // the indicator that the view cannot compute would stop the whole series.
    // (Without the compare Stichtag: which Stichtage a change can compare is decided per Stichtag below.)
    const derivation = valuesDerivation(selectionOfView(base));
    delete derivation.comparePeriod;
    const periods = base.indicatorId ? computablePeriodsFor(session.db, base.indicatorId, derivation) : [];
    const comparable = (period: string) => !comparing || (comparePeriod ? period > comparePeriod : period > (periods[0] as string));
    return periods
      .filter((period) => comparable(period) && (wanted === null || wanted.has(period)))
      .map((period) => ({ request: { ...common, view: { ...base, period } }, label: { de: formatDate(period, 'de'), en: formatDate(period, 'en') } }));
  }
  const layer = chooseLayer(summary, base.layer);
  const areas = readAreasAsFeatureCollection(session.db, layer.name)
    .features.map((feature) => ({ key: String(feature.properties.key), name: String(feature.properties.name) }))
    .sort((a, b) => compareAreaNames(a, b, common.locale ?? 'de'));
  return areas
    .filter((area) => wanted === null || wanted.has(area.key))
    .map((area) => ({
      // The inset shows where the municipality lies in the region unless the layout switched it off.
      request: { ...common, view: base, focusAreaKey: area.key, layout: { ...request.layout, inset: { visible: true, ...request.layout?.inset } } },
      label: { de: area.name, en: area.name },
      areaKey: area.key,
      areaName: area.name,
    }));
}
