/**
 * Gathers what a figure needs from the open project — areas, indicator values, layer, sources, saved
 * layout, small-number threshold — and composes it (shared/export/composeFigure). One place, used by the
 * preview, the single export and every batch item, so they cannot differ.
 */
import { classify } from '../../../../shared/classification/classify';
import { DEFAULT_PALETTE_ID, defaultClassCount } from '../../../../shared/classification/defaults';
import type { ClassificationOptions } from '../../../../shared/classification/types';
import type { ProjectSummary } from '../../../../shared/contract/api';
import { UserError } from '../../../../shared/contract/errors';
import type { exportMethods } from '../../../../shared/contract/methods/export';
import { composeFigure, type AreaCollection, type Figure } from '../../../../shared/export/composeFigure';
import { layoutFromSettings, resolveExportLayout, type ExportLayout } from '../../../../shared/export/exportLayout';
import type { Locale } from '../../../../shared/format/number';
import type { z } from 'zod';
import { readAreasAsFeatureCollection } from '../../storage/projectReader';
import { allPeriodValuesFor, indicatorValuesFor, smallNumberThreshold, type DerivedIndicatorValues, type IndicatorDerivation } from '../indicatorService';
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
  indicatorId: string;
  period: string;
  layerName: string;
  locale: Locale;
  title: string;
}

/** The layer to draw: the one asked for, else the project's first. */
export function chooseLayer(summary: ProjectSummary, layerName: string | undefined): ProjectSummary['layers'][number] {
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
 * Classification options from the request, with the shared defaults (the map's); standard-deviation classes
 * are centred on the midpoint as on the map (the mean when there is none).
 * @example classificationOptions({ indicatorId: 'x', classification: { method: 'stddev' } }, 100) // { method: 'stddev', classes: 5, centre: 100 }
 */
export function classificationOptions(request: FigureOptions, midpoint: number | null = null): ClassificationOptions {
  const requested = request.classification;
  if (!requested) return { method: 'quantile', classes: 5 };
  const breaks = requested.breaks;
  const classes = requested.method === 'manual' && breaks ? breaks.length + 1 : (requested.classes ?? defaultClassCount(requested.method));
  const centre = requested.method === 'stddev' && midpoint !== null ? { centre: midpoint } : {};
  return { method: requested.method, classes, ...(breaks ? { breaks } : {}), ...centre };
}

/** The derivation of the request ("Darstellung als"), as `indicatorValuesFor` takes it. */
export function derivationOf(request: FigureOptions): IndicatorDerivation {
  return {
    ...(request.mode !== undefined ? { mode: request.mode } : {}),
    ...(request.comparePeriod !== undefined ? { comparePeriod: request.comparePeriod } : {}),
    ...(request.denominatorVariable !== undefined ? { denominatorVariable: request.denominatorVariable } : {}),
  };
}

/**
 * Where a diverging palette turns, as on the map: the requested number, the region's value ('region') or
 * null for the mean ('mean'); without a request 100 for an index, 0 for a change, else the region's value.
 * @example midpointFor({ indicatorId: 'x', mode: 'index' }, values) // 100
 */
export function midpointFor(request: FigureOptions, values: DerivedIndicatorValues): number | null {
  const midpoint = request.midpoint;
  if (typeof midpoint === 'number') return midpoint;
  if (midpoint === 'mean') return null;
  if (midpoint === 'region') return values.regionValue;
  if (values.mode === 'index') return 100;
  if (values.mode === 'change' || values.mode === 'changePercent') return 0;
  return values.regionValue;
}

/**
 * Composes the figure for a request on the open project.
 * @example composeProjectFigure(session, { indicatorId: 'foreign_share' }, '2025-05-03').figure.svg
 */
export function composeProjectFigure(session: ProjectSession, request: FigureRequest, createdOn: string, summary: ProjectSummary = summarizeProject(session)): ComposedFigure {
  const layer = chooseLayer(summary, request.layer);
  const indicator = summary.indicators.find((candidate) => candidate.id === request.indicatorId);
  if (!indicator) {
    throw new UserError('not-found', {
      de: `Den Indikator „${request.indicatorId}“ gibt es im Projekt nicht. Vorhandene: ${summary.indicators.map((entry) => entry.id).join(', ')}.`,
      en: `The project has no indicator "${request.indicatorId}". Available: ${summary.indicators.map((entry) => entry.id).join(', ')}.`,
    });
  }
  if (request.period && !indicator.periods.includes(request.period)) {
    throw new UserError('not-found', {
      de: `Für „${indicator.name.de}“ gibt es den Stichtag ${request.period} nicht. Vorhandene: ${indicator.periods.join(', ')}.`,
      en: `"${indicator.name.en}" has no reference date ${request.period}. Available: ${indicator.periods.join(', ')}.`,
    });
  }
  const derivation = derivationOf(request);
  const values = indicatorValuesFor(session.db, indicator.id, layer.name, request.period, derivation);
  // Classes fixed across periods need every Stichtag the derived figure exists for (as the map loads them).
  const series = request.fixAcrossPeriods ? allPeriodValuesFor(session.db, indicator.id, layer.name, derivation).series : [];
  const otherPeriods = series.filter((entry) => entry.period !== values.period).map((entry) => entry.values);
  const firstPeriod = series[0]?.period;
  const lastPeriod = series.at(-1)?.period;
  const areas = readAreasAsFeatureCollection(session.db, layer.name) as unknown as AreaCollection;
  if (request.focusAreaKey && !areas.features.some((feature) => feature.properties.key === request.focusAreaKey)) {
    throw new UserError('not-found', {
      de: `Das Gebiet „${request.focusAreaKey}“ gibt es in der Ebene „${layer.name}“ nicht.`,
      en: `Layer "${layer.name}" has no area "${request.focusAreaKey}".`,
    });
  }
  const layout = resolveExportLayout(request.layout, layoutFromSettings(summary.settings));
  const locale: Locale = request.locale ?? 'de';
  const midpoint = midpointFor(request, values);
  const classification = classificationOptions(request, midpoint);
  // Invalid options (unsorted breaks, wrong class count) surface as the classifier's UserError before drawing.
  classify([], classification);
  const figure = composeFigure({
    areas,
    values,
    layerTitle: layer.title[locale] || layer.title.de,
    boundarySource: summary.sources.find((source) => source.id === layer.sourceId) ?? null,
    schematicBoundaries: layer.schematic,
    classification,
    paletteId: request.palette ?? DEFAULT_PALETTE_ID,
    paletteReversed: request.paletteReversed ?? false,
    midpoint,
    otherPeriods,
    fixedAcrossPeriods: otherPeriods.length > 0 && firstPeriod && lastPeriod ? { first: firstPeriod, last: lastPeriod } : null,
    comparePeriod: values.comparePeriod ?? null,
    layout,
    locale,
    smallNumberThreshold: smallNumberThreshold(summary.settings),
    createdOn,
    focusAreaKey: request.focusAreaKey ?? null,
  });
  // A derived figure is named after what it shows (e.g. "… – Index"), as title, legend and PDF metadata.
  const title = layout.title.text.trim() || values.indicator.name[locale] || values.indicator.name.de;
  return { figure, layout, indicatorId: indicator.id, period: values.period, layerName: layer.name, locale, title };
}
