/**
 * The one hardened window. The page gets no Node, runs sandboxed and isolated from the preload, may not
 * navigate away, open windows, or load anything from the network but the optional basemap — it shows our own
 * files from app://kleinraum/ and talks to the backend through the two preload channels.
 */
import path from 'node:path';
import { app, BrowserWindow, session, shell, type WebContents } from 'electron';
import { isAllowedRemoteRequest } from '../node/server/securityHeaders';
import { APP_INDEX_URL, isAppUrl } from './appProtocol';
import { isAllowedExternalLink } from './externalLinks';

/**
 * Session-wide rules: deny every permission request and every request to the network except reading from
 * the allowed remote origins (only the optional basemap.de basemap; see securityHeaders.ts, which the CSP
 * shares, so Electron and browser mode allow exactly the same).
 */
export function hardenSession(): void {
  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] }, (details, callback) =>
    callback({ cancel: !isAllowedRemoteRequest(details.url, details.method) }),
  );
}

/**
 * Rules for every web contents the app ever creates: no navigation, no webviews, no new windows (https
 * links of the allow-list in externalLinks.ts, e.g. a data licence, open in the system browser instead).
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalLink(url)) shell.openExternal(url).catch(() => {});
    return { action: 'deny' };
  });
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Kleinraum',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: path.resolve(preloadPath),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_INDEX_URL);
  return window;
}
