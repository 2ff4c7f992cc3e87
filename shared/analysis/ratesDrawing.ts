/**
 * Raw and empirical-Bayes smoothed rates drawn on one scale: both maps get the classes of all their values
 * together (classes fixed across the two, as across Stichtage), through the shared drawIndicator, so equal
 * colours mean equal rates in the app and in the exported figure alike.
 */
import type { Locale } from '../format/number';
import { drawIndicator, type DrawnIndicator } from '../mapView/drawIndicator';
import { buildIndicatorLegend, type LegendRow } from '../mapView/indicatorLegend';
import { DEFAULT_SYMBOLOGY } from '../mapView/mapSymbology';
import type { RatesResult } from './analysisTypes';

export interface RatesDrawing {
  raw: DrawnIndicator;
  smoothed: DrawnIndicator;
  /** The classes' legend rows (shared by both maps). */
  rows: LegendRow[];
}

/**
 * @example drawRates(result, 'spatial', 'de').raw.colourByKey.get('03241001') // "#41b6c4"
 */
export function drawRates(result: RatesResult, smoothing: 'spatial' | 'global', locale: Locale): RatesDrawing {
  const raw = result.areas.map((area) => ({ key: area.key, value: area.smallNumber ? null : area.raw, smallNumber: false }));
  const smoothed = result.areas.map((area) => ({ key: area.key, value: smoothing === 'spatial' ? area.spatialSmoothed : area.globalSmoothed, smallNumber: false }));
  const symbology = { ...DEFAULT_SYMBOLOGY, method: 'quantile' as const, classes: 5, fixedClasses: true };
  const draw = (values: typeof raw, others: typeof raw) =>
    drawIndicator({ values, regionValue: result.regionRate, decimals: result.indicator.decimals, symbology, smallNumbers: 'flag', otherPeriods: [others] });
  const rawDrawn = draw(raw, smoothed);
  const legend = buildIndicatorLegend(rawDrawn, { indicator: result.indicator, period: result.period, regionValue: null, sources: [] }, { locale, smallNumberThreshold: 0 });
  return { raw: rawDrawn, smoothed: draw(smoothed, raw), rows: legend.rows };
}
