/**
 * Contract methods for the map: indicator values in derived forms (index, change, per km², percent of a
 * chosen denominator), values for all periods at once (time slider, classes fixed across periods), and
 * the classification of an indicator as the map, the legend, the exports and `kleinraum classify` use it.
 */
import { z } from 'zod';
import { CLASSIFICATION_METHODS } from '../../classification/types';
import { mapViewRequestSchema, mapViewSpecSchema } from '../../mapView/mapViewSpec';
import { INDICATOR_MODES } from '../../indicators/indicatorMode';
import { indicatorSummary, indicatorValue, indicatorValues, localizedText } from '../schemas';

/** How values are derived before mapping: value, index, change, changePercent, perKm2, percentOf, per1000Of (see shared/indicators/indicatorMode.ts). */
export const indicatorMode = z.enum(INDICATOR_MODES);

/** The input of `indicator.values` (backward compatible: everything beyond indicatorId/layer/period is optional). */
export const indicatorValuesInput = z.object({
  indicatorId: z.string(),
  layer: z.string(),
  /** ISO date; default the latest computable period. */
  period: z.string().optional(),
  /** Default `value`. */
  mode: indicatorMode.optional(),
  /** Base period for `change`/`changePercent`; default the period before `period`. */
  comparePeriod: z.string().optional(),
  /** Variable id for `percentOf` and `per1000Of` (required there). */
  denominatorVariable: z.string().optional(),
  /** Sources in priority order (see MapViewSpec.sources); default: the indicator's own choice. */
  sources: z.array(z.string().min(1)).min(1).optional(),
});

/** An indicator value with the flags of derived values; a superset of `indicatorValue`. */
export const derivedIndicatorValue = indicatorValue.extend({
  /** The rate's denominator is below the project's `smallDenominatorThreshold` (default 50): unreliable. */
  smallDenominator: z.boolean().optional(),
  /** Why the value is flagged (small count or small denominator), for tooltips; null when not flagged. */
  flagReason: localizedText.nullable().optional(),
});

/**
 * `indicator.values` output: the same shape as `indicatorValues`, plus the derivation used. For derived
 * modes `indicator.name`, `unit` and `decimals` describe the derived figure (e.g. unit "Index (Region = 100)").
 */
export const derivedIndicatorValues = indicatorValues.extend({
  values: z.array(derivedIndicatorValue),
  mode: indicatorMode.optional(),
  /** The base period actually used by `change`/`changePercent`, else null. */
  comparePeriod: z.string().nullable().optional(),
  /**
   * A change whose two ends count with different sources: the source ids of each end (official land areas
   * left out). Null or absent otherwise. The legend warns of the break.
   */
  sourceBreak: z.object({ base: z.array(z.string()), shown: z.array(z.string()) }).nullable().optional(),
  /** A change across a probable change of territory (an area with a value at one end only): the legend's words for it. */
  territoryNote: localizedText.nullable().optional(),
});

/** A class of a classified indicator, with its colour. */
export const mapClass = z.object({
  from: z.number(),
  to: z.number(),
  count: z.number().int(),
  color: z.string(),
  openEnded: z.enum(['below', 'above']).optional(),
});

export const classificationMethod = z.enum(CLASSIFICATION_METHODS);

/** Input of `map.classify`: the view to draw; whatever it leaves out comes from the project's saved view. */
export const mapClassifyInput = z.object({ view: mapViewRequestSchema.optional() });

/** Output of `map.classify`, the CLI's `--json` document (cli-contract.md) plus context for legends. */
export const mapClassification = z.object({
  method: classificationMethod,
  /** All class bounds ascending: [min, inner breaks…, max]. */
  breaks: z.array(z.number()),
  classes: z.array(mapClass),
  /** Keys of areas without a value ("keine Daten"). */
  noData: z.array(z.string()),
  areas: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      value: z.number().nullable(),
      /** 0-based class index, null for no data. */
      class: z.number().int().nullable(),
      smallNumber: z.boolean(),
      smallDenominator: z.boolean(),
      /** Withheld for small-number protection (the view shows small numbers as 'suppress'): value null. */
      suppressed: z.boolean(),
      /** The source the value rests on, when it has one. */
      sourceId: z.string().nullable(),
      /** A lower-ranked source filled a gap of the chosen one here (marked like a small number). */
      fallback: z.boolean(),
    }),
  ),
  /** Decimals the class bounds are printed (and were rounded) with. */
  legendDecimals: z.number().int(),
  indicator: indicatorSummary,
  layer: z.string(),
  period: z.string(),
  mode: indicatorMode,
  comparePeriod: z.string().nullable(),
  palette: z.string(),
  /** Where the diverging palette turns and standard-deviation classes are centred; null without values. */
  midpoint: z.number().nullable(),
  /** The region's value as shown: null where not computable or withheld (`regionWithheld`). */
  regionValue: z.number().nullable(),
  /** The region's total is withheld: with the areas shown it would give a suppressed small count back. */
  regionWithheld: z.boolean().optional(),
  /** Caveats the map legend shows too (a change across a change of source); empty when there are none. */
  warnings: z.array(localizedText),
  /** The complete view that was drawn. */
  view: mapViewSpecSchema,
});

export const mapMethods = {
  /** Values of one indicator for every period it can be computed for (ascending), in one call. */
  'indicator.allPeriodValues': {
    input: indicatorValuesInput.omit({ period: true }),
    output: z.object({
      indicator: indicatorSummary,
      layer: z.string(),
      mode: indicatorMode,
      /** The periods of `series`, ascending. */
      periods: z.array(z.string()),
      series: z.array(derivedIndicatorValues),
    }),
  },
  /** Classify an indicator for the map: breaks, classes with colours and counts, class per area. */
  'map.classify': { input: mapClassifyInput, output: mapClassification },
} as const;
