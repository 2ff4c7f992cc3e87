/**
 * Legend rows of the Analyse maps that the tab and the exported figures share, so both name the same
 * classes with the same counts (pure).
 */
import { translate } from '../i18n/translate';
import type { Locale } from '../format/number';
import { significanceClass } from '../spatial/spatialAnalysis';
import type { MoranResult } from './analysisTypes';
import { ISLAND_COLOUR, NO_DATA_COLOUR, SIGNIFICANCE_COLOURS, SIGNIFICANCE_ORDER } from './clusterColours';

export interface LegendRow {
  colour: string;
  label: string;
  count: number | null;
}

/** Islands and areas without a value, drawn in their own greys on every Analyse map. */
export function extraRows(result: MoranResult, locale: Locale): LegendRow[] {
  const rows: LegendRow[] = [];
  if (result.islands.length > 0) rows.push({ colour: ISLAND_COLOUR, label: translate(locale, 'analysis.cluster.island'), count: result.islands.length });
  if (result.leftOut.length > 0) rows.push({ colour: NO_DATA_COLOUR, label: translate(locale, 'analysis.cluster.noData'), count: result.leftOut.length });
  return rows;
}

/**
 * The significance map's legend, in the tab and the figure: the p-value classes up to the significance
 * level with their counts, then islands and areas without a value (drawn in their own greys).
 * @example significanceLegendRows(result, 'de').at(-1) // { colour: NO_DATA_COLOUR, label: 'keine Daten', count: 3 } when 3 areas lack a value
 */
export function significanceLegendRows(result: MoranResult, locale: Locale): LegendRow[] {
  const counts = new Map<string, number>();
  for (const area of result.areas) {
    if (!area.analysed || area.island) continue;
    const significance = significanceClass(area.adjustedPValue, result.significanceLevel);
    counts.set(significance, (counts.get(significance) ?? 0) + 1);
  }
  return [
    ...SIGNIFICANCE_ORDER.filter((significance) => significance === 'ns' || Number(significance) <= result.significanceLevel).map((significance) => ({
      colour: SIGNIFICANCE_COLOURS[significance],
      label: translate(locale, `analysis.significance.${significance}`),
      count: counts.get(significance) ?? 0,
    })),
    ...extraRows(result, locale),
  ];
}

