/**
 * The "Planung" tab: scenarios (list and editor), rates with the care ratio, and the results of the chosen
 * scenario — gap map, ranked table (areas over capacity stand out), years slider, comparison with a second
 * scenario side by side with the difference, costs of acting and of not acting. Everything shown from a
 * projection carries the banner "Projektion – Annahmen: …".
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MethodOutput, ProjectSummary } from '../../shared/contract/api';
import { formatDate, formatNumber } from '../../shared/format/number';
import { message, localized } from '../../shared/i18n/translate';
import type { LocalizedText } from '../../shared/model/project';
import { formatRateValue, type PlanningRates } from '../../shared/planning/rateEntries';
import { assumptionsAfterEdit, createPresetScenario } from '../../shared/planning/presetScenarios';
import { INFRASTRUCTURE_KINDS, type CareRatio, type DemandRates, type InfrastructureKind, type Scenario } from '../../shared/planning/scenarioModel';
import { useKleinraum, useLocale, useT } from '../AppContext';
import { ApiError } from '../api/apiError';
import { useBackend, useBackendQuery } from '../api/backend';
import { GapMap, type AreaGap, type FacilityPoint } from './GapMap';
import { roundedEuros } from '../../shared/planning/costFigures';
import { SUPPLY_KIND_OF_FACILITY, syntheticSupplyKinds } from '../../shared/planning/facilities';
import { DecimalInput } from '../forms/DecimalInput';
import { RatesEditor } from './RatesEditor';
import { SupplyEditor } from './SupplyEditor';
import './planning.css';
import { scenarioKeyFigures } from '../../shared/planning/assumptions';
import { isMarkedShortage } from './gapColours';

type ScenarioRun = MethodOutput<'planning.run'>;
type ScenarioEntry = MethodOutput<'planning.listScenarios'>['scenarios'][number];

function gapsOf(run: ScenarioRun, year: number, kind: InfrastructureKind): Map<string, AreaGap> {
  const gaps = new Map<string, AreaGap>();
  for (const area of run.areas) {
    const areaYear = area.years.find((candidate) => candidate.year === year);
    if (areaYear) gaps.set(area.key, { key: area.key, name: area.name, gap: areaYear.gap[kind], gapPercent: areaYear.gapPercent[kind] });
  }
  return gaps;
}

/** Years a new project's first scenario projects. */
const FIRST_SCENARIO_YEARS = 10;

/**
 * The start year of a project's first scenario: the latest year-end Stichtag of its population (the stock
 * the projection starts from), else last year (the run then says which data is missing).
 */
function firstScenarioStartYear(project: ProjectSummary | null): number {
  const periods = project?.variables.find((variable) => variable.id === 'population')?.periods ?? [];
  const yearEnds = periods.filter((period) => period.endsWith('-12-31')).sort();
  const latest = yearEnds[yearEnds.length - 1];
  return latest ? Number(latest.slice(0, 4)) : new Date().getFullYear() - 1;
}

export function PlanningWorkspace() {
  const t = useT();
  const locale = useLocale();
  const features = useKleinraum((state) => state.features);
  const backend = useBackend();
  const recordEdit = useKleinraum((state) => state.recordEdit);
  const project = useKleinraum((state) => state.project);
  const list = useBackendQuery('planning.listScenarios', {});
  const scenarios: ScenarioEntry[] = list.data?.scenarios ?? [];
  const [chosenId, setSelectedId] = useState<string | null>(null);
  // The chosen scenario while it exists (or while the list reloads after saving it), else the first one.
  const selectedId = chosenId !== null && (list.loading || scenarios.some((entry) => entry.id === chosenId)) ? chosenId : (scenarios[0]?.id ?? null);
  const stored = useBackendQuery('planning.getScenario', selectedId ? { id: selectedId } : null);
  const [draft, setDraft] = useState<Scenario | null>(null);
  // The editor works on a copy; a new answer (another scenario, or the project changed) replaces it.
  useEffect(() => {
    if (stored.data) setDraft(stored.data.scenario as Scenario);
  }, [stored.data]);
  const rates = useBackendQuery('planning.rates', {}).data ?? null;
  const supply = useBackendQuery('planning.supply', {}).data ?? null;
  const runQuery = useBackendQuery('planning.run', selectedId ? { scenarioId: selectedId } : null, { keepPrevious: true });
  const run: ScenarioRun | null = runQuery.data ?? null;
  const [compareId, setCompareId] = useState<string>('');
  const compareRun: ScenarioRun | null = useBackendQuery('planning.run', compareId ? { scenarioId: compareId } : null).data ?? null;
  const [kind, setKind] = useState<InfrastructureKind>('kita');
  const [year, setYear] = useState<number | null>(null);
  const [commandError, setCommandError] = useState<LocalizedText | null>(null);
  const queryError = list.error ?? stored.error ?? runQuery.error;
  const shownError = commandError ?? queryError;
  const error = shownError ? localized(shownError, locale) : null;
  // Kept per scenario: storing emits project.changed and reruns, so the message must survive the rerun.
  const [storedMessage, setStoredMessage] = useState<{ scenarioId: string; text: string } | null>(null);

  /** Runs a command; its failure is shown until the next command succeeds. */
  const command = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    try {
      const answer = await action();
      setCommandError(null);
      return answer;
    } catch (caught) {
      setCommandError(caught instanceof ApiError ? caught.text : { de: String(caught), en: String(caught) });
      return undefined;
    }
  }, []);

  const saveDraft = async (): Promise<void> => {
    if (!draft) return;
    const before = stored.data?.scenario.id === draft.id ? (stored.data.scenario as Scenario) : null;
    const after = draft;
    const saved = await command(() => backend.call('planning.saveScenario', { scenario: after }));
    if (saved === undefined) return;
    setSelectedId(after.id);
    if (before) {
      recordEdit({
        label: message('undo.scenario', { name: localized(after.name, locale) }),
        undo: () => backend.call('planning.saveScenario', { scenario: before }),
        redo: () => backend.call('planning.saveScenario', { scenario: after }),
      });
    }
  };

  const newScenario = async (): Promise<void> => {
    // A copy of the shown scenario; a project without scenarios starts from the preset medium inflow.
    const template = draft ?? createPresetScenario('medium', firstScenarioStartYear(project), FIRST_SCENARIO_YEARS);
    let number = scenarios.length + 1;
    while (scenarios.some((entry) => entry.id === `szenario-${number}`)) number += 1;
    const name = t('planning.newScenarioName', { number });
    const created: Scenario = { ...template, id: `szenario-${number}`, name: { de: name, en: name } };
    const saved = await command(() => backend.call('planning.saveScenario', { scenario: created }));
    if (saved === undefined) return;
    setSelectedId(created.id);
    recordEdit({
      label: message('undo.scenarioNew', { name }),
      undo: () => backend.call('planning.deleteScenario', { id: created.id }),
      redo: () => backend.call('planning.saveScenario', { scenario: created }),
    });
  };

  const deleteSelected = async (): Promise<void> => {
    if (!selectedId) return;
    const removed = stored.data?.scenario.id === selectedId ? (stored.data.scenario as Scenario) : null;
    const deleted = await command(() => backend.call('planning.deleteScenario', { id: selectedId }));
    if (deleted === undefined) return;
    setSelectedId(null);
    if (removed) {
      recordEdit({
        label: message('undo.scenarioDelete', { name: localized(removed.name, locale) }),
        undo: async () => {
          await backend.call('planning.saveScenario', { scenario: removed });
          setSelectedId(removed.id);
        },
        redo: () => backend.call('planning.deleteScenario', { id: removed.id }),
      });
    }
  };

  const storeResults = async (): Promise<void> => {
    if (!run) return;
    const result = await command(() => backend.call('planning.storeResults', { scenarioId: run.scenario.id }));
    if (result) setStoredMessage({ scenarioId: run.scenario.id, text: t('planning.resultsStored', { count: formatNumber(result.observations, 0, locale), scenario: localized(run.scenario.name, locale) }) });
  };

  const applyRates = async (next: PlanningRates): Promise<PlanningRates | undefined> => {
    // Shown at once; the saved answer (or, on failure, the reloaded rates) replaces it.
    backend.remember('planning.rates', {}, next);
    const saved = await command(() => backend.call('planning.setRates', next));
    if (saved) backend.remember('planning.rates', {}, saved);
    return saved;
  };
  const saveRates = async (next: PlanningRates): Promise<void> => {
    const before = rates;
    const saved = await applyRates(next);
    if (saved && before) recordEdit({ label: message('undo.rates'), undo: () => applyRates(before), redo: () => applyRates(saved) });
  };

  const shownYear = year !== null && run?.years.includes(year) ? year : (run?.years[0] ?? null);
  const rows = useMemo(() => {
    if (!run || shownYear === null) return [];
    const differences = compareRun ? gapsOf(compareRun, shownYear, kind) : null;
    return run.areas
      .map((area) => {
        const areaYear = area.years.find((candidate) => candidate.year === shownYear)!;
        const other = differences?.get(area.key)?.gap;
        const gap = areaYear.gap[kind];
        return { key: area.key, name: area.name, demand: areaYear.demand[kind], supply: areaYear.supply[kind], gap, gapPercent: areaYear.gapPercent[kind], difference: other === undefined || other === null || gap === null ? null : other - gap };
      })
      .sort((a, b) => (b.gap ?? -Infinity) - (a.gap ?? -Infinity));
  }, [run, compareRun, shownYear, kind]);

  const decimals = kind === 'staff' ? 1 : 0;
  const number = (value: number | null, places = decimals): string => (value === null ? '–' : formatNumber(value, places, locale));
  const costs = run?.regionCosts.find((candidate) => candidate.year === shownYear);
  // Kinds left out of the region's sums (their supply is unknown somewhere): named, not just "incomplete".
  const omittedCostKinds = costs ? INFRASTRUCTURE_KINDS.filter((candidate) => costs.acting[candidate] === null || costs.notActing[candidate] === null) : [];
  // A cost figure rests on placeholders when a cost rate it multiplies is an assumption, not a sourced value.
  const placeholderCosts = (kinds: readonly InfrastructureKind[]): boolean =>
    rates !== null && kinds.some((candidate) => rates.costs.costPerUnitPerYear[candidate].basis.kind === 'assumption' || rates.costs.costOfMissingUnitPerYear[candidate].basis.kind === 'assumption');
  // A kind whose supply comes from the project's data: its facilities count for nothing, so none is drawn.
  const supplyFromData = supply?.fromData.find((use) => use.kind === kind) ?? null;
  const facilityPoints: FacilityPoint[] = useMemo(
    () =>
      supplyFromData
        ? []
        : (supply?.facilities ?? []).filter((facility) => SUPPLY_KIND_OF_FACILITY[facility.kind] === kind).map((facility) => ({ id: facility.id, name: facility.name, longitude: facility.longitude, latitude: facility.latitude })),
    [supply, kind, supplyFromData],
  );
  const syntheticSupply = supply !== null && syntheticSupplyKinds(supply.facilities, supply.staff, supply.fromData).has(kind);
  // The note names the list the supply comes from, synthetic or not; facilities' supply is said by the map's points.
  const fromDataText =
    supplyFromData && supplyFromData.indicatorName && supplyFromData.period
      ? `${localized(supplyFromData.indicatorName, locale)}, ${supplyFromData.sources.map((source) => source.name).join('; ')}, ${formatDate(supplyFromData.period, locale)}`
      : null;
  const gapMapNote = fromDataText
    ? t(syntheticSupply ? 'planning.gapMapNote.fromDataSynthetic' : 'planning.gapMapNote.fromData', { supply: fromDataText })
    : t(syntheticSupply ? 'planning.gapMapNote.synthetic' : 'planning.gapMapNote.projection');
  const kindLabel = t(`planning.kind.${kind}`);

  return (
    <div className="planning-workspace" data-testid="planning-workspace">
      <aside className="planning-side">
        <section>
          <h2>{t('planning.scenarios')}</h2>
          {scenarios.length === 0 && <p>{t('planning.noScenarios')}</p>}
          <ul className="planning-scenario-list">
            {scenarios.map((entry) => (
              <li key={entry.id}>
                <label>
                  <input type="radio" name="planning-scenario" checked={entry.id === selectedId} onChange={() => setSelectedId(entry.id)} /> {localized(entry.name, locale)}
                </label>
              </li>
            ))}
          </ul>
          <div className="planning-buttons">
            <button type="button" data-testid="planning-new-scenario" onClick={() => void newScenario()} disabled={!draft && list.loading}>
              {t('planning.newScenario')}
            </button>
            <button type="button" onClick={() => void deleteSelected()} disabled={!selectedId}>
              {t('planning.deleteScenario')}
            </button>
          </div>
        </section>
        {draft && (
          <ScenarioEditor
            draft={draft}
            projectCareRatios={rates?.demand.staff ?? null}
            onChange={(next) => setDraft({ ...next, assumptions: assumptionsAfterEdit(draft, next) })}
            onSave={() => void saveDraft()}
          />
        )}
      </aside>
      <main className="planning-main">
        {error && (
          <p className="planning-error" role="alert" data-testid="planning-error">
            {error}
          </p>
        )}
        {run && (
          <p className="planning-banner" data-testid="planning-banner">
            {t('planning.projectionBanner', { figures: scenarioKeyFigures(run.assumptions, locale), assumptions: localized(run.scenario.assumptions, locale) })}
          </p>
        )}
        {run && compareRun && (
          // The compared scenario may rest on another inflow and care ratio: its differences mix both in.
          <p className="planning-banner" data-testid="planning-compare-banner">
            {t('planning.compareBanner', { name: localized(compareRun.scenario.name, locale), figures: scenarioKeyFigures(compareRun.assumptions, locale) })}
          </p>
        )}
        {run && (
          <div className="planning-buttons">
            <button type="button" onClick={() => void storeResults()} data-testid="planning-store-results" title={t('planning.storeResultsHint')}>
              {t('planning.storeResults')}
            </button>
            {storedMessage?.scenarioId === run.scenario.id && (
              <span role="status" data-testid="planning-stored">
                {storedMessage.text}
              </span>
            )}
          </div>
        )}
        {run && shownYear !== null && (
          <>
            <div className="planning-controls">
              <label>
                {t('planning.kind')}{' '}
                <select value={kind} onChange={(event) => setKind(event.target.value as InfrastructureKind)} data-testid="planning-kind">
                  {INFRASTRUCTURE_KINDS.map((candidate) => (
                    <option key={candidate} value={candidate}>
                      {t(`planning.kind.${candidate}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('planning.year', { year: shownYear })}{' '}
                <input type="range" min={run.years[0]} max={run.years.at(-1)} step={1} value={shownYear} onChange={(event) => setYear(Number(event.target.value))} data-testid="planning-year" />
              </label>
              <label>
                {t('planning.compareWith')}{' '}
                <select value={compareId} onChange={(event) => setCompareId(event.target.value)} data-testid="planning-compare">
                  <option value="">{t('planning.compareNone')}</option>
                  {scenarios
                    .filter((entry) => entry.id !== selectedId)
                    .map((entry) => (
                      <option key={entry.id} value={entry.id}>
                        {localized(entry.name, locale)}
                      </option>
                    ))}
                </select>
              </label>
            </div>
            {features && (
              <div className="planning-maps">
                <GapMap
                  features={features}
                  gaps={gapsOf(run, shownYear, kind)}
                  title={`${localized(run.scenario.name, locale)} – ${kindLabel}: ${t('planning.gapMapTitle', { year: shownYear })}`}
                  testId="planning-map"
                  facilities={facilityPoints}
                  note={gapMapNote}
                />
                {compareRun && (
                  <GapMap
                    features={features}
                    gaps={gapsOf(compareRun, shownYear, kind)}
                    title={`${localized(compareRun.scenario.name, locale)} – ${kindLabel}: ${t('planning.gapMapTitle', { year: shownYear })}`}
                    testId="planning-map-compare"
                    facilities={facilityPoints}
                    note={gapMapNote}
                  />
                )}
              </div>
            )}
            {costs && (
              <dl className="planning-costs" data-testid="planning-costs">
                {/* What each sum covers: the shown kind first, then all five kinds together, each for the whole region. */}
                <dt data-testid="planning-costs-kind-title">{t('planning.costs.kindTitle', { year: shownYear, kind: kindLabel, areas: run.areas.length })}</dt>
                <dd>
                  {t('planning.costs.acting')}: <strong data-testid="planning-costs-kind-acting">{costs.acting[kind] === null ? '–' : roundedEuros(costs.acting[kind], locale)}</strong>
                </dd>
                <dd>
                  {t('planning.costs.notActing')}: <strong>{costs.notActing[kind] === null ? '–' : roundedEuros(costs.notActing[kind], locale)}</strong>
                </dd>
                <dt data-testid="planning-costs-all-title">
                  {omittedCostKinds.length === 0
                    ? t('planning.costs.allTitle', { kinds: INFRASTRUCTURE_KINDS.map((candidate) => t(`planning.kind.${candidate}`)).join(', ') })
                    : t('planning.costs.partTitle', { kinds: INFRASTRUCTURE_KINDS.filter((candidate) => !omittedCostKinds.includes(candidate)).map((candidate) => t(`planning.kind.${candidate}`)).join(', ') })}
                </dt>
                <dd>
                  {t('planning.costs.acting')}: <strong data-testid="planning-costs-all-acting">{roundedEuros(costs.actingTotal, locale)}</strong>
                </dd>
                <dd>
                  {t('planning.costs.notActing')}: <strong>{roundedEuros(costs.notActingTotal, locale)}</strong>
                </dd>
                {omittedCostKinds.length > 0 && <dd data-testid="planning-costs-incomplete">{t('planning.costs.incomplete', { kinds: omittedCostKinds.map((candidate) => t(`planning.kind.${candidate}`)).join(', ') })}</dd>}
                {placeholderCosts(INFRASTRUCTURE_KINDS) && (
                  <dd className="planning-costs-placeholder" data-testid="planning-costs-placeholder" role="note">
                    ⚠ {t('planning.costs.placeholder')}
                  </dd>
                )}
                <dd className="planning-costs-note">{t('planning.costs.rounded')}</dd>
              </dl>
            )}
            <table className="planning-table" data-testid="planning-table">
              <thead>
                <tr>
                  <th>{t('planning.table.area')}</th>
                  <th>{t('planning.table.demand')}</th>
                  <th>{t('planning.table.supply')}</th>
                  <th>{t('planning.table.gap')}</th>
                  <th>{t('planning.table.gapPercent')}</th>
                  {compareRun && <th>{t('planning.table.difference')}</th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr
                    key={row.key}
                    className={isMarkedShortage(row.gap, row.gapPercent) ? 'over-capacity' : undefined}
                    title={isMarkedShortage(row.gap, row.gapPercent) ? t('planning.table.overCapacity') : undefined}
                    data-key={row.key}
                  >
                    <td>{row.name}</td>
                    <td>{number(row.demand)}</td>
                    <td>{number(row.supply)}</td>
                    <td data-testid={`planning-gap-${row.key}`}>{number(row.gap)}</td>
                    <td>{row.gapPercent === null ? '–' : `${formatNumber(row.gapPercent, 1, locale)} %`}</td>
                    {compareRun && <td>{number(row.difference)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {!run && !error && selectedId !== null && <p>{t('planning.loading')}</p>}
        <SupplyEditor startYear={run?.scenario.startYear ?? null} />
        {rates && <RatesEditor rates={rates} onChange={(next) => void saveRates(next)} />}
      </main>
    </div>
  );
}

/** A care ratio the planner typed for this scenario, documented as the scenario's own assumption. */
function ownCareRatio(personsPerStaff: number): CareRatio {
  return { personsPerStaff: { value: personsPerStaff, basis: { kind: 'assumption', text: { de: 'Annahme dieses Szenarios.', en: 'Assumption of this scenario.' } } } };
}

interface ScenarioEditorProps {
  draft: Scenario;
  /** The project's care ratios (Quoten, Betreuungsschlüssel und Kosten), which apply unless the scenario has its own. */
  projectCareRatios: DemandRates['staff'] | null;
  onChange: (next: Scenario) => void;
  onSave: () => void;
}

function ScenarioEditor({ draft, projectCareRatios, onChange, onSave }: ScenarioEditorProps) {
  const t = useT();
  const locale = useLocale();
  const inflowChoice = draft.yearlyInflow.kind === 'preset' ? draft.yearlyInflow.level : 'typed';
  const typedArrivals = draft.yearlyInflow.kind === 'typed' ? (Array.isArray(draft.yearlyInflow.arrivalsPerYear) ? draft.yearlyInflow.arrivalsPerYear[0] ?? 0 : draft.yearlyInflow.arrivalsPerYear) : 4000;
  return (
    <section className="planning-editor" data-testid="planning-editor">
      <h2>{t('planning.editor')}</h2>
      <label>
        {t('planning.name')}
        <input value={draft.name[locale]} onChange={(event) => onChange({ ...draft, name: renamed(draft.name, locale, event.target.value) })} data-testid="planning-name" />
      </label>
      <label>
        {t('planning.inflow')}
        <select
          value={inflowChoice}
          onChange={(event) => {
            const value = event.target.value;
            onChange({ ...draft, yearlyInflow: value === 'typed' ? { kind: 'typed', arrivalsPerYear: typedArrivals } : { kind: 'preset', level: value as 'low' | 'medium' | 'high' } });
          }}
          data-testid="planning-inflow"
        >
          {(['low', 'medium', 'high', 'typed'] as const).map((choice) => (
            <option key={choice} value={choice}>
              {t(`planning.inflow.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      {inflowChoice === 'typed' && (
        <label>
          {t('planning.arrivalsPerYear')}
          <input type="number" min={0} step={100} value={typedArrivals} onChange={(event) => onChange({ ...draft, yearlyInflow: { kind: 'typed', arrivalsPerYear: Math.max(0, Math.round(Number(event.target.value))) } })} />
        </label>
      )}
      <label>
        {t('planning.years')}
        <input type="number" min={1} max={10} value={draft.years} onChange={(event) => onChange({ ...draft, years: Number(event.target.value) })} data-testid="planning-years" />
      </label>
      <label className="planning-check">
        <input type="checkbox" checked={draft.allocation.carryOver} onChange={(event) => onChange({ ...draft, allocation: { ...draft.allocation, carryOver: event.target.checked } })} /> {t('planning.carryOver')}
      </label>
      <label>
        {t('planning.recognitionRate')}
        <input
          type="number"
          min={0}
          max={100}
          step={1}
          value={Math.round(draft.recognitionRate.value * 1000) / 10}
          onChange={(event) => onChange({ ...draft, recognitionRate: { ...draft.recognitionRate, value: Number(event.target.value) / 100 } })}
        />
      </label>
      <CareRatioFields draft={draft} projectCareRatios={projectCareRatios} onChange={onChange} />
      <label>
        {t('planning.assumptionsText')}
        <textarea rows={4} value={draft.assumptions[locale]} onChange={(event) => onChange({ ...draft, assumptions: { ...draft.assumptions, [locale]: event.target.value } })} />
      </label>
      <button type="button" onClick={onSave} data-testid="planning-save">
        {t('planning.saveScenario')}
      </button>
    </section>
  );
}

/**
 * The scenario's own care ratios of social work: off, the project's apply (and are named); on, two fields
 * start from the project's values. The result, its banner and its assumptions take them from the scenario.
 */
function CareRatioFields({ draft, projectCareRatios, onChange }: Omit<ScenarioEditorProps, 'onSave'>) {
  const t = useT();
  const locale = useLocale();
  const own = draft.careRatios;
  const ratio = (value: number) => formatRateValue(value, 'persons', locale);
  const setRatio = (status: 'asylumPending' | 'protectionGranted', value: number) => {
    if (own) onChange({ ...draft, careRatios: { ...own, [status]: ownCareRatio(value) } });
  };
  return (
    <fieldset className="planning-care-ratios" data-testid="planning-care-ratios">
      <label className="planning-check">
        <input
          type="checkbox"
          checked={own !== undefined}
          disabled={!own && !projectCareRatios}
          onChange={(event) => {
            if (!event.target.checked) {
              const { careRatios: _dropped, ...withoutOwn } = draft;
              onChange(withoutOwn);
            } else if (projectCareRatios) {
              // The project's values with their basis: a value becomes this scenario's assumption once edited.
              onChange({ ...draft, careRatios: structuredClone(projectCareRatios) });
            }
          }}
          data-testid="planning-own-care-ratios"
        />{' '}
        {t('planning.ownCareRatios')}
      </label>
      {own ? (
        (['asylumPending', 'protectionGranted'] as const).map((status) => (
          <label key={status}>
            {t(`planning.careRatio.${status}`)}
            <DecimalInput value={own[status].personsPerStaff.value} min={1} onChange={(value) => setRatio(status, value)} testId={`planning-care-ratio-${status}`} />
          </label>
        ))
      ) : projectCareRatios ? (
        <p className="planning-hint">
          {t('planning.ownCareRatios.project', { pending: ratio(projectCareRatios.asylumPending.personsPerStaff.value), granted: ratio(projectCareRatios.protectionGranted.personsPerStaff.value) })}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * A scenario's name after the planner typed `typed` in `locale`: a name the same in both languages (the
 * planner's own, or a new "Szenario 4") stays one name, so switching the language does not bring back the
 * old one; a preset's translated name changes in the language typed in only.
 */
function renamed(name: LocalizedText, locale: 'de' | 'en', typed: string): LocalizedText {
  return name.de === name.en ? { de: typed, en: typed } : { ...name, [locale]: typed };
}
