/**
 * What the File menu does: New, Open, Save, Save as. They call the same contract methods the renderer
 * calls (through `dispatch`), so the backend emits 'project.changed' and the page updates itself — the
 * menu needs no extra channel into the renderer. Unsaved changes are never dropped without asking.
 */
import { dialog, type BrowserWindow } from 'electron';
import type { KleinraumApi, MethodName, MethodOutput } from '../../shared/contract/api';
import { dispatch } from '../../shared/contract/dispatch';

export type MenuLanguage = 'de' | 'en';

export interface ProjectActions {
  newProject(): Promise<void>;
  openProject(): Promise<void>;
  saveProject(): Promise<void>;
  saveProjectAs(): Promise<void>;
}

const TEXT = {
  unsavedTitle: { de: 'Ungespeicherte Änderungen', en: 'Unsaved changes' },
  unsavedMessage: { de: 'Das Projekt hat ungespeicherte Änderungen. Vorher speichern?', en: 'The project has unsaved changes. Save them first?' },
  save: { de: 'Speichern', en: 'Save' },
  discard: { de: 'Nicht speichern', en: "Don't save" },
  cancel: { de: 'Abbrechen', en: 'Cancel' },
  openTitle: { de: 'Projekt öffnen', en: 'Open project' },
  saveAsTitle: { de: 'Projekt speichern unter', en: 'Save project as' },
  projectFiles: { de: 'Kleinraum-Projekt (GeoPackage)', en: 'Kleinraum project (GeoPackage)' },
  errorTitle: { de: 'Kleinraum', en: 'Kleinraum' },
} as const;

export function createProjectActions(api: KleinraumApi, getWindow: () => BrowserWindow | null, language: MenuLanguage, onInternalError: (error: unknown) => void): ProjectActions {
  /** Calls a method; on failure shows the user's message and resolves null. */
  async function call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M> | null> {
    const result = await dispatch(api, method, input, onInternalError);
    if (result.ok) return result.value as MethodOutput<M>;
    dialog.showErrorBox(TEXT.errorTitle[language], result.error.message[language]);
    return null;
  }

  const filters = [{ name: TEXT.projectFiles[language], extensions: ['gpkg'] }];

  async function askSavePath(defaultName: string): Promise<string | null> {
    const window = getWindow();
    const options = { title: TEXT.saveAsTitle[language], defaultPath: defaultName, filters };
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  }

  async function saveProjectAs(): Promise<boolean> {
    const current = await call('project.current', {});
    if (!current) return false;
    const targetPath = await askSavePath(current.path ?? `${current.title.replace(/[\\/:*?"<>|]/g, '_') || 'Projekt'}.gpkg`);
    if (!targetPath) return false;
    return (await call('project.saveAs', { path: targetPath })) !== null;
  }

  async function saveProject(): Promise<boolean> {
    const current = await call('project.current', {});
    if (!current) return false;
    if (current.path === null) return saveProjectAs();
    return (await call('project.save', {})) !== null;
  }

  /** True when the current project may be replaced (saved, discarded, or nothing to lose). */
  async function mayReplaceProject(): Promise<boolean> {
    const current = await call('project.current', {});
    if (!current) return false;
    if (!current.dirty) return true;
    const window = getWindow();
    const options = {
      type: 'question' as const,
      title: TEXT.unsavedTitle[language],
      message: TEXT.unsavedMessage[language],
      buttons: [TEXT.save[language], TEXT.discard[language], TEXT.cancel[language]],
      defaultId: 0,
      cancelId: 2,
    };
    const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
    if (response === 0) return saveProject();
    return response === 1;
  }

  return {
    async newProject() {
      if (await mayReplaceProject()) await call('project.new', {});
    },
    async openProject() {
      if (!(await mayReplaceProject())) return;
      const window = getWindow();
      const options = { title: TEXT.openTitle[language], filters, properties: ['openFile' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      const chosen = result.canceled ? undefined : result.filePaths[0];
      if (chosen) await call('project.open', { path: chosen });
    },
    async saveProject() {
      await saveProject();
    },
    async saveProjectAs() {
      await saveProjectAs();
    },
  };
}
