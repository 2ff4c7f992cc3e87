/**
 * The Zeitreihen & Bilanz tab (Bestand und Bewegung): one indicator over all Stichtage — the selected area
 * against the region, and small multiples of every area on one shared scale — and the stock–flow account
 * (Bilanz) of the selected area with its unexplained remainder. Charts are drawn by shared/movement/
 * seriesChart.ts, the same code the exported figures use; values come from `timeseries.compute` and
 * `balance.compute`. The selection is the app's one selection (map, table, details panel).
 */
import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import type { MethodOutput } from '../../shared/contract/api';
import { BALANCE_EXPORT_FORMATS, MOVEMENT_EXPORT_FORMATS, MULTIPLES_LAYOUTS } from '../../shared/contract/methods/movement';
import { formatDate, formatNumber } from '../../shared/format/number';
import { localized } from '../../shared/i18n/translate';
import { stockVariablesWithFlows } from '../../shared/movement/accountVariables';
import { accountNote, accountTermHeading, accountTerms } from '../../shared/movement/accountLabels';
import { accountSummaryText, accountTermText } from '../../shared/movement/accountProtection';
import type { AccountTerm } from '../../shared/movement/stockFlowAccount';
import { defaultSeriesIndicatorId, isMovementIndicatorId, MOVEMENT_INDICATORS, movementIndicatorName } from '../../shared/movement/movementIndicators';
import { drawMultiples, drawPanel, multiplesLayout, panelGridFor, panelPlot, periodIndexAt, periodPositions, sharedScale, type ChartFrame } from '../../shared/movement/seriesChart';
import type { SeriesPoint } from '../../shared/movement/timeSeriesTypes';
import { orderedSeriesKeys, type SeriesOrder } from '../../shared/movement/seriesOrder';
import { areaChartTitle, lineKeyText, projectionLabel, projectionNote, referenceGapNote, seriesCautionNotes, smallNumberNote } from '../../shared/movement/timeSeriesFigure';
import { drawnValue, hasSmallTerm, smallNumberText } from '../../shared/movement/smallNumbers';
import { toApiError } from '../api/apiError';
import { useBackend, useBackendQuery } from '../api/backend';
import { useApp, useKleinraum, useLocale, useT } from '../AppContext';
import { FlowPanel } from '../flows/FlowPanel';
import { downloadBase64 } from '../profiles/exportProfiles';
import { balanceOverlay } from './balanceOverlay';
import { movementChoicesFor, useMovementUi, type MovementChoices } from './movementUiStore';
import './movement.css';
import { DecimalInput } from '../forms/DecimalInput';
import { seriesNames, shortSourceName, sourceSeries } from '../../shared/sources/sourceChoiceLine';
import { useMeasuredSize } from '../layout/useMeasuredSize';

type SeriesResult = MethodOutput<'timeseries.compute'>;
type BalanceResult = MethodOutput<'balance.compute'>;
type Layout = (typeof MULTIPLES_LAYOUTS)[number];

const AREA_CHART = { width: 720, height: 300 };
const MULTIPLES_COLUMNS = 6;
const MULTIPLES_PANEL_HEIGHT = 120;
const MULTIPLES_WIDTH = 1100;
/** Below this width (px) a panel of the sorted small multiples makes a column go, down to two columns. */
const MULTIPLES_MIN_PANEL_WIDTH = 170;

interface Hover {
  key: string;
  index: number;
  left: number;
  top: number;
}

/** What an export button writes: the small multiples, one area's chart, one area's account, or every area's for one period. */
type ExportKind = 'multiples' | 'area' | 'balance' | 'balanceAll';

export function MovementView() {
  const t = useT();
  const locale = useLocale();
  const { store } = useApp();
  const backend = useBackend();
  const project = useKleinraum((state) => state.project);
  const layerName = useKleinraum((state) => state.layerName);
  const selectedKey = useKleinraum((state) => state.selectedKey);
  const projectIndicators = project?.indicators.filter((indicator) => indicator.periods.length > 1) ?? [];
  // One Stichtag is no series: listed greyed with the reason, not left out without a word.
  const singlePeriodIndicators = project?.indicators.filter((indicator) => indicator.periods.length === 1) ?? [];
  // The tab's choices outlive the view (movementUiStore.ts): back from the map, it shows what it showed.
  const generation = useKleinraum((state) => state.generation);
  const projectPath = project?.path ?? null;
  const choices = useMovementUi((state) => movementChoicesFor(state, generation, projectPath));
  const choose = (patch: Partial<MovementChoices>) => useMovementUi.getState().choose(generation, projectPath, patch);
  // Saved under a file name only now (the demo, saved as): what was chosen before is kept for that file too.
  useEffect(() => {
    useMovementUi.getState().remember(generation, projectPath);
  }, [generation, projectPath]);
  const chosenIndicatorId = choices.indicatorId;
  const knownIndicator = chosenIndicatorId !== null && (projectIndicators.some((indicator) => indicator.id === chosenIndicatorId) || MOVEMENT_INDICATORS.some((indicator) => indicator.id === chosenIndicatorId));
  const indicatorId = knownIndicator ? chosenIndicatorId : defaultSeriesIndicatorId(project?.variables ?? [], projectIndicators);
  const setIndicatorId = (id: string) => choose({ indicatorId: id });
  const balanceStocks = stockVariablesWithFlows(project?.variables ?? []);
  const hasFlows = balanceStocks.length > 0;
  // The stock whose balance is shown; unset: the first with arrivals and departures (the backend's default).
  const balanceStock = choices.balanceStock !== null && balanceStocks.includes(choices.balanceStock) ? choices.balanceStock : undefined;
  const setBalanceStock = (id: string) => choose({ balanceStock: id });
  const { sortBy, layout, thresholdPercent: threshold, scenario } = choices;
  const setSortBy = (order: SeriesOrder) => choose({ sortBy: order });
  const setLayout = (next: Layout) => choose({ layout: next });
  const setThreshold = (value: number) => choose({ thresholdPercent: value });
  const setScenario = (id: string) => choose({ scenario: id });
  const [hover, setHover] = useState<Hover | null>(null);
  const [exporting, setExporting] = useState(false);
  // The period of "Bilanz aller Gebiete"; null: the last (it follows new data until the planner picks one).
  const [overviewPeriod, setOverviewPeriod] = useState<string | null>(null);
  const layer = layerName ?? undefined;

  // A movement figure (arrivals, turnover …) is the chosen stock's, as the balance beside it.
  const movementStock = isMovementIndicatorId(indicatorId) && balanceStock ? { variable: balanceStock } : {};
  const series = useBackendQuery('timeseries.compute', layer ? { indicatorId, layer, ...(scenario !== undefined ? { scenario } : {}), ...movementStock } : null, { keepPrevious: true });
  const balance = useBackendQuery('balance.compute', layer ? { layer, thresholdPercent: threshold, ...(balanceStock ? { variable: balanceStock } : {}) } : null, { keepPrevious: true });
  // The movement indicators are named in the words of the chosen stock's variables ("Zugänge", not "Zuzüge").
  const balanceFlowIds = balance.data?.variables.flows;
  const balanceFlowNames = {
    ...(balanceFlowIds?.inflow !== undefined && balance.data?.variableNames[balanceFlowIds.inflow] ? { inflow: balance.data.variableNames[balanceFlowIds.inflow] } : {}),
    ...(balanceFlowIds?.outflow !== undefined && balance.data?.variableNames[balanceFlowIds.outflow] ? { outflow: balance.data.variableNames[balanceFlowIds.outflow] } : {}),
  };
  const data = series.data;
  const areaKey = data?.series.some((entry) => entry.key === selectedKey) ? (selectedKey as string) : (data?.series[0]?.key ?? null);
  const order = useMemo(() => (data ? orderedSeriesKeys(data.series, sortBy, locale) : []), [data, sortBy, locale]);
  // "Bilanz offen" marks the small charts only where they show the balance's stock or its movements.
  const balanceVariables = balance.data ? [balance.data.variables.stock, ...Object.values(balance.data.variables.flows)] : [];
  const chartsShowBalance = isMovementIndicatorId(indicatorId) || (project?.indicators.find((indicator) => indicator.id === indicatorId)?.variables?.some((variable) => balanceVariables.includes(variable)) ?? false);
  const flaggedKeys = useMemo(
    () => new Set(chartsShowBalance ? (balance.data?.areas.filter((area) => area.flagged).map((area) => area.key) ?? []) : []),
    [balance.data, chartsShowBalance],
  );

  const balancePeriods = balance.data?.periods ?? [];
  const chosenOverviewPeriod = overviewPeriod !== null && balancePeriods.includes(overviewPeriod) ? overviewPeriod : (balancePeriods.at(-1) ?? null);
  const runExport = async (kind: ExportKind, format: string) => {
    if (!layer) return;
    setExporting(true);
    try {
      const balanceScope = kind === 'balanceAll' ? { allAreas: true, ...(chosenOverviewPeriod ? { period: chosenOverviewPeriod } : {}) } : areaKey ? { areaKey } : {};
      const file =
        kind === 'balance' || kind === 'balanceAll'
          ? await backend.call('balance.export', { layer, thresholdPercent: threshold, ...(balanceStock ? { variable: balanceStock } : {}), format: format as (typeof BALANCE_EXPORT_FORMATS)[number], locale, page: 'a4-landscape', dpi: 300, ...balanceScope })
          : await backend.call('timeseries.export', {
              indicatorId,
              layer,
              ...movementStock,
              view: kind,
              sortBy,
              layout: data?.mapGrid ? layout : 'sorted',
              ...(scenario !== undefined ? { scenario } : {}),
              format: format as (typeof MOVEMENT_EXPORT_FORMATS)[number],
              locale,
              page: 'a4-landscape',
              dpi: 300,
              ...(kind === 'area' && areaKey ? { areas: [areaKey] } : {}),
            });
      downloadBase64(file.fileName, file.mimeType, file.base64);
    } catch (error) {
      store.getState().showMessage(toApiError(error, kind === 'balance' || kind === 'balanceAll' ? 'balance.export' : 'timeseries.export').text);
    } finally {
      setExporting(false);
    }
  };
  // A balance needs a stock with its arrivals and departures; without them its export has nothing to show.
  const exportButtons = (kind: ExportKind) => (
    <div className="movement-export" role="group" aria-label={t('movement.export')}>
      {(kind === 'balance' || kind === 'balanceAll' ? BALANCE_EXPORT_FORMATS : MOVEMENT_EXPORT_FORMATS).map((format) => (
        <button
          key={format}
          type="button"
          className="button button-small"
          disabled={exporting || !data || ((kind === 'balance' || kind === 'balanceAll') && !balance.data)}
          title={(kind === 'balance' || kind === 'balanceAll') && balance.error ? localized(balance.error, locale) : undefined}
          data-testid={`movement-export-${kind}-${format}`}
          onClick={() => void runExport(kind, format)}
        >
          {format.toUpperCase()}
        </button>
      ))}
    </div>
  );

  return (
    <div className="movement" data-testid="movement-view">
      <aside className="movement-controls">
        <label>
          {t('movement.indicator')}
          <select value={indicatorId} data-testid="movement-indicator" onChange={(event) => setIndicatorId(event.target.value)}>
            {/* Without arrivals and departures the movement figures cannot be computed: shown, but not offered. */}
            <optgroup label={t(hasFlows ? 'movement.group.movement' : 'movement.group.movementUnavailable')}>
              {MOVEMENT_INDICATORS.map((indicator) => (
                <option key={indicator.id} value={indicator.id} disabled={!hasFlows}>
                  {localized(movementIndicatorName(indicator, balanceFlowNames), locale)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('movement.group.indicators')}>
              {projectIndicators.map((indicator) => (
                <option key={indicator.id} value={indicator.id}>
                  {localized(indicator.name, locale)}
                </option>
              ))}
              {singlePeriodIndicators.map((indicator) => (
                <option key={indicator.id} value={indicator.id} disabled>
                  {localized(indicator.name, locale)} – {t('map.mode.unavailable.onePeriod')}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label>
          {t('movement.layout')}
          <select value={layout} data-testid="movement-layout" onChange={(event) => setLayout(event.target.value as Layout)}>
            {MULTIPLES_LAYOUTS.map((option) => (
              <option key={option} value={option} disabled={option === 'grid' && data !== undefined && data.mapGrid === null}>
                {t(`movement.layout.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('movement.sort')}
          <select value={sortBy} disabled={layout === 'grid'} data-testid="movement-sort" onChange={(event) => setSortBy(event.target.value as SeriesOrder)}>
            {(['layer', 'name', 'last'] as const).map((option) => (
              <option key={option} value={option}>
                {t(`movement.sort.${option}`)}
              </option>
            ))}
          </select>
        </label>
        {data && data.scenarios.length > 0 && (
          <label>
            {t('movement.projection.choice')}
            <select value={scenario ?? data.projection?.scenarioId ?? data.scenarios[0]?.id ?? 'none'} data-testid="movement-projection" onChange={(event) => setScenario(event.target.value)}>
              {data.scenarios.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {localized(entry.name, locale)}
                </option>
              ))}
              <option value="none">{t('movement.projection.none')}</option>
            </select>
          </label>
        )}
        {balanceStocks.length > 1 && (
          <label>
            {t('movement.balance.variable')}
            <select value={balanceStock ?? balanceStocks[0]} data-testid="movement-balance-stock" onChange={(event) => setBalanceStock(event.target.value)}>
              {balanceStocks.map((id) => {
                const variable = project?.variables.find((candidate) => candidate.id === id);
                return (
                  <option key={id} value={id}>
                    {variable ? localized(variable.name, locale) : id}
                  </option>
                );
              })}
            </select>
          </label>
        )}
        <label>
          {t('movement.balance.threshold')}
          <DecimalInput min={0} max={100} value={threshold} testId="movement-threshold" onChange={setThreshold} />
        </label>
        <h4>{t('movement.exportChart')}: {t('movement.multiples')}</h4>
        {exportButtons('multiples')}
        <h4>{t('movement.exportChart')}: {t('movement.area')}</h4>
        {exportButtons('area')}
        <h4>{t('movement.balance.exportHeading')}</h4>
        {exportButtons('balance')}
        <h4>{t('movement.balance.exportAllHeading')}</h4>
        <label>
          {t('movement.balance.period')}
          <select data-testid="movement-balance-all-period" value={chosenOverviewPeriod ?? ''} disabled={balancePeriods.length === 0} onChange={(event) => setOverviewPeriod(event.target.value)}>
            {balancePeriods.map((period, index) => (
              <option key={period} value={period}>
                {formatDate(balance.data?.region.periods[index]?.previousPeriod ?? period, locale)} – {formatDate(period, locale)}
              </option>
            ))}
          </select>
        </label>
        {exportButtons('balanceAll')}
      </aside>
      <div className="movement-main">
        {series.error && <p className="movement-warning" data-testid="movement-error">{localized(series.error, locale)}</p>}
        {data && (
          <>
            <div className="movement-top">
              <section>
                <h3 data-testid="movement-area-title">
                  {localized(data.indicator.name, locale)}: {areaChartTitle(data, areaKey, locale)}
                </h3>
                <AreaChart data={data} areaKey={areaKey} hover={hover?.key === 'area' ? hover : null} onHover={setHover} />
                <p className="movement-note">
                  {lineKeyText(data, locale)}. {t('movement.figure.sources', { sources: seriesNames(data.sources, locale) })}
                </p>
                {referenceGapNote(data, locale) && (
                  <p className="movement-note" data-testid="movement-reference-gap">
                    {referenceGapNote(data, locale)}
                  </p>
                )}
                {/* The notes of the chart above: this area's line and the reference, as the exported one-area figure. */}
                {seriesCautionNotes({ ...data, series: data.series.filter((entry) => entry.key === areaKey) }, data.sources, locale).map((note) => (
                  <p key={note} className="movement-caution" data-testid="movement-caution">
                    {note}
                  </p>
                ))}
                {projectionNote(data, locale) && (
                  <p className="movement-note movement-projection-note" data-testid="movement-projection-note">
                    {projectionNote(data, locale)}
                  </p>
                )}
                {smallNumberNote(data, locale) && (
                  <p className="movement-note" data-testid="movement-small-numbers">
                    {smallNumberNote(data, locale)}
                  </p>
                )}
                {data.scenarios.length > 0 && !data.projection && scenario !== 'none' && data.kind === 'indicator' && <p className="movement-note">{t('movement.projection.unavailable')}</p>}
                {data.mixedSources.length > 0 && <p className="movement-warning">{t('movement.mixedSources', { count: data.mixedSources.length })}</p>}
              </section>
              <section>
                {balance.error && (
                  <p className="movement-note" data-testid="movement-balance-unavailable">
                    {localized(balance.error, locale)}
                  </p>
                )}
                <BalancePanel balance={balance.data ?? null} areaKey={areaKey} />
                {balance.data && (
                  <button
                    type="button"
                    className="button button-small"
                    data-testid="movement-balance-map"
                    onClick={() => {
                      const account = balance.data;
                      if (!account) return;
                      store.getState().showMapOverlay((language) => balanceOverlay(account, language));
                      store.getState().setActiveView('map');
                    }}
                  >
                    {t('movement.balance.showOnMap')}
                  </button>
                )}
              </section>
            </div>
            <h3>{t('movement.multiples')}</h3>
            {layout === 'grid' && data.mapGrid && <p className="movement-note">{t('movement.layout.gridNote')}</p>}
            <Multiples data={data} order={order} grid={layout === 'grid'} selectedKey={areaKey} flaggedKeys={flaggedKeys} hover={hover?.key !== 'area' ? hover : null} onHover={setHover} onSelect={(key) => store.getState().selectArea(key)} />
          </>
        )}
        {!data && !series.error && <p className="movement-note">…</p>}
        <FlowPanel />
      </div>
    </div>
  );
}

function tooltipText(t: ReturnType<typeof useT>, locale: 'de' | 'en', data: SeriesResult, name: string, point: SeriesPoint | undefined): string {
  if (!point) return '';
  const fullName = data.sources.find((candidate) => candidate.id === point.sourceId)?.name ?? point.sourceId ?? '–';
  // The quality says "Beispieldaten, synthetisch" once; the source's name need not repeat it.
  const source = point.quality === 'synthetic' ? shortSourceName(fullName) : fullName;
  return t('movement.hover', {
    area: name,
    date: formatDate(point.period, locale),
    value: point.smallNumber ? t('movement.smallNumbers.hover', { label: smallNumberText(data.smallNumberThreshold, locale) }) : point.value === null ? t('movement.noValue') : formatNumber(point.value, data.indicator.decimals, locale),
    unit: point.smallNumber ? '' : localized(data.indicator.unit, locale),
    source,
    quality: point.quality ? t(`movement.quality.${point.quality}`) : '–',
  });
}

/** Keeps the tooltip inside the chart: anchored left of the pointer in the right half. */
function tooltipPosition(hover: Hover, width: number): { left: number; top: number; transform: string } {
  const rightHalf = hover.left > width * 0.45;
  return { left: hover.left, top: hover.top, transform: rightHalf ? 'translate(calc(-100% - 10px), -110%)' : 'translate(10px, -110%)' };
}

/** Converts a mouse position to the SVG's user units (the SVG scales to its box). */
function svgPoint(event: MouseEvent<HTMLDivElement>, width: number, height: number): { x: number; y: number; left: number; top: number } {
  const rect = event.currentTarget.getBoundingClientRect();
  const left = event.clientX - rect.left;
  const top = event.clientY - rect.top;
  return { x: (left * width) / rect.width, y: (top * height) / rect.height, left, top };
}

function AreaChart({ data, areaKey, hover, onHover }: { data: SeriesResult; areaKey: string | null; hover: Hover | null; onHover: (hover: Hover | null) => void }) {
  const t = useT();
  const locale = useLocale();
  const area = data.series.find((entry) => entry.key === areaKey) ?? data.series[0];
  const [chartRef, { width }] = useMeasuredSize({ width: AREA_CHART.width, height: 0 });
  const frame: ChartFrame = { x: 0, y: 0, width, height: AREA_CHART.height };
  const fontSize = 12;
  const scale = sharedScale([area?.values.map(drawnValue) ?? [], data.reference.values.map(drawnValue)]);
  const panel = { title: area?.name ?? '', points: area?.values ?? [], region: data.reference.values, periods: data.periods, scale, fontSize, detailed: true, decimals: data.indicator.decimals, locale, lineWidth: 2, sourceSeries: sourceSeries(data.sources) };
  const svg = area ? drawPanel(frame, { ...panel, hoverIndex: hover?.index ?? null, projectionLabel: projectionLabel(data, locale, false), smallNumberLabel: smallNumberText(data.smallNumberThreshold, locale), sourceChangeLabel: t('movement.sourceChange.label') }) : '';
  const plot = panelPlot(frame, panel);
  const onMove = (event: MouseEvent<HTMLDivElement>) => {
    const point = svgPoint(event, width, AREA_CHART.height);
    onHover({ key: 'area', index: periodIndexAt(plot, periodPositions(data.periods), point.x), left: point.left, top: point.top });
  };
  const point = hover && area ? area.values[hover.index] : undefined;
  const regionPoint = hover ? data.reference.values[hover.index] : undefined;
  return (
    <div className="movement-chart" data-testid="movement-area-chart" ref={chartRef} onMouseMove={onMove} onMouseLeave={() => onHover(null)}>
      <svg viewBox={`0 0 ${width} ${AREA_CHART.height}`} role="img" aria-label={area?.name ?? ''} dangerouslySetInnerHTML={{ __html: svg }} />
      {hover && area && point && (
        <div className="movement-tooltip" data-testid="movement-tooltip" style={tooltipPosition(hover, width)}>
          {tooltipText(t, locale, data, area.name, point)}
          {regionPoint && regionPoint.value !== null ? `\n${localized(data.reference.label, locale)}: ${formatNumber(regionPoint.value, data.indicator.decimals, locale)}` : ''}
          {/* A withheld reference says so, rather than leaving the line out without a word. */}
          {regionPoint?.withheld === true ? `\n${localized(data.reference.label, locale)}: ${t('map.regionWithheld')}` : ''}
        </div>
      )}
    </div>
  );
}

function Multiples(props: { data: SeriesResult; order: readonly string[]; grid: boolean; selectedKey: string | null; flaggedKeys: ReadonlySet<string>; hover: Hover | null; onHover: (hover: Hover | null) => void; onSelect: (key: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const { data } = props;
  const byKey = useMemo(() => new Map(data.series.map((entry) => [entry.key, entry])), [data]);
  const panels = props.order.flatMap((key) => {
    const entry = byKey.get(key);
    return entry ? [{ key, title: entry.name, points: entry.values, flag: props.flaggedKeys.has(key) ? t('movement.balance.flag') : null }] : [];
  });
  const [chartRef, { width }] = useMeasuredSize({ width: MULTIPLES_WIDTH, height: 0 });
  const grid = props.grid ? panelGridFor(panels.map((panel) => panel.key), data.mapGrid) : null;
  const gap = 8;
  const sortedColumns = Math.max(2, Math.min(MULTIPLES_COLUMNS, Math.floor((width + gap) / (MULTIPLES_MIN_PANEL_WIDTH + gap))));
  const columns = grid ? grid.columns : sortedColumns;
  const rows = grid ? grid.rows : Math.max(1, Math.ceil(panels.length / columns));
  // Narrower panels (more columns in the map layout) keep their proportions.
  const panelHeight = grid ? Math.min(MULTIPLES_PANEL_HEIGHT, Math.round(((width - (columns - 1) * gap) / columns) * 0.66)) : MULTIPLES_PANEL_HEIGHT;
  const height = rows * panelHeight + (rows - 1) * gap;
  const frame: ChartFrame = { x: 0, y: 0, width, height };
  const fontSize = 12;
  const multiples = { panels, region: data.reference.values, periods: data.periods, decimals: data.indicator.decimals, locale, fontSize, lineWidth: 1.6, gap, selectedKey: props.selectedKey, columns, projectionLabel: projectionLabel(data, locale, true), grid, smallNumberLabel: smallNumberText(data.smallNumberThreshold, locale), sourceSeries: sourceSeries(data.sources) };
  const layoutOfPanels = multiplesLayout(frame, multiples);
  const svg = drawMultiples(frame, multiples, layoutOfPanels);
  const { frames, plots } = layoutOfPanels;
  const panelAt = (x: number, y: number) => frames.findIndex((candidate) => x >= candidate.x && x <= candidate.x + candidate.width && y >= candidate.y && y <= candidate.y + candidate.height);
  const onMove = (event: MouseEvent<HTMLDivElement>) => {
    const point = svgPoint(event, width, height);
    const index = panelAt(point.x, point.y);
    if (index < 0) return props.onHover(null);
    props.onHover({ key: panels[index]!.key, index: periodIndexAt(plots[index] as ChartFrame, periodPositions(data.periods), point.x), left: point.left, top: point.top });
  };
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const point = svgPoint(event, width, height);
    const index = panelAt(point.x, point.y);
    if (index >= 0) props.onSelect(panels[index]!.key);
  };
  const hovered = props.hover ? byKey.get(props.hover.key) : undefined;
  return (
    <div className="movement-chart movement-multiples" data-testid="movement-multiples" ref={chartRef} onMouseMove={onMove} onMouseLeave={() => props.onHover(null)} onClick={onClick}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('movement.multiples')} dangerouslySetInnerHTML={{ __html: svg }} />
      {props.hover && hovered && (
        <div className="movement-tooltip" data-testid="movement-multiples-tooltip" style={tooltipPosition(props.hover, width)}>
          {tooltipText(t, locale, data, hovered.name, hovered.values[props.hover.index])}
        </div>
      )}
    </div>
  );
}

function BalancePanel({ balance, areaKey }: { balance: BalanceResult | null; areaKey: string | null }) {
  const t = useT();
  const locale = useLocale();
  if (!balance) return null;
  const area = balance.areas.find((candidate) => candidate.key === areaKey) ?? balance.areas[0];
  if (!area) return null;
  const summary = accountSummaryText(balance, locale);
  const terms = accountTerms(balance);
  const number = (value: number | null, decimals = 0) => (value === null ? '–' : formatNumber(value, decimals, locale));
  // Stocks and flows are counts: a small one shows as "< N", a total that would reveal one as "geschützt"
  // (withheld by balance.compute, like a remainder that would).
  const count = (term: AccountTerm | undefined) => accountTermText(term, balance.smallNumberThreshold, locale);
  const anySmall = area.periods.some((period) => hasSmallTerm(period, balance.smallNumberThreshold) || period.remainderWithheld);
  const sourceName = (id: string | null) => (id === null ? '–' : (shortSourceName(balance.sources.find((source) => source.id === id)?.name ?? id)));
  const stockName = balance.variableNames[balance.variables.stock];
  return (
    <div data-testid="movement-balance">
      <h3>
        {t('movement.balance.title', { area: area.name })} · {stockName ? localized(stockName, locale) : balance.variables.stock}
      </h3>
      <p className={summary.flagged.length === 0 ? 'movement-ok' : 'movement-warning'} data-testid="movement-balance-summary">
        {summary.text}
      </p>
      <div style={{ overflowX: 'auto' }}>
        <table className="movement-balance" data-testid="movement-balance-table">
          <thead>
            <tr>
              <th>{t('movement.balance.period')}</th>
              <th>{t('movement.balance.stockStart')}</th>
              {terms.map((term) => (
                <th key={term}>{accountTermHeading(balance, term, locale)}</th>
              ))}
              <th>{t('movement.balance.stockEnd')}</th>
              <th>{t('movement.balance.residual')}</th>
            </tr>
          </thead>
          <tbody>
            {area.periods.map((period) => (
              <tr key={period.period} data-testid="movement-balance-row" className={period.flagged ? 'is-flagged' : ''}>
                <td>
                  {period.previousPeriod.slice(0, 4)}–{period.period.slice(0, 4)}
                </td>
                <td>{count(period.stockStart)}</td>
                {terms.map((term) => (
                  <td key={term} data-testid={`movement-balance-${term}`}>
                    {count(period.flows[term])}
                  </td>
                ))}
                <td>{count(period.stockEnd)}</td>
                <td className={`residual${period.flagged ? ' flagged' : ''}`} title={t('movement.balance.residualPercent')}>
                  {period.remainderWithheld ? (
                    <span data-testid="movement-residual">{t('movement.balance.withheld')}</span>
                  ) : (
                    <>
                      <span data-testid="movement-residual">{number(period.residual)}</span>{' '}
                      <span className="residual-share">{period.complete ? `(${number(period.residualPercent, 1)} %)` : t('movement.balance.incomplete')}</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="movement-note" data-testid="movement-balance-sources">
        {t('movement.balance.source')}: {[...new Set(area.periods.flatMap((period) => [period.stockStart.sourceId, period.stockEnd.sourceId, ...terms.map((term) => period.flows[term]?.sourceId ?? null)]))].map(sourceName).join('; ')}
        {area.periods.some((period) => period.sourceChanged) ? ` · ${t('movement.balance.sourceChanged')}` : ''}
      </p>
      {anySmall && (
        <p className="movement-note" data-testid="movement-balance-small-numbers">
          {t('movement.smallNumbers.account', { threshold: balance.smallNumberThreshold, label: smallNumberText(balance.smallNumberThreshold, locale) })}
        </p>
      )}
      <p className="movement-note">{accountNote(balance, locale)}</p>
    </div>
  );
}
