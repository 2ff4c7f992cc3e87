/**
 * Gathers what a figure needs from the open project — the map view drawn as on the map
 * (services/map/mapView.ts), the areas, the layer and its source, the saved layout — and composes it
 * (shared/export/composeFigure). One place, used by the preview, the single export and every batch item,
 * so they cannot differ.
 */
import type { ProjectSummary } from '../../../../shared/contract/api';
import { UserError } from '../../../../shared/contract/errors';
import type { exportMethods } from '../../../../shared/contract/methods/export';
import { composeFigure, type AreaCollection, type Figure } from '../../../../shared/export/composeFigure';
import { resolveExportLayout, type ExportLayout } from '../../../../shared/export/exportLayout';
import type { Locale } from '../../../../shared/format/number';
import { localized } from '../../../../shared/i18n/translate';
import { buildIndicatorLegend } from '../../../../shared/mapView/indicatorLegend';
import type { MapViewSpec } from '../../../../shared/mapView/mapViewSpec';
import { readSetting } from '../../../../shared/settings/projectSettings';
import { indicatorSourceChoices, sourceChoiceLine } from '../../../../shared/sources/sourceChoiceLine';
import type { z } from 'zod';
import { readAreasAsFeatureCollection } from '../../storage/projectReader';
import { drawView, resolveProjectView } from '../map/mapView';
import type { ProjectSession } from '../projectSession';
import { summarizeProject } from '../projectSummary';

export type FigureOptions = z.output<(typeof exportMethods)['export.preview']['input']>;

export interface FigureRequest extends FigureOptions {
  focusAreaKey?: string | null;
}

/** What the handlers need besides the figure: names for files and the layout used. */
export interface ComposedFigure {
  figure: Figure;
  layout: ExportLayout;
  view: MapViewSpec & { layer: string };
  indicatorId: string;
  /** The indicator's name as the figure shows it (a derived figure's included: "… (Index)"). */
  indicatorName: string;
  period: string;
  layerName: string;
  locale: Locale;
  title: string;
}

/** The layer to draw: the one asked for, else the project's first. */
export function chooseLayer(summary: ProjectSummary, layerName: string | null | undefined): ProjectSummary['layers'][number] {
  const layer = layerName ? summary.layers.find((candidate) => candidate.name === layerName) : summary.layers[0];
  if (!layer) {
    const names = summary.layers.map((candidate) => candidate.name).join(', ') || '–';
    throw new UserError('not-found', {
      de: layerName ? `Die Ebene „${layerName}“ gibt es im Projekt nicht. Vorhandene Ebenen: ${names}.` : 'Das Projekt hat keine Gebietsebene. Bitte zuerst Grenzen importieren.',
      en: layerName ? `The project has no layer "${layerName}". Layers: ${names}.` : 'The project has no boundary layer. Please import boundaries first.',
    });
  }
  return layer;
}

/**
 * Composes the figure for a request on the open project.
 * @example composeProjectFigure(session, { view: { indicatorId: 'foreign_share' } }, '2025-05-03').figure.svg
 */
export function composeProjectFigure(session: ProjectSession, request: FigureRequest, createdOn: string, summary: ProjectSummary = summarizeProject(session)): ComposedFigure {
  const spec = resolveProjectView(session.db, request.view ?? {}, summary.settings);
  const indicator = summary.indicators.find((candidate) => candidate.id === spec.indicatorId);
  // A Stichtag the view cannot be computed for is refused where its values are computed (indicatorValuesFor).
  const drawing = drawView(session.db, spec, summary.settings);
  const layer = chooseLayer(summary, drawing.spec.layer);
  const areas = readAreasAsFeatureCollection(session.db, layer.name) as unknown as AreaCollection;
  if (request.focusAreaKey && !areas.features.some((feature) => feature.properties.key === request.focusAreaKey)) {
    throw new UserError('not-found', {
      de: `Das Gebiet „${request.focusAreaKey}“ gibt es in der Ebene „${layer.name}“ nicht.`,
      en: `Layer "${layer.name}" has no area "${request.focusAreaKey}".`,
    });
  }
  const layout = resolveExportLayout(request.layout, resolveExportLayout(readSetting(summary.settings, 'export.layout')));
  const locale: Locale = request.locale ?? 'de';
  const { values, drawn } = drawing;
  const sourceChoice = sourceChoiceLine(indicatorSourceChoices(summary, indicator?.variables ?? [], spec.sources), values.period, locale, values.sources.map((source) => source.id), values.comparePeriod ?? null);
  const legend = buildIndicatorLegend(drawn, { ...values, sourceChoice }, { locale, smallNumberThreshold: drawing.smallNumberThreshold, fixedAcrossPeriods: drawing.fixedAcrossPeriods });
  const figure = composeFigure({
    areas,
    values,
    layerTitle: localized(layer.title, locale),
    boundarySource: summary.sources.find((source) => source.id === layer.sourceId) ?? null,
    schematicBoundaries: layer.schematic,
    drawn,
    legend,
    layout: { ...layout, labels: { visible: layout.labels.visible && spec.labels !== 'off' } },
    locale,
    createdOn,
    focusAreaKey: request.focusAreaKey ?? null,
    labelValues: spec.labels === 'namesAndValues',
  });
  // A derived figure is named after what it shows (e.g. "… (Index)"), as title, legend and PDF metadata.
  const indicatorName = localized(values.indicator.name, locale);
  const title = layout.title.text.trim() || indicatorName;
  return { figure, layout, view: drawing.spec, indicatorId: spec.indicatorId, indicatorName, period: values.period, layerName: layer.name, locale, title };
}
