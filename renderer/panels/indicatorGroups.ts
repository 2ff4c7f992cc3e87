/**
 * Groups indicators for the picker by their scale (counts, per 1,000, shares, per km²), keeping the
 * project's order inside each group. An area in km² (e.g. the Katasterfläche) is recorded like a count
 * but is none: it gets a group of its own. Pure.
 */
import { measuresArea } from '../../shared/model/project';
import type { IndicatorSummary } from '../store/projectTypes';

/** A picker group: an indicator scale, or `area` for absolute figures in km². */
export type IndicatorGroupKey = IndicatorSummary['scale'] | 'area';

const groupOrder: IndicatorGroupKey[] = ['per1000', 'percent', 'perKm2', 'absolute', 'area'];

function groupOf(indicator: IndicatorSummary): IndicatorGroupKey {
  return indicator.scale === 'absolute' && measuresArea(indicator.unit) ? 'area' : indicator.scale;
}

/** @example groupIndicatorsByScale(indicators)[0].scale // "per1000" when there is such an indicator */
export function groupIndicatorsByScale(indicators: readonly IndicatorSummary[]): { scale: IndicatorGroupKey; indicators: IndicatorSummary[] }[] {
  return groupOrder
    .map((scale) => ({ scale, indicators: indicators.filter((indicator) => groupOf(indicator) === scale) }))
    .filter((group) => group.indicators.length > 0);
}

