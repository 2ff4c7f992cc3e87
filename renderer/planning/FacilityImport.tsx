/**
 * Importing facilities from a file into the Planung tab: a path typed or chosen (native dialog in Electron,
 * the in-app folder list in browser mode), a kind for files without a kind column, add or replace, and the
 * report a planner needs to trust the result: records read, records without kind, capacity or location, and
 * points outside all areas.
 */
import { useState } from 'react';
import type { MethodOutput } from '../../shared/contract/api';
import { localized } from '../../shared/i18n/translate';
import { FACILITY_KINDS, FACILITY_KIND_LABELS, type FacilityKind } from '../../shared/planning/facilities';
import { useLocale, useT } from '../AppContext';
import { ApiError } from '../api/apiError';
import { useFileChooser } from '../dialogs/useFileChooser';
import { useBackend } from '../api/backend';

type ImportAnswer = MethodOutput<'planning.importFacilities'>;

/** Files facilities can be read from (see electron/node/services/planning/facilityFile.ts). */
export const FACILITY_FILE_EXTENSIONS = ['csv', 'txt', 'xlsx', 'geojson', 'json', 'shp', 'zip'] as const;

const isFacilityFile = (filePath: string): boolean => FACILITY_FILE_EXTENSIONS.some((extension) => filePath.trim().toLowerCase().endsWith(`.${extension}`));

export function FacilityImport({ onImported }: { onImported: (listing: ImportAnswer['listing']) => void }) {
  const t = useT();
  const locale = useLocale();
  const [filePath, setFilePath] = useState('');
  const [kind, setKind] = useState<FacilityKind | ''>('');
  const [replace, setReplace] = useState(false);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const backend = useBackend();

  const report = (caught: unknown) => setError(caught instanceof ApiError ? localized(caught.text, locale) : String(caught));

  const chooser = useFileChooser({
    extensions: FACILITY_FILE_EXTENSIONS,
    dialogTitle: t('planning.import.title'),
    onPick: setFilePath,
    onError: report,
    className: 'planning-files',
    testId: 'planning-import-files',
  });

  const run = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      const result = await backend.call('planning.importFacilities', { path: filePath.trim(), replace, ...(kind ? { kind } : {}) });
      setAnswer(result);
      onImported(result.listing);
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(false);
    }
  };

  const count = (problem: 'kind' | 'capacity' | 'location') => answer?.skipped.filter((entry) => entry.problem === problem).length ?? 0;
  return (
    <details className="planning-import" data-testid="planning-import">
      <summary>{t('planning.import.title')}</summary>
      <p className="planning-hint">{t('planning.import.hint')}</p>
      <div className="planning-controls">
        <label className="planning-grow">
          {t('planning.import.path')}{' '}
          <input value={filePath} onChange={(event) => setFilePath(event.target.value)} data-testid="planning-import-path" />
        </label>
        <button type="button" onClick={() => {
            setError(null);
            void chooser.browse();
          }}>
          {t('planning.import.browse')}
        </button>
      </div>
      {chooser.listingView}
      <div className="planning-controls">
        <label>
          {t('planning.import.kind')}{' '}
          <select value={kind} onChange={(event) => setKind(event.target.value as FacilityKind | '')}>
            <option value="">{t('planning.import.kindFromFile')}</option>
            {FACILITY_KINDS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {localized(FACILITY_KIND_LABELS[candidate], locale)}
              </option>
            ))}
          </select>
        </label>
        <label className="planning-check">
          <input type="checkbox" checked={replace} onChange={(event) => setReplace(event.target.checked)} /> {t('planning.import.replace')}
        </label>
        <button type="button" disabled={busy || !isFacilityFile(filePath)} onClick={() => void run()} data-testid="planning-import-run">
          {t('planning.import.run')}
        </button>
      </div>
      {error && (
        <p className="planning-error" role="alert">
          {error}
        </p>
      )}
      {answer && (
        <div className="planning-import-report" data-testid="planning-import-report">
          <p>
            {t('planning.import.report', { read: answer.read, imported: answer.imported })}
            {answer.skipped.length > 0 && ` ${t('planning.import.skipped', { kind: count('kind'), capacity: count('capacity'), location: count('location') })}`}
            {answer.outside.length > 0 && ` ${t('planning.import.outside', { count: answer.outside.length })}`}
          </p>
          {answer.skipped.length > 0 && (
            <ul>
              {answer.skipped.slice(0, 20).map((entry) => (
                <li key={entry.row}>{t('planning.import.row', { row: entry.row, reason: localized(entry.reason, locale) })}</li>
              ))}
              {answer.skipped.length > 20 && <li>{t('planning.import.more', { count: answer.skipped.length - 20 })}</li>}
            </ul>
          )}
        </div>
      )}
    </details>
  );
}
