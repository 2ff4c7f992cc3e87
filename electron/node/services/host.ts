/**
 * What the backend needs from whoever hosts it: the Electron main process (native dialogs) or the
 * browser-mode server (no native dialogs; the renderer uses files.list instead).
 */
export interface FileDialogOptions {
  title: string;
  extensions: string[];
}

export interface SaveFileDialogOptions extends FileDialogOptions {
  defaultName: string;
}

export interface HostAdapter {
  mode: 'electron' | 'browser';
  /** App version shown in the UI, e.g. "0.1.0". */
  version: string;
  /** Shows a native open dialog; resolves to the chosen absolute path or null when cancelled. */
  openFileDialog?(options: FileDialogOptions): Promise<string | null>;
  /** Shows a native save dialog; resolves to the chosen absolute path or null when cancelled. */
  saveFileDialog?(options: SaveFileDialogOptions): Promise<string | null>;
}
