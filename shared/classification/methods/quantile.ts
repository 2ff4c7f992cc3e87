import { boundsFromInnerBreaks, type ClassBounds } from './classBounds';

/**
 * Quantile classes: (nearly) the same number of areas in each class.
 * The break between class j-1 and j is the value at rank ⌊j·n/k⌋ of the sorted data, so the break is a
 * real data value (legends read "10 bis unter 15" where 15 is the smallest value of the next class) and,
 * without ties, class sizes differ by at most one. Ties that straddle a break move wholly to the class
 * above; a break that would repeat is dropped, giving fewer classes rather than empty ones. Ties at the
 * minimum cannot move above it (the lowest class would be empty and two distinct values could give one
 * class), so a break on the minimum moves up to the next value: the tied minimum is the lowest class.
 * @example quantileBounds([1, 2, 3, 4, 5, 6], 3) // { bounds: [1, 3, 5, 6] } → classes {1,2} {3,4} {5,6}
 */
export function quantileBounds(sortedValues: readonly number[], classCount: number): ClassBounds {
  const count = sortedValues.length;
  const minimum = sortedValues[0] as number;
  const aboveMinimum = sortedValues.find((value) => value > minimum);
  const candidates: number[] = [];
  for (let classIndex = 1; classIndex < classCount; classIndex++) {
    const rank = Math.floor((classIndex * count) / classCount);
    const value = sortedValues[Math.min(rank, count - 1)] as number;
    candidates.push(value === minimum && aboveMinimum !== undefined ? aboveMinimum : value);
  }
  return boundsFromInnerBreaks(candidates, minimum, sortedValues[count - 1] as number);
}
