/**
 * Counterexamples the property tests (classify.properties.test.ts) found on random seeds, kept as fixed
 * cases so that they are checked on every run, not only when the generator happens to meet them again.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../shared/classification/classify';
import type { Classification, ClassificationOptions } from '../../../shared/classification/types';

/** The properties of classify.properties.test.ts for one input. */
function expectClassificationProperties(values: readonly (number | null)[], options: ClassificationOptions): Classification {
  const classification = classify(values, options);
  const finite = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  const { breaks, classes, classOfValue } = classification;
  expect(classes.reduce((sum, classInterval) => sum + classInterval.count, 0)).toBe(finite.length);
  expect(breaks.length).toBe(classes.length === 0 ? 0 : classes.length + 1);
  classes.forEach((classInterval, index) => {
    expect(classInterval.from).toBe(breaks[index]);
    expect(classInterval.to).toBe(breaks[index + 1]);
  });
  const fixedMeaning = options.method === 'manual' || options.method === 'boxmap';
  for (let index = 1; index < breaks.length - 1; index++) {
    if (fixedMeaning) expect(breaks[index] as number).toBeGreaterThanOrEqual(breaks[index - 1] as number);
    else expect(breaks[index] as number).toBeGreaterThan(breaks[index - 1] as number);
  }
  values.forEach((value, valueIndex) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      expect(classOfValue[valueIndex]).toBeNull();
      return;
    }
    const containing = classes
      .map((_, index) => index)
      .filter((index) => {
        const classInterval = classes[index] as Classification['classes'][number];
        const isLast = index === classes.length - 1;
        return value >= classInterval.from && (isLast ? value <= classInterval.to : value < classInterval.to);
      });
    expect(containing).toEqual([classOfValue[valueIndex]]);
  });
  const distinct = new Set(finite).size;
  if (distinct === 1 && options.method !== 'manual') expect(classes.length).toBe(1);
  else if (distinct > 1) {
    expect(classes.length).toBeGreaterThanOrEqual(1);
    expect(classes.length).toBeLessThanOrEqual(9);
  }
  if (['ckmeans', 'jenks', 'quantile', 'nested-means'].includes(options.method)) for (const classInterval of classes) expect(classInterval.count).toBeGreaterThan(0);
  return classification;
}

describe('classify regressions found by the property tests', () => {
  it('pretty, 6 classes, on [5e-324, −0.004]: a subnormal maximum just above a round break', () => {
    const classification = expectClassificationProperties([5e-324, -0.004], { method: 'pretty', classes: 6 });
    expect(classification.classOfValue[1]).toBe(0);
  });

  it('pretty, 9 classes, on [5e-324, −1.6e-208]: both end breaks miss the data by rounding, no 10th class', () => {
    const classification = expectClassificationProperties([5e-324, -1.6000000000000003e-208], { method: 'pretty', classes: 9 });
    expect(classification.breaks[0]).toBe(-1.6000000000000003e-208);
    expect(classification.breaks.at(-1)).toBe(5e-324);
  });

  it('stddev, 2 classes, on [0, −5e-324]: the mean rounds to the maximum', () => {
    const classification = expectClassificationProperties([0, -5e-324], { method: 'stddev', classes: 2 });
    expect(classification.classOfValue).toEqual([classification.classes.length - 1, 0]);
  });

  it('nested means, 8 classes, on [0, 3.5e-323, 3e-323]: the mean of the upper half (6.5 units) rounds onto its minimum', () => {
    const classification = expectClassificationProperties([0, 3.5e-323, 3e-323], { method: 'nested-means', classes: 8 });
    expect(classification.classOfValue).toEqual([0, 1, 1]);
  });

  it('quantile, 2 classes, on [−0.25, −0.25, 0]: the median is the tied minimum, and the two values still make two classes', () => {
    const classification = expectClassificationProperties([-0.25, -0.25, 0], { method: 'quantile', classes: 2 });
    expect(classification.classes.map((classInterval) => classInterval.count)).toEqual([2, 1]);
  });

  it('boxmap on [−1.2e308, 0]: fences beyond the number range stay finite', () => {
    const classification = expectClassificationProperties([-1.198462089908211e308, 0], { method: 'boxmap', classes: 6 });
    expect(classification.breaks.every(Number.isFinite)).toBe(true);
  });
});
