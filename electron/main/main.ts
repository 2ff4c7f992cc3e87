/**
 * Electron main process: thin glue around the same backend that browser mode and the CLI use.
 * Order matters: the app scheme must be registered and the single-instance lock taken before `ready`;
 * the better-sqlite3 binding must be chosen before the backend opens its first database.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { KleinraumApi } from '../../shared/contract/api';
import { PACKAGED_FONT_FOLDER, setFigureFontFolder } from '../node/export/figureFonts';
import { createKleinraumApi, openStartProjectSoon } from '../node/services/createKleinraumApi';
import { APP_ORIGIN, handleAppProtocol, registerAppSchemeAsPrivileged } from './appProtocol';
import { createElectronHostAdapter } from './hostAdapter';
import { registerInvokeHandler, sendEvent } from './ipc';
import { installApplicationMenu } from './menu';
import { createProjectActions, type MenuLanguage } from './projectActions';
import { selectSqliteBinding } from './sqliteBinding';
import { createMainWindow, hardenSession, hardenWebContents } from './window';

// The same data folder as the CLI and browser mode (…/Kleinraum), so recent projects are shared.
app.setName('Kleinraum');
registerAppSchemeAsPrivileged();

let mainWindow: BrowserWindow | null = null;
let api: KleinraumApi | null = null;

function logInternalError(error: unknown): void {
  console.error('[kleinraum main]', error);
}

function menuLanguage(): MenuLanguage {
  return app.getLocale().toLowerCase().startsWith('en') ? 'en' : 'de';
}

function showMainWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    return;
  }
  mainWindow = createMainWindow(path.join(__dirname, 'preload.cjs'));
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  const language = menuLanguage();
  const appRoot = app.getAppPath();
  selectSqliteBinding(appRoot, app.isPackaged);
  // Figure fonts: packaged, electron-builder puts assets/fonts into <resources>/fonts (extraResources); in
  // development they are in the checkout. The bundled main process cannot find them relative to itself.
  setFigureFontFolder(app.isPackaged ? path.join(process.resourcesPath, PACKAGED_FONT_FOLDER) : path.join(appRoot, 'assets', 'fonts'));
  hardenSession();
  // Packaged, the renderer is unpacked next to app.asar (electron-builder.yml asarUnpack): plain files,
  // so the traversal-safe lookup (realpath) works exactly as in development and browser mode.
  const unpackedRoot = app.isPackaged ? appRoot.replace(/app\.asar$/, 'app.asar.unpacked') : appRoot;
  handleAppProtocol(path.join(unpackedRoot, 'build', 'renderer'));
  registerInvokeHandler(() => api, logInternalError);

  try {
    api = createKleinraumApi({
      dataDir: app.getPath('userData'),
      host: createElectronHostAdapter(() => mainWindow, app.getVersion(), language),
      emit: (name, payload) => sendEvent(mainWindow?.webContents, name, payload),
    });
  } catch (error) {
    logInternalError(error);
    const nativeModuleProblem = /NODE_MODULE_VERSION|better_sqlite3|was compiled against a different Node\.js version/i.test(String(error));
    dialog.showErrorBox(
      'Kleinraum',
      nativeModuleProblem
        ? language === 'de'
          ? 'Die Datenbank-Komponente (better-sqlite3) passt nicht zu dieser Electron-Version. Bitte das installierte Paket verwenden oder den Browser-Modus starten: npm start -- --browser'
          : 'The database component (better-sqlite3) does not match this Electron version. Please use the installed package or start browser mode: npm start -- --browser'
        : language === 'de'
          ? 'Kleinraum konnte nicht starten. Browser-Modus: npm start -- --browser'
          : 'Kleinraum could not start. Browser mode: npm start -- --browser',
    );
    app.exit(1);
    return;
  }

  installApplicationMenu(createProjectActions(api, () => mainWindow, language, logInternalError), language, logInternalError);
  showMainWindow();
  openStartProjectSoon(api);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showMainWindow());
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (api && BrowserWindow.getAllWindows().length === 0) showMainWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logInternalError(error);
      dialog.showErrorBox('Kleinraum', `Kleinraum konnte nicht starten / could not start (${APP_ORIGIN}).`);
      app.exit(1);
    });
}
