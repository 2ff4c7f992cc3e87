/**
 * Footer: mode (Desktop/Browser), save state and progress of running backend tasks.
 */
import { useKleinraum, useLocale, useT } from '../AppContext';
import { localized } from '../../shared/i18n/translate';

export function StatusBar() {
  const t = useT();
  const locale = useLocale();
  const host = useKleinraum((state) => state.host);
  const project = useKleinraum((state) => state.project);
  const progress = useKleinraum((state) => state.progress);
  const busy = useKleinraum((state) => state.busy);
  const tasks = Object.values(progress);
  const saveState = !project ? '' : project.dirty ? t('status.unsaved') : project.path ? t('status.saved') : t('status.notSaved');
  return (
    <footer className="statusbar" data-testid="status-bar">
      {host && <span className="status-mode">{t(host.mode === 'electron' ? 'status.mode.electron' : 'status.mode.browser')}</span>}
      {project && (
        <span className={project.dirty ? 'status-dirty' : 'status-clean'} data-testid="save-state" title={project.path ?? undefined}>
          {project.dirty && <span aria-hidden="true">● </span>}
          {saveState}
        </span>
      )}
      <span className="status-progress" role="status" aria-live="polite">
        {tasks.length === 0
          ? busy
            ? '…'
            : t('status.ready')
          : tasks
              .map((task) =>
                task.total === null
                  ? t('status.progressOpen', { label: localized(task.label, locale), done: task.done })
                  : t('status.progress', { label: localized(task.label, locale), done: task.done, total: task.total }),
              )
              .join(' · ')}
      </span>
      {host && <span className="status-version">v{host.version}</span>}
    </footer>
  );
}
