/**
 * Contract methods of the Zeitreihen/Bilanz tab (Bestand und Bewegung, issue 12):
 * - `timeseries.compute`: one indicator over all Stichtage for every area of a layer and the region —
 *   a project indicator (the same values the map shows) or a movement indicator (`movement.*`: arrivals,
 *   departures, net migration, turnover, absolute or per 1.000 inhabitants) of a stock variable with flows;
 * - `balance.compute`: the stock–flow account per area and period with its unexplained remainder
 *   (shared/movement/stockFlowAccount.ts);
 * - `timeseries.export` / `balance.export`: the chart (SVG, PNG, PDF) or the data (CSV, XLSX) as bytes.
 * `kleinraum timeseries` and `kleinraum balance` call the same methods.
 */
import { z } from 'zod';
import type { AccountArea, StockFlowAccount } from '../../movement/stockFlowAccount';
import type { TimeSeriesData } from '../../movement/timeSeriesTypes';
import { localizedText, qualityFlag, sourceSchema } from '../schemas';

const seriesPoint = z.object({
  period: z.string(),
  value: z.number().nullable(),
  sourceId: z.string().nullable(),
  quality: qualityFlag.nullable(),
  smallNumber: z.boolean(),
  /** A total withheld because it would give a small count back (the region's; shared/indicators/smallCounts.ts). */
  withheld: z.boolean().optional(),
  projected: z.boolean(),
});

const areaSeries = z.object({ key: z.string(), name: z.string(), values: z.array(seriesPoint) });

const variableRef = z.object({ id: z.string(), name: localizedText });

export const timeSeriesInput = z.object({
  /** A project indicator id, or a movement indicator (`movement.arrivals_per_1000` …). */
  indicatorId: z.string().min(1),
  layer: z.string().optional(),
  /** Movement indicators: the stock variable whose arrivals and departures are meant; default the first that has both. */
  variable: z.string().optional(),
  /** Stored scenario whose results continue the series dashed ("Projektion"); default the first stored one; 'none': observed values only. */
  scenario: z.string().optional(),
});

const projectionInfo = z.object({ scenarioId: z.string(), name: localizedText, sourceId: z.string(), firstPeriod: z.string(), lastObserved: z.string() });

const timeSeriesData = z.object({
  indicator: z.object({ id: z.string(), name: localizedText, unit: localizedText, decimals: z.number().int(), count: z.boolean() }),
  layer: z.string(),
  layerTitle: localizedText,
  periods: z.array(z.string()),
  series: z.array(areaSeries),
  region: z.array(seriesPoint),
  reference: z.object({ label: localizedText, values: z.array(seriesPoint) }),
  smallNumberThreshold: z.number(),
  projection: projectionInfo.nullable(),
  territoryNotes: z.array(z.object({ keys: z.array(z.string()), note: localizedText })).optional(),
});

export const timeSeriesOutput = timeSeriesData.extend({
  kind: z.enum(['indicator', 'movement']),
  /** Movement indicators: the stock variable moved (e.g. Schutzsuchende); null for project indicators. */
  stockVariable: variableRef.nullable(),
  sources: z.array(sourceSchema),
  synthetic: z.boolean(),
  /** Areas and Stichtage where arrivals and departures came from different sources (shown, never silent). */
  mixedSources: z.array(z.object({ key: z.string(), period: z.string(), sources: z.array(z.string()) })),
  /**
   * The layer's areas in grid cells roughly where they lie on the map (shared/movement/geoGrid.ts), for the
   * small multiples' "Anordnung: wie die Karte"; null when the layer has no geometry or more than 200 areas.
   */
  mapGrid: z.object({ columns: z.number().int(), rows: z.number().int(), cells: z.array(z.object({ key: z.string(), column: z.number().int(), row: z.number().int() })) }).nullable(),
  /** Scenarios with stored results (planning "Ergebnisse speichern"), for the projection choice. */
  scenarios: z.array(z.object({ id: z.string(), name: localizedText })),
});

// The schema and the pure core's type describe the same shape (a mismatch fails the typecheck).
type SeriesMatches = z.output<typeof timeSeriesData> extends TimeSeriesData ? (TimeSeriesData extends z.output<typeof timeSeriesData> ? true : never) : never;
export const timeSeriesSchemaMatchesModel: SeriesMatches = true;

const accountTerm = z.object({ value: z.number().nullable(), sourceId: z.string().nullable(), sourceRank: z.number().int(), quality: qualityFlag.nullable(), withheld: z.boolean().optional() });
const flowTerms = z.object({
  inflow: accountTerm.optional(),
  outflow: accountTerm.optional(),
  births: accountTerm.optional(),
  deaths: accountTerm.optional(),
  internalIn: accountTerm.optional(),
  internalOut: accountTerm.optional(),
});
const accountPeriod = z.object({
  period: z.string(),
  previousPeriod: z.string(),
  stockStart: accountTerm,
  stockEnd: accountTerm,
  flows: flowTerms,
  residual: z.number().nullable(),
  residualPercent: z.number().nullable(),
  flagged: z.boolean(),
  complete: z.boolean(),
  sourceChanged: z.boolean(),
  remainderWithheld: z.boolean(),
  flagWithheld: z.boolean(),
});
const accountArea = z.object({ key: z.string(), name: z.string(), periods: z.array(accountPeriod), flagged: z.boolean(), maxResidualPercent: z.number().nullable() });

type AreaMatches = z.output<typeof accountArea> extends AccountArea ? (AccountArea extends z.output<typeof accountArea> ? true : never) : never;
export const accountAreaSchemaMatchesModel: AreaMatches = true;

const termVariables = z.object({
  inflow: z.string().optional(),
  outflow: z.string().optional(),
  births: z.string().optional(),
  deaths: z.string().optional(),
  internalIn: z.string().optional(),
  internalOut: z.string().optional(),
});

export const balanceInput = z.object({
  /** The stock variable; default the first stock variable with arrivals and departures. */
  variable: z.string().optional(),
  layer: z.string().optional(),
  /** Flag a period whose remainder exceeds this percentage of the stock (default 1). */
  thresholdPercent: z.number().min(0).max(100).default(1),
  /** Flow variables named explicitly instead of by the id convention (`<stem>_arrivals` …). */
  flows: termVariables.optional(),
});

export const balanceOutput = z.object({
  layer: z.string(),
  layerTitle: localizedText,
  variables: z.object({ stock: z.string(), flows: termVariables }),
  /** Names of the variables used, by id. */
  variableNames: z.record(z.string(), localizedText),
  periods: z.array(z.string()),
  thresholdPercent: z.number(),
  areas: z.array(accountArea),
  region: accountArea,
  sourceIds: z.array(z.string()),
  sources: z.array(sourceSchema),
  synthetic: z.boolean(),
  /** The project's small-number threshold: terms 0 < n < N are shown as "< N"; sums and remainders use the exact counts. */
  smallNumberThreshold: z.number(),
});

type AccountMatches = Omit<z.output<typeof balanceOutput>, 'layer' | 'layerTitle' | 'variableNames' | 'sources' | 'synthetic' | 'smallNumberThreshold'> extends StockFlowAccount ? true : never;
export const balanceSchemaMatchesModel: AccountMatches = true;

export const MOVEMENT_EXPORT_FORMATS = ['svg', 'png', 'pdf', 'csv', 'xlsx'] as const;
/** The account exports as a committee figure (one area's account, or the region's) or as data. */
export const BALANCE_EXPORT_FORMATS = ['svg', 'png', 'pdf', 'csv', 'xlsx'] as const;
export const TIME_SERIES_VIEWS = ['multiples', 'area'] as const;
/** Small multiples: `sorted` row by row in the chosen order, `grid` roughly where the areas lie on the map. */
export const MULTIPLES_LAYOUTS = ['sorted', 'grid'] as const;

const fileOutput = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
  widthPx: z.number().int().optional(),
  heightPx: z.number().int().optional(),
  pageMm: z.tuple([z.number(), z.number()]).optional(),
});

const pageChoice = {
  locale: z.enum(['de', 'en']).default('de'),
  page: z.enum(['a4-landscape', 'a4-portrait', 'a3-landscape', 'slide-16x9']).default('a4-landscape'),
  dpi: z.number().int().min(72).max(600).default(300),
};

export const timeSeriesExportInput = timeSeriesInput.extend({
  /** `multiples`: one panel per area on a shared scale with the region line; `area`: one area against the region. */
  view: z.enum(TIME_SERIES_VIEWS).default('multiples'),
  /** Areas to show (multiples) in this order; default all. For `area`: the first is the area. */
  areas: z.array(z.string()).optional(),
  /** Panel order: 'layer' (as given), 'name', 'last' (latest value, descending). */
  sortBy: z.enum(['layer', 'name', 'last']).default('layer'),
  /** Multiples: `sorted` (row by row, default) or `grid` (like the map; the order is then the map's). */
  layout: z.enum(MULTIPLES_LAYOUTS).default('sorted'),
  format: z.enum(MOVEMENT_EXPORT_FORMATS),
  ...pageChoice,
});

export const balanceExportInput = balanceInput.extend({
  /** One area's account; default every area and the region (files) or the region (figures). */
  areaKey: z.string().optional(),
  /** Every area's account for one period, with the region (figures: one table on the page). */
  allAreas: z.boolean().optional(),
  /** With `allAreas`: the Stichtag ending the period; default the last. */
  period: z.string().optional(),
  format: z.enum(BALANCE_EXPORT_FORMATS),
  ...pageChoice,
});

export const movementMethods = {
  'timeseries.compute': { input: timeSeriesInput, output: timeSeriesOutput },
  'timeseries.export': { input: timeSeriesExportInput, output: fileOutput },
  'balance.compute': { input: balanceInput, output: balanceOutput },
  'balance.export': { input: balanceExportInput, output: fileOutput },
} as const;
