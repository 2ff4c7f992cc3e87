/**
 * The Electron side of the backend's HostAdapter: native open/save dialogs, attached to the main window
 * so they are modal to it.
 */
import { dialog, type BrowserWindow, type FileFilter } from 'electron';
import type { HostAdapter } from '../node/services/host';

function filtersFor(extensions: readonly string[], language: 'de' | 'en'): FileFilter[] {
  const cleaned = extensions.map((extension) => extension.replace(/^\./, ''));
  if (cleaned.length === 0) return [];
  return [
    { name: cleaned.map((extension) => `.${extension}`).join(', '), extensions: cleaned },
    { name: language === 'de' ? 'Alle Dateien' : 'All files', extensions: ['*'] },
  ];
}

/**
 * @example createElectronHostAdapter(() => mainWindow, '0.1.0', 'de')
 */
export function createElectronHostAdapter(getWindow: () => BrowserWindow | null, version: string, language: 'de' | 'en'): HostAdapter {
  return {
    mode: 'electron',
    version,
    async openFileDialog({ title, extensions }) {
      const window = getWindow();
      const options = { title, filters: filtersFor(extensions, language), properties: ['openFile' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async saveFileDialog({ title, defaultName, extensions }) {
      const window = getWindow();
      const options = { title, defaultPath: defaultName, filters: filtersFor(extensions, language) };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
