/**
 * Small-number protection in the time series and the account (Bilanz), after the project's rule
 * (setting `smallNumberThreshold`, default 3; shared/indicators/computeIndicatorValues.ts): a count n with
 * 0 < n < threshold is not shown as its value but as "< N", and a chart draws no exact point for it (the
 * line breaks there and a marker says "< N"). Totals (the region, the account's sums) are computed from
 * the exact counts before anything is withheld; what of the account would give a withheld count away by
 * subtraction is withheld too (shared/movement/accountProtection.ts).
 */
import { DEFAULT_SMALL_NUMBER_THRESHOLD } from '../indicators/computeIndicatorValues';
import { isSmallCount } from '../indicators/smallCounts';
import { formatNumber, type Locale } from '../format/number';
import type { SeriesPoint } from './timeSeriesTypes';
import type { AccountPeriod } from './stockFlowAccount';

export { DEFAULT_SMALL_NUMBER_THRESHOLD, isSmallCount };

/** The value a chart may draw: none for a small number. */
export function drawnValue(point: SeriesPoint): number | null {
  return point.smallNumber ? null : point.value;
}

/**
 * What is shown instead of a small count.
 * @example smallNumberText(3, 'de') // '< 3'
 */
export function smallNumberText(threshold: number, locale: Locale): string {
  return `< ${formatNumber(threshold, 0, locale)}`;
}

/**
 * A count for display: formatted, or "< N" when it is small; "–" when missing.
 * @example protectedCount(2, 3, 'de') // '< 3'
 */
export function protectedCount(value: number | null, threshold: number, locale: Locale, decimals = 0): string {
  if (value === null) return '–';
  return isSmallCount(value, threshold) ? smallNumberText(threshold, locale) : formatNumber(value, decimals, locale);
}

/** Whether a period of the account has a term that is a small count. */
export function hasSmallTerm(period: AccountPeriod, threshold: number): boolean {
  return [period.stockStart, period.stockEnd, ...Object.values(period.flows)].some((term) => isSmallCount(term?.value ?? null, threshold));
}
