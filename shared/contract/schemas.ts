/**
 * Building blocks of the contract: the zod schemas that several feature method modules share.
 */
import { z } from 'zod';
import { MISSING_CODES } from '../model/project';

/** The input of methods that take nothing. */
export const emptyInput = z.object({}).strict();

export const localizedText = z.object({ de: z.string(), en: z.string() });

export const qualityFlag = z.enum(['counted', 'estimated', 'projected', 'synthetic', 'suppressed']);
/** What a planner may say an imported source's values are (synthetic and suppressed are the app's own flags). */
export const sourceQuality = z.enum(['counted', 'estimated', 'projected']);

export const sourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  publisher: z.string(),
  stichtag: z.string().nullable(),
  licence: z.string(),
  licenceUrl: z.string().nullable(),
  attribution: z.string(),
  notes: z.string(),
  synthetic: z.boolean(),
  /** Who is counted ("wer wird gezählt"). */
  definition: z.string(),
  quality: qualityFlag,
});

export const layerSummary = z.object({
  name: z.string(),
  title: localizedText,
  keyField: z.string(),
  nameField: z.string(),
  featureCount: z.number().int(),
  sourceCrs: z.string(),
  sourceId: z.string(),
  schematic: z.boolean(),
});

export const indicatorSummary = z.object({
  id: z.string(),
  name: localizedText,
  unit: localizedText,
  decimals: z.number().int(),
  scale: z.enum(['absolute', 'per1000', 'percent', 'perKm2']),
  description: localizedText,
  /** ISO dates for which the indicator can be computed, ascending. */
  periods: z.array(z.string()),
  /** The variables it draws from, numerator first (for choosing their sources); absent in older answers. */
  variables: z.array(z.string()).optional(),
  /**
   * The numerator counts only part of its variable (children 0–5 of the population): a share of the whole
   * variable makes sense then. Absent in older answers.
   */
  numeratorFiltered: z.boolean().optional(),
});

export const variableSummary = z.object({
  id: z.string(),
  name: localizedText,
  unit: z.string(),
  dimensions: z.array(z.string()),
  kind: z.enum(['stock', 'flow']),
  periods: z.array(z.string()),
  /** The sources indicators draw the variable from, in priority order (empty: all, in the project's order). */
  sources: z.array(z.string()),
  /** Every source that holds values of the variable, with the Stichtage it has them for. */
  availableSources: z.array(z.object({ id: z.string(), periods: z.array(z.string()) })),
});

export const dimensionSummary = z.object({
  id: z.string(),
  name: localizedText,
  values: z.array(z.object({ id: z.string(), name: localizedText })),
});

export const projectSummary = z.object({
  /**
   * Which opened project this is: new for every open, new project or demo, the same through edits, imports,
   * undo and Save As. The app starts a fresh undo history and selection when it changes.
   */
  sessionId: z.string(),
  /** Absolute path of the saved file, or null for a project never saved (e.g. the demo or a new one). */
  path: z.string().nullable(),
  title: z.string(),
  /** Unsaved changes exist. */
  dirty: z.boolean(),
  isDemo: z.boolean(),
  schemaVersion: z.number().int(),
  layers: z.array(layerSummary),
  sources: z.array(sourceSchema),
  indicators: z.array(indicatorSummary),
  variables: z.array(variableSummary),
  dimensions: z.array(dimensionSummary),
  /** Settings in their current version, checked by the registry (shared/settings/projectSettings.ts); read them with `readSetting`. */
  settings: z.record(z.string(), z.unknown()),
});

/** A GeoJSON FeatureCollection in WGS84; each feature has `properties.key` and `properties.name`. */
export const featureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.union([z.number(), z.string()]).optional(),
      properties: z.looseObject({ key: z.string(), name: z.string() }),
      geometry: z.looseObject({ type: z.enum(['Polygon', 'MultiPolygon']) }),
    }),
  ),
  bbox: z.array(z.number()).optional(),
});

export const indicatorValue = z.object({
  key: z.string(),
  name: z.string(),
  /** null: no data (see `missingReason`) or suppressed. */
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** The weakest quality among the observations used (synthetic < projected < estimated < counted). */
  quality: qualityFlag.nullable(),
  /** Small-number protection: the numerator is below the project's threshold. */
  smallNumber: z.boolean(),
  /** Why the value is missing, in both languages; null when it is not. */
  missingReason: localizedText.nullable(),
  /** The official missing-value code the value is missing for („.“ secret, „-“ nothing), when it has one. */
  missingCode: z.enum(MISSING_CODES).nullable().optional(),
  /** The source the value rests on (its numerator's), when it has one. */
  sourceId: z.string().nullable().optional(),
  /** A lower-ranked source of the chosen priority order filled a gap here (the views mark it). */
  fallback: z.boolean().optional(),
});

export const indicatorValues = z.object({
  indicator: indicatorSummary,
  layer: z.string(),
  period: z.string(),
  values: z.array(indicatorValue),
  /**
   * Sources of the observations used, for the legend's source line; `stichtag` is that of the values
   * shown where they rest on one date (a 2023 map of a series extended to 2024: 31.12.2023).
   */
  sources: z.array(sourceSchema),
  /**
   * Per source id, the Stichtage of its observations the values rest on (a change: both dates). A figure's
   * source line prints these, not the source's own latest Stichtag: a 2023 figure of a series extended to
   * 2024 is "Stichtag 31.12.2023". Absent where not known.
   */
  sourcePeriods: z.record(z.string(), z.array(z.string())).optional(),
  /** Value for the whole region (sum of numerators / sum of denominators), null when not computable. */
  regionValue: z.number().nullable(),
  /**
   * A count's region total would give a small count back (the total minus the areas' shown counts): a view
   * that withholds small counts withholds the total too (shared/indicators/smallCounts.ts).
   */
  regionRevealsSmallNumbers: z.boolean().optional(),
  /**
   * Per-km² figures only: the km² are the official land areas (KFL) of all areas, computed from the geometry
   * for all areas, or mixed. Null or absent for other figures. Figures say so in a note.
   */
  areaBasis: z.enum(['official', 'geometry', 'mixed']).nullable().optional(),
});

export const areaDetails = z.object({
  key: z.string(),
  name: z.string(),
  layer: z.string(),
  period: z.string(),
  /** Area of the stored geometry in km². */
  areaKm2: z.number(),
  /** Official land area (KFL) in km² where the project records one (see OFFICIAL_AREA_VARIABLE). */
  officialAreaKm2: z.number().nullable().optional(),
  indicators: z.array(
    z.object({ id: z.string(), name: localizedText, unit: localizedText, decimals: z.number().int(), value: indicatorValue, regionValue: z.number().nullable(), regionRevealsSmallNumbers: z.boolean().optional() }),
  ),
  sources: z.array(sourceSchema),
});

export const fileEntry = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['dir', 'file']),
  sizeBytes: z.number().nullable(),
  modified: z.string().nullable(),
});

export const hostInfo = z.object({
  mode: z.enum(['electron', 'browser']),
  version: z.string(),
  /** Electron offers native open/save dialogs; browser mode uses the in-app file browser (files.list). */
  nativeDialogs: z.boolean(),
  platform: z.string(),
  homeDir: z.string(),
});

