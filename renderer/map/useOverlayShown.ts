/**
 * The profile or analysis result the map shows instead of the indicator (null: the indicator is shown),
 * with its drawing: the one source the map, legend and table read while an overlay is on.
 */
import { useMemo } from 'react';
import { useKleinraum, useLocale } from '../AppContext';
import { overlayForLayer, type MapOverlay } from '../store/overlaySlice';
import { overlayDrawing, type OverlayDrawing } from './overlayChoropleth';
import { formatNumber, type Locale } from '../../shared/format/number';
import { translate } from '../../shared/i18n/translate';
import type { QualityFlag } from '../../shared/model/project';

export interface OverlayShown {
  overlay: MapOverlay;
  drawing: OverlayDrawing;
}

export function useOverlayShown(): OverlayShown | null {
  const locale = useLocale();
  const overlay = useKleinraum((state) => overlayForLayer(state, state.layerName));
  const features = useKleinraum((state) => state.features);
  return useMemo(
    () => (overlay && features ? { overlay, drawing: overlayDrawing(overlay, features.features.map((feature) => feature.properties.key), locale) } : null),
    [overlay, features, locale],
  );
}

/** The table column of an overlay: its heading, the text shown per area and the number it sorts by. */
export interface OverlayColumn {
  heading: string;
  text(key: string): string | null;
  sortValue(key: string): number | null;
  /**
   * The quality the table's quality column shows beside the overlay: the overlay's own ("synthetisch" where
   * its sources are demo data), never that of the indicator it hides (the planner's counted homeless
   * persons read "synthetisch" under a balance overlay, from the hidden demo indicator).
   */
  quality: QualityFlag | null;
}

export function overlayColumn(shown: OverlayShown, locale: Locale): OverlayColumn {
  const { overlay, drawing } = shown;
  switch (overlay.kind) {
    case 'typology':
      return {
        heading: translate(locale, 'map.overlay.tableColumn.typology'),
        text: (key) => {
          const group = overlay.groups[key]?.group;
          return group === undefined ? null : translate(locale, 'profiles.typology.group', { number: group });
        },
        sortValue: (key) => overlay.groups[key]?.group ?? null,
        quality: null,
      };
    case 'deviation':
      return {
        heading: translate(locale, `map.overlay.measure.${overlay.measure}`),
        text: (key) => {
          const value = overlay.values[key];
          return value === null || value === undefined ? null : formatNumber(value, drawing.drawn.decimals, locale);
        },
        sortValue: (key) => overlay.values[key] ?? null,
        quality: null,
      };
    case 'categories': {
      const indexOf = new Map(overlay.categories.map((category, index) => [category.id, index]));
      return {
        heading: overlay.unit,
        text: (key) => overlay.categories.find((category) => category.id === overlay.categoryOf[key])?.label ?? null,
        sortValue: (key) => indexOf.get(overlay.categoryOf[key] ?? '') ?? null,
        quality: overlay.synthetic === true ? 'synthetic' : null,
      };
    }
  }
}
