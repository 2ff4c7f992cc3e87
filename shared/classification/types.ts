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
  /** For stddev: the centre (mean by default, or e.g. the region's value). */
  centre?: number;
}

export interface ClassInterval {
  /** Lower bound. A value equal to a break belongs to the class ABOVE it (lower bound inclusive, upper exclusive), except the maximum, which belongs to the last class. */
  from: number;
  to: number;
  /** Number of areas whose value falls in this class. */
  count: number;
}

export interface Classification {
  method: ClassificationMethod;
  /** All class bounds ascending: [min, b1, …, max]; classes = breaks.length - 1. */
  breaks: number[];
  classes: ClassInterval[];
  /** Class index (0-based) per input value, in input order; null for missing values. */
  classOfValue: (number | null)[];
}
