/**
 * Contract methods for several sources of the same figure (Quellenvergleich): the comparison of two or
 * more sources per area, its export as a table or committee figure, and the choice of the sources
 * indicators draw a variable from.
 */
import { z } from 'zod';
import { exportedFile } from './export';
import { projectSummary } from '../schemas';

export const COMPARISON_FORMATS = ['csv', 'xlsx', 'svg', 'png', 'pdf'] as const;

export const comparisonInput = z.object({
  variable: z.string().min(1),
  /** Stichtag (ISO); default the first source's latest. Each source uses its own Stichtag nearest to it. */
  period: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Area layer; default the project's first. */
  layer: z.string().optional(),
  /** The sources to compare, the reference first (gap = second − first); default every source holding the variable, the chosen ones first. */
  sources: z.array(z.string().min(1)).min(2).optional(),
  /** Areas whose gap exceeds this many percent are flagged; default 10. */
  thresholdPercent: z.number().min(0).max(1000).optional(),
});

const comparedSource = z.object({ id: z.string(), name: z.string(), stichtag: z.string().nullable(), definition: z.string(), quality: z.string(), synthetic: z.boolean() });
const valuesBySource = z.record(z.string(), z.number().nullable());

export const sourceComparisonSchema = z.object({
  variable: z.string(),
  variableName: z.object({ de: z.string(), en: z.string() }),
  layer: z.string(),
  period: z.string(),
  sources: z.array(comparedSource),
  areas: z.array(z.object({ key: z.string(), name: z.string(), values: valuesBySource, gap: z.number().nullable(), gapPercent: z.number().nullable(), flagged: z.boolean() })),
  totals: z.record(z.string(), z.number()),
  /** The first two sources' sums over the compared areas alone (both have a value): the region's gap. */
  pairedTotals: z.object({ first: z.number(), second: z.number(), areaCount: z.number().int() }).nullable(),
  unassignable: valuesBySource,
  checks: z.array(
    z.object({ sourceId: z.string(), sumOfAreas: z.number(), areaCount: z.number().int(), reported: z.number().nullable(), unassignable: z.number().nullable(), difference: z.number().nullable() }),
  ),
  thresholdPercent: z.number(),
  flaggedCount: z.number().int(),
  /** Areas where both sources have a value (a gap could be computed); 0: nothing was compared. */
  comparedCount: z.number().int(),
  trend: z.array(z.object({ periods: z.record(z.string(), z.string()), totals: z.record(z.string(), z.number()), gap: z.number(), gapPercent: z.number().nullable(), areaGapPercent: valuesBySource })),
  /** The sources indicators draw the variable from now, in priority order. */
  chosenSources: z.array(z.string()),
});

export const sourceMethods = {
  /** The same figure from several sources side by side, per area, with gaps, totals and the gap over time. */
  'sources.compare': { input: comparisonInput, output: sourceComparisonSchema },
  /** The comparison as a table (CSV, XLSX) or as a committee figure of the gap (SVG, PNG, PDF) naming both sources. */
  'sources.exportComparison': {
    input: comparisonInput.extend({
      format: z.enum(COMPARISON_FORMATS),
      /** Written there (Electron, CLI); without it the bytes come back as base64. */
      path: z.string().min(1).optional(),
      locale: z.enum(['de', 'en']).optional(),
      dpi: z.union([z.literal(150), z.literal(300), z.literal(600)]).optional(),
    }),
    output: exportedFile,
  },
  /** The sources indicators draw a variable from, in priority order ("Melderegister, sonst Zensus"). */
  'sources.setChoice': { input: z.object({ variable: z.string().min(1), sources: z.array(z.string().min(1)).min(1) }), output: projectSummary },
} as const;
