/**
 * Browser mode's file dialog (Electron uses native dialogs): folders and .gpkg files from `files.list`,
 * breadcrumbs to go up, a name field for Save As. Keyboard: Esc cancels, Enter in the name field saves.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApp, useLocale, useT } from '../AppContext';
import { useBackend } from '../api/backend';
import { toApiError } from '../api/apiError';
import type { FileDialogPurpose } from '../store/uiSlice';
import { formatDate, formatNumber } from '../../shared/format/number';
import { defaultProjectFileName, saveTarget } from './filePaths';
import { FolderBreadcrumbs } from './FolderBreadcrumbs';
import type { MethodOutput } from '../../shared/contract/api';

type Listing = MethodOutput<'files.list'>;

// Drawn, not emoji: without an emoji font (common on office PCs and servers) emoji showed as empty boxes,
// and folders and files looked alike.
function FolderIcon() {
  return (
    <svg width="16" height="14" viewBox="0 0 16 14">
      <path d="M1 2.5A1.5 1.5 0 0 1 2.5 1h3.4l1.6 1.8h6A1.5 1.5 0 0 1 15 4.3v7.2a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 1 11.5z" fill="#f4c95d" stroke="#b7892b" />
    </svg>
  );
}

function FileIcon() {
  return (
    <svg width="16" height="14" viewBox="0 0 16 14">
      <path d="M3.5 0.5h6l3 3v10h-9z" fill="#ffffff" stroke="#64748b" />
      <path d="M5 9.5l2-2.5 1.5 1.5 2-2.5" fill="none" stroke="#2c7fb8" strokeWidth="1.2" />
    </svg>
  );
}

export function FileBrowserDialog({ purpose }: { purpose: FileDialogPurpose }) {
  const t = useT();
  const locale = useLocale();
  const { store, commands } = useApp();
  const backend = useBackend();
  const [listing, setListing] = useState<Listing | null>(null);
  const [fileName, setFileName] = useState(purpose === 'saveAs' ? defaultProjectFileName(store.getState().project?.title ?? 'Projekt') : '');
  const [selectedPath, setSelectedPath] = useState<string | null>(null);
  const dialogRef = useRef<HTMLDivElement>(null);

  const close = useCallback(() => store.getState().openFileDialog(null), [store]);

  const browse = useCallback(
    (dir: string | undefined) => {
      setListing(null);
      backend
        .call('files.list', dir === undefined ? { extensions: ['gpkg'] } : { dir, extensions: ['gpkg'] })
        .then((answer) => {
          setListing(answer);
          setSelectedPath(null);
        })
        .catch((error: unknown) => {
          store.getState().showMessage(toApiError(error, 'files.list').text);
          close();
        });
    },
    [backend, store, close],
  );

  useEffect(() => browse(undefined), [browse]);
  useEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>(purpose === 'saveAs' ? 'input' : 'button')?.focus();
  }, [purpose]);

  const confirm = (path: string | null) => {
    if (!path) return;
    close();
    void (purpose === 'open' ? commands.openProject(path) : commands.saveAs(path));
  };
  const target = purpose === 'open' ? selectedPath : listing ? saveTarget(listing.dir, fileName) : null;

  return (
    <div className="modal-backdrop" onKeyDown={(event) => event.key === 'Escape' && close()}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="file-dialog-title" ref={dialogRef} data-testid="file-dialog">
        <h2 id="file-dialog-title">{t(purpose === 'open' ? 'files.openTitle' : 'files.saveTitle')}</h2>
        <FolderBreadcrumbs dir={listing?.dir ?? null} parent={listing?.parent ?? null} places={listing?.places} onBrowse={browse} />
        <div className="file-list" role="listbox" aria-label={listing?.dir ?? ''}>
          {!listing && <div className="panel-empty">{t('files.loading')}</div>}
          {listing && listing.entries.length === 0 && <div className="panel-empty">{t('files.empty')}</div>}
          {listing?.entries.map((entry) => (
            <button
              type="button"
              key={entry.path}
              role="option"
              aria-selected={selectedPath === entry.path}
              className={`file-entry ${selectedPath === entry.path ? 'selected' : ''}`}
              data-testid={`file-entry-${entry.name}`}
              onClick={() => {
                if (entry.kind === 'dir') browse(entry.path);
                else {
                  setSelectedPath(entry.path);
                  if (purpose === 'saveAs') setFileName(entry.name);
                }
              }}
              onDoubleClick={() => entry.kind === 'file' && purpose === 'open' && confirm(entry.path)}
            >
              <span className="file-icon" aria-hidden="true">
                {entry.kind === 'dir' ? <FolderIcon /> : <FileIcon />}
              </span>
              <span className="file-name">{entry.name}</span>
              <span className="file-size">{entry.sizeBytes === null ? '' : `${formatNumber(entry.sizeBytes / 1024, 0, locale)} KB`}</span>
              <span className="file-modified">{entry.modified ? formatDate(entry.modified, locale) : ''}</span>
            </button>
          ))}
        </div>
        {purpose === 'saveAs' && (
          <label className="file-name-field">
            <span>{t('files.name')}</span>
            <input
              type="text"
              value={fileName}
              data-testid="file-name-input"
              onChange={(event) => setFileName(event.target.value)}
              onKeyDown={(event) => event.key === 'Enter' && confirm(target)}
            />
          </label>
        )}
        <div className="modal-actions">
          <button type="button" className="button" onClick={close}>
            {t('files.cancel')}
          </button>
          <button type="button" className="button button-primary" data-testid="file-dialog-confirm" disabled={!target} onClick={() => confirm(target)}>
            {t(purpose === 'open' ? 'files.open' : 'files.save')}
          </button>
        </div>
      </div>
    </div>
  );
}
