/**
 * Contract methods of flows (Wanderungen, issue 12):
 * - `flows.compute`: one period's origin–destination flows of a layer, gross or net, filtered for one area,
 *   the top N with what is hidden, small counts withheld; per-area in/out/internal/net totals (true
 *   counts); the ends' positions for the flow map (label points of the areas; the external categories
 *   as stubs at the edge); sources and Stichtag;
 * - `flows.import`: an origin–destination table (CSV/TXT, long or matrix layout) into the open project,
 *   with the same kind of join report as other tables (every row that was not used is listed).
 * `kleinraum flows` and `kleinraum import … --flows` call the same methods.
 */
import { z } from 'zod';
import { FLOW_DIRECTIONS, FLOW_MODES } from '../../movement/flows';
import { localizedText, sourceSchema } from '../schemas';

export const flowsInput = z.object({
  layer: z.string().optional(),
  /** Stichtag ending the period; default the latest with flows. */
  period: z.string().optional(),
  mode: z.enum(FLOW_MODES).default('gross'),
  /** The selected area (or external category) the direction filter refers to. */
  area: z.string().optional(),
  direction: z.enum(FLOW_DIRECTIONS).default('all'),
  /** Only the N largest flows; default all. */
  top: z.number().int().min(1).max(10_000).optional(),
  /** The source whose flows are shown, when several hold the period; default the first stored. Never summed. */
  source: z.string().optional(),
});

// suppressed: withheld (value null), a small count or, with `complementary`, a flow withheld so that a
// total does not give a small one back (shared/movement/flows.ts flowProtection).
const flowLine = z.object({ from: z.string(), to: z.string(), value: z.number().nullable(), suppressed: z.boolean(), complementary: z.boolean().optional(), external: z.boolean() });
// null: withheld by small-number protection (shared/movement/flows.ts protectFlowTotals).
const areaTotals = z.object({ key: z.string(), name: z.string(), inflow: z.number().nullable(), outflow: z.number().nullable(), internal: z.number().nullable(), net: z.number().nullable() });

export const flowEnd = z.object({
  key: z.string(),
  name: localizedText,
  external: z.boolean(),
  /** [longitude, latitude]: the area's label point, or the stub's place outside the layer's extent. */
  position: z.tuple([z.number(), z.number()]),
});

export const flowsOutput = z.object({
  layer: z.string(),
  layerTitle: localizedText,
  /** null when the project has no flows. */
  period: z.string().nullable(),
  /** Stichtage with flows, ascending. */
  periods: z.array(z.string()),
  mode: z.enum(FLOW_MODES),
  area: z.string().nullable(),
  direction: z.enum(FLOW_DIRECTIONS),
  top: z.number().nullable(),
  flows: z.array(flowLine),
  /** Flows matching the filter before the top N. */
  matching: z.number().int(),
  /** Flows left out of the top N: how many, the persons of those shown in the full list, how many are withheld. */
  hidden: z.object({ count: z.number().int(), sum: z.number().nullable(), withheld: z.number().int() }),
  areas: z.array(areaTotals),
  external: z.array(z.object({ key: z.string(), name: localizedText, inflow: z.number().nullable(), outflow: z.number().nullable() })),
  ends: z.array(flowEnd),
  /** Records whose keys are not in this layer (e.g. flows of another layer). */
  unassigned: z.number().int(),
  smallNumberThreshold: z.number().int(),
  sources: z.array(sourceSchema),
  /** Every source holding flows for this period (the choice offered when there are several). */
  periodSources: z.array(z.object({ id: z.string(), name: z.string() })),
  synthetic: z.boolean(),
});

export const flowsImportInput = z.object({
  path: z.string().min(1),
  /** Stichtag for tables without a period column (matrix layout, or long without one). */
  period: z.string().optional(),
  /** Name of the new source; default the file name. */
  sourceName: z.string().optional(),
  layer: z.string().optional(),
});

export const flowsImportOutput = z.object({
  kind: z.literal('flows'),
  layer: z.string(),
  layout: z.enum(['long', 'matrix']),
  /** Data rows read. */
  rows: z.number().int(),
  /** Flow records written. */
  flows: z.number().int(),
  periods: z.array(z.string()),
  join: z.object({
    matched: z.number().int(),
    unmatchedRows: z.array(z.object({ line: z.number().int(), from: z.string(), to: z.string(), reason: z.string(), text: localizedText })),
  }),
  /** External categories met in the table. */
  external: z.array(z.string()),
  dimensions: z.array(z.string()),
  source: sourceSchema,
  /** Earlier flows of the same source and periods that were replaced. */
  replaced: z.number().int(),
});

export const FLOW_EXPORT_FORMATS = ['svg', 'png', 'pdf', 'csv', 'xlsx'] as const;
export const FLOW_TABLE_FORMATS = ['csv', 'xlsx'] as const;

export const flowsExportInput = flowsInput.extend({
  format: z.enum(FLOW_EXPORT_FORMATS),
  /** Tables (csv, xlsx): `flows`: the flows as drawn; `totals`: in/out/internal/net per area. Figures (svg, png, pdf): the flow map. */
  table: z.enum(['flows', 'totals']).default('flows'),
  locale: z.enum(['de', 'en']).default('de'),
  page: z.enum(['a4-landscape', 'a4-portrait', 'a3-landscape', 'slide-16x9']).default('a4-landscape'),
  dpi: z.number().int().min(72).max(600).default(300),
});

const fileOutput = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
  widthPx: z.number().int().optional(),
  heightPx: z.number().int().optional(),
  pageMm: z.tuple([z.number(), z.number()]).optional(),
});

export const flowMethods = {
  'flows.compute': { input: flowsInput, output: flowsOutput },
  'flows.export': { input: flowsExportInput, output: fileOutput },
  'flows.import': { input: flowsImportInput, output: flowsImportOutput },
} as const;
