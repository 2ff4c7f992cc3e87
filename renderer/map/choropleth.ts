/**
 * From indicator values to what the map and the legend show. Both are built from the same classification
 * result, so the legend can never disagree with the map.
 */
import { classify, classifyAcrossSeries } from '../../shared/classification/classify';
import { legendEntries } from '../../shared/classification/legend';
import { divergingAround, findPalette, paletteColours } from '../../shared/classification/palettes';
import type { Classification, ClassificationOptions } from '../../shared/classification/types';
import type { IndicatorValues } from '../../shared/contract/api';
import { formatDate, type Locale } from '../../shared/format/number';
import { localized, translate } from '../../shared/i18n/translate';
import { DEFAULT_PALETTE_ID as DEFAULT_PALETTE, NO_DATA_COLOUR } from '../../shared/classification/defaults';
import { areaBasisNote } from '../../shared/indicators/officialArea';

// The defaults are shared with the exports and `kleinraum classify`, so a figure matches the map.
export { DEFAULT_PALETTE, NO_DATA_COLOUR };

/** Quantiles in five classes: every class holds about the same number of areas, which reads well for the
 * 21 municipalities and is what the Region's Sozialmonitoring uses. */
export const DEFAULT_CLASSIFICATION: ClassificationOptions = { method: 'quantile', classes: 5 };

/** How the classes are coloured and whether their breaks come from more than the shown period. */
export interface ChoroplethStyle {
  reversed?: boolean;
  /** Where a diverging palette changes hue; null or absent: the mean of the shown values. */
  midpoint?: number | null;
  /**
   * Values of the other periods (any order, missing allowed). When given, the breaks are computed from
   * these together with the shown values, so maps of different Stichtage share one classification; the
   * class counts still count only the shown areas.
   */
  otherPeriodValues?: readonly (number | null)[];
}

export interface Choropleth {
  classification: Classification;
  /** Class colour per class index, light to dark. */
  colours: string[];
  /** Fill colour per area key; areas without a value get NO_DATA_COLOUR. */
  colourByKey: Map<string, string>;
  /** Class index per area key, null for no data. */
  classByKey: Map<string, number | null>;
  /** Keys of areas without a value. */
  noDataKeys: string[];
  /** Keys of areas whose value rests on a small number (count below the threshold) or a small denominator. */
  smallNumberKeys: string[];
}

/**
 * Classifies the values with the shared `classify` and assigns colours (a diverging palette around
 * `style.midpoint`, any other palette low → high, optionally reversed).
 * @example buildChoropleth(values).colourByKey.get('03241001') // "#253494"
 */
export function buildChoropleth(
  values: IndicatorValues,
  options: ClassificationOptions = DEFAULT_CLASSIFICATION,
  paletteId = DEFAULT_PALETTE,
  style: ChoroplethStyle = {},
): Choropleth {
  const shownValues = values.values.map((entry) => entry.value);
  const classification = style.otherPeriodValues ? classifyAcrossPeriods(shownValues, style.otherPeriodValues, options) : classify(shownValues, options);
  const colours = classColours(classification, shownValues, paletteId, style);
  const colourByKey = new Map<string, string>();
  const classByKey = new Map<string, number | null>();
  const noDataKeys: string[] = [];
  const smallNumberKeys: string[] = [];
  values.values.forEach((entry, index) => {
    const classIndex = classification.classOfValue[index] ?? null;
    classByKey.set(entry.key, classIndex);
    if (entry.smallNumber || (entry as { smallDenominator?: boolean }).smallDenominator === true) smallNumberKeys.push(entry.key);
    if (classIndex === null) {
      noDataKeys.push(entry.key);
      colourByKey.set(entry.key, NO_DATA_COLOUR);
    } else {
      colourByKey.set(entry.key, colours[classIndex] ?? NO_DATA_COLOUR);
    }
  });
  return { classification, colours, colourByKey, classByKey, noDataKeys, smallNumberKeys };
}

/**
 * Breaks from the shown values and the other periods' values together; classes and counts for the shown
 * values only (so the legend's counts add up to the areas on the map).
 * @example classifyAcrossPeriods([1, 2], [10, 20], { method: 'equal', classes: 2 }).breaks // [1, 10.5, 20]
 */
export function classifyAcrossPeriods(
  shownValues: readonly (number | null)[],
  otherPeriodValues: readonly (number | null)[],
  options: ClassificationOptions,
): Classification {
  // The shared function computes one set of bounds from every series and counts each series on its own.
  return classifyAcrossSeries([shownValues, otherPeriodValues], options)[0] as Classification;
}

/**
 * One colour per class: diverging palettes change hue at the midpoint (the mean of the values when none is
 * given), the others run low → high (reversed on request).
 * @example classColours(classify([1, 2, 3], { method: 'equal', classes: 3 }), [1, 2, 3], 'Blues') // ['#deebf7', '#9ecae1', '#3182bd']
 */
export function classColours(classification: Classification, values: readonly (number | null)[], paletteId: string, style: ChoroplethStyle = {}): string[] {
  const classCount = classification.classes.length;
  if (findPalette(paletteId)?.kind === 'diverging' && classCount > 0) {
    const midpoint = style.midpoint ?? meanOf(values) ?? (classification.breaks[0] as number);
    return divergingAround(classification.classes, midpoint, paletteId, { reversed: style.reversed === true });
  }
  return paletteColours(paletteId, classCount, { reversed: style.reversed === true });
}

function meanOf(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === null || !Number.isFinite(value)) continue;
    sum += value;
    count++;
  }
  return count > 0 ? sum / count : null;
}

/**
 * A MapLibre `match` expression colouring features by `properties.key`; features without a value (or not
 * in the values at all) get the no-data colour.
 * @example fillColourExpression(new Map([['a', '#fff']])) // ['match', ['get', 'key'], 'a', '#fff', '#d9d9d9']
 */
export function fillColourExpression(colourByKey: ReadonlyMap<string, string>): unknown[] {
  if (colourByKey.size === 0) return ['literal', NO_DATA_COLOUR];
  const pairs: string[] = [];
  for (const [key, colour] of colourByKey) pairs.push(key, colour);
  return ['match', ['to-string', ['get', 'key']], ...pairs, NO_DATA_COLOUR];
}

export interface LegendRow {
  colour: string;
  label: string;
  count: number;
}

export interface LegendOptions {
  /** The project's small-number threshold (setting `smallNumberThreshold`), default 3. */
  smallNumberThreshold?: number;
  /** First and last period when the classes are fixed across periods. */
  fixedAcrossPeriods?: { first: string; last: string } | null;
}

/** Outline colour of areas flagged for small numbers (dotted), also the legend swatch's border. */
export const SMALL_NUMBER_OUTLINE_COLOUR = '#7a1f5c';

export interface LegendModel {
  title: string;
  unit: string;
  stichtag: string;
  rows: LegendRow[];
  /** The "keine Daten" row, present only when some area has no value. */
  noData: LegendRow | null;
  /** The small-number row ("Fallzahl < 3 – geschützt"), present only when some area is flagged. */
  smallNumber: LegendRow | null;
  /** For absolute counts mapped as a choropleth: the hint to prefer shares or rates; else null. */
  absoluteHint: string | null;
  /** When the classes come from all periods: which ones ("Klassen über alle Stichtage (2015 – 2024)"); else null. */
  fixedClassesNote: string | null;
  /** Per-km² figures: where the km² come from ("Fläche aus Geometrie berechnet"); else null. */
  areaNote: string | null;
  /** Attribution lines of the sources, deduplicated, in order. */
  sourceLines: string[];
  /** Some source is synthetic: the legend says so (once, even when a source line says it already). */
  synthetic: boolean;
  /** The synthetic label to print, or null when not synthetic or a source line already says exactly this. */
  syntheticLabel: string | null;
}

/**
 * The legend for a choropleth: one row per class with bounds in the UI's number format (decimals from the
 * indicator), "bis unter" for classes whose upper bound is exclusive, and counts of areas.
 * The synthetic label follows the values' sources only: schematic boundaries have their own banner.
 * @example buildLegend(values, choropleth, 'de').rows[0].label // "2,1 bis unter 8,4"
 */
export function buildLegend(
  values: IndicatorValues,
  choropleth: Choropleth,
  locale: Locale,
  /** Sources shown besides the values' own, e.g. the boundary layer's ("© GeoBasis-DE / BKG 2021"). */
  extraSources: IndicatorValues['sources'] = [],
  options: LegendOptions = {},
): LegendModel {
  // Labels come from the shared legend helper (also used by the exports), so the app and the printed
  // figure word the same classes the same way.
  const entries = legendEntries(choropleth.classification, { locale, decimals: values.indicator.decimals });
  const rows = entries
    .filter((entry) => entry.classIndex !== null)
    .map((entry) => ({ colour: choropleth.colours[entry.classIndex as number] ?? NO_DATA_COLOUR, label: entry.label, count: entry.count }));
  const noDataCount = choropleth.noDataKeys.length;
  const sources = [...values.sources, ...extraSources];
  const sourceLines = [...new Set(sources.map((source) => source.attribution).filter((line) => line.length > 0))];
  const synthetic = values.sources.some((source) => source.synthetic);
  const syntheticText = translate(locale, 'badge.synthetic');
  return {
    title: localized(values.indicator.name, locale),
    unit: localized(values.indicator.unit, locale),
    stichtag: translate(locale, 'legend.stichtag', { date: formatDate(values.period, locale) }),
    rows,
    noData: noDataCount > 0 ? { colour: NO_DATA_COLOUR, label: translate(locale, 'legend.noData'), count: noDataCount } : null,
    smallNumber:
      choropleth.smallNumberKeys.length > 0
        ? {
            colour: SMALL_NUMBER_OUTLINE_COLOUR,
            label: translate(locale, 'map.legend.smallNumber', { threshold: options.smallNumberThreshold ?? 3 }),
            count: choropleth.smallNumberKeys.length,
          }
        : null,
    absoluteHint: values.indicator.scale === 'absolute' ? translate(locale, 'map.legend.absoluteHint') : null,
    fixedClassesNote: options.fixedAcrossPeriods
      ? translate(locale, 'map.legend.fixedClasses', {
          first: formatDate(options.fixedAcrossPeriods.first, locale),
          last: formatDate(options.fixedAcrossPeriods.last, locale),
        })
      : null,
    areaNote: areaBasisNote(values.areaBasis, locale),
    sourceLines,
    synthetic,
    syntheticLabel: synthetic && !sourceLines.includes(syntheticText) ? syntheticText : null,
  };
}

/**
 * A MapLibre filter matching the features whose `properties.key` is one of `keys` (no-data hatching,
 * small-number outlines); matches nothing for an empty list.
 * @example keysFilter(['03241007']) // ['in', ['to-string', ['get', 'key']], ['literal', ['03241007']]]
 */
export function keysFilter(keys: readonly string[]): unknown[] {
  return ['in', ['to-string', ['get', 'key']], ['literal', [...keys]]];
}
