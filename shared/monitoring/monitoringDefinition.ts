/**
 * A monitoring definition (Sozialmonitoring, issue 13): which indicators make up the index and in which
 * direction each points, the dynamics period, the population floor, the class cut-offs and the alert rules.
 * Saved in the project as a setting family (`monitoring.definition.<id>`, shared/settings/projectSettings.ts)
 * and sent with every `monitoring.compute` call. Pure data; the computation is monitoringIndex.ts and
 * monitoringAlerts.ts.
 */
import { z } from 'zod';

/** Status classes, best first: an index above the cut-offs means more need, hence a lower social status. */
export const STATUS_CLASSES = ['hoch', 'mittel', 'niedrig', 'sehrNiedrig'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];
/** Dynamics classes, best first: "negativ" means the need grows faster than elsewhere. */
export const DYNAMICS_CLASSES = ['positiv', 'stabil', 'negativ'] as const;
export type DynamicsClass = (typeof DYNAMICS_CLASSES)[number];

export const ALERT_RULE_TYPES = ['above', 'below', 'deviation', 'change', 'fences', 'worseClass'] as const;
export type AlertRuleType = (typeof ALERT_RULE_TYPES)[number];

/** '+': a higher value means more need (e.g. Schutzsuchende je 1.000); '-': a lower value does. */
export const monitoringIndicator = z.object({ id: z.string().min(1), direction: z.enum(['+', '-']).default('+') });

const ruleIndicator = z.string().min(1);
export const alertRule = z.discriminatedUnion('type', [
  /** The value is above the threshold (strictly). */
  z.object({ type: z.literal('above'), indicator: ruleIndicator, threshold: z.number() }),
  /** The value is below the threshold (strictly). */
  z.object({ type: z.literal('below'), indicator: ruleIndicator, threshold: z.number() }),
  /** The value deviates from the region's value by more than the threshold, in percent of the region's value or in points. */
  z.object({ type: z.literal('deviation'), indicator: ruleIndicator, threshold: z.number().min(0), unit: z.enum(['percent', 'points']).default('percent') }),
  /** The value changed over `years` years by more than the threshold in percent (up or down). */
  z.object({ type: z.literal('change'), indicator: ruleIndicator, threshold: z.number().min(0), years: z.number().int().min(1).max(20).default(3) }),
  /** The value lies outside the box-plot fences: quartiles ± factor × IQR (1.5: outlier, 3: extreme). */
  z.object({ type: z.literal('fences'), indicator: ruleIndicator, factor: z.union([z.literal(1.5), z.literal(3)]).default(1.5) }),
  /** The area moved into a worse status class since the previous Stichtag. */
  z.object({ type: z.literal('worseClass') }),
]);
export type AlertRule = z.output<typeof alertRule>;

export const DEFAULT_STATUS_CUTS: readonly [number, number, number] = [-1, 1, 1.5];
export const DEFAULT_DYNAMICS_CUT = 1;
/** Hamburg's RISE leaves out areas under 300 inhabitants. */
export const DEFAULT_MIN_POPULATION = 300;

export const monitoringDefinition = z.object({
  name: z.string().trim().min(1).max(120),
  /** Boundary layer; default the project's first. */
  layer: z.string().optional(),
  indicators: z.array(monitoringIndicator).min(1).max(20),
  /** Years between the start of the dynamics period and the Stichtag. */
  dynamicsYears: z.number().int().min(1).max(20).default(3),
  /** Areas with fewer inhabitants are not scored ("nicht bewertet"). */
  minPopulation: z.number().min(0).default(DEFAULT_MIN_POPULATION),
  /** z-scores weighted by population (default: every area counts the same). */
  weighted: z.boolean().default(false),
  /** The indicator that gives each area's population (floor and weights). */
  populationIndicator: z.string().min(1).default('population_total'),
  /** Cut-offs of the standardised status index in standard deviations: below the first "hoch", up to the second "mittel", up to the third "niedrig", above "sehr niedrig". */
  statusCuts: z
    .tuple([z.number(), z.number(), z.number()])
    .default([-1, 1, 1.5])
    .refine(([a, b, c]) => a < b && b < c, { message: 'cut-offs must ascend' }),
  /** Cut-off of the standardised dynamics index in standard deviations: below −cut "positiv", above +cut "negativ". */
  dynamicsCut: z.number().positive().max(5).default(DEFAULT_DYNAMICS_CUT),
  rules: z.array(alertRule).max(100).default([]),
});
export type MonitoringDefinition = z.output<typeof monitoringDefinition>;
export type MonitoringDefinitionInput = z.input<typeof monitoringDefinition>;
