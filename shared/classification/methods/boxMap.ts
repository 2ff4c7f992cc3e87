import type { ClassBounds } from './classBounds';

/** Tukey's hinge: points further than 1.5 interquartile ranges outside the box are outliers. */
const HINGE = 1.5;

/**
 * Box map (Anselin's, as in GeoDa): six classes — lower outliers (< Q1 − 1.5·IQR), up to Q1, up to the
 * median, up to Q3, up to Q3 + 1.5·IQR (inclusive), upper outliers (> Q3 + 1.5·IQR).
 * Quartiles by linear interpolation between order statistics (R type 7, numpy's default, as in
 * mapclassify's BoxPlot). The outlier classes are kept even when empty (from === to, count 0) so that
 * every box map has the same six legend entries.
 * The upper fence is inclusive in the box map's definition while Kleinraum's rule puts a value on a
 * break into the class above; the break is therefore placed at the next representable number above the
 * fence, which gives exactly "≤ fence" without a special rule in the assignment.
 * @example boxMapBounds([1, 2, 3, 4, 5, 100]).bounds // [1, −1.625, 2.25, 3.5, 4.75, 8.625…, 100]… (see tests)
 */
export function boxMapBounds(sortedValues: readonly number[]): ClassBounds {
  const minimum = sortedValues[0] as number;
  const maximum = sortedValues[sortedValues.length - 1] as number;
  const firstQuartile = quantileType7(sortedValues, 0.25);
  const median = quantileType7(sortedValues, 0.5);
  const thirdQuartile = quantileType7(sortedValues, 0.75);
  const interquartileRange = thirdQuartile - firstQuartile;
  // Near the ends of the number range the fences overflow to ±Infinity; clamp them so bounds stay finite (JSON-safe).
  const lowerFence = clampFinite(firstQuartile - HINGE * interquartileRange);
  const upperBreak = clampFinite(nextUp(clampFinite(thirdQuartile + HINGE * interquartileRange)));
  return {
    bounds: [Math.min(minimum, lowerFence), lowerFence, firstQuartile, median, thirdQuartile, upperBreak, Math.max(maximum, upperBreak)],
    openBelow: true,
    openAbove: true,
  };
}

/**
 * Quantile of sorted values by linear interpolation (Hyndman & Fan type 7).
 * @example quantileType7([1, 2, 3, 4], 0.25) // 1.75
 */
export function quantileType7(sortedValues: readonly number[], probability: number): number {
  const position = (sortedValues.length - 1) * probability;
  const lowerIndex = Math.floor(position);
  const lower = sortedValues[lowerIndex] as number;
  const upper = sortedValues[Math.min(lowerIndex + 1, sortedValues.length - 1)] as number;
  return lower + (position - lowerIndex) * (upper - lower);
}

/** The smallest double greater than `value` (Math.nextUp in Java). */
export function nextUp(value: number): number {
  if (value === 0) return Number.MIN_VALUE;
  const buffer = new Float64Array([value]);
  const bits = new BigInt64Array(buffer.buffer);
  bits[0] = (bits[0] as bigint) + (value > 0 ? 1n : -1n);
  return buffer[0] as number;
}

function clampFinite(value: number): number {
  return Math.min(Math.max(value, -Number.MAX_VALUE), Number.MAX_VALUE);
}
