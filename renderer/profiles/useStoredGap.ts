/**
 * The KiTa gap of stored scenario results (planning.storeResults), for a line under each profile panel in
 * the "Kennzahlen" view: the first projected year of the first stored scenario, per area. Null when no
 * results are stored, so the panels stay as they are.
 */
import { useEffect, useState } from 'react';
import { useKleinraum } from '../AppContext';
import { useProfilesClient } from './profilesApi';

const GAP_INDICATOR_PREFIX = 'projected_gap_kita__';

export interface StoredGap {
  /** Full indicator name, e.g. "Lücke KiTa-Plätze (Projektion Mittlerer Zugang)", for the tooltip. */
  indicatorName: { de: string; en: string };
  year: number;
  /** Places missing (positive) or spare (negative) per area key; null where the supply is unknown. */
  byArea: Map<string, number | null>;
}

export function useStoredGap(active: boolean): StoredGap | null {
  const client = useProfilesClient();
  const project = useKleinraum((state) => state.project);
  const layerName = useKleinraum((state) => state.layerName);
  const [gap, setGap] = useState<StoredGap | null>(null);
  const indicator = project?.indicators.find((candidate) => candidate.id.startsWith(GAP_INDICATOR_PREFIX) && candidate.periods.length > 0) ?? null;

  useEffect(() => {
    if (!active || !indicator || !layerName) {
      setGap(null);
      return;
    }
    let current = true;
    const period = indicator.periods[0]!;
    client['indicator.values']({ indicatorId: indicator.id, layer: layerName, period })
      .then((result) => {
        if (!current) return;
        setGap({ indicatorName: indicator.name, year: Number(period.slice(0, 4)), byArea: new Map(result.values.map((value) => [value.key, value.value])) });
      })
      // The line is an addition to the panels: without it they still show everything else.
      .catch(() => current && setGap(null));
    return () => {
      current = false;
    };
  }, [client, active, indicator, layerName]);

  return gap;
}
