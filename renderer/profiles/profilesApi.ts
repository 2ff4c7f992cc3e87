/**
 * The Profile tab's way to the backend: the app context's one client. A test or host may hand in another
 * client through the context.
 */
import { createContext, useContext } from 'react';
import { useApp } from '../AppContext';
import type { KleinraumClient } from '../api/client';

export const ProfilesClientContext = createContext<KleinraumClient | null>(null);

export function useProfilesClient(): KleinraumClient {
  const appClient = useApp().api;
  return useContext(ProfilesClientContext) ?? appClient;
}
