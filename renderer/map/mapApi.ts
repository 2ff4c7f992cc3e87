/**
 * The map feature's way to the backend for what the session does not load (saving the symbology as a
 * project setting, the values of all periods). The app context offers no client, so the map makes its own
 * from the same transport detection; it is stateless (no event subscription), so a second one is harmless.
 */
import { createApiClient, type KleinraumClient } from '../api/client';
import { detectTransport, type HostWindow } from '../api/transport';

let client: KleinraumClient | null = null;

/** The client, created on first use. @example await mapApi()['project.setSetting']({ key, value }) */
export function mapApi(): KleinraumClient {
  client ??= createApiClient(detectTransport(window as unknown as HostWindow));
  return client;
}
