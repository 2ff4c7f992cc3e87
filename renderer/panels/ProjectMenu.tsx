/**
 * The "Projekt" menu: New, Open…, Save, Save As…, recently opened projects, Open demo. Keyboard: Enter/Space
 * opens, Esc closes, arrow keys move between items.
 */
import { useEffect, useRef, useState } from 'react';
import { useApp, useT } from '../AppContext';
import { useBackend } from '../api/backend';
import { featureDialogs } from '../features';
import { toApiError } from '../api/apiError';
import { fileNameOf, folderLabelOf } from '../dialogs/filePaths';

interface RecentItem {
  path: string;
  title: string;
  exists: boolean;
}

export function ProjectMenu() {
  const t = useT();
  const { commands, store } = useApp();
  const backend = useBackend();
  const [open, setOpen] = useState(false);
  const [recent, setRecent] = useState<RecentItem[]>([]);
  const containerRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    // The list of the last opening may name files that are gone by now: show none until the answer comes.
    setRecent([]);
    let cancelled = false;
    backend
      .call('project.recent', {})
      .then((answer) => {
        if (!cancelled) setRecent(answer.items);
      })
      .catch((error: unknown) => store.getState().showMessage(toApiError(error, 'project.recent').text));
    const onPointerDown = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onPointerDown);
    containerRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    return () => {
      cancelled = true;
      window.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open, backend, store]);

  const run = (action: () => Promise<void>) => () => {
    setOpen(false);
    void action();
  };

  const onMenuKeyDown = (event: React.KeyboardEvent) => {
    const items = [...(containerRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.stopPropagation();
      setOpen(false);
      containerRef.current?.querySelector<HTMLButtonElement>('[data-testid="project-menu"]')?.focus();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      items[(index + 1) % items.length]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      items[(index - 1 + items.length) % items.length]?.focus();
    }
  };

  return (
    <div className="menu" ref={containerRef} onKeyDown={onMenuKeyDown}>
      <button
        type="button"
        className="menu-button"
        data-testid="project-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {t('menu.project')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="menu-popup" role="menu" aria-label={t('menu.project')}>
          <button type="button" role="menuitem" data-testid="menu-new" onClick={run(commands.newProject)}>
            {t('menu.new')}
          </button>
          <button type="button" role="menuitem" data-testid="menu-open" onClick={run(commands.chooseAndOpen)}>
            {t('menu.open')}
          </button>
          <button type="button" role="menuitem" data-testid="menu-save" onClick={run(commands.saveOrAsk)}>
            {t('menu.save')}
          </button>
          <button type="button" role="menuitem" data-testid="menu-save-as" onClick={run(commands.chooseAndSaveAs)}>
            {t('menu.saveAs')}
          </button>
          {featureDialogs.import && (
            <button type="button" role="menuitem" data-testid="menu-import" onClick={run(async () => store.getState().openFeatureDialog('import'))}>
              {t('menu.import')}
            </button>
          )}
          <div className="menu-separator" role="separator" />
          <div className="menu-heading">{t('menu.recent')}</div>
          {recent.length === 0 && <div className="menu-note">{t('menu.recentEmpty')}</div>}
          {recent.map((item) => (
            <button
              key={item.path}
              type="button"
              role="menuitem"
              className="menu-recent"
              disabled={!item.exists}
              title={item.path}
              onClick={run(() => commands.openProject(item.path))}
            >
              <span className="menu-recent-title">{item.title}</span>
              {/* File and folder in the line itself: projects with equal titles or file names stay apart. */}
              <span className="menu-recent-file">
                {fileNameOf(item.path)} · {folderLabelOf(item.path)} {!item.exists && t('menu.recentMissing')}
              </span>
            </button>
          ))}
          <div className="menu-separator" role="separator" />
          <button type="button" role="menuitem" data-testid="menu-demo" onClick={run(commands.openDemo)}>
            {t('menu.demo')}
          </button>
        </div>
      )}
    </div>
  );
}
