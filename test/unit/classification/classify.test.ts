import { describe, expect, it } from 'vitest';
import { classify } from '../../../shared/classification/classify';
import { UserError } from '../../../shared/contract/errors';
import type { ClassificationOptions } from '../../../shared/classification/types';

describe('classify', () => {
  it('puts a value exactly on a break into the class above', () => {
    const classification = classify([0, 10, 20, 30, 40], { method: 'manual', classes: 3, breaks: [10, 30] });
    expect(classification.classOfValue).toEqual([0, 1, 1, 2, 2]);
  });

  it('puts the maximum into the last class even when it equals the last bound', () => {
    const classification = classify([0, 5, 10], { method: 'equal', classes: 2 });
    expect(classification.breaks).toEqual([0, 5, 10]);
    expect(classification.classOfValue).toEqual([0, 1, 1]);
  });

  it('treats null, NaN and ±Infinity as missing', () => {
    const classification = classify([1, null, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 3], { method: 'quantile', classes: 2 });
    expect(classification.classOfValue).toEqual([0, null, null, null, null, 1]);
    expect(classification.breaks).toEqual([1, 3, 3]);
  });

  it('splits quantiles with data values as breaks and equal class sizes', () => {
    const classification = classify([6, 5, 4, 3, 2, 1], { method: 'quantile', classes: 3 });
    expect(classification.breaks).toEqual([1, 3, 5, 6]);
    expect(classification.classes.map((classInterval) => classInterval.count)).toEqual([2, 2, 2]);
  });

  it('centres standard-deviation classes on a given value', () => {
    // Population σ of [0, 10, 20] is √(200/3) ≈ 8.165; an odd class count gives centre ± σ/2 as breaks.
    const classification = classify([0, 10, 20], { method: 'stddev', classes: 3, midpoint: 12 });
    const halfDeviation = Math.sqrt(200 / 3) / 2;
    expect(classification.breaks[1]).toBeCloseTo(12 - halfDeviation, 12);
    expect(classification.breaks[2]).toBeCloseTo(12 + halfDeviation, 12);
  });

  it('marks box-map outliers beyond the fences, keeping the upper fence itself inside the box', () => {
    // Q1 = 2, Q3 = 4 (type 7 on 1..5 plus outliers), IQR = 2 → fences −1 and 7.
    const values = [-10, 1, 2, 3, 4, 5, 7, 30];
    const classification = classify(values, { method: 'boxmap', classes: 6 });
    const firstQuartile = classification.breaks[2] as number;
    const thirdQuartile = classification.breaks[4] as number;
    const upperFence = thirdQuartile + 1.5 * (thirdQuartile - firstQuartile);
    expect(classification.classes).toHaveLength(6);
    expect(classification.classOfValue[0]).toBe(0);
    expect(classification.classOfValue[values.length - 1]).toBe(5);
    values.forEach((value, index) => {
      if (value <= upperFence && value >= firstQuartile - 1.5 * (thirdQuartile - firstQuartile)) expect(classification.classOfValue[index]).not.toBe(5);
    });
    expect(classification.classes[0]?.openEnded).toBe('below');
    expect(classification.classes[5]?.openEnded).toBe('above');
  });

  it('counts a value exactly on the upper box-map fence as inside the box', () => {
    // Sorted 0,0,4,4,4,4,4,4,16: Q1 = 4? Use a set where Q1 = 0, Q3 = 4, fence = 10, and 10 is present.
    const values = [0, 0, 0, 4, 4, 4, 10, 11, 0, 4];
    const classification = classify(values, { method: 'boxmap', classes: 6 });
    expect(classification.breaks[2]).toBe(0);
    expect(classification.breaks[4]).toBe(4);
    expect(classification.classOfValue[values.indexOf(10)]).toBe(4);
    expect(classification.classOfValue[values.indexOf(11)]).toBe(5);
  });

  it('follows R pretty() for a range of 3 to 97', () => {
    expect(classify([3, 50, 97], { method: 'pretty', classes: 5 }).breaks).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('keeps typed classes that no value reaches, so a series of maps shares one legend', () => {
    const classification = classify([12, 14], { method: 'manual', classes: 4, breaks: [5, 10, 20] });
    expect(classification.classes.map((classInterval) => classInterval.count)).toEqual([0, 0, 2, 0]);
  });

  it.each<[string, ClassificationOptions]>([
    ['an unknown method', { method: 'natural' as ClassificationOptions['method'], classes: 5 }],
    ['one class', { method: 'quantile', classes: 1 }],
    ['ten classes', { method: 'equal', classes: 10 }],
    ['a fractional class count', { method: 'ckmeans', classes: 4.5 }],
    ['3 nested-means classes', { method: 'nested-means', classes: 3 }],
    ['manual without breaks', { method: 'manual', classes: 3 }],
    ['manual with unsorted breaks', { method: 'manual', classes: 3, breaks: [10, 5] }],
    ['manual with NaN', { method: 'manual', classes: 3, breaks: [Number.NaN] }],
    ['manual with 9 breaks', { method: 'manual', classes: 10, breaks: [1, 2, 3, 4, 5, 6, 7, 8, 9] }],
    ['stddev with an infinite centre', { method: 'stddev', classes: 4, midpoint: Number.POSITIVE_INFINITY }],
  ])('rejects %s with a German and English UserError', (_, options) => {
    let caught: unknown;
    try {
      classify([1, 2, 3], options);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).text.de.length).toBeGreaterThan(10);
    expect((caught as UserError).text.en.length).toBeGreaterThan(10);
  });
});
