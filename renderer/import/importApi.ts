/**
 * The import wizard's way to the backend. The app context offers only project commands, so the wizard
 * builds the same typed client over the same transport (Electron bridge or loopback HTTP); it never
 * subscribes to events here: progress arrives through the main session into the store (`progress`).
 */
import { createContext, useContext } from 'react';
import { createApiClient, type KleinraumClient } from '../api/client';
import { detectTransport, type HostWindow } from '../api/transport';

let sharedClient: KleinraumClient | null = null;

/** The client for the running page, made on first use. */
export function pageImportClient(): KleinraumClient {
  sharedClient ??= createApiClient(detectTransport(window as unknown as HostWindow));
  return sharedClient;
}

/** Lets a test or a host hand the wizard another client; the page's client otherwise. */
export const ImportClientContext = createContext<KleinraumClient | null>(null);

export function useImportClient(): KleinraumClient {
  return useContext(ImportClientContext) ?? pageImportClient();
}
