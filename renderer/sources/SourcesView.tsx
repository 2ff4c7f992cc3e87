/**
 * The Quellenvergleich tab: for a variable held by two or more sources and a Stichtag, per area each
 * source's value side by side, the gap of the compared source (B) against the reference (A) absolutely
 * and in percent, which source the indicators use there, the region's totals with "nicht zuordenbar" and
 * the reported total, each source's metadata ("wer wird gezählt", Stichtag, licence, quality), the gap as
 * a diverging map and as bars, the gap over time, and the comparison as CSV/XLSX or committee figure.
 *
 * Everything comes from `sources.compare` / `sources.exportComparison`, the methods `kleinraum
 * compare-sources` calls: one engine. Map, bars and table rows share the store's one selection.
 */
import { useMemo, useState } from 'react';
import type { COMPARISON_FORMATS } from '../../shared/contract/methods/sources';
import type { FeatureCollectionDto, MethodInput, MethodOutput, ProjectSummary } from '../../shared/contract/api';
import { formatDate, formatNumber, type Locale } from '../../shared/format/number';
import { localized, message } from '../../shared/i18n/translate';
import { NO_DATA_COLOUR } from '../../shared/classification/defaults';
import { comparisonGapLegend, drawComparisonGap } from '../../shared/sources/comparisonDrawing';
import { pairedTotalsCoverAll, SAME_DATE_TOLERANCE_DAYS } from '../../shared/sources/compareSources';
import { comparisonSummary } from '../../shared/sources/comparisonTable';
import { pickSource, priorityAmongPresent, sourcePriority } from '../../shared/sources/sourceChoice';
import { toApiError } from '../api/apiError';
import { useBackend, useBackendQuery } from '../api/backend';
import { useApp, useKleinraum, useLocale, useT } from '../AppContext';
import { AreaMap, type LegendRow } from '../analysis/AreaMap';
import { downloadBase64 } from '../profiles/exportProfiles';
import { GapBars } from './GapBars';
import { indicatorShowing } from './indicatorShowing';
import { ScatterPlot } from '../analysis/ScatterPlot';
import { shortSourceName, sourceMetaIn, sourceNameIn } from '../../shared/sources/sourceChoiceLine';
import '../analysis/analysis.css';
import './sources.css';

type Comparison = MethodOutput<'sources.compare'>;
type ComparisonRequest = MethodInput<'sources.compare'>;
type ExportFormat = (typeof COMPARISON_FORMATS)[number];
type SourceInfo = ProjectSummary['sources'][number];

const DEFAULT_THRESHOLD = 10;

/** Variables with values from at least two sources, the ones the comparison can show. */
export function comparableVariables(project: Pick<ProjectSummary, 'variables'>): ProjectSummary['variables'] {
  return project.variables.filter((variable) => variable.availableSources.length >= 2);
}

/** The variable's sources, those its indicators draw from first (in their order), then the others. */
export function orderedSources(variable: ProjectSummary['variables'][number]): string[] {
  const holding = variable.availableSources.map((entry) => entry.id);
  const chosen = variable.sources.filter((id) => holding.includes(id));
  return [...chosen, ...holding.filter((id) => !chosen.includes(id))];
}

export function SourcesView() {
  const t = useT();
  const locale = useLocale();
  const { store } = useApp();
  const backend = useBackend();
  const project = useKleinraum((state) => state.project);
  const layerName = useKleinraum((state) => state.layerName);
  const features = useKleinraum((state) => state.features);
  const selectedKey = useKleinraum((state) => state.selectedKey);
  const variables = useMemo(() => (project ? comparableVariables(project) : []), [project]);
  const [variableChoice, setVariableChoice] = useState<string | null>(null);
  const variable = variables.find((candidate) => candidate.id === variableChoice) ?? variables.find((candidate) => candidate.id === 'refugees') ?? variables[0] ?? null;
  const ordered = variable ? orderedSources(variable) : [];
  const [pair, setPair] = useState<{ variable: string; a: string; b: string } | null>(null);
  const a = pair && pair.variable === variable?.id && ordered.includes(pair.a) ? pair.a : (ordered[0] ?? null);
  const b = pair && pair.variable === variable?.id && ordered.includes(pair.b) ? pair.b : (ordered.find((id) => id !== a) ?? null);
  const [periodChoice, setPeriodChoice] = useState<string>('');
  const periods = useMemo(() => {
    if (!variable) return [];
    const wanted = new Set([a, b]);
    return [...new Set(variable.availableSources.filter((entry) => wanted.has(entry.id)).flatMap((entry) => entry.periods))].sort().reverse();
  }, [variable, a, b]);
  const period = periods.includes(periodChoice) ? periodChoice : '';
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD);
  const sameSource = a !== null && a === b;
  // The order the indicators really draw from (the variable's ranked sources, as the cards say), not the
  // list of all sources holding it: B is a fallback only when it is ranked second.
  const drawnFrom = variable && project ? sourcePriority(variable, null, project.sources.map((source) => source.id)).filter((id) => ordered.includes(id)) : [];
  const orderInEffect = Boolean(a && b) && drawnFrom[0] === a && drawnFrom[1] === b;

  const request: ComparisonRequest | null =
    variable && a && b && !sameSource && layerName
      ? { variable: variable.id, layer: layerName, sources: [a, b, ...ordered.filter((id) => id !== a && id !== b)], thresholdPercent: threshold, ...(period ? { period } : {}) }
      : null;
  const comparison = useBackendQuery('sources.compare', request, { keepPrevious: true, delayMs: 150 });
  const [exporting, setExporting] = useState(false);

  if (!project) return null;
  if (!variable) return <div className="sources-empty" data-testid="sources-empty">{t('sources.empty')}</div>;
  const sourceInfo = new Map(project.sources.map((source) => [source.id, source]));
  const nameOf = (id: string) => shortSourceName(sourceInfo.get(id)?.name ?? id);

  const runExport = async (format: ExportFormat) => {
    if (!request) return;
    setExporting(true);
    try {
      const file = await backend.call('sources.exportComparison', { ...request, format, locale });
      if (file.base64) downloadBase64(file.fileName, file.mimeType, file.base64);
    } catch (error) {
      store.getState().showMessage(toApiError(error, 'sources.exportComparison').text);
    } finally {
      setExporting(false);
    }
  };
  /** Makes A, else B, the order the indicators draw from (the rest keep their rank after them); undoable. */
  const setOrder = async () => {
    if (!a || !b) return;
    // An empty choice means all sources in the project's order: undo restores that order explicitly.
    const before = variable.sources.length > 0 ? [...variable.sources] : [...ordered];
    const after = [a, b, ...before.filter((id) => id !== a && id !== b)];
    const apply = (sources: string[]) => backend.call('sources.setChoice', { variable: variable.id, sources });
    try {
      await apply(after);
      store.getState().recordEdit({ label: message('undo.sourceOrder', { variable: localized(variable.name, locale) }), undo: () => apply(before), redo: () => apply(after) });
    } catch (error) {
      store.getState().showMessage(toApiError(error, 'sources.setChoice').text);
    }
  };
  const showOnMap = () => {
    if (!a) return;
    const indicator = indicatorShowing(project, variable.id);
    if (indicator) store.getState().chooseIndicator(indicator);
    const periodsOfA = variable.availableSources.find((entry) => entry.id === a)?.periods ?? [];
    store.getState().chooseSources([a], periodsOfA);
    store.getState().setActiveView('map');
  };

  const result = comparison.data;
  return (
    <div className="sources" data-testid="sources-view">
      <aside className="sources-controls">
        <label>
          {t('sources.variable')}
          <select data-testid="sources-variable" value={variable.id} onChange={(event) => setVariableChoice(event.target.value)}>
            {variables.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {localized(candidate.name, locale)} ({candidate.availableSources.length})
              </option>
            ))}
          </select>
        </label>
        <SourceSelect label={t('sources.reference')} testId="sources-a" value={a ?? ''} ids={ordered} nameOf={nameOf} onChange={(id) => setPair({ variable: variable.id, a: id, b: b === id ? (a ?? id) : (b ?? id) })} />
        <SourceSelect label={t('sources.compared')} testId="sources-b" value={b ?? ''} ids={ordered} nameOf={nameOf} onChange={(id) => setPair({ variable: variable.id, a: a === id ? (b ?? id) : (a ?? id), b: id })} />
        {sameSource && <p className="sources-error">{t('sources.sameSource')}</p>}
        <label>
          {t('sources.period')}
          <select data-testid="sources-period" value={period} onChange={(event) => setPeriodChoice(event.target.value)}>
            <option value="">{t('sources.periodLatest')}</option>
            {periods.map((candidate) => (
              <option key={candidate} value={candidate}>
                {formatDate(candidate, locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sources.threshold')}
          <input
            type="number"
            min={0}
            max={1000}
            step={1}
            data-testid="sources-threshold"
            value={threshold}
            onChange={(event) => setThreshold(Math.min(1000, Math.max(0, Number(event.target.value) || 0)))}
          />
        </label>
        <div className="sources-export" role="group" aria-label={t('sources.export')}>
          <span>{t('sources.export.table')}</span>
          {(['csv', 'xlsx'] as const).map((format) => (
            <button key={format} type="button" className="button button-small" disabled={exporting || !result} data-testid={`sources-export-${format}`} onClick={() => void runExport(format)}>
              {format.toUpperCase()}
            </button>
          ))}
          <span>{t('sources.export.figure')}</span>
          {(['svg', 'png', 'pdf'] as const).map((format) => (
            <button key={format} type="button" className="button button-small" disabled={exporting || !result} data-testid={`sources-export-${format}`} onClick={() => void runExport(format)}>
              {format.toUpperCase()}
            </button>
          ))}
        </div>
        <button type="button" className="button" data-testid="sources-show-on-map" disabled={!a} onClick={showOnMap}>
          {t('sources.showOnMap')}
        </button>
        <button type="button" className="button" data-testid="sources-set-order" disabled={!a || !b || sameSource || orderInEffect} title={t('sources.setOrderHint')} onClick={() => void setOrder()}>
          {t('sources.setOrder')}
        </button>
        {/* A greyed-out button alone did not say why: the order is already the one it would set. */}
        {orderInEffect && !sameSource && (
          <p className="sources-hint" data-testid="sources-order-in-effect">
            ✓ {t('sources.orderInEffect')}
          </p>
        )}
      </aside>
      <section className="sources-main">
        <p className="sources-hint">{t('sources.intro')}</p>
        {comparison.error && (
          <p className="sources-error" role="alert" data-testid="sources-error">
            {comparison.error[locale]}
          </p>
        )}
        {comparison.loading && !result && <p className="sources-hint">{t('sources.loading')}</p>}
        {result && (
          <ComparisonResult
            result={result}
            variable={variable}
            sourceInfo={sourceInfo}
            projectOrder={project.sources.map((source) => source.id)}
            features={features}
            selectedKey={selectedKey}
            onSelect={(key) => store.getState().selectArea(key)}
            locale={locale}
          />
        )}
      </section>
    </div>
  );
}

function SourceSelect(props: { label: string; testId: string; value: string; ids: readonly string[]; nameOf: (id: string) => string; onChange: (id: string) => void }) {
  return (
    <label>
      {props.label}
      <select data-testid={props.testId} value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.ids.map((id) => (
          <option key={id} value={id}>
            {props.nameOf(id)}
          </option>
        ))}
      </select>
    </label>
  );
}

function ComparisonResult(props: {
  result: Comparison;
  variable: ProjectSummary['variables'][number];
  sourceInfo: Map<string, SourceInfo>;
  projectOrder: string[];
  features: FeatureCollectionDto | null;
  selectedKey: string | null;
  onSelect: (key: string) => void;
  locale: Locale;
}) {
  const t = useT();
  const { result, variable, sourceInfo, locale } = props;
  const letters = result.sources.map((_, index) => String.fromCharCode(65 + index));
  // Which source the map uses per area at this Stichtag, ranked as the map ranks: among the sources with
  // values at this very Stichtag (the comparison also shows a source's nearest other one, which the map
  // does not use here).
  const priority = sourcePriority(variable, null, props.projectOrder);
  const atThisStichtag = new Set(result.sources.filter((source) => source.stichtag === result.period).map((source) => source.id));
  const usedPriority = priorityAmongPresent(priority, atThisStichtag);
  const usedBy = (values: Record<string, number | null>) =>
    pickSource(
      result.sources.filter((source) => values[source.id] !== null && values[source.id] !== undefined).map((source) => ({ sourceId: source.id })),
      usedPriority,
    );
  const drawing = useMemo(() => drawComparisonGap(result, result.variableName), [result]);
  const legend = useMemo(() => comparisonGapLegend(drawing, result.period, locale), [drawing, result.period, locale]);
  const legendRows: LegendRow[] = [
    ...legend.rows.map((row) => ({ colour: row.colour, label: row.label, count: row.count })),
    ...(legend.noData ? [{ colour: NO_DATA_COLOUR, label: t('sources.gapLegendNoData'), count: legend.noData.count }] : []),
  ];
  const number = (value: number | null | undefined, decimals = 0) => (value === null || value === undefined ? '–' : formatNumber(value, decimals, locale));
  const signed = (value: number | null | undefined, decimals = 0) => (value === null || value === undefined ? '–' : `${value > 0 ? '+' : ''}${formatNumber(value, decimals, locale)}`);
  const [first, second] = result.sources;
  const gapByKey = new Map(result.areas.map((area) => [area.key, area]));
  const check = (id: string) => result.checks.find((entry) => entry.sourceId === id);
  const pairedOverAll = pairedTotalsCoverAll(result);

  return (
    <>
      <p className={result.comparedCount === 0 ? 'sources-summary sources-nothing-compared' : 'sources-summary'} data-testid="sources-flagged" role={result.comparedCount === 0 ? 'alert' : undefined}>
        {comparisonSummary(result, locale).join(' ')}
      </p>
      <h3>{t('sources.metadata')}</h3>
      <div className="sources-cards" data-testid="sources-metadata">
        {result.sources.map((source, index) => {
          const info = sourceInfo.get(source.id);
          const rank = priority.indexOf(source.id);
          return (
            <article key={source.id} className="sources-card" data-testid={`sources-card-${source.id}`}>
              <h4>
                <span className="sources-letter">{letters[index]}</span> {sourceNameIn(info?.name ?? source.name, locale)}
              </h4>
              {source.synthetic && <p className="sources-synthetic">{t('sources.synthetic')}</p>}
              <dl>
                <dt>{t('sources.meta.publisher')}</dt>
                <dd>{info?.publisher ? sourceMetaIn(info.publisher, locale) : t('sources.meta.none')}</dd>
                <dt>{t('sources.meta.stichtag')}</dt>
                <dd>{source.stichtag ? formatDate(source.stichtag, locale) : t('sources.meta.none')}</dd>
                {info?.stichtag && info.stichtag !== source.stichtag && (
                  <>
                    <dt>{t('sources.meta.ownStichtag')}</dt>
                    <dd>{formatDate(info.stichtag, locale)}</dd>
                  </>
                )}
                <dt>{t('sources.meta.definition')}</dt>
                <dd>{source.definition || t('sources.meta.noDefinition')}</dd>
                <dt>{t('sources.meta.licence')}</dt>
                <dd>{info?.licence ? sourceMetaIn(info.licence, locale) : t('sources.meta.none')}</dd>
                <dt>{t('sources.meta.quality')}</dt>
                <dd>{t(`sources.quality.${info?.quality ?? 'counted'}`)}</dd>
              </dl>
              <p className="sources-used">{rank >= 0 ? t('sources.meta.usedBy', { rank: rank + 1 }) : t('sources.meta.notUsed')}</p>
            </article>
          );
        })}
      </div>
      <h3>{t('sources.table')}</h3>
      <div className="sources-table-scroll">
        <table className="sources-table" data-testid="sources-table">
          <thead>
            <tr>
              <th>{t('sources.col.key')}</th>
              <th>{t('sources.col.area')}</th>
              {result.sources.map((source, index) => (
                <th key={source.id} className="numeric" title={source.name}>
                  {letters[index]}: {shortSourceName(source.name)}
                  <br />
                  <span className="sources-sub">{source.stichtag ? formatDate(source.stichtag, locale) : '–'}</span>
                </th>
              ))}
              <th className="numeric">{t('sources.col.gap')}</th>
              <th className="numeric">{t('sources.col.gapPercent')}</th>
              <th>{t('sources.col.used')}</th>
            </tr>
          </thead>
          <tbody>
            {result.areas.map((area) => {
              const used = usedBy(area.values);
              return (
                <tr
                  key={area.key}
                  data-testid={`sources-row-${area.key}`}
                  className={[area.key === props.selectedKey ? 'selected' : '', area.flagged ? 'flagged' : ''].join(' ').trim() || undefined}
                  onClick={() => props.onSelect(area.key)}
                >
                  <td className="mono">{area.key}</td>
                  <td>{area.name}</td>
                  {result.sources.map((source) => (
                    <td key={source.id} className={used?.sourceId === source.id ? 'numeric used' : 'numeric'} data-source={source.id}>
                      {number(area.values[source.id])}
                    </td>
                  ))}
                  <td className="numeric">{signed(area.gap)}</td>
                  <td className="numeric" data-testid={`sources-gap-${area.key}`}>
                    {signed(area.gapPercent, 1)}
                    {area.flagged && <span className="sources-flag" title={t('sources.flag')}> ⚑</span>}
                  </td>
                  <td data-testid={`sources-used-${area.key}`}>
                    {used ? `${letters[result.sources.findIndex((source) => source.id === used.sourceId)]}${used.rank > 0 ? ` (${t('sources.usedFallback')})` : ''}` : '–'}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr data-testid="sources-row-sum">
              <td />
              <th scope="row">{t('sources.row.sum')}</th>
              {result.sources.map((source) => (
                <td key={source.id} className="numeric">
                  {number(result.totals[source.id])}
                </td>
              ))}
              <td className="numeric">{pairedOverAll && result.pairedTotals ? signed(result.pairedTotals.second - result.pairedTotals.first) : '–'}</td>
              <td className="numeric">{pairedOverAll ? signed(drawing.regionValue, 1) : '–'}</td>
              <td />
            </tr>
            {result.pairedTotals && !pairedOverAll && (
              <tr data-testid="sources-row-paired-sum">
                <td />
                <th scope="row">{t('sources.row.pairedSum', { count: result.pairedTotals.areaCount })}</th>
                {result.sources.map((source, index) => (
                  <td key={source.id} className="numeric">
                    {index === 0 ? number(result.pairedTotals?.first) : index === 1 ? number(result.pairedTotals?.second) : ''}
                  </td>
                ))}
                <td className="numeric">{signed(result.pairedTotals.second - result.pairedTotals.first)}</td>
                <td className="numeric">{signed(drawing.regionValue, 1)}</td>
                <td />
              </tr>
            )}
            <tr data-testid="sources-row-unassignable">
              <td />
              <th scope="row">{t('sources.row.unassignable')}</th>
              {result.sources.map((source) => (
                <td key={source.id} className="numeric">
                  {number(result.unassignable[source.id])}
                </td>
              ))}
              <td colSpan={3} />
            </tr>
            <tr>
              <td />
              <th scope="row">{t('sources.row.reported')}</th>
              {result.sources.map((source) => (
                <td key={source.id} className="numeric">
                  {number(check(source.id)?.reported)}
                </td>
              ))}
              <td colSpan={3} />
            </tr>
            <tr>
              <td />
              <th scope="row">{t('sources.row.check')}</th>
              {result.sources.map((source) => (
                <td key={source.id} className="numeric">
                  {signed(check(source.id)?.difference)}
                </td>
              ))}
              <td colSpan={3} />
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="sources-panels">
        {props.features && (
          <AreaMap
            features={props.features}
            fillOf={(key) => drawing.drawn.colourByKey.get(key) ?? NO_DATA_COLOUR}
            titleOf={(key, name) => `${name}: ${signed(gapByKey.get(key)?.gapPercent, 1)} %`}
            caption={`${t('sources.gapMap')} (B: ${shortSourceName(second?.name ?? '')}, A: ${shortSourceName(first?.name ?? '')})`}
            legend={legendRows}
            testId="sources-gap-map"
          />
        )}
        {first && second && (
          <figure className="analysis-map">
            <figcaption>{t('sources.scatter')}</figcaption>
            <ScatterPlot
              points={result.areas.flatMap((area) => {
                const [x, y] = [area.values[first.id], area.values[second.id]];
                return x === null || x === undefined || y === null || y === undefined ? [] : [{ key: area.key, name: area.name, x, y, colour: drawing.drawn.colourByKey.get(area.key) ?? NO_DATA_COLOUR }];
              })}
              fit={{ slope: 1, intercept: 0 }}
              xLabel={`A: ${shortSourceName(first.name)}`}
              yLabel={`B: ${shortSourceName(second.name)}`}
              zeroLines={false}
              sameScale
              testId="sources-scatter"
            />
            <p className="sources-hint">{t('sources.scatter.hint')}</p>
          </figure>
        )}
        <GapBars
          areas={result.areas}
          colourOf={(key) => drawing.drawn.colourByKey.get(key) ?? NO_DATA_COLOUR}
          threshold={result.thresholdPercent}
          selectedKey={props.selectedKey}
          onSelect={props.onSelect}
          caption={t('sources.gapBars')}
          locale={locale}
        />
      </div>
      <h3>{t('sources.trend')}</h3>
      {result.trend.length === 0 ? (
        <p className="sources-hint">{t('sources.trend.none', { days: SAME_DATE_TOLERANCE_DAYS })}</p>
      ) : (
        <table className="sources-table sources-trend" data-testid="sources-trend">
          <thead>
            <tr>
              <th>{t('sources.trend.dates')}</th>
              <th className="numeric">{t('sources.trend.totalA')}</th>
              <th className="numeric">{t('sources.trend.totalB')}</th>
              <th className="numeric">{t('sources.trend.gap')}</th>
              <th className="numeric">{t('sources.trend.gapPercent')}</th>
            </tr>
          </thead>
          <tbody>
            {result.trend.map((point) => {
              const dates = result.sources.slice(0, 2).map((source) => point.periods[source.id]);
              return (
                <tr key={dates.join('/')}>
                  <td>{[...new Set(dates.filter((date): date is string => Boolean(date)))].map((date) => formatDate(date, locale)).join(' / ')}</td>
                  <td className="numeric">{number(first ? point.totals[first.id] : null)}</td>
                  <td className="numeric">{number(second ? point.totals[second.id] : null)}</td>
                  <td className="numeric">{signed(point.gap)}</td>
                  <td className="numeric">{signed(point.gapPercent, 1)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
