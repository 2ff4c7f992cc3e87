import { boundsFromInnerBreaks, type ClassBounds } from './classBounds';

/**
 * Nested means: split at the mean, then split each half at its own mean, and so on; 2, 4 or 8 classes.
 * Values equal to a mean go to the upper half (the class above, as everywhere). A half with a single
 * distinct value is not split further, nor is one whose mean rounds onto its minimum (two neighbouring
 * subnormal floats: 6.5 units rounds to 6), which would leave the class below that mean empty.
 * @example nestedMeansBounds([1, 2, 3, 4, 10, 20], 2) // { bounds: [1, 6.666…, 20] }
 */
export function nestedMeansBounds(sortedValues: readonly number[], classCount: number): ClassBounds {
  const depth = Math.round(Math.log2(classCount));
  const candidates: number[] = [];
  const split = (values: readonly number[], remainingDepth: number): void => {
    if (remainingDepth === 0 || values.length < 2 || values[0] === values[values.length - 1]) return;
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    if (!(mean > (values[0] as number) && mean <= (values[values.length - 1] as number))) return;
    candidates.push(mean);
    split(values.filter((value) => value < mean), remainingDepth - 1);
    split(values.filter((value) => value >= mean), remainingDepth - 1);
  };
  split(sortedValues, depth);
  return boundsFromInnerBreaks(candidates, sortedValues[0] as number, sortedValues[sortedValues.length - 1] as number);
}
