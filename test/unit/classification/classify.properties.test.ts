/**
 * Properties every classification must have, whatever the data: counts add up, every value lies in
 * exactly one class whose interval contains it, bounds ascend, and the class count stays within 1..9.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../shared/classification/classify';
import { validClassCounts } from '../../../shared/classification/validateOptions';
import { CLASSIFICATION_METHODS, type Classification, type ClassificationOptions } from '../../../shared/classification/types';

/** Values as they arrive from statistics tables: mostly finite, some missing, some broken (NaN, ±Infinity). */
const tableValue = fc.oneof(
  { weight: 12, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) },
);

const options: fc.Arbitrary<ClassificationOptions> = fc.constantFrom(...CLASSIFICATION_METHODS).chain((method): fc.Arbitrary<ClassificationOptions> => {
  if (method === 'manual') {
    return fc
      // SameValueZero: 0 and −0 are one break value, as the classifier rightly says (SameValue would let both through).
      .uniqueArray(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 8, comparator: 'SameValueZero' })
      .map((breaks) => ({ method, classes: breaks.length + 1, breaks: [...breaks].sort((a, b) => a - b) }));
  }
  return fc.record({
    method: fc.constant(method),
    classes: fc.constantFrom(...validClassCounts(method)),
    midpoint: method === 'stddev' ? fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: undefined }) : fc.constant(undefined),
  });
});

function intervalContains(classification: Classification, classIndex: number, value: number): boolean {
  const classInterval = classification.classes[classIndex];
  if (!classInterval) return false;
  const isLast = classIndex === classification.classes.length - 1;
  return value >= classInterval.from && (isLast ? value <= classInterval.to : value < classInterval.to);
}

describe('classify properties', () => {
  it('class counts add up to the number of finite values', () => {
    fc.assert(
      fc.property(fc.array(tableValue, { maxLength: 60 }), options, (values, classificationOptions) => {
        const classification = classify(values, classificationOptions);
        const finiteCount = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).length;
        expect(classification.classes.reduce((sum, classInterval) => sum + classInterval.count, 0)).toBe(finiteCount);
      }),
      { numRuns: 400 },
    );
  });

  it('puts every finite value into exactly the one class whose interval contains it, and missing values into none', () => {
    fc.assert(
      fc.property(fc.array(tableValue, { maxLength: 60 }), options, (values, classificationOptions) => {
        const classification = classify(values, classificationOptions);
        values.forEach((value, valueIndex) => {
          const classIndex = classification.classOfValue[valueIndex];
          if (typeof value !== 'number' || !Number.isFinite(value)) {
            expect(classIndex).toBeNull();
            return;
          }
          expect(classIndex).not.toBeNull();
          const containing = classification.classes.map((_, index) => index).filter((index) => intervalContains(classification, index, value));
          expect(containing).toEqual([classIndex]);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('has ascending bounds that match the classes, strictly ascending for data-driven methods', () => {
    fc.assert(
      fc.property(fc.array(tableValue, { maxLength: 60 }), options, (values, classificationOptions) => {
        const { breaks, classes } = classify(values, classificationOptions);
        expect(breaks.length).toBe(classes.length === 0 ? 0 : classes.length + 1);
        classes.forEach((classInterval, index) => {
          expect(classInterval.from).toBe(breaks[index]);
          expect(classInterval.to).toBe(breaks[index + 1]);
        });
        const fixedMeaning = classificationOptions.method === 'manual' || classificationOptions.method === 'boxmap';
        for (let index = 1; index < breaks.length - 1; index++) {
          if (fixedMeaning) expect(breaks[index] as number).toBeGreaterThanOrEqual(breaks[index - 1] as number);
          else expect(breaks[index] as number).toBeGreaterThan(breaks[index - 1] as number);
        }
        expect(breaks.every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('gives 1 to 9 classes for any data, none without data, one for a single distinct value', () => {
    fc.assert(
      fc.property(fc.array(tableValue, { maxLength: 60 }), options, (values, classificationOptions) => {
        const classification = classify(values, classificationOptions);
        const distinct = new Set(values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value))).size;
        if (distinct === 0) expect(classification.classes.length).toBe(0);
        else if (distinct === 1 && classificationOptions.method !== 'manual') expect(classification.classes.length).toBe(1);
        else {
          expect(classification.classes.length).toBeGreaterThanOrEqual(1);
          expect(classification.classes.length).toBeLessThanOrEqual(9);
        }
      }),
      { numRuns: 400 },
    );
  });

  // With two values closer than float rounding (1 and 1 + 2⁻⁵²) a mean can coincide with the minimum and
  // one class is all that can honestly be drawn; on data of ordinary precision at least two must appear.
  it('gives at least 2 classes for data with 2 or more distinct values of ordinary precision', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }).map((value) => value / 4), { minLength: 2, maxLength: 60 }), options, (values, classificationOptions) => {
        fc.pre(new Set(values).size >= 2);
        // A chosen centre may lie at or beyond the data ("every area above the region"): one class is right then.
        fc.pre(classificationOptions.midpoint === undefined);
        const classification = classify(values, classificationOptions);
        expect(classification.classes.length).toBeGreaterThanOrEqual(2);
        expect(classification.classes.length).toBeLessThanOrEqual(9);
      }),
      { numRuns: 400 },
    );
  });

  // Equal intervals, pretty and standard deviations have fixed widths, so a gap in the data leaves a class
  // empty; the data-driven methods place breaks at data values or means and must not.
  it('gives data-driven classes that are never empty', () => {
    const nonEmptyMethods = ['ckmeans', 'jenks', 'quantile', 'nested-means'] as const;
    fc.assert(
      fc.property(fc.array(tableValue, { minLength: 1, maxLength: 60 }), fc.constantFrom(...nonEmptyMethods), fc.integer({ min: 2, max: 9 }), (values, method, classes) => {
        const classCount = method === 'nested-means' ? [2, 4, 8][classes % 3] as number : classes;
        const classification = classify(values, { method, classes: classCount });
        for (const classInterval of classification.classes) expect(classInterval.count).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
