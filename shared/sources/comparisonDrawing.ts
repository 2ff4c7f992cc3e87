/**
 * The gap between two sources as a drawn indicator: per area the gap of the compared source (B) against
 * the reference (A) in percent, classified with a diverging palette turning at 0. The Quellenvergleich
 * tab's map and bars and the exported committee figure (`sources.exportComparison`, `kleinraum
 * compare-sources --out …svg|png|pdf`) draw from this one function, so their classes and colours agree.
 * Pure.
 */
import type { Locale } from '../format/number';
import type { LocalizedText } from '../model/project';
import { drawIndicator, type DrawnIndicator } from '../mapView/drawIndicator';
import { buildIndicatorLegend, type IndicatorLegend } from '../mapView/indicatorLegend';
import { DEFAULT_SYMBOLOGY, type MapSymbology } from '../mapView/mapSymbology';
import { pairedTotalsCoverAll, type SourceComparison } from './compareSources';

/** Diverging around 0: red where B counts fewer than A, blue where it counts more. */
export const GAP_SYMBOLOGY: MapSymbology = { ...DEFAULT_SYMBOLOGY, palette: 'RdBu', midpoint: 'zero' };

export interface GapValue {
  key: string;
  name: string;
  /** Gap in percent of A; null where either value is missing or A is 0. */
  value: number | null;
  /** Gap in persons (B − A). */
  numerator: number | null;
  /** A's value. */
  denominator: number | null;
  quality: null;
  smallNumber: false;
  missingReason: null;
}

export interface GapDrawing {
  /** The gap as indicator values (the figure composer's input shape). */
  values: GapValue[];
  indicator: { id: string; name: LocalizedText; unit: LocalizedText; decimals: number; scale: 'percent'; description: LocalizedText; periods: string[] };
  /** The gap over the compared areas in percent (sum of B against sum of A there), null when A sums to 0. */
  regionValue: number | null;
  /**
   * How many areas `regionValue` sums when they are not all of both sources' areas (a Kreis table holding
   * Hannover alone against 21 Gemeinden): the legend then says so instead of "Gesamt". Null: all of them.
   */
  regionScope: { comparedAreas: number } | null;
  drawn: DrawnIndicator;
}

/**
 * @example drawComparisonGap(comparison, { de: 'Schutzsuchende', en: 'Refugees' }).drawn.colourByKey.get('03241001') // "#f4a582"
 */
export function drawComparisonGap(comparison: Pick<SourceComparison, 'variable' | 'period' | 'sources' | 'areas' | 'pairedTotals' | 'checks'>, variableName: LocalizedText): GapDrawing {
  const [first] = comparison.sources;
  const paired = comparison.pairedTotals;
  const values: GapValue[] = comparison.areas.map((area) => ({
    key: area.key,
    name: area.name,
    value: area.gapPercent,
    numerator: area.gap,
    denominator: first ? (area.values[first.id] ?? null) : null,
    quality: null,
    smallNumber: false,
    missingReason: null,
  }));
  // The region's gap over the compared areas alone; none where nothing was compared (not −100 %).
  const regionValue = paired === null || paired.first === 0 ? null : ((paired.second - paired.first) / paired.first) * 100;
  const regionScope = paired !== null && !pairedTotalsCoverAll(comparison) ? { comparedAreas: paired.areaCount } : null;
  const indicator = {
    id: `${comparison.variable}-gap`,
    name: { de: `${variableName.de}: Abweichung der Quellen`, en: `${variableName.en}: gap between sources` },
    // The figure's title and the tab name both sources; the unit stays short enough for any legend.
    unit: { de: '% der Bezugsquelle', en: '% of the reference source' },
    decimals: 1,
    scale: 'percent' as const,
    description: { de: '', en: '' },
    periods: [comparison.period],
  };
  const drawn = drawIndicator({ values, regionValue, decimals: 1, symbology: GAP_SYMBOLOGY, smallNumbers: 'flag' });
  return { values, indicator, regionValue, regionScope, drawn };
}

/** The legend rows of a drawn gap (no source lines: the view and the figure name the sources themselves). */
export function comparisonGapLegend(drawing: GapDrawing, period: string, locale: Locale): IndicatorLegend {
  return buildIndicatorLegend(drawing.drawn, { indicator: drawing.indicator, period, regionValue: drawing.regionValue, regionScope: drawing.regionScope, sources: [] }, { locale, smallNumberThreshold: 0 });
}
