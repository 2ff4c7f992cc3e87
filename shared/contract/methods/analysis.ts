/**
 * Contract methods of the Analyse tab (kleinräumige Analyse): spatial weights, global and local Moran's I,
 * empirical-Bayes smoothed rates, the scatter plot of two indicators, and every view as a file.
 *
 * - `analysis.weights`: neighbours of every area of a layer (queen, rook, k nearest), with the islands;
 *   computed once per layer content and kept by the backend;
 * - `analysis.moran`: global Moran's I with analytical and permutation inference, local Moran (LISA) with
 *   clusters, the Moran scatter plot's points — `kleinraum moran` prints this;
 * - `analysis.rates`: raw and empirical-Bayes smoothed rates (global and spatial) of a count over a population;
 * - `analysis.scatter`: two indicators against each other with the regression line and Pearson's r;
 * - `analysis.export`: one view as a committee figure (SVG, PNG, PDF) or its data (CSV, XLSX), as bytes.
 *
 * The statistics are the pure functions of shared/spatial; the formulas and the reference functions they
 * match (R spdep, PySAL) are written down there.
 */
import { z } from 'zod';
import { CORRECTIONS } from '../../spatial/multipleTesting';
import { indicatorSummary, localizedText, sourceSchema } from '../schemas';

export const WEIGHTS_TYPES = ['queen', 'rook', 'knn'] as const;
/** Default number of neighbours for `knn`. */
export const DEFAULT_NEAREST_NEIGHBOURS = 4;

export const weightsSpec = z.object({
  type: z.enum(WEIGHTS_TYPES).default('queen'),
  /** Neighbours per area for `knn` (1 … 20); ignored otherwise. */
  k: z.number().int().min(1).max(20).default(DEFAULT_NEAREST_NEIGHBOURS),
});

const areaRef = z.object({ key: z.string(), name: z.string() });

export const weightsSummary = z.object({
  areas: z.number().int(),
  links: z.number().int(),
  minimumNeighbours: z.number().int(),
  maximumNeighbours: z.number().int(),
  meanNeighbours: z.number(),
  islands: z.number().int(),
});

export const analysisWeightsInput = z.object({
  /** Boundary layer; default the project's first. */
  layer: z.string().optional(),
  weights: weightsSpec.default({ type: 'queen', k: DEFAULT_NEAREST_NEIGHBOURS }),
});

export const analysisWeightsOutput = z.object({
  layer: z.string(),
  weights: weightsSpec,
  summary: weightsSummary,
  islands: z.array(areaRef),
  /** Neighbour keys per area key. */
  neighbours: z.record(z.string(), z.array(z.string())),
  /** The weights came from the backend's store (computed before for the same layer content). */
  cached: z.boolean(),
});

const indicatorChoice = {
  indicatorId: z.string().min(1),
  layer: z.string().optional(),
  /** ISO date; default the indicator's latest period. */
  period: z.string().optional(),
};

export const analysisMoranInput = z.object({
  ...indicatorChoice,
  weights: weightsSpec.default({ type: 'queen', k: DEFAULT_NEAREST_NEIGHBOURS }),
  /** 0 … 99 999; default 999. */
  permutations: z.number().int().min(0).max(99_999).default(999),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(123_456_789),
  correction: z.enum(CORRECTIONS).default('none'),
  /** α for clusters: 0.05 (default), 0.01 or 0.001. */
  significanceLevel: z.number().gt(0).lt(1).default(0.05),
});

export const clusterType = z.enum(['HH', 'LL', 'HL', 'LH', 'ns']);

export const analysedArea = z.object({
  key: z.string(),
  name: z.string(),
  value: z.number().nullable(),
  /** False: left out for lack of a value; every statistic is then null. */
  analysed: z.boolean(),
  island: z.boolean(),
  smallNumber: z.boolean(),
  standardisedValue: z.number().nullable(),
  spatialLag: z.number().nullable(),
  localI: z.number().nullable(),
  localZScore: z.number().nullable(),
  pValue: z.number().nullable(),
  adjustedPValue: z.number().nullable(),
  quadrant: z.enum(['HH', 'LL', 'HL', 'LH']).nullable(),
  cluster: clusterType,
});

export const analysisMoranOutput = z.object({
  indicator: indicatorSummary,
  layer: z.string(),
  layerTitle: localizedText,
  period: z.string(),
  weights: weightsSpec,
  weightsSummary: weightsSummary,
  analysedCount: z.number().int(),
  /** Areas without a value, left out of the analysis. */
  leftOut: z.array(areaRef),
  /** Analysed areas without a neighbour (lag 0, no local test). */
  islands: z.array(areaRef),
  global: z.object({
    I: z.number(),
    expectedI: z.number(),
    zScore: z.number().nullable(),
    analyticalPValue: z.number().nullable(),
    zScoreNormality: z.number().nullable(),
    analyticalPValueNormality: z.number().nullable(),
    pseudoPValue: z.number().nullable(),
    permutationMean: z.number().nullable(),
    permutationStandardDeviation: z.number().nullable(),
    areasWithNeighbours: z.number().int(),
  }),
  areas: z.array(analysedArea),
  scatterFit: z.object({ count: z.number().int(), slope: z.number().nullable(), intercept: z.number().nullable(), correlation: z.number().nullable() }),
  clusterCounts: z.object({ HH: z.number().int(), LL: z.number().int(), HL: z.number().int(), LH: z.number().int(), ns: z.number().int() }),
  permutations: z.number().int(),
  seed: z.number().int(),
  correction: z.enum(CORRECTIONS),
  significanceLevel: z.number(),
  sources: z.array(sourceSchema),
  /** The values (or the boundaries) are synthetic or schematic: every view says "Beispieldaten". */
  synthetic: z.boolean(),
  schematicBoundaries: z.boolean(),
});

export const analysisRatesInput = z.object({
  ...indicatorChoice,
  /** Neighbours for the spatial smoothing. */
  weights: weightsSpec.default({ type: 'queen', k: DEFAULT_NEAREST_NEIGHBOURS }),
});

export const analysisRatesOutput = z.object({
  indicator: indicatorSummary,
  layer: z.string(),
  layerTitle: localizedText,
  period: z.string(),
  weights: weightsSpec,
  /** False when the indicator is not a count over a population (no denominator, or per km²): see `reason`. */
  eligible: z.boolean(),
  reason: localizedText.nullable(),
  /** Factor from a rate per person to the indicator's unit (1 000 for "je 1.000", 100 for %). */
  scaleFactor: z.number(),
  /** The region's rate (Σ counts / Σ populations) in the indicator's unit: the global prior. */
  regionRate: z.number().nullable(),
  leftOut: z.array(areaRef),
  areas: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      count: z.number().nullable(),
      population: z.number().nullable(),
      smallNumber: z.boolean(),
      raw: z.number().nullable(),
      globalSmoothed: z.number().nullable(),
      spatialSmoothed: z.number().nullable(),
    }),
  ),
  sources: z.array(sourceSchema),
  synthetic: z.boolean(),
  schematicBoundaries: z.boolean(),
});

export const analysisScatterInput = z.object({
  xIndicatorId: z.string().min(1),
  yIndicatorId: z.string().min(1),
  layer: z.string().optional(),
  /** ISO date; default the latest period both indicators have. */
  period: z.string().optional(),
});

export const analysisScatterOutput = z.object({
  x: indicatorSummary,
  y: indicatorSummary,
  layer: z.string(),
  layerTitle: localizedText,
  period: z.string(),
  points: z.array(z.object({ key: z.string(), name: z.string(), x: z.number().nullable(), y: z.number().nullable() })),
  /** Areas lacking either value (not in the fit). */
  leftOut: z.array(areaRef),
  fit: z.object({ count: z.number().int(), slope: z.number().nullable(), intercept: z.number().nullable(), correlation: z.number().nullable() }),
  sources: z.array(sourceSchema),
  synthetic: z.boolean(),
  schematicBoundaries: z.boolean(),
});

export const ANALYSIS_VIEWS = ['clusterMap', 'significanceMap', 'moranScatter', 'rates', 'scatter'] as const;
export const ANALYSIS_EXPORT_FORMATS = ['svg', 'png', 'pdf', 'csv', 'xlsx'] as const;

export const analysisExportInput = analysisMoranInput.extend({
  view: z.enum(ANALYSIS_VIEWS),
  format: z.enum(ANALYSIS_EXPORT_FORMATS),
  /** For `scatter`: the indicator on the vertical axis (the horizontal one is `indicatorId`). */
  yIndicatorId: z.string().optional(),
  locale: z.enum(['de', 'en']).default('de'),
  page: z.enum(['a4-landscape', 'a4-portrait', 'a3-landscape', 'slide-16x9']).default('a4-landscape'),
  dpi: z.number().int().min(72).max(600).default(300),
});

export const analysisExportOutput = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
  widthPx: z.number().int().optional(),
  heightPx: z.number().int().optional(),
  pageMm: z.tuple([z.number(), z.number()]).optional(),
});

export const analysisMethods = {
  'analysis.weights': { input: analysisWeightsInput, output: analysisWeightsOutput },
  'analysis.moran': { input: analysisMoranInput, output: analysisMoranOutput },
  'analysis.rates': { input: analysisRatesInput, output: analysisRatesOutput },
  'analysis.scatter': { input: analysisScatterInput, output: analysisScatterOutput },
  'analysis.export': { input: analysisExportInput, output: analysisExportOutput },
} as const;
