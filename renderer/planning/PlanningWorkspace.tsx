/**
 * The "Planung" tab: scenarios (list and editor), rates with the care ratio, and the results of the chosen
 * scenario — gap map, ranked table (areas over capacity stand out), years slider, comparison with a second
 * scenario side by side with the difference, costs of acting and of not acting. Everything shown from a
 * projection carries the banner "Projektion – Annahmen: …".
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MethodOutput } from '../../shared/contract/api';
import { formatNumber } from '../../shared/format/number';
import { localized } from '../../shared/i18n/translate';
import type { PlanningRates } from '../../shared/planning/rateEntries';
import { INFRASTRUCTURE_KINDS, type InfrastructureKind, type Scenario } from '../../shared/planning/scenarioModel';
import { useKleinraum, useLocale, useT } from '../AppContext';
import { ApiError } from '../api/apiError';
import { GapMap, type AreaGap } from './GapMap';
import { planningApi } from './planningApi';
import { RatesEditor } from './RatesEditor';
import { SupplyEditor } from './SupplyEditor';
import './planning.css';

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

export function PlanningWorkspace() {
  const t = useT();
  const locale = useLocale();
  const project = useKleinraum((state) => state.project);
  const features = useKleinraum((state) => state.features);
  const [scenarios, setScenarios] = useState<ScenarioEntry[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<Scenario | null>(null);
  const [rates, setRates] = useState<PlanningRates | null>(null);
  const [run, setRun] = useState<ScenarioRun | null>(null);
  const [compareId, setCompareId] = useState<string>('');
  const [compareRun, setCompareRun] = useState<ScenarioRun | null>(null);
  const [kind, setKind] = useState<InfrastructureKind>('kita');
  const [year, setYear] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  // Kept per scenario: storing emits project.changed and reruns, so the message must survive the rerun.
  const [storedMessage, setStoredMessage] = useState<{ scenarioId: string; text: string } | null>(null);

  const report = useCallback(
    (caught: unknown) => setError(caught instanceof ApiError ? localized(caught.text, locale) : String(caught)),
    [locale],
  );

  useEffect(() => {
    const api = planningApi();
    api['planning.listScenarios']({})
      .then(({ scenarios: list }) => {
        setScenarios(list);
        setSelectedId((current) => (current && list.some((entry) => entry.id === current) ? current : (list[0]?.id ?? null)));
      })
      .catch(report);
    api['planning.rates']({}).then(setRates).catch(report);
  }, [project, report]);

  useEffect(() => {
    if (!selectedId) return;
    let cancelled = false;
    const api = planningApi();
    api['planning.getScenario']({ id: selectedId }).then(({ scenario }) => !cancelled && setDraft(scenario as Scenario)).catch(report);
    api['planning.run']({ scenarioId: selectedId })
      .then((result) => {
        if (cancelled) return;
        setRun(result);
        setError(null);
        setYear((current) => (current !== null && result.years.includes(current) ? current : (result.years[0] ?? null)));
      })
      .catch(report);
    return () => {
      cancelled = true;
    };
  }, [selectedId, project, revision, report]);

  useEffect(() => {
    if (!compareId) {
      setCompareRun(null);
      return;
    }
    planningApi()['planning.run']({ scenarioId: compareId }).then(setCompareRun).catch(report);
  }, [compareId, project, revision, report]);

  const saveDraft = async (): Promise<void> => {
    if (!draft) return;
    try {
      await planningApi()['planning.saveScenario']({ scenario: draft });
      setSelectedId(draft.id);
      setRevision((value) => value + 1);
    } catch (caught) {
      report(caught);
    }
  };

  const newScenario = async (): Promise<void> => {
    if (!draft) return;
    let number = scenarios.length + 1;
    while (scenarios.some((entry) => entry.id === `szenario-${number}`)) number += 1;
    const name = t('planning.newScenarioName', { number });
    const created: Scenario = { ...draft, id: `szenario-${number}`, name: { de: name, en: name } };
    try {
      await planningApi()['planning.saveScenario']({ scenario: created });
      setSelectedId(created.id);
    } catch (caught) {
      report(caught);
    }
  };

  const deleteSelected = async (): Promise<void> => {
    if (!selectedId) return;
    try {
      await planningApi()['planning.deleteScenario']({ id: selectedId });
      setSelectedId(null);
    } catch (caught) {
      report(caught);
    }
  };

  const storeResults = async (): Promise<void> => {
    if (!run) return;
    try {
      const stored = await planningApi()['planning.storeResults']({ scenarioId: run.scenario.id });
      setStoredMessage({ scenarioId: run.scenario.id, text: t('planning.resultsStored', { count: formatNumber(stored.observations, 0, locale), scenario: localized(run.scenario.name, locale) }) });
    } catch (caught) {
      report(caught);
    }
  };

  const saveRates = async (next: PlanningRates): Promise<void> => {
    setRates(next);
    try {
      setRates(await planningApi()['planning.setRates'](next));
      setRevision((value) => value + 1);
    } catch (caught) {
      report(caught);
    }
  };

  const shownYear = year ?? run?.years[0] ?? null;
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
            <button type="button" onClick={() => void newScenario()} disabled={!draft}>
              {t('planning.newScenario')}
            </button>
            <button type="button" onClick={() => void deleteSelected()} disabled={!selectedId}>
              {t('planning.deleteScenario')}
            </button>
          </div>
        </section>
        {draft && <ScenarioEditor draft={draft} onChange={setDraft} onSave={() => void saveDraft()} />}
      </aside>
      <main className="planning-main">
        {error && (
          <p className="planning-error" role="alert">
            {error}
          </p>
        )}
        {run && (
          <p className="planning-banner" data-testid="planning-banner">
            {t('planning.projectionBanner', { assumptions: localized(run.scenario.assumptions, locale) })}
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
                <GapMap features={features} gaps={gapsOf(run, shownYear, kind)} title={`${localized(run.scenario.name, locale)} – ${t('planning.gapMapTitle', { year: shownYear })}`} testId="planning-map" />
                {compareRun && <GapMap features={features} gaps={gapsOf(compareRun, shownYear, kind)} title={`${localized(compareRun.scenario.name, locale)} – ${t('planning.gapMapTitle', { year: shownYear })}`} testId="planning-map-compare" />}
              </div>
            )}
            {costs && (
              <dl className="planning-costs" data-testid="planning-costs">
                <dt>{t('planning.costs', { year: shownYear })}</dt>
                <dd>
                  {t('planning.costs.acting')}: <strong>{formatNumber(costs.actingTotal, 0, locale)} €</strong>
                </dd>
                <dd>
                  {t('planning.costs.notActing')}: <strong>{formatNumber(costs.notActingTotal, 0, locale)} €</strong>
                </dd>
                {costs.incomplete && <dd>{t('planning.costs.incomplete')}</dd>}
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
                  <tr key={row.key} className={row.gap !== null && row.gap > 0 ? 'over-capacity' : undefined} title={row.gap !== null && row.gap > 0 ? t('planning.table.overCapacity') : undefined} data-key={row.key}>
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
        {!run && !error && <p>{t('planning.loading')}</p>}
        <SupplyEditor onChanged={() => setRevision((value) => value + 1)} />
        {rates && <RatesEditor rates={rates} onChange={(next) => void saveRates(next)} />}
      </main>
    </div>
  );
}

function ScenarioEditor({ draft, onChange, onSave }: { draft: Scenario; onChange: (next: Scenario) => void; onSave: () => void }) {
  const t = useT();
  const locale = useLocale();
  const inflowChoice = draft.yearlyInflow.kind === 'preset' ? draft.yearlyInflow.level : 'typed';
  const typedArrivals = draft.yearlyInflow.kind === 'typed' ? (Array.isArray(draft.yearlyInflow.arrivalsPerYear) ? draft.yearlyInflow.arrivalsPerYear[0] ?? 0 : draft.yearlyInflow.arrivalsPerYear) : 4000;
  return (
    <section className="planning-editor" data-testid="planning-editor">
      <h2>{t('planning.editor')}</h2>
      <label>
        {t('planning.name')}
        <input value={draft.name[locale]} onChange={(event) => onChange({ ...draft, name: { ...draft.name, [locale]: event.target.value } })} data-testid="planning-name" />
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
