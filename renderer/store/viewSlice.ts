/**
 * View slice: the UI language and what the map shows (layer, indicator, Stichtag, "Darstellung als" with
 * its compare period or denominator) and how the table is sorted.
 */
import type { IndicatorSummary, ProjectSummaryView } from './projectTypes';
import type { Locale } from '../../shared/format/number';
import { dividesByVariable, type IndicatorMode } from '../../shared/indicators/indicatorMode';
import { readSetting } from '../../shared/settings/projectSettings';
import { addsUpOverAreas, measuresArea } from '../../shared/model/project';

export type SortColumn = 'name' | 'key' | 'value' | 'quality';
export interface TableSort {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}

export interface ViewSlice {
  locale: Locale;
  layerName: string | null;
  indicatorId: string | null;
  /** ISO date of the shown Stichtag; null = none available. */
  period: string | null;
  /** How the indicator is shown: as defined, as index (region = 100), as change, per km², as share of a variable. */
  mode: IndicatorMode;
  /** Base Stichtag of `change`/`changePercent` (earlier than `period`); null for the other modes. */
  comparePeriod: string | null;
  /** Variable id the numerator is divided by (`percentOf`, `per1000Of`); null for the other modes. */
  denominatorVariable: string | null;
  /** Sources the values come from, in priority order; null: the indicator's own choice. */
  sources: string[] | null;
  /**
   * The Stichtag shown before a choice of sources without values for it replaced it; it comes back when a
   * later choice has it again. Null when the user chose the shown Stichtag (or nothing was replaced).
   */
  periodBeforeSources: string | null;
  sort: TableSort;
}

export const initialViewSlice: ViewSlice = {
  locale: 'de',
  layerName: null,
  indicatorId: null,
  period: null,
  mode: 'value',
  comparePeriod: null,
  denominatorVariable: null,
  sources: null,
  periodBeforeSources: null,
  sort: { column: 'name', direction: 'ascending' },
};

export type DerivedView = Pick<ViewSlice, 'mode' | 'comparePeriod' | 'denominatorVariable'>;

const AS_DEFINED: DerivedView = { mode: 'value', comparePeriod: null, denominatorVariable: null };

/** Modes comparing two Stichtage. */
export function isChangeMode(mode: IndicatorMode): boolean {
  return mode === 'change' || mode === 'changePercent';
}

/** The latest period of an indicator (periods are ascending ISO dates), or null. */
export function latestPeriod(indicator: IndicatorSummary | undefined): string | null {
  if (!indicator || indicator.periods.length === 0) return null;
  return indicator.periods[indicator.periods.length - 1] ?? null;
}

/**
 * Chooses layer, indicator and period for a (new or changed) project: keeps the current choice where the
 * project still offers it, else the project's `defaultIndicator` setting, else the first indicator; the
 * period defaults to the indicator's latest.
 * @example viewForProject(initialViewSlice, demo).indicatorId // "refugees_per_1000"
 */
export function viewForProject(view: ViewSlice, project: ProjectSummaryView): Pick<ViewSlice, 'layerName' | 'indicatorId' | 'period' | 'sources' | 'periodBeforeSources'> & DerivedView {
  const layerName = project.layers.some((layer) => layer.name === view.layerName)
    ? view.layerName
    : (project.layers[0]?.name ?? null);
  const findIndicator = (id: string | null | undefined) => (id ? project.indicators.find((indicator) => indicator.id === id) : undefined);
  const indicator = findIndicator(view.indicatorId) ?? findIndicator(readSetting(project.settings, 'defaultIndicator')) ?? project.indicators[0];
  const sources = indicator && indicator.id === view.indicatorId ? view.sources : null;
  // A choice of sources has Stichtage of its own (chosen with them, see sourcesChosen): keep the shown one.
  const period = indicator && view.period && (indicator.periods.includes(view.period) || sources !== null) ? view.period : latestPeriod(indicator);
  const derived = derivedViewFor(view, project, indicator, period);
  return { layerName, indicatorId: indicator?.id ?? null, period: periodFor(derived, indicator, project, period), sources, periodBeforeSources: sources !== null ? view.periodBeforeSources : null, ...derived };
}

/**
 * The view a project was saved with (setting `map.view`), as the starting point when it is opened: the
 * layer, indicator, Stichtag, derivation and sources the user saw when saving. Without one, the initial view.
 * @example savedView(project).indicatorId // "foreign_share" when it was shown at saving
 */
export function savedView(project: ProjectSummaryView, base: ViewSlice = initialViewSlice): ViewSlice {
  const saved = readSetting(project.settings, 'map.view');
  if (!saved) return base;
  return {
    ...base,
    layerName: saved.layer,
    indicatorId: saved.indicatorId,
    period: saved.period,
    mode: saved.derivation.mode,
    comparePeriod: saved.derivation.comparePeriod,
    denominatorVariable: saved.derivation.denominatorVariable,
    sources: saved.sources,
  };
}

/**
 * Switches the indicator and keeps the Stichtag when the new indicator has it, else its latest one.
 */
export function indicatorChosen(view: ViewSlice, project: ProjectSummaryView, indicatorId: string): Pick<ViewSlice, 'indicatorId' | 'period' | 'sources' | 'periodBeforeSources'> & DerivedView {
  const indicator = project.indicators.find((candidate) => candidate.id === indicatorId);
  if (!indicator) return { indicatorId: view.indicatorId, period: view.period, sources: view.sources, periodBeforeSources: view.periodBeforeSources, mode: view.mode, comparePeriod: view.comparePeriod, denominatorVariable: view.denominatorVariable };
  const period = view.period && indicator.periods.includes(view.period) ? view.period : latestPeriod(indicator);
  // A choice of sources (and the Stichtag it replaced) belongs to the indicator it was made for.
  const sameIndicator = indicatorId === view.indicatorId;
  const derived = derivedViewFor(view, project, indicator, period);
  return { indicatorId, period: periodFor(derived, indicator, project, period), sources: sameIndicator ? view.sources : null, periodBeforeSources: sameIndicator ? view.periodBeforeSources : null, ...derived };
}

/**
 * Chooses the sources the indicator draws from (null: its own choice) with the Stichtage that choice has
 * values for: the shown Stichtag stays when the choice has it, else the choice's latest. A Stichtag
 * replaced that way is remembered and shown again once a later choice has it (switching back to the
 * indicator's own sources brings back the user's Stichtag; a change mode dropped meanwhile stays
 * dropped). A change mode keeps a compare Stichtag only when the choice has it too.
 * @example sourcesChosen(view, ['zensus-2022'], ['2022-05-15']) // { sources: ['zensus-2022'], period: '2022-05-15', … }
 */
export function sourcesChosen(view: ViewSlice, sources: readonly string[] | null, periods: readonly string[]): Pick<ViewSlice, 'sources' | 'period' | 'periodBeforeSources'> & DerivedView {
  const wanted = view.periodBeforeSources ?? view.period;
  const period = wanted && periods.includes(wanted) ? wanted : view.period && periods.includes(view.period) ? view.period : (periods.at(-1) ?? view.period);
  const periodBeforeSources = wanted && period !== wanted ? wanted : null;
  const chosen = sources && sources.length > 0 ? [...sources] : null;
  if (isChangeMode(view.mode)) {
    const earlier = period ? periods.filter((candidate) => candidate < period) : [];
    if (earlier.length === 0) return { sources: chosen, period, periodBeforeSources, ...AS_DEFINED };
    const comparePeriod = view.comparePeriod && earlier.includes(view.comparePeriod) ? view.comparePeriod : (earlier[earlier.length - 1] as string);
    return { sources: chosen, period, periodBeforeSources, mode: view.mode, comparePeriod, denominatorVariable: null };
  }
  return { sources: chosen, period, periodBeforeSources, mode: view.mode, comparePeriod: view.comparePeriod, denominatorVariable: view.denominatorVariable };
}

/**
 * The modes the indicator offers in this project: change modes need an earlier Stichtag, `percentOf` and `per1000Of` a
 * variable to divide by; an area in km² is not offered per km² (it would be 1,0 everywhere).
 * @example availableModes(indicatorWithOnePeriod, project) // ['value', 'index', 'perKm2', 'percentOf', 'per1000Of']
 */
export function availableModes(indicator: IndicatorSummary | undefined, project: Pick<ProjectSummaryView, 'variables'>): IndicatorMode[] {
  if (!indicator) return ['value'];
  // An index divides by the region's value: a figure that does not add up over areas has none.
  const modes: IndicatorMode[] = indicator.scale === 'absolute' && !addsUpOverAreas(indicator) ? ['value'] : ['value', 'index'];
  if (indicator.periods.length > 1) modes.push('change', 'changePercent');
  if (!measuresArea(indicator.unit)) modes.push('perKm2');
  if (denominatorsOffered(indicator, project).length > 0) modes.push('percentOf', 'per1000Of');
  return modes;
}

/**
 * Why "Darstellung als" does not offer a mode for this indicator, as a translation key, shown beside the
 * greyed choice so a planner need not guess; null when it is offered.
 * @example unavailableModeReason('change', oneStichtagIndicator, demo) // "map.mode.unavailable.onePeriod"
 */
export function unavailableModeReason(
  mode: IndicatorMode,
  indicator: IndicatorSummary | undefined,
  project: Pick<ProjectSummaryView, 'variables'>,
): 'map.mode.unavailable.onePeriod' | 'map.mode.unavailable.isArea' | 'map.mode.unavailable.noDenominator' | 'map.mode.unavailable.noRegionTotal' | null {
  if (!indicator || availableModes(indicator, project).includes(mode)) return null;
  if (isChangeMode(mode)) return 'map.mode.unavailable.onePeriod';
  if (mode === 'index') return 'map.mode.unavailable.noRegionTotal';
  if (mode === 'perKm2') return 'map.mode.unavailable.isArea';
  return dividesByVariable(mode) ? 'map.mode.unavailable.noDenominator' : null;
}

/**
 * The variables "Anteil an" and "je 1.000" can divide the indicator by: not the whole variable the
 * numerator counts (that is 100 % in every area; a part of it, children 0–5 of the population, may be a
 * share of it) and only one with a Stichtag in common with it (else nothing can be computed).
 * @example denominatorsOffered(foreignersIndicator, demo).map((variable) => variable.id) // ['population', …]
 */
export function denominatorsOffered(indicator: IndicatorSummary | undefined, project: Pick<ProjectSummaryView, 'variables'>): ProjectSummaryView['variables'] {
  if (!indicator) return [];
  const numerator = indicator.numeratorFiltered ? undefined : indicator.variables?.[0];
  return project.variables.filter((variable) => variable.id !== numerator && variable.periods.some((period) => indicator.periods.includes(period)));
}

/** The Stichtage "Anteil an" and "je 1.000" can be shown for with this denominator: the indicator's that the denominator has too. */
function denominatorPeriods(indicator: IndicatorSummary | undefined, project: Pick<ProjectSummaryView, 'variables'>, denominatorVariable: string | null): string[] {
  const denominator = project.variables.find((variable) => variable.id === denominatorVariable);
  return denominator && indicator ? indicator.periods.filter((period) => denominator.periods.includes(period)) : [];
}

/** The shown Stichtag, moved to the latest one "Anteil an" can be computed for when it cannot be computed at the shown one. */
function periodFor(derived: DerivedView, indicator: IndicatorSummary | undefined, project: ProjectSummaryView, period: string | null): string | null {
  if (!dividesByVariable(derived.mode)) return period;
  const periods = denominatorPeriods(indicator, project, derived.denominatorVariable);
  return period !== null && periods.includes(period) ? period : (periods.at(-1) ?? period);
}

/**
 * Switches "Darstellung als". A change mode compares with the Stichtag before the shown one (or keeps a
 * still valid choice; at the first Stichtag it moves to the latest); `percentOf` and `per1000Of` divide by the population variable when offered, else the first
 * variable. A mode the indicator does not offer leaves the view as it is.
 * @example modeChosen(view, project, 'change').comparePeriod // "2023-12-31" when 2024-12-31 is shown
 */
export function modeChosen(view: ViewSlice, project: ProjectSummaryView, mode: IndicatorMode): DerivedView & Pick<ViewSlice, 'period'> {
  const indicator = project.indicators.find((candidate) => candidate.id === view.indicatorId);
  if (!availableModes(indicator, project).includes(mode)) return { mode: view.mode, comparePeriod: view.comparePeriod, denominatorVariable: view.denominatorVariable, period: view.period };
  // A change chosen at the first Stichtag has nothing to compare with there: it is shown at the latest
  // Stichtag (against the one before), not silently left at the values as recorded.
  const period = isChangeMode(mode) && earlierPeriods(indicator, view.period).length === 0 ? (indicator?.periods.at(-1) ?? view.period) : view.period;
  const derived = derivedViewFor({ ...view, mode }, project, indicator, period);
  return { ...derived, period: periodFor(derived, indicator, project, period) };
}

/**
 * Chooses the compare period of a change mode; only earlier Stichtage of the indicator are accepted.
 * @example comparePeriodChosen(view, project, '2019-12-31') // { comparePeriod: '2019-12-31' }
 */
export function comparePeriodChosen(view: ViewSlice, project: ProjectSummaryView, comparePeriod: string): Pick<ViewSlice, 'comparePeriod'> {
  const indicator = project.indicators.find((candidate) => candidate.id === view.indicatorId);
  return { comparePeriod: isChangeMode(view.mode) && earlierPeriods(indicator, view.period).includes(comparePeriod) ? comparePeriod : view.comparePeriod };
}

/** Chooses the variable of `percentOf` or `per1000Of` (moving to a Stichtag it has); ids it does not offer are ignored. */
export function denominatorChosen(view: ViewSlice, project: ProjectSummaryView, variableId: string): Pick<ViewSlice, 'denominatorVariable' | 'period'> {
  const indicator = project.indicators.find((candidate) => candidate.id === view.indicatorId);
  const offered = dividesByVariable(view.mode) && denominatorsOffered(indicator, project).some((variable) => variable.id === variableId);
  const denominatorVariable = offered ? variableId : view.denominatorVariable;
  return { denominatorVariable, period: periodFor({ mode: view.mode, comparePeriod: view.comparePeriod, denominatorVariable }, indicator, project, view.period) };
}

/**
 * A new Stichtag: a change mode keeps its compare period when it is still earlier, else compares with the
 * Stichtag just before.
 */
export function periodChosen(view: ViewSlice, project: ProjectSummaryView, period: string): Pick<ViewSlice, 'period' | 'comparePeriod' | 'periodBeforeSources'> {
  const indicator = project.indicators.find((candidate) => candidate.id === view.indicatorId);
  // The user's own choice: a Stichtag replaced by an earlier choice of sources is no longer wanted back.
  return { period, comparePeriod: derivedViewFor(view, project, indicator, period).comparePeriod, periodBeforeSources: null };
}

/** Stichtage of the indicator before `period`, ascending. */
export function earlierPeriods(indicator: IndicatorSummary | undefined, period: string | null): string[] {
  if (!indicator || !period) return [];
  return indicator.periods.filter((candidate) => candidate < period);
}

/** The view's mode made valid for this indicator and period (falls back to the values as defined). */
function derivedViewFor(view: DerivedView, project: ProjectSummaryView, indicator: IndicatorSummary | undefined, period: string | null): DerivedView {
  if (!availableModes(indicator, project).includes(view.mode)) return AS_DEFINED;
  if (isChangeMode(view.mode)) {
    const earlier = earlierPeriods(indicator, period);
    if (earlier.length === 0) return AS_DEFINED;
    const comparePeriod = view.comparePeriod && earlier.includes(view.comparePeriod) ? view.comparePeriod : (earlier[earlier.length - 1] as string);
    return { mode: view.mode, comparePeriod, denominatorVariable: null };
  }
  if (dividesByVariable(view.mode)) {
    // The chosen variable while it still makes sense for this indicator, else the population. Any other
    // variable only when the mode is chosen now: carried over to another indicator, "Bevölkerung in % von
    // „Schutzsuchende“" would be correct and useless, and the values as recorded say more.
    const offered = denominatorsOffered(indicator, project);
    const has = (id: string | null) => id !== null && offered.some((variable) => variable.id === id);
    const chosenNow = view.denominatorVariable === null;
    const denominatorVariable = has(view.denominatorVariable) ? view.denominatorVariable : has('population') ? 'population' : chosenNow ? (offered[0]?.id ?? null) : null;
    return denominatorVariable ? { mode: view.mode, comparePeriod: null, denominatorVariable } : AS_DEFINED;
  }
  return { mode: view.mode, comparePeriod: null, denominatorVariable: null };
}

/** Clicking a header sorts by it ascending; clicking the sorted column again flips the direction. */
export function sortToggled(sort: TableSort, column: SortColumn): TableSort {
  if (sort.column === column) return { column, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: 'ascending' };
}
