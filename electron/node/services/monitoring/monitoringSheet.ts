/**
 * The committee sheet of a monitoring result (shared/monitoring/monitoringFigure.ts) as SVG, PNG or PDF,
 * rendered like every Kleinraum figure (electron/node/export/renderFiles.ts).
 */
import type { z } from 'zod';
import { asAreaCollection } from '../../../../shared/analysis/analysisFigures';
import type { monitoringExportInput } from '../../../../shared/contract/methods/monitoring';
import type { AreaCollection } from '../../../../shared/export/composeFigure';
import { resolveExportLayout } from '../../../../shared/export/exportLayout';
import { monitoringSheetFigure } from '../../../../shared/monitoring/monitoringFigure';
import type { MonitoringResult } from '../../../../shared/monitoring/monitoringTable';
import { readSetting } from '../../../../shared/settings/projectSettings';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { readAreasAsFeatureCollection, readLayers, readSettings, readSources } from '../../storage/projectReader';
import { renderFigure } from '../../export/renderFiles';

type ExportInput = z.output<typeof monitoringExportInput>;

export async function monitoringSheet(db: SqliteDatabase, result: MonitoringResult, input: ExportInput, createdOn: string): Promise<{ base64: string; widthPx?: number; heightPx?: number; pageMm: [number, number] }> {
  const layer = readLayers(db).find((candidate) => candidate.name === result.layer)!;
  const layout = resolveExportLayout(readSetting(readSettings(db), 'export.layout'));
  const figure = monitoringSheetFigure(
    result,
    {
      areas: asAreaCollection(readAreasAsFeatureCollection(db, layer.name).features) as AreaCollection,
      layerTitle: layer.title[input.locale] || layer.title.de,
      boundarySource: readSources(db).find((source) => source.id === layer.sourceId) ?? null,
      schematicBoundaries: layer.schematic,
      createdOn,
      locale: input.locale,
      page: input.page,
      author: layout.author.visible ? layout.author.text : '',
    },
    input.assessment,
  );
  const rendered = await renderFigure({ svg: figure.svg, widthMm: figure.widthMm, heightMm: figure.heightMm, title: result.name || 'Sozialmonitoring', author: layout.author.text }, input.format as 'svg' | 'png' | 'pdf', input.dpi);
  return { pageMm: [figure.widthMm, figure.heightMm], base64: rendered.bytes.toString('base64'), ...(rendered.widthPx !== undefined ? { widthPx: rendered.widthPx, heightPx: rendered.heightPx } : {}) };
}
