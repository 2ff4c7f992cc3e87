import { boxMapBounds } from './methods/boxMap';
import type { ClassBounds } from './methods/classBounds';
import { equalIntervalBounds } from './methods/equalInterval';
import { manualBounds } from './methods/manual';
import { naturalBreaksBounds } from './methods/naturalBreaks';
import { nestedMeansBounds } from './methods/nestedMeans';
import { prettyBounds } from './methods/pretty';
import { quantileBounds } from './methods/quantile';
import { standardDeviationBounds } from './methods/standardDeviation';
import { MAXIMUM_CLASS_COUNT, type ClassInterval, type Classification, type ClassificationOptions } from './types';
import { validateClassificationOptions } from './validateOptions';

/**
 * Classifies values for a choropleth map: computes class bounds with the chosen method and puts every
 * value into one class. Missing values (null, NaN, ±Infinity) get class null and are not counted.
 * A value exactly on a break belongs to the class above; the maximum belongs to the last class.
 *
 * Never throws for data: no finite value → no classes; all values equal → one class [v, v]; fewer
 * distinct values than classes → fewer classes. Throws `UserError` only for invalid options
 * (unknown method, class count outside the method's choices, unsorted manual breaks).
 * @example
 * classify([1, 2, 3, 4, null, 6], { method: 'quantile', classes: 2 })
 * // { method: 'quantile', breaks: [1, 3, 6],
 * //   classes: [{ from: 1, to: 3, count: 2 }, { from: 3, to: 6, count: 3 }],
 * //   classOfValue: [0, 0, 1, 1, null, 1] }
 */
export function classify(values: readonly (number | null)[], options: ClassificationOptions): Classification {
  validateClassificationOptions(options);
  const classBounds = classBoundsOf(values, options);
  if (!classBounds) return { method: options.method, breaks: [], classes: [], classOfValue: values.map(() => null) };
  return assignClasses(values, options.method, classBounds);
}

/**
 * Classes fixed across several series (e.g. one per period for the time slider): the bounds are computed
 * once from all values together, then each series is assigned to them with its own counts, so the same
 * colour means the same range in every period's map.
 * @example
 * classifyAcrossSeries([[1, 2], [9, 10]], { method: 'equal', classes: 2 }).map((c) => c.classOfValue)
 * // [[0, 0], [1, 1]] — bounds [1, 5.5, 10] for both
 */
export function classifyAcrossSeries(series: readonly (readonly (number | null)[])[], options: ClassificationOptions): Classification[] {
  validateClassificationOptions(options);
  const classBounds = classBoundsOf(series.flat(), options);
  return series.map((values) =>
    classBounds ? assignClasses(values, options.method, classBounds) : { method: options.method, breaks: [], classes: [], classOfValue: values.map(() => null) },
  );
}

/** The bounds for the finite values, or null when there is none. */
function classBoundsOf(values: readonly (number | null)[], options: ClassificationOptions): ClassBounds | null {
  const finiteValues = values.filter(isFiniteNumber);
  const sorted = Array.from(Float64Array.from(finiteValues).sort());
  if (sorted.length === 0) return null;
  const minimum = sorted[0] as number;
  const maximum = sorted[sorted.length - 1] as number;
  // One value (or one repeated value) has no spread to divide; one class says so honestly. Manual
  // breaks have a meaning of their own and still apply.
  return minimum === maximum && options.method !== 'manual' ? { bounds: [minimum, maximum] } : boundsForMethod(sorted, options);
}

function boundsForMethod(sorted: number[], options: ClassificationOptions): ClassBounds {
  switch (options.method) {
    case 'quantile':
      return quantileBounds(sorted, options.classes);
    case 'equal':
      return equalIntervalBounds(sorted, options.classes);
    case 'ckmeans':
    case 'jenks':
      return naturalBreaksBounds(sorted, options.classes);
    case 'stddev':
      return standardDeviationBounds(sorted, options.classes, options.centre);
    case 'nested-means':
      return nestedMeansBounds(sorted, options.classes);
    case 'boxmap':
      return boxMapBounds(sorted);
    case 'pretty':
      return prettyBounds(sorted, options.classes, MAXIMUM_CLASS_COUNT);
    case 'manual':
      return manualBounds(sorted, options.breaks ?? []);
  }
}

function assignClasses(values: readonly (number | null)[], method: Classification['method'], classBounds: ClassBounds): Classification {
  const { bounds } = classBounds;
  const classCount = bounds.length - 1;
  const innerBreaks = bounds.slice(1, -1);
  const classes: ClassInterval[] = [];
  for (let classIndex = 0; classIndex < classCount; classIndex++) {
    classes.push({ from: bounds[classIndex] as number, to: bounds[classIndex + 1] as number, count: 0 });
  }
  if (classBounds.openBelow && classes[0]) classes[0].openEnded = 'below';
  if (classBounds.openAbove && classes[classCount - 1]) (classes[classCount - 1] as ClassInterval).openEnded = 'above';
  const classOfValue = values.map((value) => {
    if (!isFiniteNumber(value)) return null;
    const classIndex = countBreaksAtOrBelow(innerBreaks, value);
    (classes[classIndex] as ClassInterval).count++;
    return classIndex;
  });
  return { method, breaks: [...bounds], classes, classOfValue };
}

/** Number of breaks ≤ value (binary search): the class index under "a value on a break goes above". */
function countBreaksAtOrBelow(sortedBreaks: readonly number[], value: number): number {
  let low = 0;
  let high = sortedBreaks.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sortedBreaks[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
