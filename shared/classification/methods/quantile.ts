import { boundsFromInnerBreaks, type ClassBounds } from './classBounds';

/**
 * Quantile classes: (nearly) the same number of areas in each class.
 * The break between class j-1 and j is the value at rank ⌊j·n/k⌋ of the sorted data, so the break is a
 * real data value (legends read "10 bis unter 15" where 15 is the smallest value of the next class) and,
 * without ties, class sizes differ by at most one. Ties that straddle a break move wholly to the class
 * above; a break that would repeat is dropped, giving fewer classes rather than empty ones.
 * @example quantileBounds([1, 2, 3, 4, 5, 6], 3) // { bounds: [1, 3, 5, 6] } → classes {1,2} {3,4} {5,6}
 */
export function quantileBounds(sortedValues: readonly number[], classCount: number): ClassBounds {
  const count = sortedValues.length;
  const candidates: number[] = [];
  for (let classIndex = 1; classIndex < classCount; classIndex++) {
    const rank = Math.floor((classIndex * count) / classCount);
    candidates.push(sortedValues[Math.min(rank, count - 1)] as number);
  }
  return boundsFromInnerBreaks(candidates, sortedValues[0] as number, sortedValues[count - 1] as number);
}
