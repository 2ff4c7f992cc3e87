/**
 * The export dialog's way to the backend (the app context offers no client): its own client over the same
 * transport detection, as the planning and map features do.
 */
import { createApiClient, type KleinraumClient } from '../api/client';
import { detectTransport, type HostWindow } from '../api/transport';

let client: KleinraumClient | null = null;

/** The client, created on first use. @example await exportApi()['export.preview']({ indicatorId: 'foreign_share' }) */
export function exportApi(): KleinraumClient {
  client ??= createApiClient(detectTransport(window as unknown as HostWindow));
  return client;
}
