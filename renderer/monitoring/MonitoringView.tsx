/**
 * The Monitoring tab (Sozialmonitoring, Frühwarnung, issue 13): the planner picks indicators and their
 * direction, the Stichtag, the dynamics period, the population floor and the alert rules (a monitoring
 * definition, saved in the project by name); the tab shows the 4 × 3 class map with its two-dimensional
 * legend, the areas with their short text, and the alerts ("Auffälligkeiten"). Everything is computed by
 * `monitoring.compute` (shared/monitoring); the map, the tables and the exports show that one result.
 */
import { useMemo, useState } from 'react';
import type { FeatureCollectionDto, MethodOutput } from '../../shared/contract/api';
import { MONITORING_EXPORT_FORMATS } from '../../shared/contract/methods/monitoring';
import { formatDate, formatNumber } from '../../shared/format/number';
import { ALERT_RULE_TYPES, DYNAMICS_CLASSES, STATUS_CLASSES, monitoringDefinition, type AlertRule, type AlertRuleType, type MonitoringDefinition } from '../../shared/monitoring/monitoringDefinition';
import { MONITORING_COLOURS, NOT_SCORED_COLOUR, NO_DATA_COLOUR, STATUS_ONLY_COLOURS, monitoringColour } from '../../shared/monitoring/monitoringColours';
import { movedIntoWorseClass } from '../../shared/monitoring/monitoringIndex';
import { DYNAMICS_CLASS_TEXT, monitoringDisplayName, RULE_TEXT, STATUS_CLASS_TEXT, STATUS_DIRECTION_TEXT } from '../../shared/monitoring/monitoringTexts';
import { readFamilySetting } from '../../shared/settings/projectSettings';
import { toApiError } from '../api/apiError';
import { useBackend, useBackendQuery, type BackendInput } from '../api/backend';
import { useApp, useKleinraum, useLocale, useT } from '../AppContext';
import { AreaMap } from '../analysis/AreaMap';
import { downloadBase64 } from '../profiles/exportProfiles';
import { monitoringOverlay } from './monitoringOverlay';
import '../analysis/analysis.css';
import './monitoring.css';
import { DecimalInput } from '../forms/DecimalInput';
import { sourceNameIn } from '../../shared/sources/sourceChoiceLine';
import { compareAreaNames } from '../../shared/format/areaNames';
import { showsAbsoluteCount } from '../../shared/model/project';

type Result = MethodOutput<'monitoring.compute'>;
type ExportFormat = (typeof MONITORING_EXPORT_FORMATS)[number];
const FAMILY = 'monitoring.definition.';

/** A setting key's subject from a name: "Soziale Lage 2024" → "soziale-lage-2024". */
function slug(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return base || 'monitoring';
}

/** The definition a project starts with; null for a project without indicators (a definition needs one). */
function defaultDefinition(indicatorIds: readonly string[]): MonitoringDefinition | null {
  const preferred = ['refugees_per_1000', 'under18_share', 'foreign_share'].filter((id) => indicatorIds.includes(id));
  const chosen = preferred.length > 0 ? preferred : indicatorIds.slice(0, 1);
  if (chosen.length === 0) return null;
  return monitoringDefinition.parse({
    name: 'Sozialmonitoring',
    indicators: chosen.map((id) => ({ id, direction: '+' })),
    rules: [{ type: 'worseClass' }, ...(chosen[0] ? [{ type: 'fences', indicator: chosen[0], factor: 1.5 }] : [])],
  });
}

function newRule(type: AlertRuleType, indicator: string): AlertRule {
  switch (type) {
    case 'worseClass':
      return { type };
    case 'above':
    case 'below':
      return { type, indicator, threshold: 0 };
    case 'deviation':
      return { type, indicator, threshold: 25, unit: 'percent' };
    case 'change':
      return { type, indicator, threshold: 25, years: 3 };
    case 'fences':
      return { type, indicator, factor: 1.5 };
  }
}

function numberFrom(text: string, fallback: number): number {
  // A threshold pasted from a report may carry the typographic minus the app itself shows.
  const value = Number(text.replace(',', '.').replace('\u2212', '-'));
  return Number.isFinite(value) ? value : fallback;
}

export function MonitoringView() {
  const t = useT();
  const locale = useLocale();
  const { store } = useApp();
  const backend = useBackend();
  const project = useKleinraum((state) => state.project);
  const layerName = useKleinraum((state) => state.layerName);
  const features = useKleinraum((state) => state.features);
  const selectedKey = useKleinraum((state) => state.selectedKey);
  const indicators = useMemo(() => project?.indicators.filter((indicator) => indicator.periods.length > 0) ?? [], [project]);
  const settings = project?.settings ?? {};
  const savedIds = Object.keys(settings)
    .filter((key) => key.startsWith(FAMILY))
    .map((key) => key.slice(FAMILY.length));
  const [draft, setDraft] = useState<MonitoringDefinition | null>(null);
  const [savedId, setSavedId] = useState<string>('');
  const [period, setPeriod] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [assessment, setAssessment] = useState('');
  // A definition from another project (or a saved one naming indicators this project lacks) keeps only the indicators it has.
  const definition = useMemo(() => {
    const base = draft ?? defaultDefinition(indicators.map((indicator) => indicator.id));
    if (base === null) return null;
    const known = new Set(indicators.map((indicator) => indicator.id));
    return base.indicators.every((indicator) => known.has(indicator.id)) ? base : { ...base, indicators: base.indicators.filter((indicator) => known.has(indicator.id)) };
  }, [draft, indicators]);
  const update = (change: Partial<MonitoringDefinition>) => {
    if (definition) setDraft({ ...definition, ...change });
    setNote(null);
  };
  const nameOf = (id: string) => indicators.find((indicator) => indicator.id === id)?.name[locale] ?? id;

  const request: BackendInput<'monitoring.compute'> | null =
    definition && definition.indicators.length > 0 && layerName ? { ...definition, layer: layerName, ...(period ? { period } : {}) } : null;
  const query = useBackendQuery('monitoring.compute', request, { keepPrevious: true, delayMs: 250 });
  const result = query.data;

  const chooseSaved = (id: string) => {
    setSavedId(id);
    setNote(null);
    if (id === '') {
      setDraft(defaultDefinition(indicators.map((indicator) => indicator.id)));
      return;
    }
    const stored = readFamilySetting(settings, FAMILY, id);
    if (stored) setDraft(stored);
  };
  const save = async () => {
    if (!definition) return;
    const id = savedId || slug(definition.name);
    try {
      await backend.call('project.setSetting', { key: `${FAMILY}${id}`, value: definition });
      setSavedId(id);
      setNote(t('monitoring.saved'));
    } catch (error) {
      store.getState().showMessage(toApiError(error, 'project.setSetting').text);
    }
  };
  const remove = async () => {
    if (!savedId) return;
    try {
      await backend.call('project.setSetting', { key: `${FAMILY}${savedId}`, value: null });
      setSavedId('');
    } catch (error) {
      store.getState().showMessage(toApiError(error, 'project.setSetting').text);
    }
  };
  const [exporting, setExporting] = useState(false);
  const runExport = async (format: ExportFormat) => {
    if (!request) return;
    setExporting(true);
    try {
      const file = await backend.call('monitoring.export', { ...request, ...(result ? { period: result.period } : {}), format, locale, page: 'a4-landscape', dpi: 300, assessment });
      downloadBase64(file.fileName, file.mimeType, file.base64);
    } catch (error) {
      store.getState().showMessage(toApiError(error, 'monitoring.export').text);
    } finally {
      setExporting(false);
    }
  };

  if (indicators.length === 0 || definition === null) return <div className="analysis-empty">{t('monitoring.empty')}</div>;
  const chosen = new Map(definition.indicators.map((indicator) => [indicator.id, indicator.direction]));
  const toggleIndicator = (id: string, on: boolean) =>
    update({ indicators: on ? [...definition.indicators, { id, direction: '+' }] : definition.indicators.filter((indicator) => indicator.id !== id) });
  const setDirection = (id: string, direction: '+' | '-') => update({ indicators: definition.indicators.map((indicator) => (indicator.id === id ? { ...indicator, direction } : indicator)) });
  const setRule = (index: number, rule: AlertRule) => update({ rules: definition.rules.map((candidate, position) => (position === index ? rule : candidate)) });

  return (
    <div className="analysis monitoring" data-testid="monitoring-view">
      <aside className="analysis-controls">
        <label>
          {t('monitoring.definition')}
          <select value={savedId} data-testid="monitoring-definition" onChange={(event) => chooseSaved(event.target.value)}>
            <option value="">{t('monitoring.definition.new')}</option>
            {savedIds.map((id) => (
              <option key={id} value={id}>
                {monitoringDisplayName(readFamilySetting(settings, FAMILY, id)?.name ?? id, locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('monitoring.name')}
          <input type="text" value={monitoringDisplayName(definition.name, locale)} maxLength={120} data-testid="monitoring-name" onChange={(event) => update({ name: event.target.value })} />
        </label>
        <div className="monitoring-buttons">
          <button type="button" className="button button-small" data-testid="monitoring-save" disabled={definition.name.trim() === '' || definition.indicators.length === 0} onClick={() => void save()}>
            {t('monitoring.save')}
          </button>
          {savedId && (
            <button type="button" className="button button-small" data-testid="monitoring-delete" onClick={() => void remove()}>
              {t('monitoring.delete')}
            </button>
          )}
        </div>
        {note && <p className="analysis-hint" data-testid="monitoring-saved">{note}</p>}
        <fieldset className="monitoring-indicators">
          <legend>{t('monitoring.indicators')}</legend>
          {indicators.map((indicator) => {
            const direction = chosen.get(indicator.id);
            return (
              <div key={indicator.id} className="monitoring-indicator">
                <label className="monitoring-check">
                  <input type="checkbox" checked={direction !== undefined} data-testid={`monitoring-indicator-${indicator.id}`} onChange={(event) => toggleIndicator(indicator.id, event.target.checked)} />
                  {indicator.name[locale]}
                </label>
                {direction !== undefined && (
                  <select value={direction} aria-label={indicator.name[locale]} data-testid={`monitoring-direction-${indicator.id}`} onChange={(event) => setDirection(indicator.id, event.target.value as '+' | '-')}>
                    <option value="+">+ {t('monitoring.direction.plus')}</option>
                    <option value="-">− {t('monitoring.direction.minus')}</option>
                  </select>
                )}
                {/* A count grows with an area's size: a big municipality would rank as in need for being big. */}
                {direction !== undefined && showsAbsoluteCount(indicator) && (
                  <small className="monitoring-absolute" data-testid={`monitoring-absolute-${indicator.id}`}>
                    {t('monitoring.absoluteHint')}
                  </small>
                )}
              </div>
            );
          })}
        </fieldset>
        <label>
          {t('monitoring.period')}
          <select value={result?.period ?? period ?? ''} data-testid="monitoring-period" onChange={(event) => setPeriod(event.target.value)}>
            {(result?.periods ?? []).map((candidate) => (
              <option key={candidate} value={candidate}>
                {formatDate(candidate, locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('monitoring.dynamicsYears')}
          <input type="number" min={1} max={20} value={definition.dynamicsYears} data-testid="monitoring-dynamics-years" onChange={(event) => update({ dynamicsYears: Math.min(20, Math.max(1, Math.round(numberFrom(event.target.value, 3)))) })} />
        </label>
        <label>
          {t('monitoring.minPopulation')}
          <input type="number" min={0} step={100} value={definition.minPopulation} data-testid="monitoring-min-population" onChange={(event) => update({ minPopulation: Math.max(0, numberFrom(event.target.value, 300)) })} />
        </label>
        <label className="monitoring-check">
          <input type="checkbox" checked={definition.weighted} data-testid="monitoring-weighted" onChange={(event) => update({ weighted: event.target.checked })} />
          {t('monitoring.weighted')}
        </label>
        <label>
          {t('monitoring.statusCuts')}
          <span className="monitoring-cuts">
            {definition.statusCuts.map((cut, index) => (
              <DecimalInput
                key={index}
                value={cut}
                testId={`monitoring-status-cut-${index}`}
                onChange={(next) => {
                  const cuts = [...definition.statusCuts] as [number, number, number];
                  cuts[index] = next;
                  if (cuts[0] < cuts[1] && cuts[1] < cuts[2]) update({ statusCuts: cuts });
                }}
              />
            ))}
          </span>
        </label>
        <label>
          {t('monitoring.dynamicsCut')}
          <DecimalInput min={0.1} value={definition.dynamicsCut} testId="monitoring-dynamics-cut" onChange={(next) => update({ dynamicsCut: next })} />
        </label>
        <RulesEditor rules={definition.rules} indicatorIds={definition.indicators.length > 0 ? indicators.map((indicator) => indicator.id) : []} nameOf={nameOf} onChange={setRule} onAdd={(rule) => update({ rules: [...definition.rules, rule] })} onRemove={(index) => update({ rules: definition.rules.filter((_, position) => position !== index) })} />
      </aside>
      <section className="analysis-main">
        {definition.indicators.length === 0 && <p className="analysis-hint">{t('monitoring.pickIndicator')}</p>}
        {query.error && (
          <p className="analysis-error" role="alert" data-testid="monitoring-error">
            {query.error[locale]}
          </p>
        )}
        {query.loading && !result && <p className="analysis-loading">{t('monitoring.running')}</p>}
        {result && (
          <>
            <p className="analysis-hint" data-testid="monitoring-summary">
              {t('monitoring.summary', { date: formatDate(result.period, locale), scored: result.scoredCount, total: result.areas.length })}
              {result.dynamicsStart ? ` · ${t('monitoring.summary.dynamics', { from: formatDate(result.dynamicsStart, locale), to: formatDate(result.period, locale) })}` : ''}
              {result.previousPeriod ? ` · ${t('monitoring.summary.previous', { date: formatDate(result.previousPeriod, locale) })}` : ''}
            </p>
            {result.messages.map((message) => (
              <p key={message.de} className="analysis-note" data-testid="monitoring-message">
                {message[locale]}
              </p>
            ))}
            {result.synthetic && <p className="analysis-note">{t('monitoring.synthetic')}</p>}
            <div className="analysis-panels">
              <div className="analysis-panel">
                {features && (
                  <AreaMap
                    features={features}
                    fillOf={(key) => {
                      const area = result.areas.find((entry) => entry.key === key);
                      return area ? monitoringColour(area) : NO_DATA_COLOUR;
                    }}
                    titleOf={(key, name) => `${name}: ${result.areas.find((entry) => entry.key === key)?.text[locale] ?? t('monitoring.legend.noData')}`}
                    caption={t('monitoring.map')}
                    legend={[]}
                    testId="monitoring-map"
                    emphasised={worseKeys(result)}
                  />
                )}
                <div className="analysis-export" role="group" aria-label={t('monitoring.export')}>
                  {MONITORING_EXPORT_FORMATS.map((format) => (
                    <button key={format} type="button" className="button button-small" disabled={exporting} data-testid={`monitoring-export-${format}`} onClick={() => void runExport(format)}>
                      {format.toUpperCase()}
                    </button>
                  ))}
                </div>
                <label className="monitoring-assessment">
                  {t('monitoring.assessment')}
                  <textarea value={assessment} rows={3} maxLength={2000} data-testid="monitoring-assessment" onChange={(event) => setAssessment(event.target.value)} />
                </label>
              </div>
              <div className="analysis-panel">
                <ClassLegend result={result} />
                <p className="analysis-hint monitoring-method">{t('monitoring.method')}</p>
                <button
                  type="button"
                  className="button"
                  data-testid="monitoring-show-on-map"
                  onClick={() => {
                    store.getState().showMapOverlay((language) => monitoringOverlay(result, language));
                    store.getState().setActiveView('map');
                  }}
                >
                  {t('monitoring.showOnMap')}
                </button>
              </div>
            </div>
            {features && request && <ClassSeries request={request} result={result} features={features} />}
            <AlertList result={result} selectedKey={selectedKey} onSelect={(key) => store.getState().selectArea(key)} />
            <AreaTable result={result} selectedKey={selectedKey} onSelect={(key) => store.getState().selectArea(key)} />
          </>
        )}
      </section>
    </div>
  );
}

/** Areas that moved into a worse status class since the previous Stichtag: outlined dashed on the class map. */
function worseKeys(result: Result): ReadonlySet<string> {
  return new Set(result.areas.filter((area) => movedIntoWorseClass(area.statusClass, area.previousStatusClass)).map((area) => area.key));
}

/** How many Stichtage the series shows (the chosen one and those before it). */
const SERIES_LENGTH = 4;

/** The class map at the Stichtage up to the chosen one, so a planner sees areas move between classes. */
function ClassSeries({ request, result, features }: { request: BackendInput<'monitoring.compute'>; result: Result; features: FeatureCollectionDto }) {
  const t = useT();
  const periods = result.periods.filter((period) => period <= result.period).slice(-SERIES_LENGTH);
  if (periods.length < 2) return null;
  return (
    <section className="monitoring-series" data-testid="monitoring-series">
      <h3>{t('monitoring.series')}</h3>
      <div className="analysis-panels">
        {periods.map((period) => (
          <SeriesMap key={period} request={{ ...request, period, rules: [] }} period={period} features={features} />
        ))}
      </div>
    </section>
  );
}

function SeriesMap({ request, period, features }: { request: BackendInput<'monitoring.compute'>; period: string; features: FeatureCollectionDto }) {
  const t = useT();
  const locale = useLocale();
  const query = useBackendQuery('monitoring.compute', request, { keepPrevious: true });
  const byKey = new Map(query.data?.areas.map((area) => [area.key, area]) ?? []);
  return (
    <AreaMap
      features={features}
      fillOf={(key) => {
        const area = byKey.get(key);
        return area ? monitoringColour(area) : NO_DATA_COLOUR;
      }}
      titleOf={(key, name) => `${name}: ${byKey.get(key)?.text[locale] ?? t('monitoring.legend.noData')}`}
      caption={formatDate(period, locale)}
      legend={[]}
      testId={`monitoring-series-${period}`}
      // Shown about 230 px wide: names would be set at about 5 px.
      labels={false}
    />
  );
}

function RulesEditor(props: { rules: readonly AlertRule[]; indicatorIds: readonly string[]; nameOf: (id: string) => string; onChange: (index: number, rule: AlertRule) => void; onAdd: (rule: AlertRule) => void; onRemove: (index: number) => void }) {
  const t = useT();
  const locale = useLocale();
  const [type, setType] = useState<AlertRuleType>('above');
  const firstIndicator = props.indicatorIds[0] ?? '';
  return (
    <fieldset className="monitoring-rules" data-testid="monitoring-rules">
      <legend>{t('monitoring.rules')}</legend>
      {props.rules.length === 0 && <p className="analysis-hint">{t('monitoring.rules.none')}</p>}
      {props.rules.map((rule, index) => (
        <div key={index} className="monitoring-rule" data-testid={`monitoring-rule-${index}`}>
          <strong>{RULE_TEXT[rule.type][locale]}</strong>
          {rule.type !== 'worseClass' && (
            <select value={rule.indicator} aria-label={t('monitoring.rule.indicator')} onChange={(event) => props.onChange(index, { ...rule, indicator: event.target.value })}>
              {props.indicatorIds.map((id) => (
                <option key={id} value={id}>
                  {props.nameOf(id)}
                </option>
              ))}
            </select>
          )}
          {(rule.type === 'above' || rule.type === 'below' || rule.type === 'deviation' || rule.type === 'change') && (
            <label>
              {t('monitoring.rule.threshold')}
              <DecimalInput value={rule.threshold} min={rule.type === 'above' || rule.type === 'below' ? -Infinity : 0} testId={`monitoring-rule-${index}-threshold`} onChange={(next) => props.onChange(index, { ...rule, threshold: next })} />
            </label>
          )}
          {rule.type === 'deviation' && (
            <select value={rule.unit} aria-label={t('monitoring.rule.unit')} onChange={(event) => props.onChange(index, { ...rule, unit: event.target.value as 'percent' | 'points' })}>
              <option value="percent">{t('monitoring.rule.unit.percent')}</option>
              <option value="points">{t('monitoring.rule.unit.points')}</option>
            </select>
          )}
          {rule.type === 'change' && (
            <label>
              {t('monitoring.rule.years')}
              <input type="number" min={1} max={20} value={rule.years} onChange={(event) => props.onChange(index, { ...rule, years: Math.min(20, Math.max(1, Math.round(numberFrom(event.target.value, 3)))) })} />
            </label>
          )}
          {rule.type === 'fences' && (
            <select value={String(rule.factor)} aria-label={t('monitoring.rule.factor')} onChange={(event) => props.onChange(index, { ...rule, factor: event.target.value === '3' ? 3 : 1.5 })}>
              <option value="1.5">{formatNumber(1.5, 1, locale)} × IQR</option>
              <option value="3">3 × IQR</option>
            </select>
          )}
          <button type="button" className="button button-small" aria-label={t('monitoring.rule.remove')} data-testid={`monitoring-rule-${index}-remove`} onClick={() => props.onRemove(index)}>
            ×
          </button>
        </div>
      ))}
      <div className="monitoring-rule-add">
        <select value={type} aria-label={t('monitoring.rule.type')} data-testid="monitoring-rule-type" onChange={(event) => setType(event.target.value as AlertRuleType)}>
          {ALERT_RULE_TYPES.map((candidate) => (
            <option key={candidate} value={candidate}>
              {RULE_TEXT[candidate][locale]}
            </option>
          ))}
        </select>
        <button type="button" className="button button-small" data-testid="monitoring-rule-add" disabled={type !== 'worseClass' && firstIndicator === ''} onClick={() => props.onAdd(newRule(type, firstIndicator))}>
          {t('monitoring.rule.add')}
        </button>
      </div>
    </fieldset>
  );
}

/** The two-dimensional legend: status down, dynamics across, each cell with its colour and count. */
function ClassLegend({ result }: { result: Result }) {
  const t = useT();
  const locale = useLocale();
  const counts = new Map<string, number>();
  for (const area of result.areas) if (area.overallClass) counts.set(area.overallClass, (counts.get(area.overallClass) ?? 0) + 1);
  const notScored = result.areas.filter((area) => !area.scored && area.notScoredReason !== 'noData').length;
  const noData = result.areas.filter((area) => !area.scored && area.notScoredReason === 'noData').length;
  const statusOnly = result.areas.some((area) => area.statusClass !== null && area.dynamicsClass === null);
  return (
    <figure className="monitoring-legend" data-testid="monitoring-legend">
      <table>
        <thead>
          <tr>
            <th scope="col">
              {t('monitoring.legend.status')} ↓ / {t('monitoring.legend.dynamics')} →
            </th>
            {DYNAMICS_CLASSES.map((dynamics) => (
              <th key={dynamics} scope="col">
                {DYNAMICS_CLASS_TEXT[dynamics][locale]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {STATUS_CLASSES.map((status) => (
            <tr key={status}>
              <th scope="row">{STATUS_CLASS_TEXT[status][locale]}</th>
              {DYNAMICS_CLASSES.map((dynamics) => {
                const count = counts.get(`${status}-${dynamics}`) ?? 0;
                return (
                  <td key={dynamics} data-testid={`monitoring-legend-${status}-${dynamics}`} data-count={count} style={{ background: MONITORING_COLOURS[dynamics][status] }} className={status === 'sehrNiedrig' || (status === 'niedrig' && dynamics !== 'stabil') ? 'dark' : undefined}>
                    {count > 0 ? count : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="monitoring-legend-direction" data-testid="monitoring-legend-direction">
        {STATUS_DIRECTION_TEXT[locale]}
      </p>
      <ul className="analysis-legend">
        <li>
          <span className="swatch" style={{ background: NOT_SCORED_COLOUR }} /> {t('monitoring.legend.notScored', { floor: formatNumber(result.minPopulation, 0, locale) })} ({notScored})
        </li>
        {noData > 0 && (
          <li>
            <span className="swatch" style={{ background: NO_DATA_COLOUR }} /> {t('monitoring.legend.noData')} ({noData})
          </li>
        )}
        {result.previousPeriod && (
          <li data-testid="monitoring-legend-worse">
            <span className="swatch monitoring-worse-swatch" /> {t('monitoring.legend.worse', { date: formatDate(result.previousPeriod, locale) })} ({worseKeys(result).size})
          </li>
        )}
        {statusOnly && (
          <li data-testid="monitoring-legend-status-only">
            {t('monitoring.legend.statusOnly')}:{' '}
            {STATUS_CLASSES.map((status) => (
              <span key={status} className="monitoring-status-only">
                <span className="swatch" style={{ background: STATUS_ONLY_COLOURS[status] }} /> {STATUS_CLASS_TEXT[status][locale]}
              </span>
            ))}
          </li>
        )}
      </ul>
    </figure>
  );
}

type SortKey = 'name' | 'value' | 'rule';

function AlertList({ result, selectedKey, onSelect }: { result: Result; selectedKey: string | null; onSelect: (key: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const [sort, setSort] = useState<SortKey>('rule');
  const decimals = new Map(result.indicators.map((indicator) => [indicator.id, indicator.decimals]));
  const sorted = [...result.alerts].sort((a, b) => {
    if (sort === 'name') return compareAreaNames(a, b, locale);
    if (sort === 'value') return (b.value ?? -Infinity) - (a.value ?? -Infinity);
    return a.ruleIndex - b.ruleIndex || compareAreaNames(a, b, locale);
  });
  const number = (value: number | null, id: string | null) => (value === null ? '–' : formatNumber(value, id ? (decimals.get(id) ?? 2) : 2, locale));
  // A move into a worse class rests on the status index, not on one indicator: its row shows the index
  // (as the area table does) and names it as what the alert rests on, instead of four dashes.
  const areaByKey = new Map(result.areas.map((area) => [area.key, area]));
  const withheld = <span title={t('monitoring.indexWithheld', { threshold: formatNumber(result.smallNumberThreshold, 0, locale) })}>·</span>;
  return (
    <section className="monitoring-alerts" data-testid="monitoring-alerts">
      <h3>{t('monitoring.alerts', { count: result.alerts.length })}</h3>
      {result.alerts.length === 0 ? (
        <p className="analysis-hint">{t('monitoring.alerts.none')}</p>
      ) : (
        <table className="monitoring-table">
          <thead>
            <tr>
              <th>
                <button type="button" className="link-button" onClick={() => setSort('name')}>
                  {t('monitoring.column.area')}
                </button>
              </th>
              <th>
                <button type="button" className="link-button" onClick={() => setSort('rule')}>
                  {t('monitoring.column.rule')}
                </button>
              </th>
              <th>
                <button type="button" className="link-button" onClick={() => setSort('value')}>
                  {t('monitoring.column.value')}
                </button>
              </th>
              <th>{t('monitoring.column.threshold')}</th>
              <th>{t('monitoring.column.trend')}</th>
              <th>{t('monitoring.column.source')}</th>
              <th>{t('monitoring.column.period')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((alert) => (
              <tr key={`${alert.ruleIndex}-${alert.key}`} data-testid="monitoring-alert" data-key={alert.key} data-rule={alert.rule} className={alert.key === selectedKey ? 'selected' : undefined} onClick={() => onSelect(alert.key)}>
                <td>{alert.name}</td>
                <td>
                  {alert.ruleText[locale]}
                  {alert.fromClass && alert.toClass ? ` (${STATUS_CLASS_TEXT[alert.fromClass][locale]} → ${STATUS_CLASS_TEXT[alert.toClass][locale]})` : ''}
                  {alert.uncertain && <span className="monitoring-uncertain" title={t('monitoring.uncertain')}> *</span>}
                </td>
                <td className="number">
                  {alert.rule === 'worseClass' ? (
                    areaByKey.get(alert.key)?.indexWithheld ? (
                      withheld
                    ) : (
                      number(areaByKey.get(alert.key)?.status ?? null, null)
                    )
                  ) : alert.smallNumber ? (
                    <span title={t('monitoring.smallNumber', { threshold: formatNumber(result.smallNumberThreshold, 0, locale) })}>·</span>
                  ) : (
                    number(alert.value, alert.indicator)
                  )}
                </td>
                <td className="number">{alert.rule === 'worseClass' ? '–' : number(alert.threshold, alert.indicator)}</td>
                <td>
                  <Sparkline points={alert.trend} label={alert.trend.map((point) => `${formatDate(point.period, locale)}: ${number(point.value, alert.indicator)}`).join(', ')} />
                </td>
                <td>{alert.rule === 'worseClass' ? t('monitoring.alert.statusIndex') : alert.source === null ? '–' : sourceNameIn(alert.source, locale)}</td>
                <td>{formatDate(alert.period, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.alerts.some((alert) => alert.uncertain) && <p className="analysis-hint">* {t('monitoring.uncertain')}</p>}
    </section>
  );
}

/** A small line of the values over the Stichtage; gaps where a value is missing or withheld. */
function Sparkline({ points, label }: { points: readonly { period: string; value: number | null }[]; label: string }) {
  const values = points.flatMap((point) => (point.value === null ? [] : [point.value]));
  if (points.length < 2 || values.length < 2) return <span>–</span>;
  const width = 80;
  const height = 18;
  const low = Math.min(...values);
  const high = Math.max(...values);
  const y = (value: number) => (high === low ? height / 2 : height - 2 - ((value - low) / (high - low)) * (height - 4));
  const x = (index: number) => 2 + (index / (points.length - 1)) * (width - 4);
  let d = '';
  points.forEach((point, index) => {
    if (point.value === null) return;
    const previous = points[index - 1];
    d += `${index === 0 || !previous || previous.value === null ? 'M' : 'L'}${x(index).toFixed(1)},${y(point.value).toFixed(1)}`;
  });
  const last = points.at(-1);
  return (
    <svg className="monitoring-sparkline" width={width} height={height} role="img" aria-label={label} data-testid="monitoring-sparkline" data-points={points.length}>
      <title>{label}</title>
      <path d={d} fill="none" stroke="#374151" strokeWidth={1.2} />
      {last?.value !== null && last !== undefined && <circle cx={x(points.length - 1)} cy={y(last.value as number)} r={2} fill="#b91c1c" />}
    </svg>
  );
}

function AreaTable({ result, selectedKey, onSelect }: { result: Result; selectedKey: string | null; onSelect: (key: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const [byStatus, setByStatus] = useState(true);
  const rows = byStatus ? [...result.areas].sort((a, b) => (b.status ?? -Infinity) - (a.status ?? -Infinity)) : result.areas;
  const number = (value: number | null, decimals: number) => (value === null ? '–' : formatNumber(value, decimals, locale));
  return (
    <section className="monitoring-areas">
      <h3>{t('monitoring.table')}</h3>
      <table className="monitoring-table" data-testid="monitoring-table">
        <thead>
          <tr>
            <th>
              <button type="button" className="link-button" onClick={() => setByStatus(false)}>
                {t('monitoring.column.area')}
              </button>
            </th>
            <th className="number">{t('monitoring.column.population')}</th>
            {result.indicators.map((indicator) => (
              <th key={indicator.id} className="number">
                {indicator.name[locale]} ({indicator.direction === '+' ? '+' : '−'})
              </th>
            ))}
            <th className="number">
              <button type="button" className="link-button" onClick={() => setByStatus(true)}>
                {t('monitoring.column.status')}
              </button>
            </th>
            <th className="number" title={t('monitoring.column.scoreHelp')}>
              {t('monitoring.column.statusScore')}
            </th>
            <th className="number">{t('monitoring.column.dynamics')}</th>
            <th className="number" title={t('monitoring.column.scoreHelp')}>
              {t('monitoring.column.dynamicsScore')}
            </th>
            <th>{t('monitoring.column.text')}</th>
            <th>{t('monitoring.column.previous')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((area) => (
            <tr key={area.key} data-testid="monitoring-row" data-key={area.key} data-class={area.overallClass ?? (area.scored ? 'unclassed' : 'notScored')} className={area.key === selectedKey ? 'selected' : undefined} onClick={() => onSelect(area.key)}>
              <td>
                <span className="swatch" style={{ background: monitoringColour(area) }} /> {area.name}
              </td>
              <td className="number">{number(area.population, 0)}</td>
              {result.indicators.map((indicator) => (
                <td key={indicator.id} className="number">
                  {area.smallNumbers.includes(indicator.id) ? <span title={t('monitoring.smallNumber', { threshold: formatNumber(result.smallNumberThreshold, 0, locale) })}>·</span> : number(area.values[indicator.id] ?? null, indicator.decimals)}
                </td>
              ))}
              {/* An index withheld because it would give a small count back (monitoringProtection.ts): "·", the class is in the colour and text. */}
              {[area.status, area.statusScore, area.dynamics, area.dynamicsScore].map((figure, column) =>
                area.indexWithheld && figure === null ? (
                  <td key={column} className="number" data-testid={column === 1 ? 'monitoring-status-score' : undefined} title={t('monitoring.indexWithheld', { threshold: formatNumber(result.smallNumberThreshold, 0, locale) })}>
                    ·
                  </td>
                ) : (
                  <td key={column} className="number" data-testid={column === 1 ? 'monitoring-status-score' : undefined}>
                    {number(figure, 2)}
                  </td>
                ),
              )}
              <td data-testid="monitoring-text">{area.text[locale]}</td>
              <td>{area.previousStatusClass ? STATUS_CLASS_TEXT[area.previousStatusClass][locale] : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
