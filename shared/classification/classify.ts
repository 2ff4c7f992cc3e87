import { roundForDisplay } from '../format/number';
import { legendDecimals } from './legend';
import { boxMapBounds, nextUp } from './methods/boxMap';
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
  return classifyAcrossSeries([values], options)[0] as Classification;
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
  const { decimals } = options;
  // With `decimals` the classes are made from the values as the reader sees them (see ClassificationOptions).
  const shownSeries = decimals === undefined ? series : series.map((values) => values.map((value) => (isFiniteNumber(value) ? roundForDisplay(value, decimals) : null)));
  const rawBounds = classBoundsOf(shownSeries.flat(), options);
  const classBounds: (ClassBounds & { legendDecimals?: number }) | null = rawBounds && decimals !== undefined ? printableBounds(rawBounds, options.method, decimals) : rawBounds;
  return shownSeries.map((values) => {
    const classification = classBounds ? assignClasses(values, options.method, classBounds) : { method: options.method, breaks: [], classes: [], classOfValue: values.map(() => null) };
    return classBounds?.legendDecimals !== undefined ? { ...classification, legendDecimals: classBounds.legendDecimals } : classification;
  });
}

/**
 * Inner breaks rounded to the decimals the legend prints them with, so that a break is exactly what the
 * reader sees: a shown value equal to a printed break lies in the class above it, as "bis unter" says.
 * Data-driven methods drop breaks that rounding made equal (fewer, honest classes); typed manual breaks
 * and box-map fences keep their classes. The box map's upper fence stays inclusive ("über" the fence).
 */
function printableBounds(classBounds: ClassBounds, method: Classification['method'], decimals: number): ClassBounds & { legendDecimals: number } {
  const { bounds } = classBounds;
  const printedDecimals = legendDecimals(bounds, decimals);
  const lowest = bounds[0] as number;
  const highest = bounds[bounds.length - 1] as number;
  const inner = bounds.slice(1, -1).map((value, index, all) => {
    if (method === 'boxmap' && index === all.length - 1) return nextUp(roundForDisplay(value, printedDecimals));
    return roundForDisplay(value, printedDecimals);
  });
  const keepEveryClass = method === 'manual' || method === 'boxmap';
  const kept = keepEveryClass ? inner : inner.filter((value, index) => value > lowest && value <= highest && (index === 0 || value > (inner[index - 1] as number)));
  const roundedBounds = [Math.min(lowest, kept[0] ?? lowest), ...kept, Math.max(highest, kept.at(-1) ?? highest)];
  return { ...classBounds, bounds: roundedBounds, legendDecimals: printedDecimals };
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
      return standardDeviationBounds(sorted, options.classes, options.midpoint);
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
