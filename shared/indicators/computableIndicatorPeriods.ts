/**
 * The periods for which an indicator can be computed: those where its numerator has observations in the
 * sources it draws from and, for per1000/percent, its denominator too.
 */
import type { IndicatorDefinition, VariableSelection } from '../model/project';

/** The selections that must all have a value at one Stichtag for the indicator to be computed there. */
export function selectionsNeededTogether(indicator: IndicatorDefinition): VariableSelection[] {
  const needsDenominator = indicator.denominator !== null && (indicator.scale === 'per1000' || indicator.scale === 'percent');
  return needsDenominator && indicator.denominator ? [indicator.numerator, indicator.denominator] : [indicator.numerator];
}

/**
 * @param periodsOf the Stichtage of a selection in its chosen sources (shared/sources/sourceChoice.ts `selectionPeriods`)
 * @example computableIndicatorPeriods(refugeesPer1000, (selection) => (selection.variable === 'refugees' ? ['2018-12-31', '2019-12-31'] : ['2019-12-31'])) // ['2019-12-31']
 */
export function computableIndicatorPeriods(indicator: IndicatorDefinition, periodsOf: (selection: VariableSelection) => readonly string[]): string[] {
  const [numerator, ...others] = selectionsNeededTogether(indicator).map((selection) => periodsOf(selection));
  const periods = (numerator ?? []).filter((period) => others.every((periods) => periods.includes(period)));
  return [...new Set(periods)].sort();
}
