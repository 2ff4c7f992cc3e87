import { boundsFromInnerBreaks, type ClassBounds } from './classBounds';

/**
 * Equal intervals: the range from minimum to maximum cut into classes of the same width.
 * @example equalIntervalBounds([0, 3, 10], 2) // { bounds: [0, 5, 10] }
 */
export function equalIntervalBounds(sortedValues: readonly number[], classCount: number): ClassBounds {
  const minimum = sortedValues[0] as number;
  const maximum = sortedValues[sortedValues.length - 1] as number;
  const width = (maximum - minimum) / classCount;
  const candidates: number[] = [];
  // minimum + j·width rather than repeated addition, so rounding error does not accumulate.
  for (let classIndex = 1; classIndex < classCount; classIndex++) candidates.push(minimum + classIndex * width);
  return boundsFromInnerBreaks(candidates, minimum, maximum);
}
