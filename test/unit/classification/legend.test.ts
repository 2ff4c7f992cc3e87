import { describe, expect, it } from 'vitest';
import { classify } from '../../../shared/classification/classify';
import { legendDecimals, legendEntries } from '../../../shared/classification/legend';

describe('legendEntries', () => {
  it('writes German "bis unter" labels, an inclusive last class and a no-data count', () => {
    const classification = classify([10, 15, 20, 25, 30, null], { method: 'equal', classes: 2 });
    expect(legendEntries(classification, { locale: 'de', decimals: 1 })).toEqual([
      { classIndex: 0, label: '10,0 bis unter 20,0', count: 2 },
      { classIndex: 1, label: '20,0 bis 30,0', count: 3 },
      { classIndex: null, label: 'keine Daten', count: 1 },
    ]);
  });

  it('writes English labels with grouping', () => {
    const classification = classify([1000, 2500, 4000], { method: 'equal', classes: 2 });
    expect(legendEntries(classification, { locale: 'en', decimals: 0 }).map((entry) => entry.label)).toEqual(['1,000 to under 2,500', '2,500 to 4,000']);
  });

  it('labels open manual classes "unter" and "und mehr"', () => {
    const classification = classify([5, 15, 25], { method: 'manual', classes: 3, breaks: [10, 20] });
    expect(legendEntries(classification, { locale: 'de', decimals: 1 }).map((entry) => entry.label)).toEqual(['unter 10,0', '10,0 bis unter 20,0', '20,0 und mehr']);
  });

  it('names box-map outliers', () => {
    const classification = classify([-50, 1, 2, 3, 4, 5, 6, 7, 80], { method: 'boxmap', classes: 6 });
    const labels = legendEntries(classification, { locale: 'de', decimals: 1 }).map((entry) => entry.label);
    expect(labels[0]).toMatch(/^Ausreißer unten \(unter /);
    expect(labels[5]).toMatch(/^Ausreißer oben \(über /);
  });

  it('shows the no-data entry for a series of maps even when nothing is missing', () => {
    const entries = legendEntries(classify([1, 2], { method: 'quantile', classes: 2 }), { locale: 'de', decimals: 0, alwaysShowNoData: true });
    expect(entries.at(-1)).toEqual({ classIndex: null, label: 'keine Daten', count: 0 });
  });

  it('adds decimals when breaks would otherwise print alike', () => {
    expect(legendDecimals([0.12, 0.14, 0.2], 1)).toBe(2);
    expect(legendDecimals([10, 20, 30], 1)).toBe(1);
  });
});
