/**
 * "Abbildung exportieren": format, page, resolution, title/subtitle/author, element toggles, legend
 * position, small-number mode and series, with a live preview of the very SVG the export writes. The layout
 * is saved in the project (setting `export.layout`) on export and reused next time. In Electron the target
 * comes from the native save dialog; in browser mode the file downloads.
 */
import { useMemo, useState } from 'react';
import { EXPORT_FORMATS } from '../../shared/contract/methods/export';
import { LEGEND_POSITIONS, PAGE_SIZES_MM, resolveExportLayout, type PagePreset, type ExportLayout, type ExportLayoutInput, type LegendPosition } from '../../shared/export/exportLayout';
import { readSetting, type MapDisplay } from '../../shared/settings/projectSettings';
import { localized } from '../../shared/i18n/translate';
import { DEFAULT_FILE_NAME_PATTERNS, fileNameFromPattern } from '../../shared/export/fileNamePattern';
import { useKleinraum, useLocale, useT } from '../AppContext';
import { ApiError } from '../api/apiError';
import type { FeatureDialogProps } from '../features';
import { useMapDisplay, useMapView } from '../map/useMapSymbology';
import { useBackend, useBackendQuery } from '../api/backend';
import { FigurePreview } from './FigurePreview';
import { PageSizeFields } from './PageSizeFields';
import './export.css';

type Format = (typeof EXPORT_FORMATS)[number];
type Batch = 'none' | 'indicators' | 'periods' | 'areas';
const PAGES = ['a4-landscape', 'a4-portrait', 'a3-landscape', 'slide-16x9', 'custom'] as const;
const TOGGLES = ['legend', 'scaleBar', 'northArrow', 'inset', 'labels', 'sources', 'date'] as const;
type Toggle = (typeof TOGGLES)[number];

/** Starts a browser download of base64 bytes. */
function download(file: { base64: string | null; fileName: string; mimeType: string }): void {
  if (!file.base64) return;
  const bytes = Uint8Array.from(atob(file.base64), (character) => character.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The page after choosing a preset: a preset brings its size, `custom` starts from the size shown so far. */
function pageForPreset(page: ExportLayout['page'], preset: PagePreset): ExportLayout['page'] {
  if (preset === 'custom') return { ...page, preset };
  const [widthMm, heightMm] = PAGE_SIZES_MM[preset];
  return { ...page, preset, widthMm, heightMm };
}

function layoutInput(layout: ExportLayout): ExportLayoutInput {
  return { ...layout, page: { preset: layout.page.preset, marginMm: layout.page.marginMm, ...(layout.page.preset === 'custom' ? { widthMm: layout.page.widthMm, heightMm: layout.page.heightMm } : {}) } };
}

export function ExportDialog({ onClose }: FeatureDialogProps) {
  const t = useT();
  const locale = useLocale();
  const project = useKleinraum((state) => state.project);
  const host = useKleinraum((state) => state.host);
  const indicatorId = useKleinraum((state) => state.indicatorId);
  const [layout, setLayout] = useState<ExportLayout>(() => resolveExportLayout(readSetting(project?.settings ?? {}, 'export.layout')));
  // The figure shows exactly the map's view: indicator, sources, derivation, symbology, labels, small numbers.
  const view = useMapView();
  const [display, setDisplay] = useMapDisplay();
  const [format, setFormat] = useState<Format>('pdf');
  const [dpi, setDpi] = useState<150 | 300 | 600>(300);
  const [batch, setBatch] = useState<Batch>('none');
  const [singlePdf, setSinglePdf] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const backend = useBackend();

  const indicator = project?.indicators.find((candidate) => candidate.id === indicatorId);
  // The shown values name the derived figure (e.g. "… (Index)"), which is also the figure's default title.
  const shownName = useKleinraum((state) => (state.indicatorValues && state.indicatorValues.indicator.id === indicatorId ? state.indicatorValues.indicator.name : null)) ?? indicator?.name;
  const shownPeriod = useKleinraum((state) => (state.indicatorValues && state.indicatorValues.indicator.id === indicatorId ? state.indicatorValues.period : state.period));
  const request = useMemo(() => ({ ...(view ? { view } : {}), locale, layout: layoutInput(layout) }), [view, locale, layout]);
  const report = (caught: unknown) => setError(caught instanceof ApiError ? localized(caught.text, locale) : String(caught));

  // Typing in a text field should not start a render per key: the preview waits until the user pauses.
  const previewAnswer = useBackendQuery('export.preview', indicatorId ? request : null, { keepPrevious: true, delayMs: 250 });
  const preview = previewAnswer.data ?? null;
  const previewError = previewAnswer.error ? localized(previewAnswer.error, locale) : null;

  const update = (change: (current: ExportLayout) => ExportLayout) => setLayout((current) => change(current));
  const setToggle = (toggle: Toggle, visible: boolean) => update((current) => ({ ...current, [toggle]: { ...current[toggle], visible } }));

  async function runExport(): Promise<void> {
    if (!indicatorId) return;
    setBusy(true);
    setMessage(null);
    setError(null);
    try {
      await backend.call('project.setSetting', { key: 'export.layout', value: layoutInput(layout) });
      if (batch !== 'none') {
        const result = await backend.call('export.batch', { ...request, format, dpi, by: batch, singlePdf: format === 'pdf' && singlePdf });
        result.files.forEach(download);
        setMessage(result.files.length === 1 ? t('export.doneOne') : t('export.done', { count: result.files.length }));
        return;
      }
      let path: string | undefined;
      if (host?.nativeDialogs) {
        // The name export.map gives the figure when there is no dialog (browser mode): the same pattern and fields.
        const fields = { indicator: shownName ? localized(shownName, locale) : indicatorId, id: indicatorId, period: shownPeriod ?? '', number: 1, total: 1 };
        const chosen = await backend.call('dialog.saveFile', { title: t('export.saveDialogTitle'), defaultName: `${fileNameFromPattern(DEFAULT_FILE_NAME_PATTERNS.single, fields)}.${format}`, extensions: [format] });
        if (!chosen.path) return;
        path = chosen.path;
      }
      const result = await backend.call('export.map', { ...request, format, dpi, ...(path ? { path } : {}) });
      if (!result.path) download(result);
      setMessage(t('export.doneOne'));
    } catch (caught) {
      report(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="modal-backdrop">
      <div className="modal export-dialog" role="dialog" aria-modal="true" aria-labelledby="export-title" data-testid="export-dialog">
        <h2 id="export-title">
          {t('export.title')}
          {shownName ? ` – ${localized(shownName, locale)}` : ''}
        </h2>
        <div className="export-body">
          <form className="export-controls" onSubmit={(event) => event.preventDefault()}>
            <label>
              {t('export.format')}
              <select value={format} onChange={(event) => setFormat(event.target.value as Format)} data-testid="export-format">
                {EXPORT_FORMATS.map((value) => (
                  <option key={value} value={value}>
                    {value.toUpperCase()}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('export.page')}
              <select value={layout.page.preset} onChange={(event) => update((current) => ({ ...current, page: pageForPreset(current.page, event.target.value as PagePreset) }))} data-testid="export-page">
                {PAGES.map((value) => (
                  <option key={value} value={value}>
                    {t(`export.page.${value}`)}
                  </option>
                ))}
              </select>
            </label>
            <PageSizeFields page={layout.page} custom={layout.page.preset === 'custom'} onChange={(size) => update((current) => ({ ...current, page: { ...current.page, ...size } }))} />
            {format === 'png' && (
              <label>
                {t('export.dpi')}
                <select value={dpi} onChange={(event) => setDpi(Number(event.target.value) as 150 | 300 | 600)} data-testid="export-dpi">
                  {[150, 300, 600].map((value) => (
                    <option key={value} value={value}>
                      {value} dpi
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label>
              {t('export.figureTitle')}
              <input value={layout.title.text} placeholder={shownName ? localized(shownName, locale) : t('export.titlePlaceholder')} onChange={(event) => update((current) => ({ ...current, title: { ...current.title, text: event.target.value } }))} data-testid="export-title-input" />
            </label>
            <label>
              {t('export.figureSubtitle')}
              <input value={layout.subtitle.text} placeholder={t('export.subtitlePlaceholder')} onChange={(event) => update((current) => ({ ...current, subtitle: { ...current.subtitle, text: event.target.value } }))} />
            </label>
            <label>
              {t('export.author')}
              <input value={layout.author.text} onChange={(event) => update((current) => ({ ...current, author: { ...current.author, text: event.target.value } }))} />
            </label>
            <fieldset>
              <legend>{t('export.elements')}</legend>
              {TOGGLES.map((toggle) => (
                <label key={toggle} className="export-check">
                  <input type="checkbox" checked={layout[toggle].visible} onChange={(event) => setToggle(toggle, event.target.checked)} data-testid={`export-toggle-${toggle}`} />
                  {t(`export.element.${toggle}`)}
                </label>
              ))}
            </fieldset>
            <label>
              {t('export.legendPosition')}
              <select value={layout.legend.position} onChange={(event) => update((current) => ({ ...current, legend: { ...current.legend, position: event.target.value as LegendPosition } }))}>
                {LEGEND_POSITIONS.map((value) => (
                  <option key={value} value={value}>
                    {t(`export.position.${value}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('export.smallNumbers')}
              <select value={display.smallNumbers} onChange={(event) => setDisplay({ ...display, smallNumbers: event.target.value as MapDisplay['smallNumbers'] })} data-testid="export-small-numbers">
                <option value="suppress">{t('export.smallNumbers.suppress')}</option>
                <option value="flag">{t('export.smallNumbers.flag')}</option>
              </select>
            </label>
            <label>
              {t('export.batch')}
              <select value={batch} onChange={(event) => setBatch(event.target.value as Batch)} data-testid="export-batch">
                {(['none', 'indicators', 'periods', 'areas'] as const).map((value) => (
                  <option key={value} value={value}>
                    {t(`export.batch.${value}`)}
                  </option>
                ))}
              </select>
            </label>
            {batch !== 'none' && format === 'pdf' && (
              <label className="export-check">
                <input type="checkbox" checked={singlePdf} onChange={(event) => setSinglePdf(event.target.checked)} />
                {t('export.singlePdf')}
              </label>
            )}
          </form>
          <div className="export-preview" aria-label={t('export.preview')}>
            {preview ? <FigurePreview svg={preview.svg} label={t('export.preview')} testId="export-preview" /> : <p>{t('export.previewLoading')}</p>}
          </div>
        </div>
        {(error ?? previewError) && (
          <p className="export-error" role="alert">
            {error ?? previewError}
          </p>
        )}
        {message && <p className="export-message" data-testid="export-message">{message}</p>}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose} data-testid="export-close">
            {/* After an export there is nothing left to cancel. */}
            {t(message ? 'export.close' : 'export.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={busy || !indicatorId} onClick={() => void runExport()} data-testid="export-run">
            {busy ? t('export.running') : t('export.run')}
          </button>
        </div>
      </div>
    </div>
  );
}
