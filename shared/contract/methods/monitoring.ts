/**
 * Contract methods of Sozialmonitoring (issue 13):
 *
 * - `monitoring.compute`: the status and dynamics index of a monitoring definition at one Stichtag, the
 *   4 × 3 classes, a short text per area, the areas that moved into a worse status class since the
 *   previous Stichtag, and the alerts of the definition's rules — `kleinraum monitor` prints this;
 * - `monitoring.export`: the committee sheet (class map, alerts, local assessment; SVG, PNG, PDF) or the
 *   table (CSV, XLSX), as bytes.
 *
 * Definitions are saved as project settings (`monitoring.definition.<id>` through `project.setSetting`);
 * the method takes the definition itself, so an unsaved one can be tried. The method is in
 * shared/monitoring (monitoringIndex.ts, monitoringAlerts.ts).
 */
import { z } from 'zod';
import { ALERT_RULE_TYPES, DYNAMICS_CLASSES, monitoringDefinition, STATUS_CLASSES } from '../../monitoring/monitoringDefinition';
import { indicatorSummary, localizedText, qualityFlag, sourceSchema } from '../schemas';

export const monitoringComputeInput = monitoringDefinition.extend({
  name: z.string().trim().max(120).default(''),
  /** ISO date; default the latest Stichtag every indicator has. */
  period: z.string().optional(),
});

const statusClass = z.enum(STATUS_CLASSES);
const dynamicsClass = z.enum(DYNAMICS_CLASSES);

export const monitoredArea = z.object({
  key: z.string(),
  name: z.string(),
  population: z.number().nullable(),
  scored: z.boolean(),
  /** Why an area is not scored: under the population floor, without a population, or without a value ("keine Daten"). */
  notScoredReason: z.enum(['belowFloor', 'noPopulation', 'noData']).nullable(),
  /** Values at the Stichtag by indicator id. */
  values: z.record(z.string(), z.number().nullable()),
  /** Indicators whose value rests on a count below the project's small-number threshold: views and exports withhold it. */
  smallNumbers: z.array(z.string()),
  /** Directed z-scores by indicator id (higher = more need). */
  z: z.record(z.string(), z.number().nullable()),
  /** Status index: mean of the z-scores (higher = more need). */
  status: z.number().nullable(),
  statusScore: z.number().nullable(),
  statusClass: statusClass.nullable(),
  dynamicsZ: z.record(z.string(), z.number().nullable()),
  dynamics: z.number().nullable(),
  dynamicsScore: z.number().nullable(),
  /** The status and dynamics index (and class values) are withheld: they would give a withheld value back. */
  indexWithheld: z.boolean(),
  dynamicsClass: dynamicsClass.nullable(),
  /** "hoch-stabil" … "sehrNiedrig-negativ"; null when not scored or not classed. */
  overallClass: z.string().nullable(),
  /** Status class at the previous Stichtag (null: none, or not scored then). */
  previousStatusClass: statusClass.nullable(),
  text: localizedText,
  /** The weakest quality among the values the area's index rests on. */
  quality: qualityFlag.nullable(),
});

export const monitoringAlertSchema = z.object({
  key: z.string(),
  name: z.string(),
  rule: z.enum(ALERT_RULE_TYPES),
  ruleIndex: z.number().int(),
  ruleText: localizedText,
  indicator: z.string().nullable(),
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  reference: z.number().nullable(),
  measure: z.number().nullable(),
  period: z.string(),
  source: z.string().nullable(),
  uncertain: z.boolean(),
  /** The value rests on a small count: shown withheld. */
  smallNumber: z.boolean(),
  /** The indicator's value at every Stichtag up to this one, for the sparkline (null: no value or withheld). */
  trend: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
  fromClass: statusClass.nullable(),
  toClass: statusClass.nullable(),
});

export const monitoringComputeOutput = z.object({
  name: z.string(),
  layer: z.string(),
  layerTitle: localizedText,
  period: z.string(),
  /** Start of the dynamics period, null when the project has no values then. */
  dynamicsStart: z.string().nullable(),
  /** The Stichtag before `period` the classes are compared with (null: none). */
  previousPeriod: z.string().nullable(),
  /** Stichtage every indicator has (for the period choice). */
  periods: z.array(z.string()),
  indicators: z.array(
    indicatorSummary.extend({
      direction: z.enum(['+', '-']),
      mean: z.number().nullable(),
      sd: z.number().nullable(),
      leftOut: z.boolean(),
      changeMean: z.number().nullable(),
      changeSd: z.number().nullable(),
      changeLeftOut: z.boolean(),
      regionValue: z.number().nullable(),
    }),
  ),
  weighted: z.boolean(),
  minPopulation: z.number(),
  smallNumberThreshold: z.number().int(),
  statusCuts: z.tuple([z.number(), z.number(), z.number()]),
  dynamicsCut: z.number(),
  scoredCount: z.number().int(),
  dynamicsCount: z.number().int(),
  areas: z.array(monitoredArea),
  alerts: z.array(monitoringAlertSchema),
  /** Why something could not be computed (constant indicator, no dynamics period, too few areas). */
  messages: z.array(localizedText),
  sources: z.array(sourceSchema),
  synthetic: z.boolean(),
  schematicBoundaries: z.boolean(),
});


export const MONITORING_EXPORT_FORMATS = ['svg', 'png', 'pdf', 'csv', 'xlsx'] as const;

export const monitoringExportInput = monitoringComputeInput.extend({
  format: z.enum(MONITORING_EXPORT_FORMATS),
  locale: z.enum(['de', 'en']).default('de'),
  page: z.enum(['a4-landscape', 'a4-portrait', 'a3-landscape', 'slide-16x9']).default('a4-landscape'),
  dpi: z.number().int().min(72).max(600).default(300),
  /** The planner's local assessment ("Einschätzung vor Ort"), printed on the committee sheet. */
  assessment: z.string().max(2000).default(''),
});

export const monitoringExportOutput = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
  widthPx: z.number().int().optional(),
  heightPx: z.number().int().optional(),
  pageMm: z.tuple([z.number(), z.number()]).optional(),
});

export const monitoringMethods = {
  'monitoring.compute': { input: monitoringComputeInput, output: monitoringComputeOutput },
  'monitoring.export': { input: monitoringExportInput, output: monitoringExportOutput },
} as const;
