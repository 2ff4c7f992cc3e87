/**
 * The Profile tab's way to the backend: the same typed client over the same transport as the rest of the
 * app (Electron bridge or loopback HTTP). A test or host may hand in another client through the context.
 */
import { createContext, useContext } from 'react';
import { createApiClient, type KleinraumClient } from '../api/client';
import { detectTransport, type HostWindow } from '../api/transport';

let sharedClient: KleinraumClient | null = null;

function pageClient(): KleinraumClient {
  sharedClient ??= createApiClient(detectTransport(window as unknown as HostWindow));
  return sharedClient;
}

export const ProfilesClientContext = createContext<KleinraumClient | null>(null);

export function useProfilesClient(): KleinraumClient {
  return useContext(ProfilesClientContext) ?? pageClient();
}
