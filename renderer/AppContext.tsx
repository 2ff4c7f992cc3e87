/**
 * Gives components the one store, the one API client (for renderer/api/backend.ts) and the session's
 * project commands, plus a `useT` hook for texts in the current language.
 */
import { createContext, useCallback, useContext } from 'react';
import { useStore } from 'zustand';
import type { KleinraumClient } from './api/client';
import type { Locale } from '../shared/format/number';
import { translate, type MessageKey, type MessageParams } from '../shared/i18n/translate';
import type { DiscardAnswer, ProjectCommands } from './store/session';
import type { KleinraumState, KleinraumStore } from './store/store';

export interface AppContextValue {
  store: KleinraumStore;
  /**
   * The page's one typed client (created once in main.tsx). Views do not call it directly: they read with
   * `useBackendQuery` and act with `useBackend()` (renderer/api/backend.ts), which use it.
   */
  api: KleinraumClient;
  commands: ProjectCommands;
  answerUnsavedChanges: (choice: DiscardAnswer) => void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('AppContext missing: render components inside <AppContext.Provider>.');
  return value;
}

/** Reads a slice of the store and re-renders when it changes. */
export function useKleinraum<T>(selector: (state: KleinraumState) => T): T {
  return useStore(useApp().store, selector);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Texts in the current UI language. @example const t = useT(); t('menu.open') */
export function useT(): Translate {
  const locale = useKleinraum((state) => state.locale);
  return useCallback((key: MessageKey, params?: MessageParams) => translate(locale, key, params), [locale]);
}

export function useLocale(): Locale {
  return useKleinraum((state) => state.locale);
}
