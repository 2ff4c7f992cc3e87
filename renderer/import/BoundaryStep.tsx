/**
 * Step 2 for boundaries: the user checks how the file is read (layer, coordinate system, text encoding, key
 * and name fields, key filter) against a map preview and the check report, then imports. Every change reads
 * the file again in the backend (a preview: nothing is written until "Importieren").
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { useApp, useLocale, useT } from '../AppContext';
import { toApiError } from '../api/apiError';
import { formatNumber } from '../../shared/format/number';
import { localized, message } from '../../shared/i18n/translate';
import type { LocalizedText } from '../../shared/model/project';
import type { BoundaryPreview, InspectResult } from '../../shared/contract/methods/import';
import { CRS_CHOICES, crsLabel } from './crsChoices';
import { encodingSamples } from './encodingPreview';
import { fileNameOf } from './importFileKinds';
import { useBackend } from '../api/backend';
import { CommitFooter } from './CommitFooter';
import { EncodingSelect } from './EncodingSelect';
import { ImportProgress } from './ImportProgress';
import { PreviewMap } from './PreviewMap';
import { showImportResult } from './showImportResult';
import { usePendingImport } from './usePendingImport';
import { BoundaryReportView } from './BoundaryReportView';
import { layerIdentifier, layerTitleToStore } from './layerNameInput';
import { DateInput } from '../forms/DateInput';

export type BoundarySource = { kind: 'file'; path: string; inspect: InspectResult } | { kind: 'official'; kreis: string };

type OfficialPreview = BoundaryPreview & { fromCache?: boolean; fetchedAt?: string; population?: { stichtag: string | null; total: number | null } };

interface BoundaryOptions {
  layer: string | undefined;
  crs: string | undefined;
  encoding: 'utf-8' | 'windows-1252' | 'iso-8859-1' | 'cp850' | undefined;
  keyField: string | undefined;
  nameField: string | undefined;
  filterKeyPrefix: string;
  mergeDuplicateKeys: boolean;
  /** Attribute to dissolve on (e.g. STADTBZNR for Stadtbezirke), undefined for one area per key. */
  dissolveByField: string | undefined;
  /** undefined = the backend's proposal (leave out unnamed slivers when only a few lack a name). */
  dropUnnamed: boolean | undefined;
}


/** Municipality layers are what planners import most: preselect "…_GEM" in multi-layer BKG files. */
function initialLayer(inspect: InspectResult): string | undefined {
  if (inspect.layers.length <= 1) return inspect.layers[0]?.name;
  return (inspect.layers.find((layer) => /_gem$/i.test(layer.name)) ?? inspect.layers[0])?.name;
}

export function BoundaryStep({ source, onBack, onCancel, onDone, onWriting }: { source: BoundarySource; onBack: () => void; onCancel: () => void; onDone: () => void; onWriting: (writing: boolean) => void }) {
  const t = useT();
  const locale = useLocale();
  const backend = useBackend();
  const { store } = useApp();
  const pending = usePendingImport<OfficialPreview>(backend);
  const [options, setOptions] = useState<BoundaryOptions>({
    layer: source.kind === 'file' ? initialLayer(source.inspect) : undefined,
    crs: undefined,
    encoding: undefined,
    keyField: undefined,
    nameField: undefined,
    filterKeyPrefix: '',
    mergeDuplicateKeys: true,
    dissolveByField: undefined,
    dropUnnamed: undefined,
  });
  // VG250-EW may not state the Stichtag of its population figures: then the planner must give it.
  const [populationPeriod, setPopulationPeriod] = useState('');
  const [prefixText, setPrefixText] = useState('');
  const [layerName, setLayerName] = useState<string | null>(null);
  const [layerTitle, setLayerTitle] = useState('');
  const [attribution, setAttribution] = useState('');
  const [replaceLayer, setReplaceLayer] = useState(false);
  const [committing, setCommitting] = useState<string | null>(null);
  const [commitError, setCommitError] = useState<LocalizedText | null>(null);
  const { run } = pending;

  useEffect(() => {
    void run((taskId) => {
      if (source.kind === 'official') return backend.call('import.fetchOfficialBoundaries', { kreis: source.kreis, taskId });
      return backend.call('import.previewBoundaries', {
        path: source.path,
        taskId,
        mergeDuplicateKeys: options.mergeDuplicateKeys,
        ...(options.layer ? { layer: options.layer } : {}),
        ...(options.crs ? { crs: options.crs } : {}),
        ...(options.encoding ? { encoding: options.encoding } : {}),
        ...(options.keyField ? { keyField: options.keyField } : {}),
        ...(options.nameField ? { nameField: options.nameField } : {}),
        ...(options.filterKeyPrefix ? { filterKeyPrefix: options.filterKeyPrefix } : {}),
        ...(options.dissolveByField ? { dissolveByField: options.dissolveByField } : {}),
        ...(options.dropUnnamed !== undefined ? { dropUnnamed: options.dropUnnamed } : {}),
      });
    }, options);
  }, [backend, run, source, options]);

  const preview = pending.result;
  // The preview on screen answers the options shown only when kept with them: after a stopped or failed
  // preview of changed options (another key field, a dissolve) the older one stays visible, but importing it
  // would write what the planner just changed away from. A reload asks again with the same options.
  const previewCurrent = pending.resultKey === options;
  const previewStale = pending.runningTaskId === null && pending.error !== null && !previewCurrent;
  const reloadPreview = () => setOptions((current) => ({ ...current }));
  useEffect(() => {
    if (!preview) return;
    setLayerName((current) => current ?? preview.layerName);
    setAttribution((current) => current || preview.source.attribution);
  }, [preview]);

  const change = useCallback((patch: Partial<BoundaryOptions>) => setOptions((current) => ({ ...current, ...patch })), []);
  // Users type names as they speak ("Stadtteile Süd"); the project stores a technical name derived from it.
  const layerKey = layerName === null ? null : layerIdentifier(layerName);
  const layerNameValid = layerKey !== null;
  const needsPopulationPeriod = source.kind === 'official' && preview?.population !== undefined && preview.population.stichtag === null;
  // The date field reports only a day that exists (or nothing).
  const populationPeriodValid = populationPeriod !== '';
  // The name in the warning is the proposed one; another typed name is free (or refused with its own message).
  const layerExists = (preview?.report.warnings.some((warning) => warning.code === 'layer-exists') ?? false) && layerKey === preview?.layerName;

  const commit = async () => {
    if (!preview || !previewCurrent || !layerNameValid || (needsPopulationPeriod && !populationPeriodValid)) return;
    setCommitting(preview.importId);
    setCommitError(null);
    onWriting(true);
    try {
      const title = layerTitleToStore(layerName ?? '', layerTitle, preview.layerName);
      const result = await backend.call('import.commit', {
        importId: preview.importId,
        layerName: layerKey ?? preview.layerName,
        ...(replaceLayer && layerExists ? { replaceLayer: true } : {}),
        ...(needsPopulationPeriod ? { period: populationPeriod } : {}),
        ...(title ? { layerTitle: { de: title, en: title } } : {}),
        ...(attribution.trim() && attribution.trim() !== preview.source.attribution ? { attribution: attribution.trim() } : {}),
      });
      pending.markCommitted();
      showImportResult(store, backend, result);
      onDone();
    } catch (error) {
      setCommitError(toApiError(error, 'import.commit').text);
    } finally {
      setCommitting(null);
      onWriting(false);
    }
  };

  const report = preview?.report;
  const encodingNames = useMemo(() => (preview ? encodingSamples(preview.report.encoding.preview, preview.areas.map((area) => area.name), 8) : []), [preview]);
  const running = pending.runningTaskId;
  return (
    <>
      <div className="import-body import-two-columns">
        <section className="import-options" aria-label={t('import.settings')}>
          <p className="import-file-name">{source.kind === 'file' ? t('import.file', { name: fileNameOf(source.path) }) : t('import.official')}</p>
          {source.kind === 'file' && source.inspect.layers.length > 1 && (
            <label className="import-field">
              <span>{t('import.layer')}</span>
              <select data-testid="import-layer-select" value={options.layer ?? ''} onChange={(event) => change({ layer: event.target.value, keyField: undefined, nameField: undefined })}>
                {source.inspect.layers.map((layer) => (
                  <option key={layer.name} value={layer.name}>
                    {layer.name}
                  </option>
                ))}
              </select>
              <small>{t('import.layerHelp')}</small>
            </label>
          )}
          {source.kind === 'file' && (
            <>
              <label className="import-field">
                <span>{t('import.crs')}</span>
                <select data-testid="import-crs-select" value={options.crs ?? ''} onChange={(event) => change({ crs: event.target.value || undefined })}>
                  <option value="">{report ? `${t('import.crsAsDetected')}: ${crsLabel(report.crs.detected)}` : t('import.crsAsDetected')}</option>
                  {CRS_CHOICES.map((choice) => (
                    <option key={choice.code} value={choice.code}>
                      {choice.label} – {choice.code}
                    </option>
                  ))}
                </select>
                {report && !options.crs && report.crs.how === 'coordinate-range' && <small className="import-warning">{t('import.crsGuessed')}</small>}
              </label>
              <label className="import-field">
                <span>{t('import.encoding')}</span>
                <EncodingSelect testId="import-encoding-select" value={options.encoding} detected={report?.encoding.detected} onChange={(encoding) => change({ encoding })} />
                {report && preview && (
                  <small data-testid="import-encoding-preview" className={report.encoding.confidence < 0.8 ? 'import-warning' : undefined}>
                    {encodingNames.length > 0 ? `${t('import.encodingPreview', { names: encodingNames.join(', ') })} ${t('import.encodingHelp')}` : t('import.encodingNone')}
                  </small>
                )}
              </label>
              <div className="import-field-row">
                <label className="import-field">
                  <span>{t('import.keyField')}</span>
                  <select data-testid="import-key-field" value={options.keyField ?? ''} onChange={(event) => change({ keyField: event.target.value || undefined })}>
                    <option value="">
                      {t('import.automatic')}
                      {report ? `: ${report.keyField}` : ''}
                    </option>
                    {report?.fields.map((field) => (
                      <option key={field} value={field}>
                        {field}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="import-field">
                  <span>{t('import.nameField')}</span>
                  <select data-testid="import-name-field" value={options.nameField ?? ''} onChange={(event) => change({ nameField: event.target.value || undefined })}>
                    <option value="">
                      {t('import.automatic')}
                      {report?.nameField ? `: ${report.nameField}` : ''}
                    </option>
                    {report?.fields.map((field) => (
                      <option key={field} value={field}>
                        {field}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <label className="import-field">
                <span>{t('import.filterPrefix')}</span>
                <span className="import-inline">
                  <input
                    type="text"
                    inputMode="numeric"
                    value={prefixText}
                    placeholder="03241"
                    data-testid="import-filter-prefix"
                    onChange={(event) => setPrefixText(event.target.value)}
                    onKeyDown={(event) => event.key === 'Enter' && change({ filterKeyPrefix: prefixText.trim() })}
                  />
                  <button type="button" className="button" data-testid="import-apply-filter" onClick={() => change({ filterKeyPrefix: prefixText.trim() })}>
                    {t('import.refresh')}
                  </button>
                </span>
                <small>{t('import.filterHelp')}</small>
              </label>
              <label className="import-check">
                <input type="checkbox" checked={options.mergeDuplicateKeys} onChange={(event) => change({ mergeDuplicateKeys: event.target.checked })} />
                <span>{t('import.mergeDuplicates')}</span>
              </label>
              <label className="import-field">
                <span>{t('import.dissolveBy')}</span>
                <select data-testid="import-dissolve-field" value={options.dissolveByField ?? ''} onChange={(event) => change({ dissolveByField: event.target.value || undefined, keyField: undefined, nameField: undefined })}>
                  <option value="">{t('import.dissolveNone')}</option>
                  {report?.fields.map((field) => (
                    <option key={field} value={field}>
                      {field}
                    </option>
                  ))}
                </select>
                <small>{t('import.dissolveHelp')}</small>
              </label>
              {report && report.withoutName.count > 0 && (
                <label className="import-check">
                  <input type="checkbox" data-testid="import-drop-unnamed" checked={report.withoutName.dropped} onChange={(event) => change({ dropUnnamed: event.target.checked })} />
                  <span>{t('import.dropUnnamed', { count: formatNumber(report.withoutName.count, 0, locale) })}</span>
                </label>
              )}
            </>
          )}
          {preview && needsPopulationPeriod && (
            <label className="import-field">
              <span>{t('import.officialPeriod')}</span>
              <DateInput testId="import-official-period" value={populationPeriod || null} invalid={!populationPeriodValid} onChange={(date) => setPopulationPeriod(date ?? '')} />
              <small className={populationPeriodValid ? undefined : 'import-warning'} data-testid="import-official-period-help">
                {t('import.officialPeriodHelp')}
              </small>
            </label>
          )}
          {preview && (
            <fieldset className="import-fieldset">
              <legend>{t('import.newLayer')}</legend>
              <div className="import-field-row">
                <label className="import-field">
                  <span>{t('import.layerName')}</span>
                  <input
                    type="text"
                    value={layerName ?? ''}
                    data-testid="import-layer-name"
                    aria-invalid={!layerNameValid}
                    aria-describedby="import-layer-name-help"
                    onChange={(event) => setLayerName(event.target.value)}
                  />
                  <small id="import-layer-name-help" className={layerNameValid ? undefined : 'import-warning'} data-testid="import-layer-name-help">
                    {layerKey === null ? t('import.layerNameInvalid') : layerKey !== (layerName ?? '').trim() ? t('import.layerNameStoredAs', { name: layerKey }) : ''}
                  </small>
                </label>
                <label className="import-field">
                  <span>{t('import.layerTitle')}</span>
                  <input type="text" value={layerTitle} placeholder={localized(preview.layerTitle, locale)} onChange={(event) => setLayerTitle(event.target.value)} />
                </label>
              </div>
              {layerExists && (
                <label className="import-check">
                  <input type="checkbox" checked={replaceLayer} onChange={(event) => setReplaceLayer(event.target.checked)} />
                  <span>{t('import.replaceLayer')}</span>
                </label>
              )}
              <label className="import-field">
                <span>{t('import.attribution')}</span>
                <input type="text" value={attribution} data-testid="import-attribution" onChange={(event) => setAttribution(event.target.value)} />
                {!preview.source.attribution && <small className="import-warning">{t('import.attributionMissing')}</small>}
              </label>
            </fieldset>
          )}
        </section>
        <section className="import-results" aria-live="polite">
          {running && <ImportProgress taskId={running} onCancel={() => pending.stop(message('import.stopped'))} />}
          {pending.error && (
            <p className="import-error" role="alert" data-testid="import-error">
              {localized(pending.error, locale)}{' '}
              {previewStale && (
                <button type="button" className="button" data-testid="import-reload-preview" onClick={reloadPreview}>
                  {t('import.reloadPreview')}
                </button>
              )}
            </p>
          )}
          {preview && (
            <>
              <PreviewMap collection={preview.preview as unknown as FeatureCollection} />
              {preview.population && preview.population.total !== null && (
                <p>{t('import.officialPopulation', { date: preview.population.stichtag ?? '–', total: formatNumber(preview.population.total, 0, locale) })}</p>
              )}
              <BoundaryReportView preview={preview} shownLayerName={layerKey} />
            </>
          )}
        </section>
      </div>
      <CommitFooter committing={committing} commitError={commitError} canCommit={Boolean(preview) && running === null && previewCurrent && layerNameValid && !(needsPopulationPeriod && !populationPeriodValid)} blockedReason={previewStale ? t('import.blocked.stale') : null} onBack={onBack} onCancel={onCancel} onCommit={() => void commit()} />
    </>
  );
}
