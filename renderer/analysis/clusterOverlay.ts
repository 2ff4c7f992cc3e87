/**
 * The LISA clusters as an overlay of the main map (store/overlaySlice.ts): the Karte tab then shows the
 * clusters with their legend until "Zurück zur Kennzahl". Pure.
 */
import type { MoranResult } from '../../shared/analysis/analysisTypes';
import { CLUSTER_COLOURS, CLUSTER_ORDER, clusterCategory, ISLAND_COLOUR } from '../../shared/analysis/clusterColours';
import type { Locale } from '../../shared/format/number';
import { localized, translate } from '../../shared/i18n/translate';
import type { CategoryOverlay } from '../store/overlaySlice';

/**
 * @example clusterOverlay(result, 'de').categoryOf['03241001'] // 'HH'
 */
export function clusterOverlay(result: MoranResult, locale: Locale): CategoryOverlay {
  const categoryOf: Record<string, string> = {};
  for (const area of result.areas) {
    const category = clusterCategory(area);
    if (category !== 'noData') categoryOf[area.key] = category;
  }
  return {
    kind: 'categories',
    layer: result.layer,
    title: `${localized(result.indicator.name, locale)} – ${translate(locale, 'analysis.clusterMap')}`,
    period: result.period,
    unit: `${translate(locale, `analysis.weights.${result.weights.type}`, { k: result.weights.k })} · ${translate(locale, 'analysis.correction')}: ${translate(locale, `analysis.correction.${result.correction}`)}`,
    categories: [
      ...CLUSTER_ORDER.map((type) => ({ id: type, label: translate(locale, `analysis.cluster.${type}`), colour: CLUSTER_COLOURS[type] })),
      ...(result.islands.length > 0 ? [{ id: 'island', label: translate(locale, 'analysis.cluster.island'), colour: ISLAND_COLOUR }] : []),
    ],
    categoryOf,
  };
}
