/**
 * The periods for which an indicator can be computed: those where its numerator variable has observations
 * and, for per1000/percent, its denominator variable too.
 */
import type { IndicatorDefinition } from '../model/project';

/**
 * @example computableIndicatorPeriods(refugeesPer1000, new Map([['refugees', ['2018-12-31', '2019-12-31']], ['population', ['2019-12-31']]])) // ['2019-12-31']
 */
export function computableIndicatorPeriods(indicator: IndicatorDefinition, periodsByVariable: ReadonlyMap<string, readonly string[]>): string[] {
  const numeratorPeriods = periodsByVariable.get(indicator.numerator.variable) ?? [];
  const needsDenominator = indicator.denominator !== null && (indicator.scale === 'per1000' || indicator.scale === 'percent');
  const denominatorPeriods = needsDenominator && indicator.denominator ? new Set(periodsByVariable.get(indicator.denominator.variable) ?? []) : null;
  const periods = numeratorPeriods.filter((period) => denominatorPeriods === null || denominatorPeriods.has(period));
  return [...new Set(periods)].sort();
}
