/**
 * Wanderungen in the Bestand-und-Bewegung tab: the flow map of one period (gross or net, all flows or
 * those into / out of / both ways for the selected area, only the N largest drawn with a note of what is
 * hidden), the flow table and the per-area in/out/internal/net totals, linked to the app's one selection.
 * Everything comes from `flows.compute` (the same method `kleinraum flows` calls); exports from
 * `flows.export`.
 */
import type { FeatureCollection } from 'geojson';
import { useMemo, useState } from 'react';
import { FLOW_EXPORT_FORMATS } from '../../shared/contract/methods/flows';
import { formatDate, formatNumber } from '../../shared/format/number';
import { FLOW_DIRECTIONS, FLOW_MODES, flowSuppressionNote, flowSyntheticNote, hiddenFlowsNote, type FlowDirection, type FlowMode } from '../../shared/movement/flows';
import { FLOW_COLOURS, SCREEN_FLOW_WIDTH, flowWidthLegend } from '../../shared/movement/flowGeometry';
import { useBackend, useBackendQuery } from '../api/backend';
import { useApp, useKleinraum, useLocale, useT } from '../AppContext';
import { downloadBase64 } from '../profiles/exportProfiles';
import { FlowImport } from './FlowImport';
import { FlowMap } from './FlowMap';
import './flows.css';
import { sourceNameIn } from '../../shared/sources/sourceChoiceLine';

const DEFAULT_TOP = 25;

export function FlowPanel() {
  const t = useT();
  const locale = useLocale();
  const { store } = useApp();
  const backend = useBackend();
  const layerName = useKleinraum((state) => state.layerName);
  const selectedKey = useKleinraum((state) => state.selectedKey);
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [mode, setMode] = useState<FlowMode>('gross');
  const [direction, setDirection] = useState<FlowDirection>('all');
  const [top, setTop] = useState(DEFAULT_TOP);
  const [source, setSource] = useState<string | undefined>(undefined);
  const [exporting, setExporting] = useState(false);
  const layer = layerName ?? undefined;
  const area = direction !== 'all' && selectedKey ? selectedKey : undefined;
  const input = layer ? { layer, mode, direction: area ? direction : ('all' as const), top, ...(period ? { period } : {}), ...(area ? { area } : {}), ...(source ? { source } : {}) } : null;
  const query = useBackendQuery('flows.compute', input, { keepPrevious: true });
  const data = query.data;
  const features = useBackendQuery('layer.features', data ? { layer: data.layer } : null);
  const names = useMemo(() => new Map((data?.ends ?? []).map((end) => [end.key, end.name[locale]])), [data, locale]);
  const selectable = (key: string) => data?.areas.some((entry) => entry.key === key) ?? false;
  const select = (key: string) => {
    if (selectable(key)) store.getState().selectArea(key);
  };
  const number = (value: number) => formatNumber(value, 0, locale);
  // Totals withheld by small-number protection (null) are written "." as in the flow table.
  const shown = (value: number | null) => (value === null ? '.' : number(value));
  const signedShown = (value: number | null) => (value !== null && value > 0 ? `+${number(value)}` : shown(value));
  const suppressionNote = data ? flowSuppressionNote(data.flows, data.smallNumberThreshold, locale) : null;

  const runExport = async (format: (typeof FLOW_EXPORT_FORMATS)[number], table: 'flows' | 'totals') => {
    if (!input) return;
    setExporting(true);
    try {
      const file = await backend.call('flows.export', { ...input, format, table, locale, page: 'a4-landscape', dpi: 300 });
      downloadBase64(file.fileName, file.mimeType, file.base64);
    } finally {
      setExporting(false);
    }
  };

  if (!data) return <section className="flows" data-testid="flows-panel"><h3>{t('flows.title')}</h3>{query.error && <p className="movement-warning">{query.error[locale]}</p>}</section>;
  if (data.period === null) {
    return (
      <section className="flows" data-testid="flows-panel">
        <h3>{t('flows.title')}</h3>
        <p className="movement-note" data-testid="flows-none">{t('flows.none')}</p>
        <FlowImport onImported={(answer) => setPeriod(answer.periods.at(-1))} />
      </section>
    );
  }
  const sourceNames = data.sources.map((source) => sourceNameIn(source.name, locale)).join('; ');
  // The same rule as the flow files and figure: said once, unless a source's name says it already.
  const syntheticNote = flowSyntheticNote(data.sources, locale);
  return (
    <section className="flows" data-testid="flows-panel">
      <h3>{t('flows.title')}</h3>
      <div className="flows-controls">
        <label>
          {t('flows.period')}
          <select
            value={data.period}
            data-testid="flows-period"
            onChange={(event) => {
              setPeriod(event.target.value);
              setSource(undefined);
            }}
          >
            {data.periods.map((entry) => (
              <option key={entry} value={entry}>{formatDate(entry, locale)}</option>
            ))}
          </select>
        </label>
        {data.periodSources.length > 1 && (
          <label>
            {t('flows.sourceChoice')}
            <select value={data.sources[0]?.id ?? ''} data-testid="flows-source-choice" onChange={(event) => setSource(event.target.value)}>
              {data.periodSources.map((entry) => (
                <option key={entry.id} value={entry.id}>{entry.name}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('flows.mode')}
          <select value={mode} data-testid="flows-mode" onChange={(event) => setMode(event.target.value as FlowMode)}>
            {FLOW_MODES.map((entry) => (
              <option key={entry} value={entry}>{t(`flows.mode.${entry}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('flows.direction')}
          <select value={direction} data-testid="flows-direction" onChange={(event) => setDirection(event.target.value as FlowDirection)}>
            {FLOW_DIRECTIONS.map((entry) => (
              <option key={entry} value={entry} disabled={entry !== 'all' && !selectedKey}>
                {t(`flows.direction.${entry}`)}{entry !== 'all' && selectedKey ? `: ${names.get(selectedKey) ?? selectedKey}` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('flows.top')}
          <input type="number" min={1} max={500} value={top} data-testid="flows-top" onChange={(event) => setTop(Math.max(1, Math.min(500, Number(event.target.value) || DEFAULT_TOP)))} />
        </label>
        <div className="movement-export" role="group" aria-label={t('flows.export')}>
          {FLOW_EXPORT_FORMATS.map((format) => (
            <button key={format} type="button" className="button button-small" disabled={exporting} data-testid={`flows-export-${format}`} onClick={() => void runExport(format, 'flows')}>
              {format.toUpperCase()}
            </button>
          ))}
        </div>
      </div>
      <div className="flows-layout">
        <div>
          <FlowMap
            areas={(features.data as FeatureCollection | undefined) ?? null}
            flows={data.flows}
            ends={data.ends}
            locale={locale}
            selectedKey={selectedKey}
            onSelect={select}
            formatValue={(value) => `${number(value)} ${t('flows.column.value')}`}
            suppressedLabel={suppressionNote ?? ''}
          />
          <p className="movement-note" data-testid="flows-source">
            {t('flows.source', { source: sourceNames || '–', date: formatDate(data.period, locale) })}
            {syntheticNote ? ` · ${syntheticNote}` : ''}
            {data.mode === 'net' ? ` · ${t('flows.netNote')}` : ''}
          </p>
          <FlowWidthLegend flows={data.flows} smallNumberThreshold={data.smallNumberThreshold} title={t('flows.legend')} format={number} />
          {/* What the colours mean (the map draws three and a dashed grey; only the widths had a key). */}
          <div className="flow-width-legend" data-testid="flows-colour-legend">
            {(
              [
                [FLOW_COLOURS.line, 'flows.colour.between', false],
                [FLOW_COLOURS.external, 'flows.colour.external', false],
                ...(selectedKey ? [[FLOW_COLOURS.selected, 'flows.colour.selected', false] as const] : []),
                ...(data.flows.some((flow) => flow.suppressed)
                  ? [[FLOW_COLOURS.suppressed, data.flows.some((flow) => flow.complementary === true) ? 'flows.colour.suppressedOrComplementary' : 'flows.colour.suppressed', true] as const]
                  : []),
              ] as const
            ).map(([colour, label, dashed]) => (
              <span key={label} className="flow-width-item">
                <svg width="28" height="8" aria-hidden="true">
                  <line x1="1" x2="27" y1="4" y2="4" stroke={colour} strokeWidth="4" strokeDasharray={dashed ? '4 3' : undefined} />
                </svg>
                {t(label)}
              </span>
            ))}
          </div>
          {data.hidden.count > 0 && (
            <p className="movement-note" data-testid="flows-hidden">
              {hiddenFlowsNote(data.hidden, data.smallNumberThreshold, locale)}
            </p>
          )}
          {suppressionNote && (
            <p className="movement-note" data-testid="flows-suppression">
              {suppressionNote}
            </p>
          )}
          {data.flows.length === 0 && <p className="movement-note">{t('flows.noneForFilter')}</p>}
        </div>
        <div className="flows-tables">
          <h4>{t('flows.table')}</h4>
          <table className="movement-balance flows-table" data-testid="flows-table">
            <thead>
              <tr>
                <th>{t('flows.column.from')}</th>
                <th>{t('flows.column.to')}</th>
                <th>{t('flows.column.value')}</th>
              </tr>
            </thead>
            <tbody>
              {data.flows.map((flow) => (
                <tr key={`${flow.from}>${flow.to}`} className={flow.from === selectedKey || flow.to === selectedKey ? 'selected' : undefined} onClick={() => select(selectable(flow.from) ? flow.from : flow.to)}>
                  <td>{names.get(flow.from) ?? flow.from}</td>
                  <td>{names.get(flow.to) ?? flow.to}</td>
                  <td>{flow.value === null ? '.' : number(flow.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>{t('flows.totals')}</h4>
          <table className="movement-balance flows-table" data-testid="flows-totals">
            <thead>
              <tr>
                <th>{t('flows.column.name')}</th>
                <th>{t('flows.column.inflow')}</th>
                <th>{t('flows.column.outflow')}</th>
                <th>{t('flows.column.internal')}</th>
                <th>{t('flows.column.net')}</th>
              </tr>
            </thead>
            <tbody>
              {data.areas.map((entry) => (
                <tr key={entry.key} data-key={entry.key} className={entry.key === selectedKey ? 'selected' : undefined} onClick={() => select(entry.key)}>
                  <td>{entry.name}</td>
                  <td>{shown(entry.inflow)}</td>
                  <td>{shown(entry.outflow)}</td>
                  <td>{shown(entry.internal)}</td>
                  <td className={entry.net !== null && entry.net < 0 ? 'negative' : undefined}>{signedShown(entry.net)}</td>
                </tr>
              ))}
              {data.external.map((entry) => (
                // Seen from the region like every other row: arrivals from this category into the areas,
                // departures from the areas to it (they were seen from the category, so "Ausland" read
                // 559 arrivals although 1.134 came from abroad to Hannover alone).
                <tr key={entry.key} className="external" data-key={entry.key}>
                  <td>{t('flows.externalRow', { name: entry.name[locale] })}</td>
                  <td>{shown(entry.inflow)}</td>
                  <td>{shown(entry.outflow)}</td>
                  <td />
                  <td className={entry.inflow !== null && entry.outflow !== null && entry.inflow - entry.outflow < 0 ? 'negative' : undefined}>{signedShown(entry.inflow === null || entry.outflow === null ? null : entry.inflow - entry.outflow)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="movement-note">
            {t('flows.totalsNote')} {data.external.length > 0 && t('flows.externalNote')}
          </p>
        </div>
      </div>
      <FlowImport
        onImported={(answer) => {
          setPeriod(answer.periods.at(-1));
          setSource(answer.source.id);
        }}
      />
    </section>
  );
}

/** Round counts drawn at the widths the map gives them (the same scale as flowGeometry's lines). */
function FlowWidthLegend({ flows, smallNumberThreshold, title, format }: { flows: readonly { value: number | null }[]; smallNumberThreshold: number; title: string; format: (value: number) => string }) {
  const rows = flowWidthLegend(flows, smallNumberThreshold, SCREEN_FLOW_WIDTH.min, SCREEN_FLOW_WIDTH.max);
  if (rows.length === 0) return null;
  return (
    <div className="flow-width-legend" data-testid="flows-width-legend">
      <span>{title}:</span>
      {rows.map(({ value, width }) => {
        return (
          <span key={value} className="flow-width-item">
            <svg width="28" height={Math.ceil(SCREEN_FLOW_WIDTH.max) + 2} aria-hidden="true">
              <line x1="1" x2="27" y1="50%" y2="50%" stroke={FLOW_COLOURS.line} strokeOpacity="0.8" strokeWidth={width} />
            </svg>
            {format(value)}
          </span>
        );
      })}
    </div>
  );
}
