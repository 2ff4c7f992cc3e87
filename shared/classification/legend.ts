/**
 * Legend entries for a classification, in the UI language: "10,0 bis unter 20,0" (de) /
 * "10.0 to under 20.0" (en), with decimals fitting the indicator, plus a "keine Daten" entry with the
 * number of areas without a value. Built from the same Classification as the map colours, so the legend
 * cannot disagree with the map.
 */
import type { LocalizedText } from '../model/project';
import { formatNumber, type Locale } from '../format/number';
import type { Classification } from './types';

export interface LegendEntry {
  /** Class index, or null for the no-data entry. */
  classIndex: number | null;
  label: string;
  /** Number of areas in the class (or without data). */
  count: number;
}

const words: Record<'toUnder' | 'to' | 'under' | 'andAbove' | 'above' | 'noData' | 'lowerOutliers' | 'upperOutliers', LocalizedText> = {
  toUnder: { de: 'bis unter', en: 'to under' },
  to: { de: 'bis', en: 'to' },
  under: { de: 'unter', en: 'under' },
  andAbove: { de: 'und mehr', en: 'and above' },
  above: { de: 'über', en: 'over' },
  noData: { de: 'keine Daten', en: 'no data' },
  lowerOutliers: { de: 'Ausreißer unten', en: 'Lower outliers' },
  upperOutliers: { de: 'Ausreißer oben', en: 'Upper outliers' },
};

/**
 * Decimals that keep neighbouring breaks apart: at least `preferredDecimals` (the indicator's own, e.g.
 * 1 for rates per 1000), more when two distinct breaks would otherwise print the same, at most 6.
 * @example legendDecimals([0.12, 0.14, 0.2], 1) // 2
 */
export function legendDecimals(breaks: readonly number[], preferredDecimals: number): number {
  for (let decimals = Math.max(0, preferredDecimals); decimals < 6; decimals++) {
    const printed = breaks.map((value) => value.toFixed(decimals));
    const collides = breaks.some((value, index) => index > 0 && value !== breaks[index - 1] && printed[index] === printed[index - 1]);
    if (!collides) return decimals;
  }
  return 6;
}

/**
 * Legend entries, one per class, then one "keine Daten" entry when any value is missing (or always, with
 * `alwaysShowNoData`, for a series of maps that must share one legend).
 * The last class reads "a bis b" (its upper bound is inclusive); open classes of manual and box-map
 * classifications read "unter a" / "b und mehr"; box-map outliers are named as such.
 * @example
 * legendEntries(classify([5, 15, 25], { method: 'manual', classes: 3, breaks: [10, 20] }), { locale: 'de', decimals: 1 })
 * // [{ label: 'unter 10,0', … }, { label: '10,0 bis unter 20,0', … }, { label: '20,0 und mehr', … }]
 */
export function legendEntries(
  classification: Classification,
  options: { locale: Locale; decimals: number; alwaysShowNoData?: boolean },
): LegendEntry[] {
  const { locale } = options;
  // A classification made on shown values knows the decimals its breaks were rounded to.
  const decimals = classification.legendDecimals ?? legendDecimals(classification.breaks, options.decimals);
  const number = (value: number): string => formatNumber(value, decimals, locale);
  const isBoxMap = classification.method === 'boxmap';
  const lastIndex = classification.classes.length - 1;
  const entries: LegendEntry[] = classification.classes.map((classInterval, classIndex) => {
    let label: string;
    if (classInterval.openEnded === 'below') {
      label = `${words.under[locale]} ${number(classInterval.to)}`;
      if (isBoxMap) label = `${words.lowerOutliers[locale]} (${label})`;
    } else if (classInterval.openEnded === 'above') {
      // Box map: the break sits one floating-point step above the fence, so "über fence" is exact.
      label = isBoxMap ? `${words.upperOutliers[locale]} (${words.above[locale]} ${number(classInterval.from)})` : `${number(classInterval.from)} ${words.andAbove[locale]}`;
    } else if (classIndex === lastIndex || (isBoxMap && classIndex === lastIndex - 1)) {
      label = classInterval.from === classInterval.to ? number(classInterval.from) : `${number(classInterval.from)} ${words.to[locale]} ${number(classInterval.to)}`;
    } else {
      label = `${number(classInterval.from)} ${words.toUnder[locale]} ${number(classInterval.to)}`;
    }
    return { classIndex, label, count: classInterval.count };
  });
  const noDataCount = classification.classOfValue.filter((classIndex) => classIndex === null).length;
  if (noDataCount > 0 || options.alwaysShowNoData) entries.push({ classIndex: null, label: words.noData[locale], count: noDataCount });
  return entries;
}
