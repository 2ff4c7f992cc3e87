/**
 * The one typed contract between the UI and the backend. Every backend capability is one method here,
 * with an input and an output schema (zod, checked at runtime on both ends of every transport).
 * Transports (Electron IPC in electron/main, loopback HTTP in electron/node/server) are generic: they hold
 * no feature logic, they only call `dispatch` (shared/contract/dispatch.ts).
 *
 * Naming: `<area>.<verb>`; inputs and outputs are plain JSON.
 */
import { z } from 'zod';

// ---------- building blocks ----------

export const localizedText = z.object({ de: z.string(), en: z.string() });

export const qualityFlag = z.enum(['counted', 'estimated', 'projected', 'synthetic', 'suppressed']);

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
});

export const variableSummary = z.object({
  id: z.string(),
  name: localizedText,
  unit: z.string(),
  dimensions: z.array(z.string()),
  kind: z.enum(['stock', 'flow']),
  periods: z.array(z.string()),
});

export const dimensionSummary = z.object({
  id: z.string(),
  name: localizedText,
  values: z.array(z.object({ id: z.string(), name: localizedText })),
});

export const projectSummary = z.object({
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
  settings: z.record(z.string(), z.string()),
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
  missingReason: z.string().nullable(),
});

export const indicatorValues = z.object({
  indicator: indicatorSummary,
  layer: z.string(),
  period: z.string(),
  values: z.array(indicatorValue),
  /** Sources of the observations used, for the legend's source line. */
  sources: z.array(sourceSchema),
  /** Value for the whole region (sum of numerators / sum of denominators), null when not computable. */
  regionValue: z.number().nullable(),
});

export const areaDetails = z.object({
  key: z.string(),
  name: z.string(),
  layer: z.string(),
  period: z.string(),
  areaKm2: z.number(),
  indicators: z.array(
    z.object({ id: z.string(), name: localizedText, unit: localizedText, decimals: z.number().int(), value: indicatorValue, regionValue: z.number().nullable() }),
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

const empty = z.object({}).strict();

// ---------- the contract ----------

export const contract = {
  'host.info': { input: empty, output: hostInfo },

  'project.current': { input: empty, output: projectSummary },
  'project.openDemo': { input: empty, output: projectSummary },
  'project.new': { input: empty, output: projectSummary },
  'project.open': { input: z.object({ path: z.string().min(1) }), output: projectSummary },
  'project.save': { input: empty, output: projectSummary },
  'project.saveAs': { input: z.object({ path: z.string().min(1) }), output: projectSummary },
  'project.recent': {
    input: empty,
    output: z.object({ items: z.array(z.object({ path: z.string(), title: z.string(), openedAt: z.string(), exists: z.boolean() })) }),
  },
  'project.setSetting': { input: z.object({ key: z.string().min(1), value: z.string() }), output: projectSummary },

  'layer.features': { input: z.object({ layer: z.string() }), output: featureCollection },

  'indicator.values': {
    input: z.object({ indicatorId: z.string(), layer: z.string(), period: z.string().optional() }),
    output: indicatorValues,
  },

  'area.details': {
    input: z.object({ layer: z.string(), key: z.string(), period: z.string().optional() }),
    output: areaDetails,
  },

  /** Browse the machine's files (browser mode's file dialog). `dir` defaults to the last used folder or home. */
  'files.list': {
    input: z.object({ dir: z.string().optional(), extensions: z.array(z.string()).optional() }),
    output: z.object({ dir: z.string(), parent: z.string().nullable(), entries: z.array(fileEntry) }),
  },

  /** Native dialogs (Electron only; browser mode answers { path: null, supported: false }). */
  'dialog.openFile': {
    input: z.object({ title: z.string(), extensions: z.array(z.string()) }),
    output: z.object({ path: z.string().nullable(), supported: z.boolean() }),
  },
  'dialog.saveFile': {
    input: z.object({ title: z.string(), defaultName: z.string(), extensions: z.array(z.string()) }),
    output: z.object({ path: z.string().nullable(), supported: z.boolean() }),
  },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** The backend as one interface: what services implement and what the renderer's client offers. */
export type KleinraumApi = { [M in MethodName]: (input: z.output<Contract[M]['input']>) => Promise<MethodOutput<M>> };

/** Events pushed from backend to UI. */
export const events = {
  'project.changed': projectSummary,
  progress: z.object({ taskId: z.string(), label: z.string(), done: z.number(), total: z.number().nullable(), finished: z.boolean() }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export type ProjectSummary = z.output<typeof projectSummary>;
export type IndicatorValues = z.output<typeof indicatorValues>;
export type IndicatorValue = z.output<typeof indicatorValue>;
export type AreaDetails = z.output<typeof areaDetails>;
export type HostInfo = z.output<typeof hostInfo>;
export type FeatureCollectionDto = z.output<typeof featureCollection>;
