import { boundsFromInnerBreaks, type ClassBounds } from './classBounds';
import { weightedCkmeansStarts } from './weightedCkmeans';

/**
 * Natural breaks: the partition of the sorted values into k groups with the smallest total within-class
 * sum of squared deviations from the class means — exactly optimal, not a heuristic.
 *
 * Serves both `ckmeans` and `jenks`. Fisher (1958) and Jenks (1977) minimise the same objective ("goodness
 * of variance fit" GVF = 1 − SDCM/SDAM is maximised exactly when the within-class sum of squares SDCM is
 * minimised) with an O(k·n²) dynamic programme; Ckmeans.1d.dp (Wang & Song 2011) solves the same programme
 * in O(k·n·log n). Both are exact, so they yield the same partition (up to ties between equally good
 * partitions); we run the fast one for both names, over distinct values weighted by their frequency
 * (weightedCkmeans.ts), which is exact too and much faster for rounded statistics. The names stay separate
 * because planners know "Natürliche Unterbrechungen (Jenks)" from ArcGIS/QGIS. The only convention that
 * differs from published Jenks tables is where the break is written: Jenks lists each class's largest
 * value (upper limit inclusive), Kleinraum puts the break at the next class's smallest value (lower limit
 * inclusive, see types.ts) — the class membership is identical.
 * @example naturalBreaksBounds([1, 2, 3, 10, 11, 12], 2) // { bounds: [1, 10, 12] }
 */
export function naturalBreaksBounds(sortedValues: readonly number[], classCount: number): ClassBounds {
  const distinctValues: number[] = [];
  const weights: number[] = [];
  for (const value of sortedValues) {
    if (distinctValues.length > 0 && distinctValues[distinctValues.length - 1] === value) weights[weights.length - 1] = (weights[weights.length - 1] as number) + 1;
    else {
      distinctValues.push(value);
      weights.push(1);
    }
  }
  const starts = weightedCkmeansStarts(distinctValues, weights, Math.min(classCount, distinctValues.length));
  const candidates = starts.map((startIndex) => distinctValues[startIndex] as number);
  return boundsFromInnerBreaks(candidates, sortedValues[0] as number, sortedValues[sortedValues.length - 1] as number);
}
