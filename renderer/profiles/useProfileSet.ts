/**
 * The profiles of the shown layer for the chosen periods; read again whenever the project changes
 * (another file, a changed small-number threshold), through the shared backend cache.
 */
import { useEffect } from 'react';
import { useApp, useKleinraum } from '../AppContext';
import { useBackendQuery } from '../api/backend';
import type { ProfileSet } from '../../shared/profiles/profileTypes';

export function useProfileSet(period: string | null, comparePeriod: string | null): ProfileSet | null {
  const { store } = useApp();
  const layerName = useKleinraum((state) => state.layerName);
  const profiles = useBackendQuery('profiles.compute', layerName ? { layer: layerName, ...(period ? { period } : {}), comparePeriod } : null, { keepPrevious: true });

  useEffect(() => {
    if (profiles.error) store.getState().showMessage(profiles.error);
  }, [profiles.error, store]);

  return profiles.data ?? null;
}
