/**
 * The import wizard's way to the backend: the app context's one client. It never subscribes to events
 * here: progress arrives through the main session into the store (`progress`).
 */
import { createContext, useContext } from 'react';
import { useApp } from '../AppContext';
import type { KleinraumClient } from '../api/client';

/** Lets a test or a host hand the wizard another client; the app's client otherwise. */
export const ImportClientContext = createContext<KleinraumClient | null>(null);

export function useImportClient(): KleinraumClient {
  const appClient = useApp().api;
  return useContext(ImportClientContext) ?? appClient;
}
