/**
 * Colours of the 4 × 3 classes (status × dynamics), one scheme for the app's map, its two-dimensional
 * legend and the committee sheet. Status sets the darkness (hoch light … sehr niedrig dark), dynamics the
 * hue (positiv green-blue, stabil yellow-orange, negativ red-purple), so both stay readable in print and
 * the worst cell (sehr niedrig, negativ) is the darkest. Areas that are not scored are grey, areas without
 * data white.
 */
import type { DynamicsClass, StatusClass } from './monitoringDefinition';

export const MONITORING_COLOURS: Record<DynamicsClass, Record<StatusClass, string>> = {
  positiv: { hoch: '#e0f3f8', mittel: '#a6d5e3', niedrig: '#5aa6c4', sehrNiedrig: '#2166ac' },
  stabil: { hoch: '#fff7d6', mittel: '#fedc8b', niedrig: '#f7a84a', sehrNiedrig: '#d46a12' },
  negativ: { hoch: '#fde0dd', mittel: '#f4a6b7', niedrig: '#d85a8a', sehrNiedrig: '#8e1454' },
};
/** Status known but dynamics not (no dynamics period): one slate-blue ramp, apart from the grey of "nicht bewertet". */
export const STATUS_ONLY_COLOURS: Record<StatusClass, string> = { hoch: '#eef2f7', mittel: '#c3cfe0', niedrig: '#7f93b5', sehrNiedrig: '#3b4f78' };
export const NOT_SCORED_COLOUR = '#bdbdbd';
export const NO_DATA_COLOUR = '#ffffff';

export function monitoringColour(area: { scored: boolean; notScoredReason: string | null; statusClass: StatusClass | null; dynamicsClass: DynamicsClass | null }): string {
  if (!area.scored) return area.notScoredReason === 'noData' ? NO_DATA_COLOUR : NOT_SCORED_COLOUR;
  if (area.statusClass === null) return NO_DATA_COLOUR;
  if (area.dynamicsClass === null) return STATUS_ONLY_COLOURS[area.statusClass];
  return MONITORING_COLOURS[area.dynamicsClass][area.statusClass];
}
