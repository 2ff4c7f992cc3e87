/**
 * Loads the profiles of the shown layer for the chosen periods, and again whenever the project changes
 * (another file, a changed small-number threshold). Answers for older requests are dropped.
 */
import { useEffect, useState } from 'react';
import { toApiError } from '../api/apiError';
import { useApp, useKleinraum } from '../AppContext';
import type { ProfileSet } from '../../shared/profiles/profileTypes';
import { useProfilesClient } from './profilesApi';

export function useProfileSet(period: string | null, comparePeriod: string | null): ProfileSet | null {
  const client = useProfilesClient();
  const { store } = useApp();
  const project = useKleinraum((state) => state.project);
  const layerName = useKleinraum((state) => state.layerName);
  const [profileSet, setProfileSet] = useState<ProfileSet | null>(null);

  useEffect(() => {
    if (!project || !layerName) return;
    let current = true;
    client['profiles.compute']({ layer: layerName, ...(period ? { period } : {}), comparePeriod })
      .then((result) => {
        if (current) setProfileSet(result);
      })
      .catch((error: unknown) => {
        if (current) store.getState().showMessage(toApiError(error, 'profiles.compute').text);
      });
    return () => {
      current = false;
    };
  }, [client, store, project, layerName, period, comparePeriod]);

  return profileSet;
}
