/**
 * Importing an origin–destination table (Wanderungsmatrix) in the Wanderungen section: a path typed or
 * chosen (native dialog in Electron, the in-app folder list in browser mode), a Stichtag for tables
 * without one and the source's name; then the report — flows taken over, and every row that was not,
 * with its line and reason. `flows.import` is the method `kleinraum import … --flows` calls.
 */
import { useState } from 'react';
import type { MethodOutput } from '../../shared/contract/api';
import { localized } from '../../shared/i18n/translate';
import { ApiError } from '../api/apiError';
import { useBackend } from '../api/backend';
import { useFileChooser } from '../dialogs/useFileChooser';
import { useLocale, useT } from '../AppContext';
import { DateInput } from '../forms/DateInput';
import { withoutCliHint } from '../../shared/contract/errors';

type ImportAnswer = MethodOutput<'flows.import'>;
const EXTENSIONS = ['csv', 'txt', 'tsv'];

export function FlowImport({ onImported }: { onImported: (answer: ImportAnswer) => void }) {
  const t = useT();
  const locale = useLocale();
  const backend = useBackend();
  const [filePath, setFilePath] = useState('');
  const [period, setPeriod] = useState<string | null>(null);
  // A Stichtag typed that is no date: the import waits rather than fall back to the file's own.
  const [periodInvalid, setPeriodInvalid] = useState(false);
  const [sourceName, setSourceName] = useState('');
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const report = (caught: unknown) => setError(caught instanceof ApiError ? caught.messageFor(locale) : String(caught));

  const chooser = useFileChooser({
    extensions: EXTENSIONS,
    dialogTitle: t('flows.import'),
    onPick: setFilePath,
    onError: report,
    className: 'flows-files',
    testId: 'flows-import-files',
  });

  const run = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      const result = await backend.call('flows.import', { path: filePath.trim(), ...(period ? { period } : {}), ...(sourceName.trim() ? { sourceName: sourceName.trim() } : {}) });
      setAnswer(result);
      onImported(result);
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="flows-import" data-testid="flows-import">
      <summary>{t('flows.import')}</summary>
      <p className="movement-note">{t('flows.import.hint')}</p>
      <div className="flows-controls">
        <label className="flows-grow">
          {t('flows.import.path')}
          <input value={filePath} onChange={(event) => setFilePath(event.target.value)} data-testid="flows-import-path" />
        </label>
        <button
          type="button"
          className="button button-small"
          data-testid="flows-import-browse"
          onClick={() => {
            setError(null);
            void chooser.browse();
          }}
        >
          {t('flows.import.browse')}
        </button>
        <label>
          {t('flows.import.period')}
          <DateInput
            value={period}
            onChange={(date, typedInvalid) => {
              setPeriod(date);
              setPeriodInvalid(typedInvalid);
            }}
            testId="flows-import-period"
          />
        </label>
        <label>
          {t('flows.import.source')}
          <input value={sourceName} onChange={(event) => setSourceName(event.target.value)} data-testid="flows-import-source" />
        </label>
        <button type="button" className="button button-small" disabled={busy || filePath.trim() === '' || periodInvalid} onClick={() => void run()} data-testid="flows-import-run">
          {t('flows.import.run')}
        </button>
      </div>
      {chooser.listingView}
      {error && <p className="movement-warning">{error}</p>}
      {answer && (
        <div data-testid="flows-import-report">
          <p className="movement-ok">{t('flows.import.done', { flows: answer.flows, rows: answer.rows, source: answer.source.name, skipped: answer.join.unmatchedRows.length })}</p>
          {answer.join.unmatchedRows.length > 0 && (
            <ul className="flows-unmatched">
              {answer.join.unmatchedRows.slice(0, 50).map((row) => (
                <li key={`${row.line}-${row.from}-${row.to}`}>
                  {t('flows.import.line', { line: row.line })}: {withoutCliHint(localized(row.text, locale))}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </details>
  );
}
