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

/**
 * The picker's label: name plus unit in brackets, unless the name already says the unit.
 * @example indicatorLabel('Ausländeranteil', '%') // "Ausländeranteil (%)"
 * @example indicatorLabel('Schutzsuchende je 1.000 Einwohner', 'je 1.000 Einwohner') // "Schutzsuchende je 1.000 Einwohner"
 */
export function indicatorLabel(name: string, unit: string): string {
  if (unit.length === 0 || name.toLowerCase().includes(unit.toLowerCase())) return name;
  return `${name} (${unit})`;
}
