import type { ClassBounds } from './classBounds';

/**
 * "Pretty" breaks: equally spaced round numbers 1, 2 or 5 × 10^k that cover the data, following R's
 * `pretty()` (R_pretty in src/appl/pretty.c, R ≥ 4.2 defaults: high.u.bias = 1.5, u5.bias = .5 + 1.5·1.5,
 * min.n = n %/% 3, eps.correct = 0). Like R, the class count is only approximately `classCount`; it is
 * capped at 9 by asking for fewer intervals. The outer bounds are round numbers too (they enclose the
 * data), and padding intervals that contain no value are dropped.
 * @example prettyBreaks(0, 97, 5) // [0, 20, 40, 60, 80, 100], as R's pretty(c(0, 97))
 */
export function prettyBreaks(low: number, high: number, intervalCount: number): number[] {
  const highBias = 1.5;
  const unitFiveBias = 0.5 + 1.5 * highBias;
  const minimumIntervals = Math.floor(intervalCount / 3);
  const roundingEpsilon = 1e-10;
  const range = high - low;
  // Shrink factor for ranges too small to divide (R's shrink.sml).
  const shrinkSmall = 0.75;
  let cell: number;
  let smallRange: boolean;
  if (range === 0 && high === 0) {
    cell = 1;
    smallRange = true;
  } else {
    cell = Math.max(Math.abs(low), Math.abs(high));
    const unitBias = 1 + (unitFiveBias >= 1.5 * highBias + 0.5 ? 1 / (1 + highBias) : 1.5 / (1 + unitFiveBias));
    smallRange = range < cell * unitBias * Math.max(1, intervalCount) * Number.EPSILON * 3;
  }
  if (smallRange) {
    if (cell > 10) cell = 9 + cell / 10;
    cell *= shrinkSmall;
    if (minimumIntervals > 1) cell /= minimumIntervals;
  } else {
    cell = range;
    if (intervalCount > 1) cell /= intervalCount;
  }
  // R's guards against subnormal and overflowing cells (a range of 5e-324 must not divide by zero).
  const smallestNormal = 2.2250738585072014e-308;
  if (cell < 20 * smallestNormal) cell = 20 * smallestNormal;
  else if (cell * 10 > Number.MAX_VALUE) cell = 0.1 * Number.MAX_VALUE;
  const base = 10 ** Math.floor(Math.log10(cell));
  let unit = base;
  if (2 * base - cell < highBias * (cell - unit)) {
    unit = 2 * base;
    if (5 * base - cell < unitFiveBias * (cell - unit)) {
      unit = 5 * base;
      if (10 * base - cell < highBias * (cell - unit)) unit = 10 * base;
    }
  }
  let startStep = Math.floor(low / unit + 1e-7);
  let endStep = Math.ceil(high / unit - 1e-7);
  while (startStep * unit > low + roundingEpsilon * unit) startStep--;
  while (endStep * unit < high - roundingEpsilon * unit) endStep++;
  let steps = Math.round(endStep - startStep);
  if (steps < minimumIntervals) {
    steps = minimumIntervals - steps;
    if (startStep >= 0) {
      endStep += Math.floor(steps / 2);
      startStep -= Math.floor(steps / 2) + (steps % 2);
    } else {
      startStep -= Math.floor(steps / 2);
      endStep += Math.floor(steps / 2) + (steps % 2);
    }
  }
  // Should float trouble at the extremes of the number range ever yield a runaway count, fall back to the
  // range itself rather than allocate without bound.
  if (!Number.isFinite(startStep) || !Number.isFinite(endStep) || endStep - startStep > 1000) return [low, high];
  const breaks: number[] = [];
  // Multiply by the step index and round to the unit's decimals, so 0.1·3 prints as 0.3, not
  // 0.30000000000000004 (toFixed only when the decimals are few enough not to lose tiny values).
  const decimals = Math.max(0, -Math.floor(Math.log10(unit)));
  for (let step = startStep; step <= endStep; step++) breaks.push(decimals <= 20 ? Number((step * unit).toFixed(decimals)) : step * unit);
  return breaks;
}

/**
 * Pretty class bounds for sorted data, at most `maximumClasses` classes, with no empty padding class.
 * @example prettyBounds([3, 50, 97], 5) // { bounds: [0, 20, 40, 60, 80, 100] }
 */
export function prettyBounds(sortedValues: readonly number[], classCount: number, maximumClasses: number): ClassBounds {
  const minimum = sortedValues[0] as number;
  const maximum = sortedValues[sortedValues.length - 1] as number;
  let breaks = prettyBreaks(minimum, maximum, classCount);
  for (let asked = classCount - 1; breaks.length - 1 > maximumClasses && asked >= 1; asked--) breaks = prettyBreaks(minimum, maximum, asked);
  // The outer bounds are the innermost round numbers at or below the minimum and at or above the maximum.
  // R's pretty() lets the end breaks miss the data by a rounding tolerance (1e-10 of a unit), so at the
  // extremes of the number range (a subnormal maximum just above a break of 0, a minimum a few ulps below
  // its round break) there may be no such number: then the data extreme itself is the bound and the
  // nearest round number is dropped, rather than adding a sliver class beyond the asked-for count.
  let lowestIndex = breaks.findLastIndex((value) => value <= minimum);
  const lowest = lowestIndex >= 0 ? (breaks[lowestIndex] as number) : minimum;
  if (lowestIndex < 0) lowestIndex = 0;
  let highestIndex = breaks.findIndex((value) => value >= maximum);
  const highest = highestIndex >= 0 ? (breaks[highestIndex] as number) : maximum;
  if (highestIndex < 0) highestIndex = breaks.length - 1;
  const inner: number[] = [];
  for (const value of breaks.slice(lowestIndex + 1, highestIndex)) {
    if (value > minimum && value < maximum && value > (inner.at(-1) ?? Number.NEGATIVE_INFINITY)) inner.push(value);
  }
  // A break exactly at the maximum would leave the last class [max, max]: R's pretty intervals are closed
  // on the right there, so the maximum stays in the class below — the top bound is the maximum itself.
  return { bounds: [lowest, ...inner, highest] };
}
