/**
 * A map view of the open project: the request completed from the project's saved view and remembered
 * symbologies (shared/mapView/mapViewSpec.ts), its values read, and drawn with the one shared function
 * (shared/mapView/drawIndicator.ts). `map.classify`, every exported figure and the other features'
 * figures get their classes and colours from here, exactly as the map computes them in the app.
 */
import { UserError } from '../../../../shared/contract/errors';
import { formatDate } from '../../../../shared/format/number';
import { type DrawnIndicator } from '../../../../shared/mapView/drawIndicator';
import { allPeriodValuesRequest, drawViewValues, indicatorValuesRequest, selectionOfView } from '../../../../shared/mapView/viewValues';
import { resolveMapView, type MapViewRequest, type MapViewSpec } from '../../../../shared/mapView/mapViewSpec';
import { readFamilySetting, readSetting, type ProjectSettings } from '../../../../shared/settings/projectSettings';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { readIndicators, readLayers, readSettings } from '../../storage/projectReader';
import { allPeriodValuesFor, indicatorValuesFor, type DerivedIndicatorValues } from '../indicatorService';

/**
 * The complete view for a request: what the request gives, else the saved view (for the indicator the user
 * last saw), else the symbology remembered for the indicator, else the defaults. Names the flag or field
 * and the choices when the indicator or layer does not exist.
 * @example resolveProjectView(db, { indicatorId: 'foreign_share' }).symbology.palette // "YlGnBu" unless the user chose another
 */
export function resolveProjectView(db: SqliteDatabase, request: MapViewRequest, settings: ProjectSettings = readSettings(db)): MapViewSpec & { layer: string } {
  const display = readSetting(settings, 'map.display');
  const spec = resolveMapView(
    { labels: display.labels, smallNumbers: display.smallNumbers, ...request },
    {
      view: readSetting(settings, 'map.view'),
      symbologyFor: (subject) => readFamilySetting(settings, 'map.symbology.', subject),
      defaultIndicatorId: readSetting(settings, 'defaultIndicator') ?? readIndicators(db)[0]?.id ?? null,
    },
  );
  if (!spec) {
    throw new UserError('not-found', {
      de: 'Das Projekt hat noch keine Kennzahl. Bitte zuerst Daten importieren.',
      en: 'The project has no indicator yet. Please import data first.',
    });
  }
  const indicators = readIndicators(db);
  if (!indicators.some((indicator) => indicator.id === spec.indicatorId)) {
    throw new UserError('not-found', {
      de: `Die Kennzahl „${spec.indicatorId}“ (indicator) gibt es in diesem Projekt nicht. Vorhanden: ${indicators.map((indicator) => indicator.id).join(', ')}.`,
      en: `The project has no indicator "${spec.indicatorId}" (indicator). Available: ${indicators.map((indicator) => indicator.id).join(', ')}.`,
    });
  }
  const layers = readLayers(db);
  const layer = spec.layer === null ? layers[0] : layers.find((candidate) => candidate.name === spec.layer);
  if (!layer) {
    const names = layers.map((candidate) => candidate.name).join(', ');
    throw new UserError('not-found', {
      de: spec.layer === null ? 'Das Projekt hat keine Gebietsebene. Bitte zuerst Grenzen importieren.' : `Die Ebene „${spec.layer}“ (layer) gibt es nicht. Vorhanden: ${names}.`,
      en: spec.layer === null ? 'The project has no boundary layer. Please import boundaries first.' : `There is no layer "${spec.layer}" (layer). Available: ${names}.`,
    });
  }
  return { ...spec, layer: layer.name };
}

export interface ViewDrawing {
  /** The complete view, layer resolved. */
  spec: MapViewSpec & { layer: string };
  /** The indicator's values at the shown Stichtag, derived as the view says. */
  values: DerivedIndicatorValues;
  drawn: DrawnIndicator;
  /** First and last Stichtag of classes fixed across periods; null when the classes come from the shown Stichtag. */
  fixedAcrossPeriods: { first: string; last: string } | null;
  smallNumberThreshold: number;
}

/**
 * Reads and draws a view.
 * @example drawView(db, resolveProjectView(db, { indicatorId: 'refugees_per_1000' })).drawn.colours
 */
export function drawView(db: SqliteDatabase, spec: MapViewSpec, settings: ProjectSettings = readSettings(db)): ViewDrawing {
  const layer = spec.layer ?? readLayers(db)[0]?.name ?? '';
  const selection = selectionOfView({ ...spec, layer });
  let values: DerivedIndicatorValues;
  let series: DerivedIndicatorValues[] = [];
  let fixedAcrossPeriods: ViewDrawing['fixedAcrossPeriods'] = null;
  if (spec.symbology.fixedClasses) {
    const request = allPeriodValuesRequest(selection);
    const all = allPeriodValuesFor(db, request.indicatorId, request.layer, request);
    const period = spec.period ?? all.periods.at(-1);
    const shown = all.series.find((entry) => entry.period === period);
    if (!shown) throw noValuesAt(period, all.periods);
    values = shown;
    series = all.series;
    const first = all.periods[0];
    const last = all.periods.at(-1);
    if (all.series.length > 1 && first !== undefined && last !== undefined) fixedAcrossPeriods = { first, last };
  } else {
    const request = indicatorValuesRequest(selection);
    values = indicatorValuesFor(db, request.indicatorId, request.layer, request.period, request);
  }
  const drawn = drawViewValues(spec, values, series);
  return { spec: { ...spec, layer }, values, drawn, fixedAcrossPeriods, smallNumberThreshold: readSetting(settings, 'smallNumberThreshold') };
}

function noValuesAt(period: string | undefined, periods: readonly string[]): UserError {
  return new UserError('not-found', {
    de: `Für den Stichtag ${period ? formatDate(period, 'de') : '–'} (period) gibt es keine Werte. Vorhanden: ${periods.map((candidate) => formatDate(candidate, 'de')).join(', ') || 'keine'}.`,
    en: `There are no values for the reference date ${period ? formatDate(period, 'en') : '–'} (period). Available: ${periods.map((candidate) => formatDate(candidate, 'en')).join(', ') || 'none'}.`,
  });
}
