/**
 * The Analyse tab (kleinräumige Analyse): does an indicator cluster in space, which areas form hot or cold
 * spots and how sure is that, raw against smoothed rates, and any two indicators against each other.
 * Choices on the left; the global result with its one-sentence reading, the cluster map, the significance
 * map and the Moran scatter plot, the rate maps and the scatter plot on the right. Every map and chart
 * uses the store's one selection (and brushes), so the Karte tab, the table and the details follow; every
 * view exports as a figure and as data.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { MoranResult, RatesResult } from '../../shared/analysis/analysisTypes';
import { CLUSTER_COLOURS, CLUSTER_ORDER, clusterCategory, clusterCategoryColour, ISLAND_COLOUR, NO_DATA_COLOUR, SIGNIFICANCE_COLOURS } from '../../shared/analysis/clusterColours';
import { clusterExplanation, globalExplanation } from '../../shared/analysis/explanation';
import { significanceLegendRows } from '../../shared/analysis/legendRows';
import { drawRates } from '../../shared/analysis/ratesDrawing';
import type { DrawnIndicator } from '../../shared/mapView/drawIndicator';
import type { FeatureCollectionDto, MethodInput } from '../../shared/contract/api';
import { ANALYSIS_EXPORT_FORMATS, DEFAULT_NEAREST_NEIGHBOURS, WEIGHTS_TYPES } from '../../shared/contract/methods/analysis';
import { formatDate, formatNumber, type Locale } from '../../shared/format/number';
import { localized } from '../../shared/i18n/translate';
import { CORRECTIONS, type Correction } from '../../shared/spatial/multipleTesting';
import { significanceClass } from '../../shared/spatial/spatialAnalysis';
import { toApiError } from '../api/apiError';
import { useBackend, useBackendQuery } from '../api/backend';
import { useApp, useKleinraum, useLocale, useT } from '../AppContext';
import { downloadBase64 } from '../profiles/exportProfiles';
import { AreaMap, type LegendRow } from './AreaMap';
import { clusterOverlay } from './clusterOverlay';
import { ScatterPlot } from './ScatterPlot';
import './analysis.css';
import { indicatorLabel } from '../../shared/indicators/indicatorLabel';
import { showsAbsoluteCount } from '../../shared/model/project';

type WeightsType = (typeof WEIGHTS_TYPES)[number];
type ExportView = MethodInput<'analysis.export'>['view'];
type ExportFormat = (typeof ANALYSIS_EXPORT_FORMATS)[number];

const SIGNIFICANCE_LEVELS = [0.05, 0.01, 0.001];

export function AnalysisView() {
  const t = useT();
  const locale = useLocale();
  const { store } = useApp();
  const backend = useBackend();
  const project = useKleinraum((state) => state.project);
  const layerName = useKleinraum((state) => state.layerName);
  const features = useKleinraum((state) => state.features);
  const mapIndicator = useKleinraum((state) => state.indicatorId);
  const indicators = project?.indicators.filter((indicator) => indicator.periods.length > 0) ?? [];
  const [indicatorChoice, setIndicatorChoice] = useState<string | null>(null);
  const indicatorId = indicatorChoice ?? (indicators.some((indicator) => indicator.id === mapIndicator) ? mapIndicator : (indicators[0]?.id ?? null));
  const indicator = indicators.find((candidate) => candidate.id === indicatorId) ?? null;
  const [periodChoice, setPeriodChoice] = useState<string | null>(null);
  const period = periodChoice && indicator?.periods.includes(periodChoice) ? periodChoice : (indicator?.periods.at(-1) ?? null);
  const [weightsType, setWeightsType] = useState<WeightsType>('queen');
  const [k, setK] = useState(DEFAULT_NEAREST_NEIGHBOURS);
  const [permutations, setPermutations] = useState(999);
  const [seed, setSeed] = useState(123_456_789);
  const [correction, setCorrection] = useState<Correction>('none');
  const [significanceLevel, setSignificanceLevel] = useState(0.05);
  const [smoothing, setSmoothing] = useState<'spatial' | 'global'>('spatial');
  const [yChoice, setYChoice] = useState<string | null>(null);
  const yIndicatorId = yChoice ?? indicators.find((candidate) => candidate.id !== indicatorId)?.id ?? null;
  const weights = { type: weightsType, k };

  const layer = layerName ?? undefined;
  const moranRequest = indicatorId && period && layer ? { indicatorId, layer, period, weights, permutations, seed, correction, significanceLevel } : null;
  const moran = useBackendQuery('analysis.moran', moranRequest, { keepPrevious: true });
  const weightsInfo = useBackendQuery('analysis.weights', layer ? { layer, weights } : null, { keepPrevious: true });
  const rates = useBackendQuery('analysis.rates', indicatorId && period && layer ? { indicatorId, layer, period, weights } : null, { keepPrevious: true });
  const scatter = useBackendQuery('analysis.scatter', indicatorId && yIndicatorId && layer ? { xIndicatorId: indicatorId, yIndicatorId, layer } : null, { keepPrevious: true });

  const nameOf = useMemo(() => new Map(features?.features.map((feature) => [feature.properties.key, feature.properties.name]) ?? []), [features]);
  const [exporting, setExporting] = useState(false);
  const runExport = async (view: ExportView, format: ExportFormat) => {
    if (!moranRequest) return;
    setExporting(true);
    try {
      const file = await backend.call('analysis.export', { ...moranRequest, view, format, locale, page: 'a4-landscape', dpi: 300, ...(view === 'scatter' && yIndicatorId ? { yIndicatorId } : {}) });
      downloadBase64(file.fileName, file.mimeType, file.base64);
    } catch (error) {
      store.getState().showMessage(toApiError(error, 'analysis.export').text);
    } finally {
      setExporting(false);
    }
  };
  const exportButtons = (view: ExportView) => (
    <div className="analysis-export" role="group" aria-label={t('analysis.export')}>
      {ANALYSIS_EXPORT_FORMATS.map((format) => (
        <button key={format} type="button" className="button button-small" disabled={exporting || !moranRequest} data-testid={`analysis-export-${view}-${format}`} onClick={() => void runExport(view, format)}>
          {format.toUpperCase()}
        </button>
      ))}
    </div>
  );

  if (indicators.length === 0 || !indicator) return <div className="analysis-empty">{t('analysis.empty')}</div>;
  const result = moran.data;
  return (
    <div className="analysis" data-testid="analysis-view">
      <aside className="analysis-controls">
        <IndicatorPicker label={t('analysis.indicator')} indicators={indicators} value={indicator.id} testId="analysis-indicator" onChange={setIndicatorChoice} />
        <label>
          {t('analysis.period')}
          <select value={period ?? ''} data-testid="analysis-period" onChange={(event) => setPeriodChoice(event.target.value)}>
            {indicator.periods.map((candidate) => (
              <option key={candidate} value={candidate}>
                {formatDate(candidate, locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('analysis.weights')}
          <select value={weightsType} data-testid="analysis-weights" onChange={(event) => setWeightsType(event.target.value as WeightsType)}>
            {WEIGHTS_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`analysis.weights.${type}`, { k })}
              </option>
            ))}
          </select>
        </label>
        {weightsType === 'knn' && (
          <label>
            {t('analysis.weights.k')}
            <input type="number" min={1} max={20} value={k} data-testid="analysis-k" onChange={(event) => setK(Math.min(20, Math.max(1, Math.round(Number(event.target.value)) || 1)))} />
          </label>
        )}
        {weightsInfo.data && (
          <p className="analysis-weights-summary" data-testid="analysis-weights-summary">
            {t('analysis.weights.summary', {
              areas: weightsInfo.data.summary.areas,
              mean: formatNumber(weightsInfo.data.summary.meanNeighbours, 1, locale),
              min: weightsInfo.data.summary.minimumNeighbours,
              max: weightsInfo.data.summary.maximumNeighbours,
            })}{' '}
            <span data-testid="analysis-islands">
              {weightsInfo.data.islands.length === 0 ? t('analysis.islands.none') : t('analysis.islands.some', { count: weightsInfo.data.islands.length, names: weightsInfo.data.islands.map((area) => area.name).join(', ') })}
            </span>
          </p>
        )}
        <label>
          {t('analysis.correction')}
          <select value={correction} data-testid="analysis-correction" onChange={(event) => setCorrection(event.target.value as Correction)}>
            {CORRECTIONS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`analysis.correction.${candidate}`)}
              </option>
            ))}
          </select>
        </label>
        <p className="analysis-hint">{t('analysis.correction.hint')}</p>
        <label>
          {t('analysis.significance')}
          <select value={String(significanceLevel)} data-testid="analysis-significance" onChange={(event) => setSignificanceLevel(Number(event.target.value))}>
            {SIGNIFICANCE_LEVELS.map((level) => (
              <option key={level} value={String(level)}>
                {formatNumber(level, String(level).length - 2, locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('analysis.permutations')}
          <select value={String(permutations)} data-testid="analysis-permutations" onChange={(event) => setPermutations(Number(event.target.value))}>
            {[99, 499, 999, 9999].map((count) => (
              <option key={count} value={String(count)}>
                {formatNumber(count, 0, locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('analysis.seed')}
          <input type="number" min={0} value={seed} data-testid="analysis-seed" onChange={(event) => setSeed(Math.max(0, Math.round(Number(event.target.value)) || 0))} />
        </label>
      </aside>
      <section className="analysis-main">
        {moran.error && (
          <p className="analysis-error" role="alert" data-testid="analysis-error">
            {moran.error[locale]}
          </p>
        )}
        {result && features && (
          <>
            <GlobalResult result={result} onShowOnMap={() => {
              store.getState().showMapOverlay((language) => clusterOverlay(result, language));
              store.getState().setActiveView('map');
            }} />
            <div className="analysis-panels">
              <div className="analysis-panel">
                <AreaMap
                  features={features}
                  fillOf={(key) => clusterFill(result, key)}
                  titleOf={(key, name) => `${name}: ${clusterLabel(result, key, t)}`}
                  caption={t('analysis.clusterMap')}
                  legend={clusterLegend(result, t)}
                  testId="analysis-cluster-map"
                />
                {exportButtons('clusterMap')}
              </div>
              <div className="analysis-panel">
                <AreaMap
                  features={features}
                  fillOf={(key) => significanceFill(result, key)}
                  titleOf={(key, name) => `${name}: p = ${formatP(result.areas.find((area) => area.key === key)?.adjustedPValue ?? null, locale)}`}
                  caption={t('analysis.significanceMap')}
                  legend={significanceLegend(result, locale)}
                  testId="analysis-significance-map"
                />
                {exportButtons('significanceMap')}
              </div>
              <div className="analysis-panel">
                <figure className="analysis-map">
                  <figcaption>{t('analysis.moranScatter')}</figcaption>
                  <ScatterPlot
                    points={result.areas.flatMap((area) =>
                      area.standardisedValue === null || area.spatialLag === null ? [] : [{ key: area.key, name: area.name, x: area.standardisedValue, y: area.spatialLag, colour: clusterCategoryColour(clusterCategory(area)) }],
                    )}
                    fit={result.scatterFit}
                    xLabel={t('analysis.scatter.standardised', { indicator: localized(result.indicator.name, locale) })}
                    yLabel={t('analysis.scatter.lag')}
                    zeroLines
                    testId="analysis-moran-scatter"
                  />
                  <p className="analysis-hint">
                    {t('analysis.scatter.slope', { I: formatNumber(result.global.I, 3, locale) })} · {t('analysis.scatter.brushHint')}
                  </p>
                  <BrushStatus nameOf={nameOf} />
                </figure>
                {exportButtons('moranScatter')}
              </div>
            </div>
          </>
        )}
        {moran.loading && !result && <p className="analysis-loading">{t('analysis.running')}</p>}
        <h3>{t('analysis.rates')}</h3>
        {rates.error && <p className="analysis-error">{rates.error[locale]}</p>}
        {rates.data && !rates.data.eligible && <p className="analysis-hint" data-testid="analysis-rates-not-eligible">{rates.data.reason?.[locale] ?? t('analysis.rates.notEligible')}</p>}
        {rates.data?.eligible && features && (
          <RatesMaps rates={rates.data} smoothing={smoothing} onSmoothing={setSmoothing} features={features} exportButtons={exportButtons('rates')} />
        )}
        <h3>{t('analysis.scatter')}</h3>
        <div className="analysis-scatter-choices">
          <label>
            {t('analysis.scatter.x')}: {localized(indicator.name, locale)}
          </label>
          <IndicatorPicker label={t('analysis.scatter.y')} indicators={indicators} value={yIndicatorId ?? ''} testId="analysis-scatter-y" onChange={setYChoice} />
        </div>
        {scatter.error && <p className="analysis-error">{scatter.error[locale]}</p>}
        {scatter.data && (
          <div className="analysis-panel">
            <ScatterPlot
              points={scatter.data.points.flatMap((point) => (point.x === null || point.y === null ? [] : [{ key: point.key, name: point.name, x: point.x, y: point.y, colour: '#41b6c4' }]))}
              fit={scatter.data.fit}
              xLabel={indicatorLabel(localized(scatter.data.x.name, locale), localized(scatter.data.x.unit, locale))}
              yLabel={indicatorLabel(localized(scatter.data.y.name, locale), localized(scatter.data.y.unit, locale))}
              zeroLines={false}
              testId="analysis-scatter"
            />
            <p className="analysis-hint" data-testid="analysis-scatter-fit">
              {scatter.data.fit.slope === null || scatter.data.fit.intercept === null
                ? t('analysis.scatter.noFit')
                : t('analysis.scatter.fit', {
                    intercept: formatNumber(scatter.data.fit.intercept, 3, locale),
                    slope: formatNumber(scatter.data.fit.slope, 4, locale),
                    r: scatter.data.fit.correlation === null ? '–' : formatNumber(scatter.data.fit.correlation, 3, locale),
                    n: scatter.data.fit.count,
                  })}
            </p>
            {exportButtons('scatter')}
          </div>
        )}
      </section>
    </div>
  );
}

function IndicatorPicker(props: { label: string; indicators: readonly { id: string; name: { de: string; en: string } }[]; value: string; testId: string; onChange: (id: string) => void }) {
  const locale = useLocale();
  return (
    <label>
      {props.label}
      <select value={props.value} data-testid={props.testId} onChange={(event) => props.onChange(event.target.value)}>
        {props.indicators.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {localized(candidate.name, locale)}
          </option>
        ))}
      </select>
    </label>
  );
}

function GlobalResult({ result, onShowOnMap }: { result: MoranResult; onShowOnMap: () => void }) {
  const t = useT();
  const locale = useLocale();
  const global = result.global;
  return (
    <div className="analysis-global" data-testid="analysis-global">
      <h3>{t('analysis.global')}</h3>
      <dl>
        <dt>{t('analysis.global.I')}</dt>
        <dd data-testid="analysis-moran-i">{formatNumber(global.I, 3, locale)}</dd>
        <dt>{t('analysis.global.expected')}</dt>
        <dd>{formatNumber(global.expectedI, 3, locale)}</dd>
        <dt>{t('analysis.global.z')}</dt>
        <dd>{global.zScore === null ? '–' : formatNumber(global.zScore, 2, locale)}</dd>
        <dt>{t('analysis.global.pseudoP', { permutations: formatNumber(result.permutations, 0, locale) })}</dt>
        <dd data-testid="analysis-pseudo-p">{formatP(global.pseudoPValue, locale)}</dd>
      </dl>
      <p className="analysis-explanation" data-testid="analysis-explanation">
        {globalExplanation(result, locale)}
      </p>
      {showsAbsoluteCount(result.indicator) && (
        <p className="analysis-note" data-testid="analysis-absolute">
          {t('analysis.absoluteHint')}
        </p>
      )}
      <p className="analysis-hint">{clusterExplanation(result.significanceLevel, locale)}</p>
      {result.leftOut.length > 0 && (
        <p className="analysis-note" data-testid="analysis-left-out">
          {t('analysis.leftOut', { count: result.leftOut.length, total: result.areas.length, names: result.leftOut.map((area) => area.name).join(', ') })}
        </p>
      )}
      {result.islands.length > 0 && <p className="analysis-note">{t('analysis.islands.some', { count: result.islands.length, names: result.islands.map((area) => area.name).join(', ') })}</p>}
      {result.schematicBoundaries && <p className="analysis-note">{t('analysis.schematic')}</p>}
      {result.synthetic && <p className="analysis-note">{t('analysis.synthetic')}</p>}
      <button type="button" className="button" data-testid="analysis-show-on-map" onClick={onShowOnMap}>
        {t('analysis.showOnMap')}
      </button>
    </div>
  );
}

function BrushStatus({ nameOf }: { nameOf: Map<string, string> }) {
  const t = useT();
  const { store } = useApp();
  const brushedKeys = useKleinraum((state) => state.brushedKeys);
  const selectedKey = useKleinraum((state) => state.selectedKey);
  if (brushedKeys.length === 0 && selectedKey === null) return null;
  return (
    <p className="analysis-brush" data-testid="analysis-brush-status">
      {brushedKeys.length > 1 ? t('analysis.scatter.brushed', { count: brushedKeys.length }) : t('analysis.selected', { name: nameOf.get(selectedKey ?? '') ?? selectedKey ?? '' })}{' '}
      <button type="button" className="button button-small" onClick={() => store.getState().clearSelection()}>
        {t('analysis.scatter.clearBrush')}
      </button>
    </p>
  );
}

function RatesMaps(props: {
  rates: RatesResult;
  smoothing: 'spatial' | 'global';
  onSmoothing: (smoothing: 'spatial' | 'global') => void;
  features: FeatureCollectionDto;
  exportButtons: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const { rates, smoothing } = props;
  // One scale for both maps, so equal colours mean equal rates (the exported figure draws the same).
  const drawing = drawRates(rates, smoothing, locale);
  const fill = (drawn: DrawnIndicator) => (key: string) => drawn.colourByKey.get(key) ?? NO_DATA_COLOUR;
  const legend: LegendRow[] = drawing.rows.map((row) => ({ colour: row.colour, label: row.label }));
  const decimals = rates.indicator.decimals + 1;
  const valueText = (value: number | null) => (value === null ? '–' : formatNumber(value, decimals, locale));
  const areaOf = new Map(rates.areas.map((area) => [area.key, area]));
  return (
    <div className="analysis-rates" data-testid="analysis-rates">
      <p className="analysis-hint">{t('analysis.rates.explain')}</p>
      <label>
        {t('analysis.rates.smoothing')}
        <select value={smoothing} data-testid="analysis-smoothing" onChange={(event) => props.onSmoothing(event.target.value === 'global' ? 'global' : 'spatial')}>
          <option value="spatial">{t('analysis.rates.spatial')}</option>
          <option value="global">{t('analysis.rates.global')}</option>
        </select>
      </label>
      <div className="analysis-panels">
        <AreaMap
          features={props.features}
          fillOf={fill(drawing.raw)}
          titleOf={(key, name) => `${name}: ${valueText(areaOf.get(key)?.smallNumber ? null : (areaOf.get(key)?.raw ?? null))}`}
          caption={t('analysis.rates.raw')}
          legend={legend}
          testId="analysis-rates-raw"
        />
        <AreaMap
          features={props.features}
          fillOf={fill(drawing.smoothed)}
          titleOf={(key, name) => `${name}: ${valueText((smoothing === 'spatial' ? areaOf.get(key)?.spatialSmoothed : areaOf.get(key)?.globalSmoothed) ?? null)}`}
          caption={t(smoothing === 'spatial' ? 'analysis.rates.spatial' : 'analysis.rates.global')}
          legend={rates.regionRate === null ? [] : [{ colour: 'transparent', label: t('analysis.rates.regionRate', { value: `${valueText(rates.regionRate)} ${localized(rates.indicator.unit, locale)}` }) }]}
          testId="analysis-rates-smoothed"
        />
      </div>
      {props.exportButtons}
    </div>
  );
}

function formatP(p: number | null, locale: 'de' | 'en'): string {
  return p === null ? '–' : formatNumber(p, 3, locale);
}

function clusterFill(result: MoranResult, key: string): string {
  const area = result.areas.find((candidate) => candidate.key === key);
  return area ? clusterCategoryColour(clusterCategory(area)) : NO_DATA_COLOUR;
}

function clusterLabel(result: MoranResult, key: string, t: ReturnType<typeof useT>): string {
  const area = result.areas.find((candidate) => candidate.key === key);
  if (!area || !area.analysed) return t('analysis.cluster.noData');
  if (area.island) return t('analysis.cluster.island');
  return t(`analysis.cluster.${area.cluster}`);
}

function clusterLegend(result: MoranResult, t: ReturnType<typeof useT>): LegendRow[] {
  return [
    ...CLUSTER_ORDER.map((type) => ({ colour: CLUSTER_COLOURS[type], label: t(`analysis.cluster.${type}`), count: result.clusterCounts[type] - (type === 'ns' ? result.islands.length : 0) })),
    ...(result.islands.length > 0 ? [{ colour: ISLAND_COLOUR, label: t('analysis.cluster.island'), count: result.islands.length }] : []),
    ...(result.leftOut.length > 0 ? [{ colour: NO_DATA_COLOUR, label: t('analysis.cluster.noData'), count: result.leftOut.length }] : []),
  ];
}

function significanceFill(result: MoranResult, key: string): string {
  const area = result.areas.find((candidate) => candidate.key === key);
  if (!area) return NO_DATA_COLOUR;
  const category = clusterCategory(area);
  if (category === 'noData' || category === 'island') return clusterCategoryColour(category);
  return SIGNIFICANCE_COLOURS[significanceClass(area.adjustedPValue, result.significanceLevel)];
}

/** The figure's legend rows (with counts, islands and areas without a value), so tab and export agree. */
function significanceLegend(result: MoranResult, locale: Locale): LegendRow[] {
  return significanceLegendRows(result, locale).map((row) => ({ colour: row.colour, label: row.label, ...(row.count === null ? {} : { count: row.count }) }));
}
