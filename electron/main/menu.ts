/**
 * The application menu in German or English (from the system locale): Datei (Neu, Öffnen, Speichern,
 * Speichern unter, Beenden), Ansicht, Hilfe. File actions run through ProjectActions; view entries are
 * Electron's built-in roles.
 */
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuLanguage, ProjectActions } from './projectActions';

const LABELS = {
  file: { de: '&Datei', en: '&File' },
  newProject: { de: 'Neu', en: 'New' },
  open: { de: 'Öffnen …', en: 'Open …' },
  save: { de: 'Speichern', en: 'Save' },
  saveAs: { de: 'Speichern unter …', en: 'Save as …' },
  quit: { de: 'Beenden', en: 'Quit' },
  view: { de: '&Ansicht', en: '&View' },
  reload: { de: 'Neu laden', en: 'Reload' },
  resetZoom: { de: 'Originalgröße', en: 'Actual size' },
  zoomIn: { de: 'Vergrößern', en: 'Zoom in' },
  zoomOut: { de: 'Verkleinern', en: 'Zoom out' },
  fullScreen: { de: 'Vollbild', en: 'Full screen' },
  devTools: { de: 'Entwicklerwerkzeuge', en: 'Developer tools' },
  help: { de: '&Hilfe', en: '&Help' },
  about: { de: 'Über Kleinraum', en: 'About Kleinraum' },
  aboutDetail: {
    de: 'Kleinräumige Analysen für die Sozialplanung.\nDemo-Daten sind als „Beispieldaten, synthetisch“ gekennzeichnet.',
    en: 'Small-area analysis for social planning.\nDemo data is labelled "Beispieldaten, synthetisch" (synthetic sample data).',
  },
} as const;

/** Builds and installs the menu. `onActionError` receives failures of menu actions (they never crash the app). */
export function installApplicationMenu(actions: ProjectActions, language: MenuLanguage, onActionError: (error: unknown) => void): void {
  const label = (key: keyof typeof LABELS) => LABELS[key][language];
  const run = (action: () => Promise<void>) => () => {
    action().catch(onActionError);
  };
  const template: MenuItemConstructorOptions[] = [
    {
      label: label('file'),
      submenu: [
        { label: label('newProject'), accelerator: 'CmdOrCtrl+N', click: run(actions.newProject) },
        { label: label('open'), accelerator: 'CmdOrCtrl+O', click: run(actions.openProject) },
        { type: 'separator' },
        { label: label('save'), accelerator: 'CmdOrCtrl+S', click: run(actions.saveProject) },
        { label: label('saveAs'), accelerator: 'CmdOrCtrl+Shift+S', click: run(actions.saveProjectAs) },
        { type: 'separator' },
        { label: label('quit'), role: 'quit' },
      ],
    },
    {
      label: label('view'),
      submenu: [
        { label: label('reload'), role: 'reload' },
        { type: 'separator' },
        { label: label('resetZoom'), role: 'resetZoom' },
        { label: label('zoomIn'), role: 'zoomIn' },
        { label: label('zoomOut'), role: 'zoomOut' },
        { type: 'separator' },
        { label: label('fullScreen'), role: 'togglefullscreen' },
        // Developer tools only in a development checkout, never in the installed app.
        ...(app.isPackaged ? [] : [{ label: label('devTools'), role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: label('help'),
      submenu: [
        {
          label: label('about'),
          click: () => {
            dialog
              .showMessageBox({ type: 'info', title: label('about'), message: `Kleinraum ${app.getVersion()}`, detail: label('aboutDetail') })
              .catch(onActionError);
          },
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
