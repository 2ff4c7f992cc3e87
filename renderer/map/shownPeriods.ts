/**
 * The Stichtage the shown indicator has under the view's choice of sources: the project summary's list
 * for the indicator's own choice; for a choice made in the view, the list its values' answer carries
 * (that choice may have other Stichtage, e.g. the Zensus only 15.05.2022). The Stichtag picker and the
 * time slider both read it.
 */
import type { KleinraumState } from '../store/store';

const NONE: readonly string[] = [];

/** @example shownPeriods(state) // ['2022-05-15'] with population from the Zensus only */
export function shownPeriods(state: Pick<KleinraumState, 'project' | 'indicatorId' | 'sources' | 'indicatorValues'>): readonly string[] {
  const own = state.project?.indicators.find((indicator) => indicator.id === state.indicatorId)?.periods ?? NONE;
  if (!state.sources || state.indicatorValues?.indicator.id !== state.indicatorId) return own;
  return state.indicatorValues.indicator.periods;
}
