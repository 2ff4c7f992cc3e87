/**
 * Renderer entry: connects to the backend (Electron bridge or loopback HTTP), starts the session and
 * renders the app. A connection problem (e.g. a missing token) is shown as a message, not a blank page.
 */
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles/app.css';
import { App } from './App';
import { QueryClientProvider } from '@tanstack/react-query';
import { AppContext, type AppContextValue } from './AppContext';
import { createBackendQueryClient } from './api/backend';
import { createApiClient } from './api/client';
import { ApiError } from './api/apiError';
import { detectTransport, type HostWindow } from './api/transport';
import { startSession } from './store/session';
import { createUnsavedChangesPrompt } from './dialogs/unsavedChangesPrompt';
import { createKleinraumStore } from './store/store';
import { prewarmMaps } from './map/maplibreSetup';
import { installSelectTooltips } from './forms/selectTooltips';

// The map's workers load while the page asks the backend for the project.
prewarmMaps();
installSelectTooltips();

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
const root = createRoot(rootElement);
const store = createKleinraumStore();
// German first (the planners' language); a switch to English is remembered on this machine.
const LOCALE_STORAGE_KEY = 'kleinraum.locale';
store.getState().setLocale(localStorage.getItem(LOCALE_STORAGE_KEY) === 'en' ? 'en' : 'de');
store.subscribe((state, previous) => {
  if (state.locale !== previous.locale) localStorage.setItem(LOCALE_STORAGE_KEY, state.locale);
});

try {
  // The one client of the page and its one answer cache: the session and every feature share them.
  const api = createApiClient(detectTransport(window as unknown as HostWindow));
  const queryClient = createBackendQueryClient();
  const unsavedChangesPrompt = createUnsavedChangesPrompt(store);
  const session = startSession(store, api, queryClient, { askAboutUnsavedChanges: unsavedChangesPrompt.ask });
  const context: AppContextValue = { store, api, commands: session, answerUnsavedChanges: unsavedChangesPrompt.answer };
  root.render(
    <QueryClientProvider client={queryClient}>
      <AppContext.Provider value={context}>
        <App />
      </AppContext.Provider>
    </QueryClientProvider>,
  );
} catch (error) {
  const message = error instanceof ApiError ? error.messageFor(store.getState().locale) : String(error);
  root.render(
    <div className="fatal" role="alert">
      <h1>Kleinraum</h1>
      <p>{message}</p>
    </div>,
  );
}

// Any rejection that slipped past the session is shown, never left unhandled in the console only.
window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  const reason: unknown = event.reason;
  store.getState().showMessage(
    reason instanceof ApiError
      ? reason.text
      : { de: 'Ein unerwarteter Fehler ist aufgetreten. Bitte die Aktion wiederholen.', en: 'An unexpected error occurred. Please try again.' },
  );
});
