/**
 * Map overlay slice: a result of another tab (a typology of the profiles, their deviation from the region,
 * the clusters of the Analyse tab)
 * that the map shows instead of the indicator until the user goes back to the indicator. Pure updaters.
 */
import type { DeviationMeasure } from '../../shared/profiles/deviation';

/** Profile groups as a qualitative map: group number (1-based) and its description per area key. */
export interface TypologyOverlay {
  kind: 'typology';
  /** Layer whose area keys the groups use; the overlay is shown only on that layer. */
  layer: string;
  title: string;
  /** Stichtag of the profiles, for the legend; null when unknown. */
  period: string | null;
  groups: Record<string, { group: number; label: string }>;
  /** Mean silhouette width of the grouping (a weak one is said so in the legend); null when unknown. */
  silhouette: number | null;
}

/** Deviation from the region as a diverging map (index around 100, percentage points and z-scores around 0). */
export interface DeviationOverlay {
  kind: 'deviation';
  layer: string;
  title: string;
  period: string | null;
  measure: DeviationMeasure;
  values: Record<string, number | null>;
}

/**
 * Categories with fixed colours, e.g. the LISA clusters of the Analyse tab: each area's category id, and
 * per category its label and colour in legend order. Areas without a category are "keine Daten".
 */
export interface CategoryOverlay {
  kind: 'categories';
  layer: string;
  title: string;
  period: string | null;
  /** The legend's unit line, e.g. "Cluster (LISA), Queen, FDR". */
  unit: string;
  categories: { id: string; label: string; colour: string }[];
  categoryOf: Record<string, string>;
}

export type MapOverlay = TypologyOverlay | DeviationOverlay | CategoryOverlay;

export interface OverlaySlice {
  mapOverlay: MapOverlay | null;
}

export const initialOverlaySlice: OverlaySlice = { mapOverlay: null };

/**
 * The overlay to draw on the shown layer, or null (no overlay, or one made for another layer).
 * @example overlayForLayer({ mapOverlay: typology }, 'gemeinden') // typology when typology.layer is 'gemeinden'
 */
export function overlayForLayer(state: OverlaySlice, layerName: string | null): MapOverlay | null {
  return state.mapOverlay !== null && state.mapOverlay.layer === layerName ? state.mapOverlay : null;
}
