/**
 * The one function that turns an indicator's values and a symbology into what every view draws: classes
 * (on the values as shown, see ClassificationOptions.decimals), one colour per class, and per area its
 * class, colour and flags. The map, the table, the legend, `kleinraum classify`, the exported figures and
 * the profile overlays all call it, so breaks and colours cannot differ between them.
 */
import { classifyAcrossSeries } from '../classification/classify';
import { NO_DATA_COLOUR } from '../classification/defaults';
import { divergingAround, findPalette, paletteColours } from '../classification/palettes';
import type { Classification } from '../classification/types';
import { roundForDisplay } from '../format/number';
import { classificationOptionsOf, resolveMidpoint, type MapSymbology } from './mapSymbology';
import type { SmallNumberDisplay } from './mapViewSpec';

/** One area's value as the indicator service returns it (a subset of the contract's `indicatorValue`). */
export interface DrawableValue {
  key: string;
  value: number | null;
  /** The count behind the value is below the small-number threshold. */
  smallNumber: boolean;
  /** The rate's denominator is below the small-denominator threshold. */
  smallDenominator?: boolean;
  /** The value comes from a lower-ranked source that fills a gap of the chosen one (see sourceChoice). */
  fallback?: boolean;
}

export interface DrawIndicatorInput {
  values: readonly DrawableValue[];
  /** The region's value (midpoint 'region'); null when not computable. */
  regionValue: number | null;
  /** The region's value would give a small count back (computeIndicatorValues); withheld where small counts are. */
  regionRevealsSmallNumbers?: boolean;
  /** Decimals the values are shown with (the indicator's, or the derived figure's). */
  decimals: number;
  symbology: MapSymbology;
  smallNumbers: SmallNumberDisplay;
  /** The other Stichtage's values when the symbology fixes classes across periods. */
  otherPeriods?: readonly (readonly DrawableValue[])[];
}

export interface DrawnArea {
  key: string;
  /** The value as shown (rounded to the decimals); null for no data and for suppressed values. */
  shownValue: number | null;
  /** 0-based class, null for no data or suppressed. */
  classIndex: number | null;
  colour: string;
  /**
   * Drawn, but marked: a small count or a rate on a small denominator (uncertain), or a value taken from a
   * lower-ranked source where the chosen one has none ('fallbackSource'); null when not marked. Small
   * numbers win, being the stronger warning.
   */
  flag: 'smallNumber' | 'smallDenominator' | 'fallbackSource' | null;
  /** Withheld for small-number protection ('suppress'). */
  suppressed: boolean;
  /** The value comes from a lower-ranked source (also where a stronger mark is drawn): the region's total says so. */
  fromFallbackSource: boolean;
}

export interface DrawnIndicator {
  classification: Classification;
  /** One colour per class, in class order. */
  colours: string[];
  /** Where the diverging palette turns (and stddev classes are centred); null without values. */
  midpoint: number | null;
  /** Per area, in the order of the input values. */
  areas: DrawnArea[];
  colourByKey: Map<string, string>;
  classByKey: Map<string, number | null>;
  /** Areas without a value (not counting suppressed ones). */
  noDataKeys: string[];
  /** Areas drawn with a mark (small number, small denominator or fallback source): hatched on the map. */
  flaggedKeys: string[];
  /** Areas whose value is withheld. */
  suppressedKeys: string[];
  /**
   * The region's value as views may show it (table, midpoint, legend): null where it cannot be computed
   * or is withheld (`regionWithheld`).
   */
  regionValue: number | null;
  /** The region's total is withheld because it would give a suppressed small count back. */
  regionWithheld: boolean;
  decimals: number;
  /**
   * The class count asked for, where the method promises it (quantiles, natural breaks, equal intervals);
   * ties can leave fewer classes, which the legend then says. Null for the other methods.
   */
  requestedClassCount?: number | null;
}

/** Methods that give as many classes as asked for unless the values do not allow it. */
const COUNT_KEEPING_METHODS: readonly MapSymbology['method'][] = ['quantile', 'ckmeans', 'jenks', 'equal'];

/**
 * Whether a value is withheld under the map's small-number display: a small count while small numbers are
 * suppressed. The one rule for the map and for every place that follows the map's mode (the details panel).
 * @example isWithheldValue({ value: 2, smallNumber: true }, 'suppress') // true
 */
export function isWithheldValue(entry: { value: number | null; smallNumber: boolean }, display: SmallNumberDisplay): boolean {
  return display === 'suppress' && entry.smallNumber && entry.value !== null;
}

/**
 * Whether a region value is withheld under the map's small-number display: where it would give a
 * suppressed small count back (the engine's `regionRevealsSmallNumbers`).
 */
export function isRegionValueWithheld(regionValue: number | null, regionRevealsSmallNumbers: boolean | undefined, display: SmallNumberDisplay): boolean {
  return display === 'suppress' && regionValue !== null && regionRevealsSmallNumbers === true;
}

/**
 * @example
 * const drawn = drawIndicator({ values, regionValue: 23.4, decimals: 1, symbology: DEFAULT_SYMBOLOGY, smallNumbers: 'flag' });
 * drawn.colourByKey.get('03241001') // "#41b6c4"
 */
export function drawIndicator(input: DrawIndicatorInput): DrawnIndicator {
  // Suppressed values are left out before classifying, so that no published break reveals them.
  const classified = (entries: readonly DrawableValue[]) => entries.map((entry) => (isWithheldValue(entry, input.smallNumbers) ? null : entry.value));
  const shown = classified(input.values);
  // A midpoint at the region's total would print that total in the legend.
  const regionWithheld = isRegionValueWithheld(input.regionValue, input.regionRevealsSmallNumbers, input.smallNumbers);
  const regionValue = regionWithheld ? null : input.regionValue;
  const midpoint = resolveMidpoint(input.symbology, regionValue, shown);
  const options = classificationOptionsOf(input.symbology, midpoint, input.decimals);
  const others = input.symbology.fixedClasses ? (input.otherPeriods ?? []) : [];
  const classification = classifyAcrossSeries(others.length > 0 ? [shown, others.flatMap(classified)] : [shown], options)[0] as Classification;
  const colours = classColours(classification, input.symbology, midpoint);

  const areas: DrawnArea[] = [];
  const colourByKey = new Map<string, string>();
  const classByKey = new Map<string, number | null>();
  const noDataKeys: string[] = [];
  const flaggedKeys: string[] = [];
  const suppressedKeys: string[] = [];
  input.values.forEach((entry, index) => {
    const suppressed = isWithheldValue(entry, input.smallNumbers);
    const classIndex = classification.classOfValue[index] ?? null;
    const colour = classIndex === null ? NO_DATA_COLOUR : (colours[classIndex] ?? NO_DATA_COLOUR);
    const flag = suppressed || entry.value === null ? null : entry.smallNumber ? 'smallNumber' : entry.smallDenominator === true ? 'smallDenominator' : entry.fallback === true ? 'fallbackSource' : null;
    const shownValue = suppressed || entry.value === null || !Number.isFinite(entry.value) ? null : roundForDisplay(entry.value, input.decimals);
    areas.push({ key: entry.key, shownValue, classIndex, colour, flag, suppressed, fromFallbackSource: entry.fallback === true && entry.value !== null });
    colourByKey.set(entry.key, colour);
    classByKey.set(entry.key, classIndex);
    if (suppressed) suppressedKeys.push(entry.key);
    else if (classIndex === null) noDataKeys.push(entry.key);
    if (flag !== null) flaggedKeys.push(entry.key);
  });
  const requestedClassCount = COUNT_KEEPING_METHODS.includes(input.symbology.method) ? input.symbology.classes : null;
  return { classification, colours, midpoint, areas, colourByKey, classByKey, noDataKeys, flaggedKeys, suppressedKeys, regionValue, regionWithheld, decimals: input.decimals, requestedClassCount };
}

/**
 * One colour per class: a diverging palette changes hue at the midpoint, any other runs low → high
 * (reversed on request).
 * @example classColours(classify([1, 2, 3], { method: 'equal', classes: 3 }), { ...DEFAULT_SYMBOLOGY, palette: 'Blues' }, 2) // ['#deebf7', '#9ecae1', '#3182bd']
 */
export function classColours(classification: Classification, symbology: Pick<MapSymbology, 'palette' | 'reversed'>, midpoint: number | null): string[] {
  const classCount = classification.classes.length;
  if (findPalette(symbology.palette)?.kind === 'diverging' && classCount > 0 && midpoint !== null) {
    return divergingAround(classification.classes, midpoint, symbology.palette, { reversed: symbology.reversed });
  }
  return paletteColours(symbology.palette, classCount, { reversed: symbology.reversed });
}
