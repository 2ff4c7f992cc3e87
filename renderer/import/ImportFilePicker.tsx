/**
 * Step 1 of the wizard, the file part: browse folders (browser mode lists them through `files.list`), use the
 * native dialog where Electron offers one, or paste a path. Only files the wizard can import are listed.
 */
import { useCallback, useEffect, useState } from 'react';
import { useLocale, useT } from '../AppContext';
import { toApiError } from '../api/apiError';
import { FolderBreadcrumbs } from '../dialogs/FolderBreadcrumbs';
import { formatNumber } from '../../shared/format/number';
import { localized } from '../../shared/i18n/translate';
import type { LocalizedText } from '../../shared/model/project';
import { IMPORT_FILE_EXTENSIONS, importFileKind } from './importFileKinds';
import { useBackend } from '../api/backend';
import type { MethodOutput } from '../../shared/contract/api';

type Listing = MethodOutput<'files.list'>;

/**
 * @param onPathEdited called when the user edits the typed path: a message about the path before is then
 *   out of date (the dialog clears its own, as the picker does).
 */
export function ImportFilePicker({ onChoose, onPathEdited }: { onChoose: (filePath: string) => void; onPathEdited?: () => void }) {
  const t = useT();
  const locale = useLocale();
  const backend = useBackend();
  const [listing, setListing] = useState<Listing | null>(null);
  const [problem, setProblem] = useState<LocalizedText | null>(null);
  const [listingFolder, setListingFolder] = useState(true);
  const [typedPath, setTypedPath] = useState('');
  const [nativeDialog, setNativeDialog] = useState(backend.transportKind === 'bridge');

  const browse = useCallback(
    (dir: string | undefined) => {
      setProblem(null);
      setListingFolder(true);
      backend.call('files.list', dir === undefined ? { extensions: [...IMPORT_FILE_EXTENSIONS] } : { dir, extensions: [...IMPORT_FILE_EXTENSIONS] })
        .then(setListing)
        .catch((error: unknown) => setProblem(toApiError(error, 'files.list').text))
        .finally(() => setListingFolder(false));
    },
    [backend],
  );
  useEffect(() => browse(undefined), [browse]);

  const chooseNative = async () => {
    try {
      const answer = await backend.call('dialog.openFile', { title: t('import.chooseFile'), extensions: [...IMPORT_FILE_EXTENSIONS] });
      if (!answer.supported) setNativeDialog(false);
      else if (answer.path) onChoose(answer.path);
    } catch (error) {
      setProblem(toApiError(error, 'dialog.openFile').text);
    }
  };

  const typedKind = importFileKind(typedPath);
  // A typed path without a file extension is a folder: it is listed, not refused.
  const typedFolder = typedPath.trim() !== '' && !typedKind && !/\.[^/\\.]+$/.test(typedPath.trim());
  const useTyped = () => {
    if (typedKind) onChoose(typedPath.trim());
    else if (typedFolder) browse(typedPath.trim());
  };
  return (
    <div className="import-file-picker">
      <div className="import-path-row">
        <label className="import-field import-grow">
          <span>{t('import.pathLabel')}</span>
          <input
            type="text"
            value={typedPath}
            placeholder={t('import.pathPlaceholder')}
            data-testid="import-path-input"
            onChange={(event) => {
              setTypedPath(event.target.value);
              setProblem(null);
              onPathEdited?.();
            }}
            onKeyDown={(event) => event.key === 'Enter' && useTyped()}
          />
        </label>
        <button type="button" className="button" data-testid="import-path-confirm" disabled={!typedKind && !typedFolder} onClick={useTyped}>
          {typedFolder ? t('import.openFolder') : t('import.useFile')}
        </button>
        {nativeDialog && (
          <button type="button" className="button" onClick={() => void chooseNative()}>
            {t('import.browse')}
          </button>
        )}
      </div>
      {typedPath.trim() !== '' && !typedKind && !typedFolder && <p className="import-hint">{t('import.unsupportedExtension', { extensions: IMPORT_FILE_EXTENSIONS.map((extension) => `.${extension}`).join(', ') })}</p>}
      {problem && (
        <p className="import-error" role="alert">
          {localized(problem, locale)}
        </p>
      )}
      <FolderBreadcrumbs dir={listing?.dir ?? null} parent={listing?.parent ?? null} places={listing?.places} onBrowse={browse} />
      <div className="file-list import-file-list" role="listbox" aria-label={listing?.dir ?? ''}>
        {!listing && listingFolder && <div className="panel-empty">{t('files.loading')}</div>}
        {listing && listing.entries.length === 0 && <div className="panel-empty">{t('import.noImportableFiles')}</div>}
        {listing?.entries.map((entry) => {
          const kind = entry.kind === 'file' ? importFileKind(entry.name) : null;
          return (
            <button
              type="button"
              key={entry.path}
              role="option"
              aria-selected={false}
              className="file-entry"
              data-testid={`import-file-${entry.name}`}
              onClick={() => (entry.kind === 'dir' ? browse(entry.path) : onChoose(entry.path))}
            >
              <span className="file-icon" aria-hidden="true">
                {entry.kind === 'dir' ? '📁' : kind === 'table' ? '📊' : '🗺'}
              </span>
              <span className="file-name">{entry.name}</span>
              <span className="file-size">{entry.sizeBytes === null ? '' : `${formatNumber(entry.sizeBytes / 1024, 0, locale)} KB`}</span>
              <span className="file-modified">{kind ? t(kind === 'table' ? 'import.kindTable' : 'import.kindBoundaries') : ''}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
