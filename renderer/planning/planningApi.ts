/**
 * The planning tab's way to the backend (the app context offers no client): its own client over the same
 * transport detection, stateless like the map's (renderer/map/mapApi.ts).
 */
import { createApiClient, type KleinraumClient } from '../api/client';
import { detectTransport, type HostWindow } from '../api/transport';

let client: KleinraumClient | null = null;

/** The client, created on first use. @example await planningApi()['planning.run']({ scenarioId: 'mittel' }) */
export function planningApi(): KleinraumClient {
  client ??= createApiClient(detectTransport(window as unknown as HostWindow));
  return client;
}
