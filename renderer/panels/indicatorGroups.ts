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

/**
 * The picker's label: name plus unit in brackets, unless the name already says the unit, also where the
 * unit abbreviates the name's words ("je 1.000 Einw." in "… je 1.000 Einwohner").
 * @example indicatorLabel('Ausländeranteil', '%') // "Ausländeranteil (%)"
 * @example indicatorLabel('Schutzsuchende je 1.000 Einwohner', 'je 1.000 Einw.') // "Schutzsuchende je 1.000 Einwohner"
 */
export function indicatorLabel(name: string, unit: string): string {
  if (unit.length === 0 || saysUnit(name, unit)) return name;
  return `${name} (${unit})`;
}

/** Whether the unit's words appear in the name in a row, each as the start of a name word (an abbreviation's dot dropped). */
function saysUnit(name: string, unit: string): boolean {
  const words = (text: string) => text.toLowerCase().split(/\s+/).filter((word) => word.length > 0);
  const unitWords = words(unit).map((word) => (word.length > 1 && word.endsWith('.') ? word.slice(0, -1) : word));
  const nameWords = words(name);
  for (let start = 0; start + unitWords.length <= nameWords.length; start += 1) {
    if (unitWords.every((word, index) => nameWords[start + index]!.startsWith(word))) return true;
  }
  return false;
}
