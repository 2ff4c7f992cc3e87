import type { ClassBounds } from './classBounds';

/**
 * Manual (typed) breaks, e.g. official bands "unter 5 %", "5 bis unter 10 %", "10 % und mehr".
 * The typed numbers are the inner breaks; the first class is open below, the last open above, so a
 * value outside the typed range is never lost or reported as an error — it lands in the outer class,
 * whose bound then is the data extreme. Every typed class is kept even when no value falls in it
 * (from === to, count 0), because a series of maps with official bands must share one legend.
 * @example manualBounds([1, 7, 12], [5, 10]) // { bounds: [1, 5, 10, 12], openBelow: true, openAbove: true }
 */
export function manualBounds(sortedValues: readonly number[], innerBreaks: readonly number[]): ClassBounds {
  const first = innerBreaks[0] as number;
  const last = innerBreaks[innerBreaks.length - 1] as number;
  const minimum = sortedValues[0] as number;
  const maximum = sortedValues[sortedValues.length - 1] as number;
  return { bounds: [Math.min(minimum, first), ...innerBreaks, Math.max(maximum, last)], openBelow: true, openAbove: true };
}
