/**
 * The classification contract shared by the map, the legend, the exports and `kleinraum classify`.
 * One function, `classify` (shared/classification/classify.ts), turns values into breaks and classes;
 * the legend is built from the same result as the map colours, so the two can never disagree.
 */
export const CLASSIFICATION_METHODS = ['ckmeans', 'jenks', 'quantile', 'equal', 'stddev', 'nested-means', 'boxmap', 'pretty', 'manual'] as const;
export type ClassificationMethod = (typeof CLASSIFICATION_METHODS)[number];

export interface ClassificationOptions {
  method: ClassificationMethod;
  /** Number of classes, 2..9 (ignored by boxmap, which always has 6, and by manual, which follows `breaks`). */
  classes: number;
  /** Inner breaks for `manual` (ascending). */
  breaks?: number[];
  /** For stddev: the midpoint the classes are centred on (the mean by default, or e.g. the region's value). */
  midpoint?: number;
  /**
   * Decimals the values are shown with (the indicator's). When given, the classification works on the
   * shown values (rounded as `formatNumber` rounds them) and rounds the inner breaks to the legend's
   * decimals, so that every shown value lies inside its class as the legend prints it ("22,6" is never
   * in the class "bis unter 22,6", and two areas shown with the same value share a class).
   */
  decimals?: number;
}

export interface ClassInterval {
  /** Lower bound. A value equal to a break belongs to the class ABOVE it (lower bound inclusive, upper exclusive), except the maximum, which belongs to the last class. */
  from: number;
  /** Upper bound: exclusive, except for the last class, whose upper bound is inclusive. */
  to: number;
  /** Number of areas whose value falls in this class. */
  count: number;
  /**
   * Set when the class has no bound on one side: the outer classes of `manual` ("unter 10", "30 und mehr")
   * and the outlier classes of `boxmap`. `from`/`to` on that side then hold the outermost data value
   * (or the break itself when no value lies there), never ±Infinity, so the result stays JSON-safe.
   */
  openEnded?: 'below' | 'above';
}

export interface Classification {
  method: ClassificationMethod;
  /**
   * Decimals the legend prints the bounds with: the shown values' decimals, more where two distinct
   * bounds would otherwise print alike (typed manual breaks such as 12,25). Absent when the
   * classification was made without `decimals` (raw values).
   */
  legendDecimals?: number;
  /**
   * All class bounds ascending: [min, b1, …, max]; classes = breaks.length - 1. The outer bounds are the
   * data minimum and maximum, except where a method has fixed bounds that lie outside the data (`pretty`
   * rounds them outward; `manual` and `boxmap` keep their typed or fence breaks even when no value lies
   * beyond them, so such a class is empty with from === to). Inner breaks are strictly ascending for the
   * data-driven methods; `manual` and `boxmap` may have empty classes but never descending bounds.
   * Empty input (no finite value) gives no breaks and no classes; all values equal gives one class [v, v].
   */
  breaks: number[];
  classes: ClassInterval[];
  /**
   * Class index (0-based) per input value, in input order; null for missing values. null, NaN and
   * ±Infinity count as missing ("keine Daten"): a division by zero upstream must not become a class.
   */
  classOfValue: (number | null)[];
}

/** The smallest and largest number of classes a user may ask for. */
export const MINIMUM_CLASS_COUNT = 2;
export const MAXIMUM_CLASS_COUNT = 9;
