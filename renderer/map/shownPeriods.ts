/**
 * The Stichtage the shown indicator has under the view's choice of sources and "Darstellung als": the
 * project summary's list for the indicator as defined; for a choice of sources or a derived form made in
 * the view, the list its values' answer carries (that choice may have other Stichtage, e.g. the Zensus
 * only 15.05.2022; a share only those its denominator has too). The Stichtag picker and the time slider
 * both read it.
 */
import type { KleinraumState } from '../store/store';

const NONE: readonly string[] = [];

/** @example shownPeriods(state) // ['2022-05-15'] with population from the Zensus only */
export function shownPeriods(state: Pick<KleinraumState, 'project' | 'indicatorId' | 'sources' | 'mode' | 'indicatorValues'>): readonly string[] {
  const own = state.project?.indicators.find((indicator) => indicator.id === state.indicatorId)?.periods ?? NONE;
  const values = state.indicatorValues;
  const asDefined = !state.sources && state.mode === 'value';
  if (asDefined || values?.indicator.id !== state.indicatorId || (values.mode ?? 'value') !== state.mode) return own;
  return values.indicator.periods;
}
