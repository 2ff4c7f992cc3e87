/**
 * The stock–flow account (Bilanz) per area and period:
 *
 *   stock at the start + arrivals − departures (+ births − deaths + moves in − moves out) = stock at the end
 *
 * "start" is the stock at the previous Stichtag, "end" the stock at this one; flows are the sums over the
 * period ending at this Stichtag (Observation.period of a flow). What the data do not explain is kept as
 * its own line, the residual ("Bestandskorrektur / nicht erklärt"):
 *
 *   residual = stockEnd − (stockStart + Σ sign × flow)
 *
 * with its size relative to the start stock (the end stock where the start is 0). A period whose
 * |residual| exceeds the threshold (percent of the stock) is flagged, never hidden. Every term says which
 * source it came from: each term draws from its variable's sources in priority order (pickSource), never
 * from a sum of sources; a stock whose source changes between start and end is marked `sourceChanged`.
 * Missing terms are never taken as 0: the period is then `complete: false` with a null residual.
 * Pure: observations in, account out.
 */
import type { AreaKey, Observation, QualityFlag } from '../model/project';
import { sumVariableSelection } from '../indicators/sumVariableSelection';
import { FLOW_TERMS, FLOW_TERM_SIGN, type AccountVariables, type FlowTerm } from './accountVariables';

/** Default threshold: a residual above 1 % of the stock is flagged. */
export const DEFAULT_RESIDUAL_THRESHOLD_PERCENT = 1;

export interface AccountTerm {
  /** null: no value (missing or not reported); the period is then incomplete. */
  value: number | null;
  sourceId: string | null;
  /** 0: the variable's first-choice source; more: a lower-ranked source filled a gap. */
  sourceRank: number;
  quality: QualityFlag | null;
  /**
   * A total withheld because it would give a small count away (the region's, where one area withholds
   * that term; accountProtection.ts): value null, shown as "geschützt".
   */
  withheld?: boolean;
}

export type AccountTermId = 'stockStart' | 'stockEnd' | FlowTerm;

export interface AccountPeriod {
  /** The Stichtag ending the period (ISO date). */
  period: string;
  /** The Stichtag starting it (the previous one of the stock). */
  previousPeriod: string;
  stockStart: AccountTerm;
  stockEnd: AccountTerm;
  /** The flow terms the account has variables for. */
  flows: Partial<Record<FlowTerm, AccountTerm>>;
  /** stockEnd − (stockStart + Σ sign × flow); null when a term is missing. */
  residual: number | null;
  /** residual / stock × 100 (start stock, or end stock where the start is 0); null when not computable. */
  residualPercent: number | null;
  /** |residualPercent| > threshold, or a residual while the stock is 0. */
  flagged: boolean;
  complete: boolean;
  /** The two stocks come from different sources (a series changing its source is never silent). */
  sourceChanged: boolean;
  /**
   * A term is a small count and the remainder is withheld with it (residual and share null, the flag kept):
   * beside the shown terms it would give the small count away by subtraction (smallNumbers.ts).
   */
  remainderWithheld: boolean;
  /**
   * Whether the remainder exceeds the threshold would tell a withheld small count (accountProtection.ts):
   * `flagged` is then false and the period neither "auffällig" nor "geht auf".
   */
  flagWithheld: boolean;
}

export interface AccountArea {
  key: AreaKey;
  name: string;
  periods: AccountPeriod[];
  /** Any period flagged. */
  flagged: boolean;
  /** Largest |residualPercent| over the periods, null when none is computable. */
  maxResidualPercent: number | null;
}

export interface StockFlowAccount {
  variables: AccountVariables;
  /** Stichtage ending a period (the stock's Stichtage after the first), ascending. */
  periods: string[];
  thresholdPercent: number;
  areas: AccountArea[];
  /** The sum over all areas (each term null when any area lacks it). */
  region: AccountArea;
  /** Ids of every source a term was drawn from, in first-use order. */
  sourceIds: string[];
}

export interface StockFlowAccountInput {
  areas: readonly { key: AreaKey; name: string }[];
  /** Observations of the stock and flow variables (other variables are ignored). */
  observations: readonly Observation[];
  variables: AccountVariables;
  /** Sources per variable in priority order (shared/sources/sourceChoice.ts); without it every observation counts. */
  priorityOf?: (variable: string) => readonly string[];
  thresholdPercent?: number;
  /** Name of the region row. */
  regionName?: string;
  /** Only these Stichtage (ending a period); default all. */
  periods?: readonly string[];
}

const MISSING_TERM: AccountTerm = { value: null, sourceId: null, sourceRank: 0, quality: null };

function termOf(observations: readonly Observation[] | undefined, variable: string, priority: readonly string[] | undefined): AccountTerm {
  if (!observations || observations.length === 0) return MISSING_TERM;
  const sum = sumVariableSelection(observations, { variable }, priority);
  if (sum.status === 'no-data') return MISSING_TERM;
  const sourceId = sum.sourceIds[0] ?? null;
  if (sum.status === 'missing') return { value: null, sourceId, sourceRank: sum.sourceRank, quality: sum.quality };
  return { value: sum.value, sourceId, sourceRank: sum.sourceRank, quality: sum.quality };
}

/** Residual, its share and the flag for one period's terms. */
export function closeAccount(stockStart: AccountTerm, stockEnd: AccountTerm, flows: Partial<Record<FlowTerm, AccountTerm>>, thresholdPercent: number): Pick<AccountPeriod, 'residual' | 'residualPercent' | 'flagged' | 'complete'> {
  let explained = stockStart.value;
  for (const term of FLOW_TERMS) {
    const flow = flows[term];
    if (!flow) continue;
    explained = explained === null || flow.value === null ? null : explained + FLOW_TERM_SIGN[term] * flow.value;
  }
  if (explained === null || stockEnd.value === null) return { residual: null, residualPercent: null, flagged: false, complete: false };
  // Counts are whole numbers; rounding keeps sums of fractional estimates from leaving a 1e-13 residual.
  const residual = Math.round((stockEnd.value - explained) * 1e6) / 1e6;
  const base = stockStart.value !== null && stockStart.value !== 0 ? stockStart.value : stockEnd.value;
  const residualPercent = base !== 0 ? (residual / Math.abs(base)) * 100 : residual === 0 ? 0 : null;
  const flagged = residualPercent === null ? residual !== 0 : Math.abs(residualPercent) > thresholdPercent;
  return { residual, residualPercent, flagged, complete: true };
}

export function accountSummary(periods: AccountPeriod[]): Pick<AccountArea, 'flagged' | 'maxResidualPercent'> {
  let maxResidualPercent: number | null = null;
  for (const period of periods) {
    if (period.residualPercent !== null && (maxResidualPercent === null || Math.abs(period.residualPercent) > Math.abs(maxResidualPercent))) maxResidualPercent = period.residualPercent;
  }
  return { flagged: periods.some((period) => period.flagged), maxResidualPercent };
}

function sumTerms(terms: readonly AccountTerm[]): AccountTerm {
  if (terms.length === 0 || terms.some((term) => term.value === null)) return { ...MISSING_TERM, sourceId: terms.find((term) => term.sourceId !== null)?.sourceId ?? null };
  const sources = new Set(terms.map((term) => term.sourceId));
  return {
    value: terms.reduce((total, term) => total + (term.value as number), 0),
    // The region's term names one source only when all areas agree; otherwise null (see the areas).
    sourceId: sources.size === 1 ? (terms[0] as AccountTerm).sourceId : null,
    sourceRank: Math.max(...terms.map((term) => term.sourceRank)),
    quality: terms[0]?.quality ?? null,
  };
}

/**
 * @example computeStockFlowAccount({ areas, observations, variables: { stock: 'refugees', flows: { inflow: 'refugee_arrivals', outflow: 'refugee_departures' } } }).areas[0].periods[0].residual // 0 for the demo
 */
export function computeStockFlowAccount(input: StockFlowAccountInput): StockFlowAccount {
  const thresholdPercent = input.thresholdPercent ?? DEFAULT_RESIDUAL_THRESHOLD_PERCENT;
  const { variables } = input;
  const flowEntries = FLOW_TERMS.flatMap((term) => (variables.flows[term] !== undefined ? [[term, variables.flows[term] as string] as const] : []));
  const relevant = new Set([variables.stock, ...flowEntries.map(([, variable]) => variable)]);
  // area → (period, variable) → observations
  const byAreaPeriod = new Map<string, Map<string, Observation[]>>();
  const stockPeriods = new Set<string>();
  for (const observation of input.observations) {
    if (!relevant.has(observation.variable)) continue;
    if (observation.variable === variables.stock) {
      const priority = input.priorityOf?.(observation.variable);
      if (!priority || priority.includes(observation.sourceId)) stockPeriods.add(observation.period);
    }
    // Grouped by area, then by Stichtag and variable, so each term sums only its own observations.
    let periods = byAreaPeriod.get(observation.areaKey);
    if (!periods) byAreaPeriod.set(observation.areaKey, (periods = new Map()));
    const id = `${observation.period}\u0000${observation.variable}`;
    const list = periods.get(id);
    if (list) list.push(observation);
    else periods.set(id, [observation]);
  }
  const at = (periods: Map<string, Observation[]> | undefined, period: string, variable: string) => periods?.get(`${period}\u0000${variable}`);
  const stichtage = [...stockPeriods].sort();
  const wanted = input.periods ? new Set(input.periods) : null;
  const pairs = stichtage.slice(1).map((period, index) => ({ period, previousPeriod: stichtage[index] as string })).filter((pair) => !wanted || wanted.has(pair.period));
  const sourceIds: string[] = [];
  const noteSource = (term: AccountTerm) => {
    if (term.sourceId !== null && !sourceIds.includes(term.sourceId)) sourceIds.push(term.sourceId);
  };
  const priorityOf = (variable: string) => input.priorityOf?.(variable);

  const areas: AccountArea[] = input.areas.map((area) => {
    const observations = byAreaPeriod.get(area.key);
    const periods = pairs.map(({ period, previousPeriod }): AccountPeriod => {
      const stockStart = termOf(at(observations, previousPeriod, variables.stock), variables.stock, priorityOf(variables.stock));
      const stockEnd = termOf(at(observations, period, variables.stock), variables.stock, priorityOf(variables.stock));
      const flows: Partial<Record<FlowTerm, AccountTerm>> = {};
      for (const [term, variable] of flowEntries) flows[term] = termOf(at(observations, period, variable), variable, priorityOf(variable));
      [stockStart, stockEnd, ...Object.values(flows)].forEach(noteSource);
      const sourceChanged = stockStart.sourceId !== null && stockEnd.sourceId !== null && stockStart.sourceId !== stockEnd.sourceId;
      return { period, previousPeriod, stockStart, stockEnd, flows, ...closeAccount(stockStart, stockEnd, flows, thresholdPercent), sourceChanged, remainderWithheld: false, flagWithheld: false };
    });
    return { key: area.key, name: area.name, periods, ...accountSummary(periods) };
  });

  const regionPeriods = pairs.map(({ period, previousPeriod }, index): AccountPeriod => {
    const rows = areas.map((area) => area.periods[index] as AccountPeriod);
    const stockStart = sumTerms(rows.map((row) => row.stockStart));
    const stockEnd = sumTerms(rows.map((row) => row.stockEnd));
    const flows: Partial<Record<FlowTerm, AccountTerm>> = {};
    for (const [term] of flowEntries) flows[term] = sumTerms(rows.map((row) => row.flows[term] ?? MISSING_TERM));
    return { period, previousPeriod, stockStart, stockEnd, flows, ...closeAccount(stockStart, stockEnd, flows, thresholdPercent), sourceChanged: rows.some((row) => row.sourceChanged), remainderWithheld: false, flagWithheld: false };
  });
  const region: AccountArea = { key: 'region', name: input.regionName ?? 'Region', periods: regionPeriods, ...accountSummary(regionPeriods) };
  return { variables, periods: pairs.map((pair) => pair.period), thresholdPercent, areas, region, sourceIds };
}
