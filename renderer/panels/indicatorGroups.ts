/**
 * Groups indicators for the picker by their scale (counts, per 1,000, shares, per km²), keeping the
 * project's order inside each group. Pure.
 */
import type { IndicatorSummary } from '../store/projectTypes';

const scaleOrder: IndicatorSummary['scale'][] = ['per1000', 'percent', 'perKm2', 'absolute'];

/** @example groupIndicatorsByScale(indicators)[0].scale // "per1000" when there is such an indicator */
export function groupIndicatorsByScale(indicators: readonly IndicatorSummary[]): { scale: IndicatorSummary['scale']; indicators: IndicatorSummary[] }[] {
  return scaleOrder
    .map((scale) => ({ scale, indicators: indicators.filter((indicator) => indicator.scale === scale) }))
    .filter((group) => group.indicators.length > 0);
}
