/**
 * The map's symbology for one indicator (classification method, classes, palette, midpoint, fixed classes)
 * and the map display choices (labels, basemap), with their storage as project settings. Pure: the
 * components read and write these through `project.setSetting`.
 */
import { z } from 'zod';
import { CLASSIFICATION_METHODS, type ClassificationMethod, type ClassificationOptions } from '../../shared/classification/types';
import { validClassCounts } from '../../shared/classification/validateOptions';
import { findPalette } from '../../shared/classification/palettes';
import type { Locale } from '../../shared/format/number';
import type { LocalizedText } from '../../shared/model/project';
import type { IndicatorMode } from '../../shared/indicators/indicatorMode';

/** Where a diverging palette changes hue (and where standard-deviation classes are centred). */
export const MIDPOINT_CHOICES = ['region', 'mean', 'hundred', 'zero', 'value'] as const;
export type MidpointChoice = (typeof MIDPOINT_CHOICES)[number];

export interface MapSymbology {
  method: ClassificationMethod;
  /** Number of classes; ignored by boxmap (6) and manual (follows `breaks`). */
  classes: number;
  /** Inner breaks for the manual method, ascending. */
  breaks: number[];
  /** Palette id from shared/classification/palettes.ts. */
  paletteId: string;
  reversed: boolean;
  midpoint: MidpointChoice;
  /** The typed midpoint when `midpoint` is 'value'. */
  midpointValue: number | null;
  /** Breaks from all periods' values, so maps of different Stichtage compare. */
  fixAcrossPeriods: boolean;
}

export type LabelMode = 'off' | 'names' | 'namesAndValues';

/** Choices that belong to the map, not to one indicator. */
export interface MapDisplay {
  labels: LabelMode;
  basemap: boolean;
}

export const DEFAULT_SYMBOLOGY: MapSymbology = {
  method: 'quantile',
  classes: 5,
  breaks: [],
  paletteId: 'YlGnBu',
  reversed: false,
  midpoint: 'region',
  midpointValue: null,
  fixAcrossPeriods: false,
};

export const DEFAULT_DISPLAY: MapDisplay = { labels: 'names', basemap: false };

/** The project setting holding an indicator's symbology (JSON). @example symbologySettingKey('foreign_share') // "map.symbology.foreign_share" */
export function symbologySettingKey(indicatorId: string): string {
  return `map.symbology.${indicatorId}`;
}

/**
 * What a symbology belongs to: the indicator as defined, or the indicator in a derived mode (an index
 * needs other classes and colours than the values it comes from).
 * @example symbologySubject('foreign_share', 'index') // "foreign_share.index"
 */
export function symbologySubject(indicatorId: string, mode: IndicatorMode): string {
  return mode === 'value' ? indicatorId : `${indicatorId}.${mode}`;
}

/**
 * The symbology used until the user chooses one: an index is centred on 100 and a change on 0 with a
 * diverging palette (above and below read at a glance); other modes use the sequential default.
 * @example defaultSymbologyFor('index').midpoint // "hundred"
 */
export function defaultSymbologyFor(mode: IndicatorMode): MapSymbology {
  if (mode === 'index') return { ...DEFAULT_SYMBOLOGY, paletteId: 'RdBu', midpoint: 'hundred' };
  if (mode === 'change' || mode === 'changePercent') return { ...DEFAULT_SYMBOLOGY, paletteId: 'RdBu', midpoint: 'zero' };
  return DEFAULT_SYMBOLOGY;
}

/** The project setting holding the map display choices (JSON). */
export const DISPLAY_SETTING_KEY = 'map.display';

const storedSymbology = z.object({
  method: z.enum(CLASSIFICATION_METHODS).optional(),
  classes: z.number().int().optional(),
  breaks: z.array(z.number()).optional(),
  paletteId: z.string().optional(),
  reversed: z.boolean().optional(),
  midpoint: z.enum(MIDPOINT_CHOICES).optional(),
  midpointValue: z.number().nullable().optional(),
  fixAcrossPeriods: z.boolean().optional(),
});

const storedDisplay = z.object({ labels: z.enum(['off', 'names', 'namesAndValues']).optional(), basemap: z.boolean().optional() });

/**
 * Reads a stored symbology; anything missing, unreadable or no longer valid (an unknown palette, a class
 * count the method does not offer) falls back to the default, so an old or hand-edited file still draws.
 * @example parseSymbology('{"method":"equal","classes":4}').classes // 4
 */
export function parseSymbology(stored: string | undefined, defaults: MapSymbology = DEFAULT_SYMBOLOGY): MapSymbology {
  if (!stored) return defaults;
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return defaults;
  }
  const parsed = storedSymbology.safeParse(json);
  if (!parsed.success) return defaults;
  const merged: MapSymbology = { ...defaults, ...stripUndefined(parsed.data) };
  if (!findPalette(merged.paletteId)) merged.paletteId = defaults.paletteId;
  return withValidClassCount(merged);
}

/** Reads the stored display choices; defaults for anything missing. */
export function parseDisplay(stored: string | undefined): MapDisplay {
  if (!stored) return DEFAULT_DISPLAY;
  try {
    const parsed = storedDisplay.safeParse(JSON.parse(stored));
    return parsed.success ? { ...DEFAULT_DISPLAY, ...stripUndefined(parsed.data) } : DEFAULT_DISPLAY;
  } catch {
    return DEFAULT_DISPLAY;
  }
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

/**
 * Keeps the class count valid after a change of method: the nearest count the method offers.
 * @example withValidClassCount({ ...DEFAULT_SYMBOLOGY, method: 'nested-means', classes: 5 }).classes // 4
 */
export function withValidClassCount(symbology: MapSymbology): MapSymbology {
  const allowed = validClassCounts(symbology.method);
  if (allowed.includes(symbology.classes)) return symbology;
  const nearest = allowed.reduce((best, count) => (Math.abs(count - symbology.classes) < Math.abs(best - symbology.classes) ? count : best), allowed[0] as number);
  return { ...symbology, classes: nearest };
}

/**
 * The midpoint as a number, or null when it cannot be known (no region value) — then the mean is used.
 * @example resolveMidpoint({ ...DEFAULT_SYMBOLOGY, midpoint: 'hundred' }, 42) // 100
 */
export function resolveMidpoint(symbology: Pick<MapSymbology, 'midpoint' | 'midpointValue'>, regionValue: number | null): number | null {
  switch (symbology.midpoint) {
    case 'region':
      return regionValue;
    case 'mean':
      return null;
    case 'hundred':
      return 100;
    case 'zero':
      return 0;
    case 'value':
      return symbology.midpointValue;
  }
}

/**
 * The classification options for `classify`: standard-deviation classes are centred on the chosen midpoint
 * (the mean when it is 'mean' or unknown).
 * @example classificationOptionsOf({ ...DEFAULT_SYMBOLOGY, method: 'stddev', midpoint: 'zero' }, null) // { method: 'stddev', classes: 5, centre: 0 }
 */
export function classificationOptionsOf(symbology: MapSymbology, regionValue: number | null): ClassificationOptions {
  if (symbology.method === 'manual') return { method: 'manual', classes: symbology.breaks.length + 1, breaks: symbology.breaks };
  if (symbology.method === 'stddev') {
    const centre = resolveMidpoint(symbology, regionValue);
    return centre === null ? { method: 'stddev', classes: symbology.classes } : { method: 'stddev', classes: symbology.classes, centre };
  }
  return { method: symbology.method, classes: symbology.classes };
}

export type BreaksInput = { ok: true; breaks: number[] } | { ok: false; message: LocalizedText };

/**
 * Parses typed manual breaks: separated by semicolons (or spaces), German decimal comma accepted ("12,5"),
 * thousands separators too ("1.234,5" in German, "1,234.5" in English). Checks that they ascend.
 * @example parseBreaksInput('5; 10; 12,5', 'de') // { ok: true, breaks: [5, 10, 12.5] }
 */
export function parseBreaksInput(text: string, locale: Locale): BreaksInput {
  const tokens = text.split(/[;\s]+/).filter((token) => token.length > 0);
  if (tokens.length === 0) {
    return { ok: false, message: { de: 'Bitte mindestens einen Grenzwert eingeben, z. B. 10; 20.', en: 'Please enter at least one break value, e.g. 10; 20.' } };
  }
  const breaks: number[] = [];
  for (const token of tokens) {
    const value = parseLocalNumber(token, locale);
    if (value === null) {
      return {
        ok: false,
        message: { de: `„${token}“ ist keine Zahl. Bitte Zahlen wie 12,5 eingeben, getrennt durch Semikolon.`, en: `"${token}" is not a number. Please enter numbers like 12.5, separated by semicolons.` },
      };
    }
    const previous = breaks[breaks.length - 1];
    if (previous !== undefined && value <= previous) {
      return {
        ok: false,
        message: { de: `Die Grenzwerte müssen aufsteigen: ${token} folgt auf einen größeren oder gleichen Wert.`, en: `Break values must ascend: ${token} follows a larger or equal value.` },
      };
    }
    breaks.push(value);
  }
  if (breaks.length > 8) {
    return { ok: false, message: { de: 'Höchstens 8 Grenzwerte (9 Klassen) sind möglich.', en: 'At most 8 break values (9 classes) are possible.' } };
  }
  return { ok: true, breaks };
}

/**
 * One number typed by a user in the UI language's format, or null.
 * @example parseLocalNumber('1.234,5', 'de') // 1234.5
 * @example parseLocalNumber('-0,5', 'de') // -0.5
 */
export function parseLocalNumber(token: string, locale: Locale): number | null {
  let normalized = token.trim().replace(/\u2212/g, '-');
  if (locale === 'de') {
    if (normalized.includes(',')) normalized = normalized.replace(/\./g, '').replace(',', '.');
    else if (/^-?\d{1,3}(\.\d{3})+$/.test(normalized)) normalized = normalized.replace(/\./g, '');
  } else {
    normalized = normalized.replace(/,/g, '');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(normalized)) return null;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}

/**
 * A number as a user would type it back (no grouping, all its decimals, the UI's decimal sign).
 * @example plainNumber(12.5, 'de') // "12,5"
 */
export function plainNumber(value: number, locale: Locale): string {
  const text = String(value);
  return locale === 'de' ? text.replace('.', ',') : text;
}
