/**
 * The periods for which an indicator can be computed: those where its numerator has observations in the
 * sources it draws from and, for per1000/percent, its denominator too.
 */
import type { IndicatorDefinition, VariableSelection } from '../model/project';

/**
 * @param periodsOf the Stichtage of a selection in its chosen sources (shared/sources/sourceChoice.ts `selectionPeriods`)
 * @example computableIndicatorPeriods(refugeesPer1000, (selection) => (selection.variable === 'refugees' ? ['2018-12-31', '2019-12-31'] : ['2019-12-31'])) // ['2019-12-31']
 */
export function computableIndicatorPeriods(indicator: IndicatorDefinition, periodsOf: (selection: VariableSelection) => readonly string[]): string[] {
  const numeratorPeriods = periodsOf(indicator.numerator);
  const needsDenominator = indicator.denominator !== null && (indicator.scale === 'per1000' || indicator.scale === 'percent');
  const denominatorPeriods = needsDenominator && indicator.denominator ? new Set(periodsOf(indicator.denominator)) : null;
  const periods = numeratorPeriods.filter((period) => denominatorPeriods === null || denominatorPeriods.has(period));
  return [...new Set(periods)].sort();
}
