import { boundsFromInnerBreaks, type ClassBounds } from './classBounds';

/**
 * Standard-deviation classes: classes one standard deviation wide around a midpoint (the mean, or a given
 * value such as the region's rate, so the map shows "above/below the region"). With an even class count
 * the midpoint is a break (…, −1σ, midpoint, +1σ, …); with an odd count the middle class is midpoint ± ½σ.
 * The outermost classes are open towards the data minimum/maximum. Breaks beyond the data are dropped,
 * so data spread over ±1σ shows fewer classes than asked for rather than empty ones.
 * σ is the population standard deviation (divisor n, as in mapclassify's Std_Mean and ArcGIS): the
 * areas are the whole population of interest, not a sample.
 * @example standardDeviationBounds([0, 10, 20], 2) // { bounds: [0, 10, 20] } (mean 10 as the break)
 */
export function standardDeviationBounds(sortedValues: readonly number[], classCount: number, midpoint?: number): ClassBounds {
  const count = sortedValues.length;
  const mean = sortedValues.reduce((sum, value) => sum + value, 0) / count;
  const variance = sortedValues.reduce((sum, value) => sum + (value - mean) ** 2, 0) / count;
  const deviation = Math.sqrt(variance);
  const middle = midpoint ?? mean;
  const candidates: number[] = [];
  // Offsets in units of σ: even k → −(k/2−1)…(k/2−1); odd k → ±½, ±1½, …
  const firstOffset = classCount % 2 === 0 ? -(classCount / 2 - 1) : -(classCount - 2) / 2;
  for (let breakIndex = 0; breakIndex < classCount - 1; breakIndex++) candidates.push(middle + (firstOffset + breakIndex) * deviation);
  return boundsFromInnerBreaks(candidates, sortedValues[0] as number, sortedValues[count - 1] as number);
}
