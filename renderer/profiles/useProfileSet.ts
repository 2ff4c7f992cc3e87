/**
 * The profiles of the shown layer for the chosen periods; read again whenever the project changes
 * (another file, a changed small-number threshold), through the shared backend cache. A failure (e.g. a
 * project without population by sex and age) comes back as `error`, which the view shows in place.
 */
import { useKleinraum } from '../AppContext';
import { useBackendQuery } from '../api/backend';
import type { LocalizedText } from '../../shared/model/project';
import type { ProfileSet } from '../../shared/profiles/profileTypes';

export function useProfileSet(period: string | null, comparePeriod: string | null): { set: ProfileSet | null; error: LocalizedText | null } {
  const layerName = useKleinraum((state) => state.layerName);
  const profiles = useBackendQuery('profiles.compute', layerName ? { layer: layerName, ...(period ? { period } : {}), comparePeriod } : null, { keepPrevious: true });
  return { set: profiles.data ?? null, error: profiles.error };
}
