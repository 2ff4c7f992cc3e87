/**
 * Map overlay slice: a result of another tab (a typology of the profiles, their deviation from the region,
 * the clusters of the Analyse tab)
 * that the map shows instead of the indicator until the user goes back to the indicator. Pure updaters.
 */
import type { Locale } from '../../shared/format/number';
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
  /** Where the categories come from, one line per source, for the legend (as an indicator's legend names them). */
  sourceLines?: string[];
  /** Whether any of those sources is synthetic demo data (the legend says so). */
  synthetic?: boolean;
}

export type MapOverlay = TypologyOverlay | DeviationOverlay | CategoryOverlay;

/**
 * An overlay in both languages, made when it is shown: its title, legend and table columns follow a later
 * switch of the language (an overlay made in one language kept it after the switch).
 */
export type LocalizedOverlay = Record<Locale, MapOverlay>;

export interface OverlaySlice {
  mapOverlay: LocalizedOverlay | null;
}

export const initialOverlaySlice: OverlaySlice = { mapOverlay: null };

/**
 * The overlay in both languages from the function that makes it in one (or one made without words).
 * @example localizedOverlay((locale) => clusterOverlay(result, locale)).en.title // 'Clusters (LISA) …'
 */
export function localizedOverlay(overlay: MapOverlay | ((locale: Locale) => MapOverlay)): LocalizedOverlay {
  return typeof overlay === 'function' ? { de: overlay('de'), en: overlay('en') } : { de: overlay, en: overlay };
}

/**
 * The overlay to draw on the shown layer in the shown language, or null (no overlay, or one made for another layer).
 * @example overlayForLayer({ mapOverlay: localizedOverlay(typology), locale: 'de' }, 'gemeinden') // typology when typology.layer is 'gemeinden'
 */
export function overlayForLayer(state: OverlaySlice & { locale: Locale }, layerName: string | null): MapOverlay | null {
  const overlay = state.mapOverlay?.[state.locale] ?? null;
  return overlay !== null && overlay.layer === layerName ? overlay : null;
}
