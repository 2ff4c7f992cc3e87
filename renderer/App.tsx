/**
 * The application layout: top bar, data-quality banner, map with legend and tooltip in the centre, area
 * table and details on the right, status bar at the bottom. Esc clears the selection everywhere; Ctrl+Z / Ctrl+Y
 * undo and redo the user's edits (store/undoSlice.ts).
 */
import { Suspense, useEffect } from 'react';
import { useApp, useKleinraum, useT } from './AppContext';
import { TopBar } from './panels/TopBar';
import { DataQualityBanner } from './panels/DataQualityBanner';
import { DIALOG_ESCAPE_EVENT, featureDialogs, preloadFeatures, workspaceViews } from './features';
import { StatusBar } from './panels/StatusBar';
import { FileBrowserDialog } from './dialogs/FileBrowserDialog';
import { Toasts } from './dialogs/Toasts';
import { UnsavedChangesDialog } from './dialogs/UnsavedChangesDialog';
import { PartErrorBoundary, PartUnavailable } from './dialogs/PartErrorBoundary';

export function App() {
  const { store, commands, answerUnsavedChanges } = useApp();
  const t = useT();
  const project = useKleinraum((state) => state.project);
  const locale = useKleinraum((state) => state.locale);
  const fileDialog = useKleinraum((state) => state.fileDialog);
  const unsavedPromptOpen = useKleinraum((state) => state.unsavedPromptOpen);
  const activeView = useKleinraum((state) => state.activeView);
  const featureDialog = useKleinraum((state) => state.featureDialog);
  const ActiveView = (workspaceViews.find((view) => view.id === activeView) ?? workspaceViews[0]!).component;
  const FeatureDialogComponent = featureDialog ? featureDialogs[featureDialog] : undefined;

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // The other views and dialogs load after the first map (about two seconds after the project arrived,
  // when the browser is idle), so that a tab or dialog opens at once and the first map is not delayed.
  const hasProject = project !== null;
  useEffect(() => {
    if (!hasProject) return;
    const whenIdle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 0));
    const timer = window.setTimeout(() => whenIdle(() => preloadFeatures()), 2000);
    return () => window.clearTimeout(timer);
  }, [hasProject]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const state = store.getState();
      // Escape closes the open import or export dialog wherever the focus is (after "Exportieren" it sits on
      // the page, not in the dialog); with no dialog open it clears the selection.
      // A dialog holding work (the import's mapping) may keep itself open and ask first (DIALOG_ESCAPE_EVENT).
      if (event.key === 'Escape' && state.fileDialog === null && !state.unsavedPromptOpen) {
        if (state.featureDialog !== null) {
          if (window.dispatchEvent(new Event(DIALOG_ESCAPE_EVENT, { cancelable: true }))) state.openFeatureDialog(null);
        } else state.clearSelection();
      }
      // Ctrl+S / Ctrl+Shift+S save and save as. The desktop app's menu holds these keys itself; in browser
      // mode the page does, so Ctrl+S saves the project rather than the browser saving the page.
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's' && state.host?.mode === 'browser' && state.project && state.fileDialog === null && !state.unsavedPromptOpen && state.featureDialog === null) {
        event.preventDefault();
        void (event.shiftKey ? commands.chooseAndSaveAs() : commands.saveOrAsk());
        return;
      }
      // Ctrl+Z / Ctrl+Y (Cmd on macOS; Ctrl+Shift+Z redoes too) undo and redo the user's edits app-wide.
      // In a text field they stay the field's own undo of typing.
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !isTextField(event.target)) {
        const key = event.key.toLowerCase();
        if (key === 'z' && !event.shiftKey) {
          event.preventDefault();
          void state.undo();
        } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
          event.preventDefault();
          void state.redo();
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, commands]);

  return (
    <div className="app">
      <TopBar />
      <DataQualityBanner />
      {workspaceViews.length > 1 && project !== null && project.layers.length > 0 && (
        <nav className="view-tabs" role="tablist" aria-label={t('view.tabs')}>
          {workspaceViews.map((view) => (
            <button
              key={view.id}
              type="button"
              role="tab"
              aria-selected={view.id === activeView}
              data-testid={`view-tab-${view.id}`}
              className={view.id === activeView ? 'view-tab active' : 'view-tab'}
              onClick={() => store.getState().setActiveView(view.id)}
            >
              {t(view.label)}
            </button>
          ))}
        </nav>
      )}
      <main className={`workspace workspace-${activeView}`}>
        {project === null ? (
          <div className="empty-state">{t('app.loading')}</div>
        ) : project.layers.length === 0 ? (
          <div className="empty-state">
            <p>{t('app.noLayer')}</p>
            <div className="empty-actions">
              {featureDialogs.import && (
                <button type="button" className="button button-primary" data-testid="empty-import" onClick={() => store.getState().openFeatureDialog('import')}>
                  {t('menu.import')}
                </button>
              )}
              <button type="button" className="button" onClick={() => void commands.chooseAndOpen()}>
                {t('menu.open')}
              </button>
              <button type="button" className={featureDialogs.import ? 'button' : 'button button-primary'} onClick={() => void commands.openDemo()}>
                {t('menu.demo')}
              </button>
            </div>
          </div>
        ) : (
          <PartErrorBoundary key={activeView} fallback={<PartUnavailable />}>
            <Suspense fallback={<div className="empty-state">{t('app.loading')}</div>}>
              <ActiveView />
            </Suspense>
          </PartErrorBoundary>
        )}
      </main>
      <StatusBar />
      {fileDialog && <FileBrowserDialog purpose={fileDialog} />}
      {unsavedPromptOpen && <UnsavedChangesDialog onAnswer={answerUnsavedChanges} />}
      {FeatureDialogComponent && (
        <PartErrorBoundary key={featureDialog} fallback={<PartUnavailable />}>
          <Suspense fallback={null}>
            <FeatureDialogComponent onClose={() => store.getState().openFeatureDialog(null)} />
          </Suspense>
        </PartErrorBoundary>
      )}
      <Toasts />
    </div>
  );
}

/** Whether keys typed at `target` edit text (where Ctrl+Z belongs to the field). */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'range', 'button', 'submit', 'color', 'file'].includes(target.type);
}
