/**
 * The KiTa gap of stored scenario results (planning.storeResults), for a line under each profile panel in
 * the "Kennzahlen" view: the first projected year of the first stored scenario, per area. Null when no
 * results are stored, so the panels stay as they are.
 */
import { useMemo } from 'react';
import { useKleinraum } from '../AppContext';
import { useBackendQuery } from '../api/backend';

const GAP_INDICATOR_PREFIX = 'projected_gap_kita__';

export interface StoredGap {
  /** Full indicator name, e.g. "Lücke KiTa-Plätze (Projektion Mittlerer Zugang)", for the tooltip. */
  indicatorName: { de: string; en: string };
  year: number;
  /** Places missing (positive) or spare (negative) per area key; null where the supply is unknown. */
  byArea: Map<string, number | null>;
}

export function useStoredGap(active: boolean): StoredGap | null {
  const project = useKleinraum((state) => state.project);
  const layerName = useKleinraum((state) => state.layerName);
  const indicator = project?.indicators.find((candidate) => candidate.id.startsWith(GAP_INDICATOR_PREFIX) && candidate.periods.length > 0) ?? null;
  const period = indicator?.periods[0] ?? null;
  // A failed read leaves the line out: the panels still show everything else.
  const values = useBackendQuery('indicator.values', active && indicator && layerName && period ? { indicatorId: indicator.id, layer: layerName, period } : null).data;

  return useMemo(() => {
    if (!values || !indicator || !period) return null;
    return { indicatorName: indicator.name, year: Number(period.slice(0, 4)), byArea: new Map(values.values.map((value) => [value.key, value.value])) };
  }, [values, indicator, period]);
}
