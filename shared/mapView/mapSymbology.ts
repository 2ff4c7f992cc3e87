/**
 * How an indicator's values are classified and coloured on a choropleth: method, classes or typed breaks,
 * palette, reversed colours, the midpoint of diverging palettes and standard-deviation classes, and classes
 * fixed across Stichtage. Part of the map view spec (mapViewSpec.ts); remembered per indicator and
 * derivation in the project (setting family `map.symbology.`).
 */
import { z } from 'zod';
import { DEFAULT_PALETTE_ID, defaultClassCount } from '../classification/defaults';
import { findPalette } from '../classification/palettes';
import { CLASSIFICATION_METHODS, type ClassificationMethod, type ClassificationOptions } from '../classification/types';
import { validClassCounts } from '../classification/validateOptions';
import type { IndicatorMode } from '../indicators/indicatorMode';

/**
 * Where a diverging palette changes hue and where standard-deviation classes are centred: the region's
 * value, the mean or the median of the shown values (the median splits the areas half and half, whatever
 * one large city does to the mean), 100 (an index), 0 (a change) or a typed value.
 */
export const MIDPOINT_CHOICES = ['region', 'mean', 'median', 'hundred', 'zero', 'value'] as const;
export type MidpointChoice = (typeof MIDPOINT_CHOICES)[number];

export const mapSymbologySchema = z.object({
  method: z.enum(CLASSIFICATION_METHODS),
  /** Number of classes; ignored by boxmap (6) and manual (follows `breaks`). */
  classes: z.number().int().min(2).max(9),
  /** Inner breaks of the manual method, ascending. */
  breaks: z.array(z.number()),
  /** Palette id (shared/classification/palettes.ts). */
  palette: z.string(),
  /** Palette colours in reverse order. */
  reversed: z.boolean(),
  midpoint: z.enum(MIDPOINT_CHOICES),
  /** The typed midpoint when `midpoint` is 'value'. */
  midpointValue: z.number().nullable(),
  /** Breaks from the values of every Stichtag, so maps of different Stichtage compare. */
  fixedClasses: z.boolean(),
});

export type MapSymbology = z.output<typeof mapSymbologySchema>;

export const DEFAULT_SYMBOLOGY: MapSymbology = {
  method: 'quantile',
  classes: defaultClassCount('quantile'),
  breaks: [],
  palette: DEFAULT_PALETTE_ID,
  reversed: false,
  midpoint: 'region',
  midpointValue: null,
  fixedClasses: false,
};

/**
 * The symbology used until the user chooses one: an index is centred on 100 and a change on 0 with a
 * diverging palette (above and below read at a glance); other modes use the sequential default.
 * @example defaultSymbologyFor('index').midpoint // "hundred"
 */
export function defaultSymbologyFor(mode: IndicatorMode): MapSymbology {
  if (mode === 'index') return INDEX_SYMBOLOGY;
  if (mode === 'change' || mode === 'changePercent') return CHANGE_SYMBOLOGY;
  return DEFAULT_SYMBOLOGY;
}

// Constants, so that a view reading a default twice gets the same object (React compares by identity).
const INDEX_SYMBOLOGY: MapSymbology = { ...DEFAULT_SYMBOLOGY, palette: 'RdBu', midpoint: 'hundred' };
const CHANGE_SYMBOLOGY: MapSymbology = { ...DEFAULT_SYMBOLOGY, palette: 'RdBu', midpoint: 'zero' };

/**
 * What a remembered symbology belongs to: the indicator as defined, or the indicator in a derived mode
 * (an index needs other classes and colours than the values it comes from).
 * @example symbologySubject('foreign_share', 'index') // "foreign_share.index"
 */
export function symbologySubject(indicatorId: string, mode: IndicatorMode): string {
  return mode === 'value' ? indicatorId : `${indicatorId}.${mode}`;
}

/**
 * Keeps the symbology drawable: the nearest class count the method offers, a known palette.
 * @example withValidChoices({ ...DEFAULT_SYMBOLOGY, method: 'nested-means', classes: 5 }).classes // 4
 */
export function withValidChoices(symbology: MapSymbology, fallbackPalette: string = DEFAULT_PALETTE_ID): MapSymbology {
  const palette = findPalette(symbology.palette) ? symbology.palette : fallbackPalette;
  const allowed = validClassCounts(symbology.method);
  const classes = allowed.includes(symbology.classes)
    ? symbology.classes
    : allowed.reduce((best, count) => (Math.abs(count - symbology.classes) < Math.abs(best - symbology.classes) ? count : best), allowed[0] as number);
  return palette === symbology.palette && classes === symbology.classes ? symbology : { ...symbology, palette, classes };
}

/**
 * The midpoint as a number: the region's value (the mean when the region has none), the mean or median of
 * the shown values, 100, 0 or the typed value (the mean when none is typed); null when there is no value at all.
 * @example resolveMidpoint({ midpoint: 'hundred', midpointValue: null }, 42, [1, 2]) // 100
 */
export function resolveMidpoint(symbology: Pick<MapSymbology, 'midpoint' | 'midpointValue'>, regionValue: number | null, shownValues: readonly (number | null)[]): number | null {
  switch (symbology.midpoint) {
    case 'region':
      return regionValue ?? meanOf(shownValues);
    case 'mean':
      return meanOf(shownValues);
    case 'median':
      return medianOf(shownValues);
    case 'hundred':
      return 100;
    case 'zero':
      return 0;
    case 'value':
      return symbology.midpointValue ?? meanOf(shownValues);
  }
}

/**
 * The options of `classify` for this symbology: standard-deviation classes centred on the resolved
 * midpoint, values classified as shown with `decimals`.
 * @example classificationOptionsOf({ ...DEFAULT_SYMBOLOGY, method: 'stddev', midpoint: 'zero' }, 0, 1) // { method: 'stddev', classes: 5, midpoint: 0, decimals: 1 }
 */
export function classificationOptionsOf(symbology: MapSymbology, midpoint: number | null, decimals: number): ClassificationOptions {
  if (symbology.method === 'manual') return { method: 'manual', classes: symbology.breaks.length + 1, breaks: symbology.breaks, decimals };
  const classes = symbology.method === 'boxmap' ? defaultClassCount('boxmap') : symbology.classes;
  if (symbology.method === 'stddev' && midpoint !== null) return { method: 'stddev', classes, midpoint, decimals };
  return { method: symbology.method as Exclude<ClassificationMethod, 'manual'>, classes, decimals };
}

function meanOf(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === null || !Number.isFinite(value)) continue;
    sum += value;
    count += 1;
  }
  return count > 0 ? sum / count : null;
}

function medianOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value)).sort((a, b) => a - b);
  if (present.length === 0) return null;
  const middle = Math.floor(present.length / 2);
  return present.length % 2 === 1 ? (present[middle] as number) : ((present[middle - 1] as number) + (present[middle] as number)) / 2;
}
