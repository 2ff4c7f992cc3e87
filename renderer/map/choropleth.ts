/**
 * From indicator values to what the map and the legend show. Both are built from the same classification
 * result, so the legend can never disagree with the map.
 */
import { classify } from '../../shared/classification/classify';
import { legendEntries } from '../../shared/classification/legend';
import { paletteColours } from '../../shared/classification/palettes';
import type { Classification, ClassificationOptions } from '../../shared/classification/types';
import type { IndicatorValues } from '../../shared/contract/api';
import { formatDate, type Locale } from '../../shared/format/number';
import { localized, translate } from '../../shared/i18n/translate';

/** Quantiles in five classes: every class holds about the same number of areas, which reads well for the
 * 21 municipalities and is what the Region's Sozialmonitoring uses. */
/** ColorBrewer YlGnBu: sequential, light to dark, readable for the common colour-vision deficiencies. */
export const DEFAULT_PALETTE = 'YlGnBu';

/** Fill for areas without data: a light neutral grey, distinct from every class colour. */
export const NO_DATA_COLOUR = '#d9d9d9';

export const DEFAULT_CLASSIFICATION: ClassificationOptions = { method: 'quantile', classes: 5 };

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
}

/**
 * Classifies the values with the shared `classify` and assigns colours.
 * @example buildChoropleth(values).colourByKey.get('03241001') // "#253494"
 */
export function buildChoropleth(values: IndicatorValues, options: ClassificationOptions = DEFAULT_CLASSIFICATION, paletteId = DEFAULT_PALETTE): Choropleth {
  const classification = classify(
    values.values.map((entry) => entry.value),
    options,
  );
  const colours = paletteColours(paletteId, classification.classes.length);
  const colourByKey = new Map<string, string>();
  const classByKey = new Map<string, number | null>();
  const noDataKeys: string[] = [];
  values.values.forEach((entry, index) => {
    const classIndex = classification.classOfValue[index] ?? null;
    classByKey.set(entry.key, classIndex);
    if (classIndex === null) {
      noDataKeys.push(entry.key);
      colourByKey.set(entry.key, NO_DATA_COLOUR);
    } else {
      colourByKey.set(entry.key, colours[classIndex] ?? NO_DATA_COLOUR);
    }
  });
  return { classification, colours, colourByKey, classByKey, noDataKeys };
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

export interface LegendModel {
  title: string;
  unit: string;
  stichtag: string;
  rows: LegendRow[];
  /** The "keine Daten" row, present only when some area has no value. */
  noData: LegendRow | null;
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
    sourceLines,
    synthetic,
    syntheticLabel: synthetic && !sourceLines.includes(syntheticText) ? syntheticText : null,
  };
}
