/**
 * The one rule by which figures draw from sources: for a variable, an ordered list of sources (the
 * variable's own choice, or one made for an indicator or a view); per area and Stichtag the observations
 * of the FIRST listed source that has any are used, the others are left aside — never added. Sources not
 * in the list are never used, so a series over time never mixes sources silently: where a lower-ranked
 * source fills a gap, the result says so (`rank` > 0).
 *
 * Every consumer of observations (indicators, profiles, planning, time series, comparisons) goes through
 * these functions, so "which value came from where" has one answer.
 */
import type { Observation, Variable } from '../model/project';

/**
 * The sources to draw a variable from, in priority order: an explicit choice (indicator or view) where
 * it names sources that hold the variable, else the variable's own choice, else every source of the
 * project in its order (files from before sources were chosen).
 * @example sourcePriority({ sources: ['melderegister'] }, undefined, ['zensus', 'melderegister']) // ['melderegister']
 * @example sourcePriority({ sources: [] }, ['azr'], ['azr', 'asylblg'], new Set(['azr'])) // ['azr']
 */
export function sourcePriority(
  variable: Pick<Variable, 'sources'> | undefined,
  explicit: readonly string[] | null | undefined,
  projectSourceOrder: readonly string[],
  /** Sources that hold the variable at all: an explicit choice applies only where it names one of them. */
  holdingSources?: ReadonlySet<string>,
): string[] {
  if (explicit && explicit.length > 0) {
    const applicable = holdingSources ? explicit.filter((id) => holdingSources.has(id)) : [...explicit];
    if (applicable.length > 0) return applicable;
  }
  if (variable && variable.sources.length > 0) return [...variable.sources];
  return [...projectSourceOrder];
}

/**
 * The priority list among the sources present: those with a value of the variable at the Stichtag on the
 * layer's areas. A source without any there is not passed over, so the next one is that Stichtag's source,
 * not a filler of gaps (on the Zensus day only the Zensus counts). Ranks, and so the "Lücke gefüllt" mark
 * of the map, the table and the Quellenvergleich, count among these.
 * @example priorityAmongPresent(['register', 'zensus'], new Set(['zensus'])) // ['zensus']
 */
export function priorityAmongPresent(priority: readonly string[], present: ReadonlySet<string>): string[] {
  return priority.filter((sourceId) => present.has(sourceId));
}

export interface PickedSource<T extends Pick<Observation, 'sourceId'>> {
  sourceId: string;
  /** Position of the source in the priority list: 0 is the first choice; more means a gap was filled. */
  rank: number;
  observations: T[];
}

/**
 * Of the observations of ONE variable at one area and Stichtag, those of the first source in `priority`
 * that has any; null when no listed source has one.
 * @example pickSource([{ sourceId: 'b', … }, { sourceId: 'a', … }], ['a', 'b']) // { sourceId: 'a', rank: 0, observations: [the 'a' one] }
 */
export function pickSource<T extends Pick<Observation, 'sourceId'>>(observations: readonly T[], priority: readonly string[]): PickedSource<T> | null {
  let best: PickedSource<T> | null = null;
  for (const observation of observations) {
    const rank = priority.indexOf(observation.sourceId);
    if (rank < 0) continue;
    if (best === null || rank < best.rank) best = { sourceId: observation.sourceId, rank, observations: [observation] };
    else if (rank === best.rank) best.observations.push(observation);
  }
  return best;
}

/**
 * Keeps, per variable, area and Stichtag, only the observations of the chosen source (see pickSource).
 * For views that aggregate breakdowns themselves (profiles, planning): a pyramid then always comes from
 * one source.
 * @example chooseSourceObservations(observations, (variable) => variable === 'refugees' ? ['azr'] : ['melderegister'])
 */
export function chooseSourceObservations<T extends Pick<Observation, 'sourceId' | 'variable' | 'areaKey' | 'period'>>(observations: readonly T[], priorityOf: (variable: string) => readonly string[]): T[] {
  const groups = new Map<string, T[]>();
  for (const observation of observations) {
    const id = `${observation.variable}\u0000${observation.areaKey}\u0000${observation.period}`;
    const group = groups.get(id);
    if (group) group.push(observation);
    else groups.set(id, [observation]);
  }
  const chosen: T[] = [];
  for (const group of groups.values()) {
    const picked = pickSource(group, priorityOf((group[0] as T).variable));
    if (picked) chosen.push(...picked.observations);
  }
  return chosen;
}

/**
 * What a project knows about its sources, for choosing them: the project's order of sources, each
 * variable's own choice, and the Stichtage each source holds each variable for. Built once per read by
 * the backend (electron/node/services/sourceCatalogue.ts) and passed to the pure computations.
 */
export interface SourceCatalogue {
  /** Source ids in the project's order. */
  projectOrder: readonly string[];
  variables: ReadonlyMap<string, Pick<Variable, 'id' | 'sources'>>;
  /** variable → source → Stichtage (ascending). */
  periods: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
}

/**
 * The priority list of a selection: its own sources, else those of the view (where they hold the
 * variable), else the variable's choice, else all sources.
 * @example selectionPriority(catalogue, { variable: 'refugees' }, ['asylblg']) // ['asylblg'] when AsylbLG holds refugees
 */
export function selectionPriority(catalogue: SourceCatalogue, selection: { variable: string; sources?: readonly string[] }, viewSources?: readonly string[] | null): string[] {
  const holding = new Set(catalogue.periods.get(selection.variable)?.keys() ?? []);
  const explicit = selection.sources && selection.sources.length > 0 ? selection.sources : viewSources;
  return sourcePriority(catalogue.variables.get(selection.variable), explicit, catalogue.projectOrder, holding);
}

/**
 * The Stichtage a selection has values for: those of the sources it draws from, ascending.
 * @example selectionPeriods(catalogue, { variable: 'population' }) // ['2015-12-31', …, '2024-12-31']
 */
export function selectionPeriods(catalogue: SourceCatalogue, selection: { variable: string; sources?: readonly string[] }, viewSources?: readonly string[] | null): string[] {
  const bySource = catalogue.periods.get(selection.variable);
  if (!bySource) return [];
  const periods = new Set<string>();
  for (const sourceId of selectionPriority(catalogue, selection, viewSources)) for (const period of bySource.get(sourceId) ?? []) periods.add(period);
  return [...periods].sort();
}

/**
 * The observations of a project's content as its indicators see them: per variable only those of its
 * chosen sources (see chooseSourceObservations), for code that works on plain content (tests, the demo).
 * @example observationsAsChosen(createDemoProject()).some((observation) => observation.sourceId === 'demo-asylblg') // false
 */
export function observationsAsChosen(content: { sources: readonly { id: string }[]; variables: readonly Pick<Variable, 'id' | 'sources'>[]; observations: readonly Observation[] }): Observation[] {
  const variables = new Map(content.variables.map((variable) => [variable.id, variable]));
  const order = content.sources.map((source) => source.id);
  return chooseSourceObservations(content.observations, (variable) => sourcePriority(variables.get(variable), null, order));
}
