import { boundsFromInnerBreaks, type ClassBounds } from './classBounds';

/**
 * Equal intervals: the range from minimum to maximum cut into classes of the same width.
 * @example equalIntervalBounds([0, 3, 10], 2) // { bounds: [0, 5, 10] }
 */
export function equalIntervalBounds(sortedValues: readonly number[], classCount: number): ClassBounds {
  const minimum = sortedValues[0] as number;
  const maximum = sortedValues[sortedValues.length - 1] as number;
  const candidates: number[] = [];
  // A weighted mean of the two ends rather than repeated addition of the width: no accumulated rounding
  // error, and breaks such as 29.8 come out as 29.8, not 29.799999999999997.
  for (let classIndex = 1; classIndex < classCount; classIndex++) candidates.push((minimum * (classCount - classIndex) + maximum * classIndex) / classCount);
  return boundsFromInnerBreaks(candidates, minimum, maximum);
}
