/**
 * Step 2 for statistics tables: how the file is read (sheet, encoding, delimiter, decimal separator, header
 * rows) with the first rows, the column mapping with a live preview of the resulting values, and the join
 * report against a layer of the project. Each change asks the backend for a new preview; nothing is written
 * until "Importieren".
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApp, useKleinraum, useLocale, useT } from '../AppContext';
import { toApiError } from '../api/apiError';
import { formatDate, formatNumber, type Locale } from '../../shared/format/number';
import { parseCell, type ThousandsSeparator } from '../../shared/fileFormats/table/value';
import { dimensionsText } from '../../shared/fileFormats/table/dimensionValues';
import { localized, message } from '../../shared/i18n/translate';
import { withoutCliHint } from '../../shared/contract/errors';
import { coarserTable } from '../../shared/fileFormats/join/joinReport';
import { addsUpOverAreas, type LocalizedText } from '../../shared/model/project';
import type { ProjectSummary } from '../../shared/contract/api';
import type { CommitResult, InspectResult, TableMapping, TablePreviewResult } from '../../shared/contract/methods/import';
import { fileNameOf } from './importFileKinds';
import { useBackend } from '../api/backend';
import { CommitFooter } from './CommitFooter';
import { EncodingSelect } from './EncodingSelect';
import { ImportProgress } from './ImportProgress';
import { JoinReportView, proposalKey } from './JoinReportView';
import { NewVariableFields, variableEditsForCommit, type VariableEdits } from './NewVariableFields';
import { formatDimensionText, parseDimensionText, periodChosen, previewObservations, setDimensionColumn, toggleValueColumn, updateValueColumn } from './tableMappingEdits';
import { showImportResult } from './showImportResult';
import { usePendingImport } from './usePendingImport';
import { ImportModeSection, SourceQualityField, type DryRunState, type ImportModeChoice, type SourceQuality } from './ImportModeSection';
import { DateInput } from '../forms/DateInput';
import { sourceNamed } from '../../shared/sources/sourceNames';

const NO_DIMENSIONS: ProjectSummary['dimensions'] = [];

interface ReadOptions {
  sheet: string | undefined;
  encoding: 'utf-8' | 'windows-1252' | 'iso-8859-1' | 'cp850' | undefined;
  delimiter: ';' | ',' | '\t' | '|' | undefined;
  decimal: ',' | '.' | undefined;
  headerRows: number | undefined;
  layer: string | undefined;
}

const DELIMITERS = [
  [';', 'import.delimiterSemicolon'],
  [',', 'import.delimiterComma'],
  ['\t', 'import.delimiterTab'],
  ['|', 'import.delimiterPipe'],
] as const;
/** The mapping goes to the backend once the user pauses typing, not on every keystroke. */
const MAPPING_DEBOUNCE_MS = 500;
const OBSERVATION_PREVIEW_ROWS = 12;
/** Rows of the file shown as read (the first ones). */
const GRID_ROWS = 20;

export function TableStep({
  path,
  inspect,
  onBack,
  onCancel,
  onDone,
  onWriting,
}: {
  path: string;
  inspect: InspectResult;
  onBack: () => void;
  onCancel: () => void;
  onDone: (result: CommitResult) => void;
  /** The commit is being written (true) or done or failed (false): it can no longer be called off. */
  onWriting: (writing: boolean) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const backend = useBackend();
  const { store } = useApp();
  const layers = useKleinraum((state) => state.project?.layers ?? []);
  const dimensions = useKleinraum((state) => state.project?.dimensions ?? NO_DIMENSIONS);
  const shownLayer = useKleinraum((state) => state.layerName);
  const pending = usePendingImport<TablePreviewResult>(backend);
  const [readOptions, setReadOptions] = useState<ReadOptions>({
    sheet: inspect.sheets[0],
    encoding: undefined,
    delimiter: undefined,
    decimal: undefined,
    headerRows: undefined,
    layer: shownLayer ?? layers[0]?.name,
  });
  const [mapping, setMapping] = useState<TableMapping | null>(null);
  // What is typed as the Stichtag for all rows is no date (the reason then says so, not that none is given).
  const [periodTypedInvalid, setPeriodTypedInvalid] = useState(false);
  const [submittedMapping, setSubmittedMapping] = useState<TableMapping | undefined>(undefined);
  // Asks for the preview again after it was stopped or failed (the same settings would not ask again).
  const [previewAttempt, setPreviewAttempt] = useState(0);
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [committing, setCommitting] = useState<string | null>(null);
  const [commitError, setCommitError] = useState<LocalizedText | null>(null);
  // How the values enter the project as the planner picked it; null until then: the wizard's proposal.
  const [pickedMode, setModeChoice] = useState<ImportModeChoice | null>(null);
  // The new source's name, publisher and quality as the user edits them; name and publisher null: the file's proposal.
  const [sourceEdits, setSourceEdits] = useState<SourceEdits>({ name: null, publisher: null, quality: 'counted' });
  // Names and units the planner gives the file's new variables.
  const [variableEdits, setVariableEdits] = useState<VariableEdits>({});
  const [dryRun, setDryRun] = useState<DryRunState>({ running: false, message: null, changes: null, error: null });
  const { run } = pending;

  // What the preview on screen must answer: these reading settings, this mapping, this attempt. Each
  // result is kept with the request it answers (see mappingSettled and previewStale).
  // The unit typed for the column the totals check adds up, once it says otherwise than the preview assumed
  // (see below); undefined: the proposal's.
  const [unitsForTotals, setUnitsForTotals] = useState<Record<string, string> | undefined>(undefined);
  const previewRequest = useMemo(() => ({ readOptions, mapping: submittedMapping, unitsForTotals, attempt: previewAttempt }), [readOptions, submittedMapping, unitsForTotals, previewAttempt]);
  useEffect(() => {
    const { readOptions: options, mapping: requestedMapping, unitsForTotals: variableUnits } = previewRequest;
    if (!options.layer) return;
    const layer = options.layer;
    void run(
      (taskId) =>
        backend.call('import.previewTable', {
          path,
          taskId,
          layer,
          ...(options.sheet ? { sheet: options.sheet } : {}),
          ...(options.encoding ? { encoding: options.encoding } : {}),
          ...(options.delimiter ? { delimiter: options.delimiter } : {}),
          ...(options.decimal ? { decimal: options.decimal } : {}),
          ...(options.headerRows !== undefined ? { headerRows: options.headerRows } : {}),
          ...(requestedMapping ? { mapping: requestedMapping } : {}),
          ...(variableUnits ? { variableUnits } : {}),
        }),
      previewRequest,
    );
  }, [backend, run, path, previewRequest]);

  const preview = pending.result;
  // After a change of the reading settings the old preview stays on screen until the new one arrives; its
  // mapping belongs to the old columns and must not be taken over.
  const previewBeforeReadingChange = useRef<TablePreviewResult | null>(null);
  useEffect(() => {
    if (preview && mapping === null && preview !== previewBeforeReadingChange.current) setMapping(preview.mapping);
  }, [preview, mapping]);

  useEffect(() => {
    if (!mapping || mapping === submittedMapping || (preview && mapping === preview.mapping && submittedMapping === undefined)) return;
    const timer = window.setTimeout(() => setSubmittedMapping(mapping), MAPPING_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [mapping, submittedMapping, preview]);

  /** Reading settings change the columns: the backend proposes a fresh mapping. */
  const changeReading = useCallback((patch: Partial<ReadOptions>) => {
    previewBeforeReadingChange.current = pending.result;
    setReadOptions((current) => ({ ...current, ...patch }));
    setMapping(null);
    setSubmittedMapping(undefined);
    setAccepted(new Set());
    // Other columns, perhaps another sheet: names and units typed for the old ones no longer apply.
    setVariableEdits({});
    setUnitsForTotals(undefined);
  }, [pending.result]);

  const table = preview?.table;
  const columns = table?.columns ?? [];
  const matchedRows = useMemo(() => new Set(preview?.joinReport.matched.map((match) => match.rowIndex) ?? []), [preview]);
  const observationRows = useMemo(() => (table && mapping ? previewObservations(table, mapping, OBSERVATION_PREVIEW_ROWS, matchedRows) : []), [table, mapping, matchedRows]);
  // A unit typed for the new column the totals check adds up decides the check as the project's unit
  // would (shares, rates and means are not added up): "%" typed for a column the preview checked as a
  // count, or persons for one it took for a share, asks for the preview again, once the typing rests.
  // Typing within the same kind ("Pers", "Personen") asks nothing.
  const checkedVariable = preview?.mapping.valueColumns[0]?.variable ?? null;
  const checkedIsNew = Boolean(preview?.observations.variables.find((variable) => variable.id === checkedVariable)?.isNew);
  const typedCheckedUnit = checkedVariable && checkedIsNew ? variableEdits[checkedVariable]?.unit?.trim() : undefined;
  useEffect(() => {
    if (!preview || !checkedVariable || typedCheckedUnit === undefined) return;
    const report = preview.joinReport;
    // No aggregate row to compare with: nothing to check either way.
    if (report.totals.length === 0 && !report.totalsNotAdditive) return;
    if (addsUpOverAreas({ scale: 'absolute', unit: { de: typedCheckedUnit } }) === !report.totalsNotAdditive) return;
    const timer = window.setTimeout(() => setUnitsForTotals({ [checkedVariable]: typedCheckedUnit }), MAPPING_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [preview, checkedVariable, typedCheckedUnit]);
  /** A variable as the planner reads it: its name (a new one's as typed), never its id ("population"). */
  const variableLabel = (id: string): string => {
    const variable = preview?.observations.variables.find((candidate) => candidate.id === id);
    if (!variable) return id;
    return (variable.isNew && variableEdits[variable.id]?.name?.trim()) || localized(variable.name, locale);
  };
  const toggleProposal = (rowIndex: number, areaKey: string) =>
    setAccepted((current) => {
      const next = new Set(current);
      const key = proposalKey(rowIndex, areaKey);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  // The file's variables already have values: the user decides how the file's values enter the project.
  const overlaps = Boolean(preview?.existingSources.some((entry) => entry.sources.length > 0));
  // The proposal: the same file of a later Stichtag continues its source's series; any other file is a further source.
  const continuedSourceId = preview?.continuedSource?.id ?? null;
  const continuedMode = preview?.continuedSource?.mode ?? null;
  const proposedMode = useMemo<ImportModeChoice>(
    () => ({ mode: continuedMode ?? 'new-source', targetSourceId: continuedSourceId, sourceName: '', publisher: '', definition: '', quality: 'counted' }),
    [continuedSourceId, continuedMode],
  );
  const modeChoice = pickedMode ?? proposedMode;
  // A file found to continue a source (its Stichtag typed, another mapping) proposes anew: what the planner
  // picked before that rested on less.
  useEffect(() => setModeChoice(null), [continuedSourceId, continuedMode]);
  // A table none of whose rows matches an area (nor a name proposal taken) has nothing to import: the
  // join report says why, and "Importieren" waits for another layer or key column.
  const matchesAnArea = (preview?.joinReport.matchedCount ?? 0) > 0 || accepted.size > 0;
  // A table of a coarser level (a Kreis table onto Gemeinden) goes in only once the planner confirms it.
  const [coarserConfirmed, setCoarserConfirmed] = useState(false);
  // A confirmation holds for the preview it was given for (another layer or mapping asks again).
  useEffect(() => setCoarserConfirmed(false), [preview?.importId]);
  const coarserUnconfirmed = preview !== null && preview !== undefined && coarserTable(preview.joinReport) !== null && !coarserConfirmed;
  const sourceNameEmpty = sourceEdits.name !== null && sourceEdits.name.trim() === '' && !overlaps;
  // The name a new source would get, when the file becomes one; it must not be a name the project has.
  const newSourceName = !preview ? null : !overlaps ? (sourceEdits.name ?? preview.source.name) : modeChoice.mode === 'new-source' ? modeChoice.sourceName.trim() || preview.source.name : null;
  const takenSourceName = newSourceName ? (sourceNamed(preview?.sourceNames.map((name) => ({ name })) ?? [], newSourceName)?.name ?? null) : null;
  // Extending is a way out only where the source of that name holds the file's figures.
  const takenNameHoldsFigures = takenSourceName !== null && Boolean(sourceNamed(preview?.existingSources.flatMap((entry) => entry.sources) ?? [], takenSourceName));
  // The same file again as a further source would only repeat a source's values (the mode section says so).
  const repeatsASource = overlaps && modeChoice.mode === 'new-source' && Boolean(preview?.repeatedSource);
  const commitInput = useMemo(() => {
    if (!preview) return null;
    const acceptedNameMatches = preview.joinReport.nameProposals
      .filter((proposal) => accepted.has(proposalKey(proposal.rowIndex, proposal.areaKey)))
      .map((proposal) => ({ rowIndex: proposal.rowIndex, areaKey: proposal.areaKey }));
    // Values of variables the project does not have yet always make a new source: named as the user says.
    const sourceName = (sourceEdits.name ?? '').trim();
    const publisher = (sourceEdits.publisher ?? '').trim();
    const modePart = !overlaps
      ? { ...(sourceEdits.name !== null && sourceName ? { sourceName } : {}), ...(sourceEdits.publisher !== null ? { publisher } : {}), ...(sourceEdits.quality !== 'counted' ? { quality: sourceEdits.quality } : {}) }
      : modeChoice.mode === 'new-source'
        ? {
            mode: 'new-source' as const,
            ...(modeChoice.sourceName.trim() ? { sourceName: modeChoice.sourceName.trim() } : {}),
            ...(modeChoice.publisher.trim() ? { publisher: modeChoice.publisher.trim() } : {}),
            ...(modeChoice.definition.trim() ? { definition: modeChoice.definition.trim() } : {}),
            ...(modeChoice.quality !== 'counted' ? { quality: modeChoice.quality } : {}),
          }
        : { mode: modeChoice.mode, ...(modeChoice.targetSourceId ? { targetSourceId: modeChoice.targetSourceId } : {}) };
    return { importId: preview.importId, acceptedNameMatches, ...modePart };
  }, [preview, accepted, overlaps, modeChoice, sourceEdits]);

  // The preview on screen must be the one of the submitted mapping: after a mapping change (a Stichtag
  // typed) the previous preview stays on screen until the new one is back, and one render lay between the
  // debounce and the new request, in which "Importieren" committed the previous preview; a stopped or
  // failed preview leaves it on screen as well.
  const previewCurrent = pending.resultKey === previewRequest;
  // Stopped or failed: the preview on screen (if any) answers other settings, and nothing asks for a new one.
  const previewStale = pending.runningTaskId === null && pending.error !== null && !previewCurrent;
  const mappingSettled = mapping !== null && mapping === (submittedMapping ?? preview?.mapping) && previewCurrent;
  // What the commit would write, computed on the project and rolled back, whenever the choice changes.
  // Names and units of new variables change nothing it reports, so typing them runs no dry run.
  // A repeated file as a further source is refused, as the warning above the choice already says: no dry run to repeat it.
  const dryRunInput = overlaps && matchesAnArea && mappingSettled && !repeatsASource && !takenSourceName && pending.runningTaskId === null ? commitInput : null;
  const dryRunKey = dryRunInput ? JSON.stringify(dryRunInput) : null;
  useEffect(() => {
    // Nothing to preview (a taken name, a repeated file): an earlier preview would describe another choice.
    if (!dryRunInput) {
      setDryRun({ running: false, message: null, changes: null, error: null });
      return;
    }
    let current = true;
    setDryRun((state) => ({ ...state, running: true }));
    const timer = window.setTimeout(() => {
      backend.call('import.commit', { ...dryRunInput, dryRun: true }).then(
        (result) => current && setDryRun({ running: false, message: result.message, changes: result.changes, error: null }),
        (error: unknown) => current && setDryRun({ running: false, message: null, changes: null, error: toApiError(error, 'import.commit').text }),
      );
    }, 300);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // The input's content, not its identity, starts a new dry run.
  }, [dryRunKey, backend]);

  const commit = async () => {
    if (!preview || !commitInput) return;
    setCommitting(preview.importId);
    setCommitError(null);
    onWriting(true);
    try {
      const result = await backend.call('import.commit', { ...commitInput, ...variableEditsForCommit(preview.observations.variables, variableEdits) });
      pending.markCommitted();
      showImportResult(store, backend, result);
      onDone(result);
    } catch (error) {
      setCommitError(toApiError(error, 'import.commit').text);
    } finally {
      setCommitting(null);
      onWriting(false);
    }
  };

  const running = pending.runningTaskId;
  // The dry run of the chosen way in failed (an extension onto a Stichtag the source has): the commit would fail alike.
  const dryRunFailed = dryRunInput !== null && !dryRun.running && dryRun.error !== null;
  // The file names no Stichtag, no column gives one, and none is typed (or what is typed is no date): the
  // rows have no date to be filed under, so nothing can be imported yet.
  const periodMissing =
    preview !== null && mappingSettled && preview.observations.periods.length === 0 && preview.joinReport.matchedCount > 0 && (mapping.periodColumn === null || mapping.periodColumn === undefined) && !mapping.period;
  const columnName = (index: number) => {
    const column = columns.find((candidate) => candidate.index === index);
    return column && column.label ? column.label : `${t('import.column')} ${index + 1}`;
  };
  const columnChoices = columns.map((column) => ({ index: column.index, label: columnName(column.index) }));
  const usedColumns = new Set([mapping?.keyColumn, mapping?.nameColumn, mapping?.periodColumn].filter((value): value is number => typeof value === 'number'));

  return (
    <>
      <div className="import-body">
        <p className="import-file-name">{t('import.file', { name: fileNameOf(path) })}</p>
        {layers.length === 0 && <p className="import-error">{t('import.noLayer')}</p>}
        <section className="import-settings" aria-label={t('import.settings')}>
          <h3>{t('import.settings')}</h3>
          <div className="import-field-row">
            {inspect.sheets.length > 0 && (
              <label className="import-field">
                <span>{t('import.sheet')}</span>
                <select data-testid="import-sheet-select" value={readOptions.sheet ?? ''} onChange={(event) => changeReading({ sheet: event.target.value })}>
                  {inspect.sheets.map((sheet) => (
                    <option key={sheet} value={sheet}>
                      {sheet}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {/* Text files and dBASE tables name no (or a wrong) encoding often enough to offer the choice. */}
            {(inspect.format === 'csv' || inspect.format === 'dbf') && (
              <label className="import-field">
                <span>{t('import.encoding')}</span>
                <EncodingSelect testId="import-table-encoding" value={readOptions.encoding} detected={table?.encoding.detected} onChange={(encoding) => changeReading({ encoding })} />
              </label>
            )}
            {inspect.format === 'csv' && (
              <label className="import-field">
                <span>{t('import.delimiter')}</span>
                <select data-testid="import-delimiter" value={readOptions.delimiter ?? ''} onChange={(event) => changeReading({ delimiter: DELIMITERS.find(([delimiter]) => delimiter === event.target.value)?.[0] })}>
                  <option value="">
                    {t('import.automatic')}
                    {table?.delimiter ? `: ${t(DELIMITERS.find(([delimiter]) => delimiter === table.delimiter)?.[1] ?? 'import.delimiterSemicolon')}` : ''}
                  </option>
                  {DELIMITERS.map(([delimiter, label]) => (
                    <option key={label} value={delimiter}>
                      {t(label)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {/* A dBASE table says itself how it writes numbers and where its one header row is. */}
            {inspect.format !== 'dbf' && (
              <>
                <label className="import-field">
                  <span>{t('import.decimal')}</span>
                  <select data-testid="import-decimal" value={readOptions.decimal ?? ''} onChange={(event) => changeReading({ decimal: event.target.value === ',' ? ',' : event.target.value === '.' ? '.' : undefined })}>
                    <option value="">
                      {t('import.automatic')}
                      {table ? `: ${table.decimal}` : ''}
                    </option>
                    <option value=",">{t('import.decimalComma')}</option>
                    <option value=".">{t('import.decimalPoint')}</option>
                  </select>
                </label>
                <label className="import-field">
                  <span>{t('import.headerRows')}</span>
                  <input
                    type="number"
                    min={0}
                    max={10}
                    data-testid="import-header-rows"
                    value={readOptions.headerRows ?? table?.headerRows.length ?? ''}
                    onChange={(event) => changeReading({ headerRows: event.target.value === '' ? undefined : Math.max(0, Math.round(Number(event.target.value))) })}
                  />
                </label>
              </>
            )}
            <label className="import-field">
              <span>{t('import.joinLayer')}</span>
              <select data-testid="import-join-layer" value={readOptions.layer ?? ''} onChange={(event) => changeReading({ layer: event.target.value })}>
                {layers.map((layer) => (
                  <option key={layer.name} value={layer.name}>
                    {/* The table name only where two layers share a title. */}
                    {layers.filter((other) => localized(other.title, locale) === localized(layer.title, locale)).length > 1 ? `${localized(layer.title, locale)} (${layer.name})` : localized(layer.title, locale)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {table && (
            <p className="import-hint" data-testid="import-encoding-preview">
              {table.encoding.preview.length > 0 ? `${t('import.encodingPreview', { names: table.encoding.preview.slice(0, 8).join(', ') })} ${t('import.encodingHelp')}` : t('import.encodingNone')}
              {table.titleLines.length > 0 && <> · {t('import.titleLines', { lines: table.titleLines.join(' | ') })}</>}
              {table.footerNotes.length > 0 && <> · {t('import.footerNotes', { count: table.footerNotes.length })}</>}
            </p>
          )}
          {table?.warnings.map((warning) => (
            <p key={warning.code} className="import-warning">
              {withoutCliHint(localized(warning.text, locale))}
            </p>
          ))}
        </section>
        {running && <ImportProgress taskId={running} onCancel={() => pending.stop(message('import.stopped'))} />}
        {pending.error && (
          <p className="import-error" role="alert" data-testid="import-error">
            {localized(pending.error, locale)}{' '}
            {previewStale && (
              <button type="button" className="button" data-testid="import-reload-preview" onClick={() => setPreviewAttempt((attempt) => attempt + 1)}>
                {t('import.reloadPreview')}
              </button>
            )}
          </p>
        )}
        {table && (
          <section aria-label={t('import.previewGrid')}>
            <h3>{t('import.previewGrid')}</h3>
            <p className="import-hint">{t('import.rowsFound', { count: formatNumber(table.rowCount, 0, locale), shown: Math.min(GRID_ROWS, table.rows.length) })}</p>
            <div className="import-grid-scroll">
              <table className="import-grid" data-testid="import-preview-grid">
                <thead>
                  <tr>
                    <th className="mono">#</th>
                    {columns.map((column) => (
                      <th
                        key={column.index}
                        className={
                          column.index === mapping?.keyColumn || column.index === mapping?.nameColumn
                            ? 'import-column-area'
                            : mapping?.valueColumns.some((entry) => entry.column === column.index)
                              ? 'import-column-value'
                              : undefined
                        }
                      >
                        {column.label || `${t('import.column')} ${column.index + 1}`}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.slice(0, GRID_ROWS).map((row) => (
                    <tr key={row.rowIndex}>
                      <td className="mono">{row.lineNumber}</td>
                      {columns.map((column) => (
                        <td key={column.index} className={column.kind === 'number' ? 'numeric' : undefined}>
                          {row.cells[column.index] ?? ''}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
        {table && mapping && preview && (
          <section className="import-mapping" aria-label={t('import.mapping')} data-testid="import-mapping">
            <h3>{t('import.mapping')}</h3>
            <p className="import-hint">{t(preview.mappingFrom === 'remembered' ? 'import.mappingRemembered' : 'import.mappingProposed')}</p>
            <div className="import-field-row">
              <label className="import-field">
                <span>{t('import.layout')}</span>
                <select data-testid="import-layout" value={mapping.layout} onChange={(event) => setMapping({ ...mapping, layout: event.target.value === 'long' ? 'long' : 'wide' })}>
                  <option value="wide">{t('import.layoutWide')}</option>
                  <option value="long">{t('import.layoutLong')}</option>
                </select>
              </label>
              <ColumnPicker
                label={t('import.keyColumn')}
                testId="import-key-column"
                value={mapping.keyColumn ?? null}
                noneLabel={
                  // GV-ISys: no single key column, the AGS is put together from Land, RB, Kreis and Gemeinde.
                  table && table.compositeKeyColumns.length > 0
                    ? t('import.keyColumnComposite', { columns: table.compositeKeyColumns.map((column) => table.columns[column]?.label ?? String(column + 1)).join(' + ') })
                    : t('import.keyColumnNone')
                }
                columns={columnChoices}
                onChange={(keyColumn) => setMapping({ ...mapping, keyColumn })}
              />
              <ColumnPicker
                label={t('import.nameColumn')}
                testId="import-name-column"
                value={mapping.nameColumn ?? null}
                noneLabel={t('import.none')}
                columns={columnChoices}
                onChange={(nameColumn) => setMapping({ ...mapping, nameColumn })}
              />
              <ColumnPicker
                label={t('import.periodColumn')}
                testId="import-period-column"
                value={mapping.periodColumn ?? null}
                noneLabel={t('import.periodFixed')}
                // "aus Spalte „Datum“", or "aus Spalte 3" for a column without a heading (not "aus Spalte Spalte 3").
                columns={columns.map((column) => ({ index: column.index, label: t('import.periodFromColumn', { column: column.label ? (locale === 'de' ? `„${column.label}“` : `"${column.label}"`) : String(column.index + 1) }) }))}
                onChange={(periodColumn) =>
                  setMapping(periodChosen(mapping, periodColumn === null ? { column: null, date: mapping.period ?? table.titlePeriod } : { column: periodColumn, date: null }))
                }
              />
              {(mapping.periodColumn === null || mapping.periodColumn === undefined) && (
                <label className="import-field">
                  <span>{t('import.periodDate')}</span>
                  <DateInput
                    testId="import-period-date"
                    value={mapping.period ?? null}
                    invalid={periodMissing}
                    onChange={(date, typedInvalid) => {
                      setPeriodTypedInvalid(typedInvalid);
                      if (date !== (mapping.period ?? null)) setMapping(periodChosen(mapping, { column: null, date }));
                    }}
                  />
                </label>
              )}
            </div>
            <table className="import-grid import-value-columns">
              <thead>
                <tr>
                  <th>{t('import.valueUse')}</th>
                  <th>{t('import.column')}</th>
                  <th>{t('import.variable')}</th>
                  <th>{mapping.layout === 'long' ? t('import.dimensionName') : t('import.dimensions')}</th>
                </tr>
              </thead>
              <tbody>
                {columns
                  .filter((column) => !usedColumns.has(column.index) && column.kind !== 'empty')
                  .map((column) => {
                    const entry = mapping.valueColumns.find((candidate) => candidate.column === column.index);
                    const dimensionEntry = mapping.dimensionColumns.find((candidate) => candidate.column === column.index);
                    return (
                      <tr key={column.index} data-testid={`import-value-column-${column.index}`}>
                        <td>
                          <input type="checkbox" aria-label={`${t('import.valueUse')}: ${columnName(column.index)}`} checked={entry !== undefined} onChange={() => setMapping(toggleValueColumn(mapping, column.index, columnName(column.index)))} />
                        </td>
                        <td>
                          {columnName(column.index)}
                          {column.period && <span className="import-hint"> ({formatDate(column.period, locale)})</span>}
                        </td>
                        <td>{entry && <input type="text" value={entry.variable} onChange={(event) => setMapping(updateValueColumn(mapping, column.index, { variable: event.target.value }))} />}</td>
                        <td>
                          {entry && mapping.layout === 'wide' && (
                            <>
                              <input type="text" placeholder="sex=f" aria-label={`${t('import.dimensions')}: ${columnName(column.index)}`} defaultValue={formatDimensionText(entry.dimensions)} onBlur={(event) => setMapping(updateValueColumn(mapping, column.index, { dimensions: parseDimensionText(event.target.value) }))} />
                              {Object.keys(entry.dimensions).length > 0 && <span className="import-hint import-dimension-names">{dimensionsText(entry.dimensions, dimensions, locale)}</span>}
                            </>
                          )}
                          {!entry && mapping.layout === 'long' && (
                            <input type="text" placeholder="sex" defaultValue={dimensionEntry?.dimension ?? ''} onBlur={(event) => setMapping(setDimensionColumn(mapping, column.index, event.target.value))} />
                          )}
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
            <h3>{t('import.observationsPreview')}</h3>
            <table className="import-grid import-observations" data-testid="import-observations-preview">
              <thead>
                <tr>
                  <th>{t('import.obsArea')}</th>
                  <th>{t('import.obsPeriod')}</th>
                  <th>{t('import.obsVariable')}</th>
                  <th>{t('import.obsDimensions')}</th>
                  <th className="numeric">{t('import.obsValue')}</th>
                </tr>
              </thead>
              <tbody>
                {observationRows.map((observation, index) => (
                  <tr key={`${observation.lineNumber}-${index}`}>
                    <td>{observation.areaText}</td>
                    <td>{observation.period ? formatDate(observation.period, locale) : '–'}</td>
                    <td title={observation.variable}>{variableLabel(observation.variable)}</td>
                    <td title={formatDimensionText(observation.dimensions)}>{dimensionsText(observation.dimensions, dimensions, locale)}</td>
                    <td className="numeric">{valueAsRead(observation.cellText, columns.find((column) => column.index === observation.column)?.decimal ?? table?.decimal ?? ',', table?.thousands ?? [], locale, t('import.obsMissing'))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {mappingSettled && (
              <p className="import-hint" data-testid="import-observations-summary">
                {t('import.observationsSummary', {
                  count: formatNumber(preview.observations.count, 0, locale),
                  missing: formatNumber(preview.observations.missingCount, 0, locale),
                  periods: preview.observations.periods.map((period) => formatDate(period, locale)).join(', ') || '–',
                })}{' '}
                {preview.observations.variables.map((variable) => `${variableLabel(variable.id)}${variable.isNew ? ` (${t('import.newVariable')})` : ''}`).join(', ')}
                {preview.observations.keptUnderParent > 0 && (
                  <>
                    <br />
                    {t('import.observationsUnderParent', { count: preview.observations.keptUnderParent })}
                  </>
                )}
              </p>
            )}
            {periodMissing && (
              <p className="import-warning" role="alert" data-testid="import-period-needed">
                {t(periodTypedInvalid ? 'import.periodNeededInvalid' : 'import.periodNeeded', { field: t('import.periodDate') })}
              </p>
            )}
          </section>
        )}
        {preview && mappingSettled && (
          <NewVariableFields
            variables={preview.observations.variables}
            columnsOf={(id) => (mapping?.valueColumns ?? []).filter((entry) => entry.variable === id).map((entry) => columns[entry.column]?.label ?? '').filter((label) => label !== '')}
            edits={variableEdits}
            onChange={setVariableEdits}
            onRename={(from, to) => {
              if (!mapping) return;
              setMapping({ ...mapping, valueColumns: mapping.valueColumns.map((entry) => (entry.variable === from ? { ...entry, variable: to } : entry)) });
              // The name the planner typed goes with the column; the kind follows from the new id.
              const { [from]: moved, ...others } = variableEdits;
              // The original id goes along, so "Bestand" gives the column its own id back.
              const renamedFrom = moved?.renamedFrom ?? from;
              setVariableEdits({ ...others, [to]: { ...(moved?.name !== undefined ? { name: moved.name } : {}), ...(moved?.unit !== undefined ? { unit: moved.unit } : {}), ...(renamedFrom !== to ? { renamedFrom } : {}) } });
            }}
          />
        )}
        {preview && mappingSettled && <JoinReportView report={preview.joinReport} accepted={accepted} onToggle={toggleProposal} coarserConfirmed={coarserConfirmed} onConfirmCoarser={setCoarserConfirmed} />}
        {preview && mappingSettled && preview.repeatedKeyHint && (
          <p className="import-warning" role="alert" data-testid="import-repeated-key-hint">
            {localized(preview.repeatedKeyHint.text, locale)}
          </p>
        )}
        {preview && mappingSettled && matchesAnArea && !overlaps && (
          <NewSourceFields
            proposal={preview.source}
            fromFileName={preview.source.name === fileNameOf(path)}
            edits={sourceEdits}
            onChange={setSourceEdits}
            takenName={takenSourceName}
          />
        )}
        {preview && mappingSettled && matchesAnArea && overlaps && (
          <ImportModeSection
            preview={preview}
            choice={modeChoice.sourceName === '' && modeChoice.mode === 'new-source' ? { ...modeChoice, sourceName: sourceEdits.name ?? preview.source.name } : modeChoice}
            // The shown proposal is not a name the planner typed: it stays a proposal (the commit dates it anew).
            onChange={(next) => setModeChoice({ ...next, sourceName: modeChoice.sourceName === '' && next.sourceName === (sourceEdits.name ?? preview.source.name) ? '' : next.sourceName })}
            dryRun={dryRun}
            takenName={takenSourceName}
          />
        )}
      </div>
      <CommitFooter
        committing={committing}
        commitError={commitError}
        canCommit={Boolean(preview) && mappingSettled && running === null && matchesAnArea && !periodMissing && !repeatsASource && !coarserUnconfirmed && !sourceNameEmpty && !takenSourceName && !dryRunFailed}
        blockedReason={
          !preview
            ? null
            : previewStale
              ? t('import.blocked.stale')
              : !mappingSettled || running !== null
                ? t('import.blocked.updating')
            : !matchesAnArea
              ? t('import.blocked.noMatch')
              : periodMissing
                ? t(periodTypedInvalid ? 'import.blocked.periodInvalid' : 'import.blocked.period', { field: t('import.periodDate') })
              : repeatsASource
                ? t('import.blocked.repeated')
                : coarserUnconfirmed
                  ? t('import.blocked.coarser')
                  : sourceNameEmpty
                    ? t('import.blocked.sourceName')
                    : takenSourceName
                      ? t(takenNameHoldsFigures ? 'import.blocked.sourceNameTaken' : 'import.blocked.sourceNameTakenOther', { name: takenSourceName })
                      : dryRunFailed
                        ? t('import.blocked.dryRunFailed')
                        : null
        }
        onBack={onBack}
        onCancel={onCancel}
        onCommit={() => void commit()}
      />
    </>
  );
}

/** The new source as the planner edits it; name and publisher null: the file's proposal. */
interface SourceEdits {
  name: string | null;
  publisher: string | null;
  quality: SourceQuality;
}

/**
 * Name, publisher and quality of the source the file's values become: they stand in the legend, the table, the
 * details and every export. A file that names no source (a CSV edited by hand) proposes its file name,
 * which is asked to be replaced.
 */
function NewSourceFields(props: {
  proposal: TablePreviewResult['source'];
  fromFileName: boolean;
  edits: SourceEdits;
  onChange: (edits: SourceEdits) => void;
  /** The project source whose name the typed one is, or null. */
  takenName: string | null;
}) {
  const t = useT();
  const { proposal, edits, onChange } = props;
  const name = edits.name ?? proposal.name;
  // Asked for only while the file name stands in for a name the file does not give.
  const asking = props.fromFileName && edits.name === null;
  return (
    <section className="import-source" aria-label={t('import.source.title')} data-testid="import-new-source">
      <h3>{t('import.source.title')}</h3>
      {name.trim() === '' || props.takenName ? (
        <p className="import-warning" role="alert" data-testid="import-source-hint">
          {props.takenName ? t('import.blocked.sourceNameTakenOther', { name: props.takenName }) : t('import.source.nameMissing')}
        </p>
      ) : (
        <p className={asking ? 'import-warning' : 'import-hint'} data-testid="import-source-hint">
          {t(asking ? 'import.source.fromFileName' : 'import.source.hint')}
        </p>
      )}
      <div className="import-field-row">
        <label className="import-field import-field-wide">
          <span>{t('import.source.name')}</span>
          <input
            type="text"
            data-testid="import-new-source-name"
            value={name}
            aria-invalid={name.trim() === '' || props.takenName !== null}
            onChange={(event) => onChange({ ...edits, name: event.target.value })}
          />
        </label>
        <label className="import-field">
          <span>{t('import.source.publisher')}</span>
          <input type="text" data-testid="import-new-source-publisher" value={edits.publisher ?? proposal.publisher} onChange={(event) => onChange({ ...edits, publisher: event.target.value })} />
        </label>
        <SourceQualityField testId="import-new-source-quality" value={edits.quality} onChange={(quality) => onChange({ ...edits, quality })} />
      </div>
    </section>
  );
}

/**
 * A value cell as the import will read it, in the UI's number format ("82.719.540"; "–  (fehlend)" for an
 * official missing code), so a wrong decimal or thousands setting shows before anything is written.
 * Parsed by the same function the backend reads the file with.
 */
function valueAsRead(cellText: string, decimal: ',' | '.', thousands: readonly string[], locale: Locale, missingLabel: string): string {
  const cell = parseCell(cellText, { decimal, thousands: thousands.filter(isThousandsSeparator) });
  if (cell.missing !== null) return `${cellText} (${missingLabel})`;
  if (cell.value === null) return cellText;
  const decimals = Number.isInteger(cell.value) ? 0 : Math.min(6, String(cell.value).split('.')[1]?.length ?? 0);
  return formatNumber(cell.value, decimals, locale);
}

function isThousandsSeparator(separator: string): separator is ThousandsSeparator {
  return ['.', ',', ' ', "'", ''].includes(separator);
}

/** One column choice of the mapping (key, name or period column), with an entry for "none". */
function ColumnPicker(props: {
  label: string;
  testId: string;
  value: number | null;
  noneLabel: string;
  columns: { index: number; label: string }[];
  onChange: (column: number | null) => void;
}) {
  return (
    <label className="import-field">
      <span>{props.label}</span>
      <select data-testid={props.testId} value={props.value ?? ''} onChange={(event) => props.onChange(event.target.value === '' ? null : Number(event.target.value))}>
        <option value="">{props.noneLabel}</option>
        {props.columns.map((column) => (
          <option key={column.index} value={column.index}>
            {column.label}
          </option>
        ))}
      </select>
    </label>
  );
}
