/**
 * A tiny, documented fixture for figure tests: three square "municipalities" of 0.1° near Hannover
 * (52.4° N), with hand-written indicator values — one of them a small number, one without data.
 */
import type { IndicatorValues } from '../../../shared/contract/api';
import type { AreaCollection, FigureInput } from '../../../shared/export/composeFigure';
import type { Locale } from '../../../shared/format/number';
import { drawIndicator } from '../../../shared/mapView/drawIndicator';
import { buildIndicatorLegend } from '../../../shared/mapView/indicatorLegend';
import { DEFAULT_SYMBOLOGY, type MapSymbology } from '../../../shared/mapView/mapSymbology';
import type { SmallNumberDisplay } from '../../../shared/mapView/mapViewSpec';
import type { Source } from '../../../shared/model/project';

function square(west: number, south: number, size: number): [number, number][][] {
  // Counter-clockwise (RFC 7946): composeFigure must rewind it for d3.
  return [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]];
}

export function createAreas(): AreaCollection {
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { key: '03241001', name: 'Hannover' }, geometry: { type: 'Polygon', coordinates: square(9.6, 52.3, 0.1) } },
      { type: 'Feature', properties: { key: '03241002', name: 'Barsinghausen' }, geometry: { type: 'Polygon', coordinates: square(9.7, 52.3, 0.1) } },
      { type: 'Feature', properties: { key: '03241003', name: 'Burgdorf' }, geometry: { type: 'Polygon', coordinates: square(9.8, 52.3, 0.1) } },
    ],
  };
}

export const zensusSource: Source = {
  id: 'zensus',
  name: 'Zensus 2022, Tabelle 1000A-0000',
  publisher: 'Statistische Ämter des Bundes und der Länder',
  stichtag: '2022-05-15',
  licence: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
  licenceUrl: null,
  attribution: '© Statistische Ämter des Bundes und der Länder, 2024',
  notes: '',
  synthetic: false,
  definition: '',
  quality: 'counted',
};

export const vg250Source: Source = {
  id: 'vg250',
  name: 'VG250 Gemeinden',
  publisher: 'Bundesamt für Kartographie und Geodäsie (BKG)',
  stichtag: '2021-12-31',
  licence: 'dl-de/by-2-0',
  licenceUrl: null,
  attribution: '© GeoBasis-DE / BKG 2021',
  notes: '',
  synthetic: false,
  definition: '',
  quality: 'counted',
};

export function createValues(options: { smallNumberKey?: string } = {}): IndicatorValues {
  const entry = (key: string, name: string, value: number | null, numerator: number | null) => ({
    key,
    name,
    value,
    numerator,
    denominator: value === null ? null : 1000,
    quality: value === null ? null : ('counted' as const),
    smallNumber: key === options.smallNumberKey,
    missingReason: value === null ? { de: 'keine Meldung', en: 'not reported' } : null,
  });
  return {
    indicator: { id: 'refugees_per_1000', name: { de: 'Schutzsuchende je 1.000 Einwohner', en: 'Refugees per 1,000 inhabitants' }, unit: { de: 'je 1.000 Einw.', en: 'per 1,000 inh.' }, decimals: 1, scale: 'per1000', description: { de: '', en: '' }, periods: ['2024-12-31'] },
    layer: 'gemeinden',
    period: '2024-12-31',
    values: [entry('03241001', 'Hannover', 1234.5, 1234), entry('03241002', 'Barsinghausen', 2.5, 2), entry('03241003', 'Burgdorf', null, null)],
    sources: [zensusSource],
    regionValue: 20.25,
  };
}

/** How a test figure is drawn: the fixture's manual break at 100 unless a test asks otherwise. */
export interface FigureDrawingOptions {
  symbology?: Partial<MapSymbology>;
  smallNumbers?: SmallNumberDisplay;
  locale?: Locale;
  smallNumberThreshold?: number;
}

/** The drawing and legend of `values` as the export service makes them (shared/mapView). */
export function figureDrawing(values: IndicatorValues, options: FigureDrawingOptions = {}): Pick<FigureInput, 'drawn' | 'legend'> {
  const symbology: MapSymbology = { ...DEFAULT_SYMBOLOGY, method: 'manual', breaks: [100], ...options.symbology };
  const drawn = drawIndicator({ values: values.values, regionValue: values.regionValue, decimals: values.indicator.decimals, symbology, smallNumbers: options.smallNumbers ?? 'suppress' });
  const legend = buildIndicatorLegend(drawn, values, { locale: options.locale ?? 'de', smallNumberThreshold: options.smallNumberThreshold ?? 3 });
  return { drawn, legend };
}
