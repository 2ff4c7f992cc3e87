/**
 * The whole spatial-autocorrelation analysis of one indicator on one layer, as the Analyse tab, the CLI
 * (`kleinraum moran`) and the exports show it: which areas take part, global Moran's I, local Moran with
 * clusters, and the points of the Moran scatter plot. Pure: values and weights in, results out.
 *
 * Bad input, decided here once for every caller:
 * - areas without a value (missing data or suppressed) are left out: the weights are cut down to the
 *   areas with values (spdep `subset.listw`), row standardisation is redone, and the left-out areas are
 *   listed; they are drawn as "keine Daten" and never get a statistic (no NaN on the map);
 * - islands (areas without neighbours, also those whose neighbours all lack values) keep a spatial lag of
 *   0, do not count in n′ of the global I (spdep `zero.policy = TRUE, adjust.n = TRUE`), get no local
 *   p-value and are never part of a cluster; they are listed;
 * - fewer than 3 areas with values, a constant indicator, or no area with a neighbour: a UserError that
 *   says what to do.
 * Every number in the result is finite or null.
 */
import { UserError } from '../contract/errors';
import { globalMoran, type GlobalMoran } from './globalMoran';
import { linearFit, type LinearFit } from './linearFit';
import { localMoran, type ClusterType } from './localMoran';
import type { Correction } from './multipleTesting';
import { islandIndexes, rowStandardise, spatialLag, subsetWeights, type SpatialWeights } from './spatialWeights';

export interface AnalysisArea {
  key: string;
  name: string;
  /** The indicator's value; null = no data. */
  value: number | null;
}

export interface SpatialAnalysisOptions {
  permutations: number;
  seed: number;
  correction: Correction;
  significanceLevel: number;
}

export interface AnalysedArea {
  key: string;
  name: string;
  value: number | null;
  /** False for areas left out (no value): every statistic below is then null. */
  analysed: boolean;
  island: boolean;
  /** (x − mean) / sd (sd with n in the denominator, as GeoDa): the Moran scatter plot's x. */
  standardisedValue: number | null;
  /** Spatial lag of the standardised value (row-standardised weights): the scatter plot's y. */
  spatialLag: number | null;
  localI: number | null;
  /** Analytical z of I_i (spdep `localmoran`, conditional). */
  localZScore: number | null;
  pValue: number | null;
  adjustedPValue: number | null;
  quadrant: Exclude<ClusterType, 'ns'> | null;
  cluster: ClusterType;
}

export interface SpatialAnalysisResult {
  /** Areas with a value that took part. */
  analysedCount: number;
  /** Keys of areas left out for lack of a value. */
  leftOutKeys: string[];
  /** Keys of analysed areas without neighbours. */
  islandKeys: string[];
  global: {
    I: number;
    expectedI: number;
    /** z and one-sided p under randomisation (spdep moran.test default); null when n′ < 4. */
    zScore: number | null;
    analyticalPValue: number | null;
    zScoreNormality: number | null;
    analyticalPValueNormality: number | null;
    pseudoPValue: number | null;
    permutationMean: number | null;
    permutationStandardDeviation: number | null;
    areasWithNeighbours: number;
  };
  areas: AnalysedArea[];
  /** The regression line of the Moran scatter plot (its slope is I). */
  scatterFit: LinearFit;
  permutations: number;
  seed: number;
  correction: Correction;
  significanceLevel: number;
  /** Count of areas per cluster type (analysed areas only). */
  clusterCounts: Record<ClusterType, number>;
}

/** Minimum number of areas with values for any statement about spatial pattern. */
export const MINIMUM_ANALYSED_AREAS = 3;

function finiteOrNull(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) ? value : null;
}

/**
 * @example spatialAnalysis(areas, queenWeights, { permutations: 999, seed: 1, correction: 'fdr', significanceLevel: 0.05 }).global.I
 */
export function spatialAnalysis(areas: readonly AnalysisArea[], layerWeights: SpatialWeights, options: SpatialAnalysisOptions): SpatialAnalysisResult {
  if (layerWeights.keys.length !== areas.length || areas.some((area, index) => area.key !== layerWeights.keys[index])) {
    throw new Error('spatialAnalysis: the weights belong to other areas than the values');
  }
  const keep = areas.map((area) => area.value !== null && Number.isFinite(area.value));
  const analysedAreas = areas.filter((_, index) => keep[index]);
  const leftOutKeys = areas.filter((_, index) => !keep[index]).map((area) => area.key);
  if (analysedAreas.length < MINIMUM_ANALYSED_AREAS) {
    throw new UserError('bad-input', {
      de: `Nur ${analysedAreas.length} von ${areas.length} Gebieten haben einen Wert; für eine Aussage über räumliche Muster braucht es mindestens ${MINIMUM_ANALYSED_AREAS}. Bitte eine Kennzahl oder einen Stichtag mit mehr Werten wählen.`,
      en: `Only ${analysedAreas.length} of ${areas.length} areas have a value; a statement about spatial pattern needs at least ${MINIMUM_ANALYSED_AREAS}. Please choose an indicator or reference date with more values.`,
    });
  }
  const values = analysedAreas.map((area) => area.value as number);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const sumOfSquares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  // Relative to the values' size, so rounding noise in a constant indicator does not count as variation.
  const scale = Math.max(...values.map(Math.abs), 1e-300);
  if (!(Math.sqrt(sumOfSquares / values.length) > scale * 1e-12)) {
    throw new UserError('bad-input', {
      de: 'Die Kennzahl hat in allen Gebieten denselben Wert: Es gibt kein räumliches Muster zu prüfen. Bitte eine andere Kennzahl oder einen anderen Stichtag wählen.',
      en: 'The indicator has the same value in every area: there is no spatial pattern to test. Please choose another indicator or reference date.',
    });
  }
  const weights = rowStandardise(subsetWeights(layerWeights, keep));
  const islands = new Set(islandIndexes(weights));
  if (islands.size === analysedAreas.length) {
    throw new UserError('bad-input', {
      de: 'Kein Gebiet mit Wert hat ein Nachbargebiet mit Wert: Räumliche Nachbarschaft lässt sich so nicht prüfen. Bitte Nachbarschaft „k nächste Nachbarn“ wählen.',
      en: 'No area with a value has a neighbour with a value: spatial neighbourhood cannot be tested this way. Please choose "k nearest neighbours".',
    });
  }
  const global: GlobalMoran = globalMoran(values, weights, { permutations: options.permutations, seed: options.seed });
  const local = localMoran(values, weights, options);
  const standardDeviation = Math.sqrt(sumOfSquares / values.length);
  const standardised = values.map((value) => (value - mean) / standardDeviation);
  const lag = spatialLag(weights, standardised);
  const clusterCounts: Record<ClusterType, number> = { HH: 0, LL: 0, HL: 0, LH: 0, ns: 0 };
  let analysedIndex = 0;
  const result: AnalysedArea[] = areas.map((area, index) => {
    if (!keep[index]) {
      return { key: area.key, name: area.name, value: null, analysed: false, island: false, standardisedValue: null, spatialLag: null, localI: null, localZScore: null, pValue: null, adjustedPValue: null, quadrant: null, cluster: 'ns' };
    }
    const position = analysedIndex++;
    const localArea = local.areas[position]!;
    clusterCounts[localArea.cluster]++;
    return {
      key: area.key,
      name: area.name,
      value: area.value,
      analysed: true,
      island: islands.has(position),
      standardisedValue: finiteOrNull(standardised[position]),
      spatialLag: finiteOrNull(lag[position]),
      localI: finiteOrNull(localArea.localI),
      localZScore: finiteOrNull(localArea.zScore),
      pValue: finiteOrNull(localArea.pseudoPValue),
      adjustedPValue: finiteOrNull(localArea.adjustedPValue),
      quadrant: localArea.island ? null : localArea.quadrant,
      cluster: localArea.cluster,
    };
  });
  return {
    analysedCount: analysedAreas.length,
    leftOutKeys,
    islandKeys: [...islands].map((position) => analysedAreas[position]!.key),
    global: {
      I: global.I,
      expectedI: global.expectedI,
      zScore: finiteOrNull(global.randomisation.zScore),
      analyticalPValue: finiteOrNull(global.randomisation.pValue),
      zScoreNormality: finiteOrNull(global.normality.zScore),
      analyticalPValueNormality: finiteOrNull(global.normality.pValue),
      pseudoPValue: finiteOrNull(global.pseudoPValue),
      permutationMean: finiteOrNull(global.permutationMean),
      permutationStandardDeviation: finiteOrNull(global.permutationStandardDeviation),
      areasWithNeighbours: global.areasWithNeighbours,
    },
    areas: result,
    scatterFit: linearFit(standardised, Array.from(lag)),
    permutations: local.permutations,
    seed: options.seed,
    correction: local.correction,
    significanceLevel: local.significanceLevel,
    clusterCounts,
  };
}

/** GeoDa's significance-map classes of a (corrected) p-value. */
export type SignificanceClass = '0.001' | '0.01' | '0.05' | 'ns';

/**
 * @example significanceClass(0.004, 0.05) // '0.01'
 */
export function significanceClass(pValue: number | null, significanceLevel: number): SignificanceClass {
  if (pValue === null || pValue > significanceLevel) return 'ns';
  if (pValue <= 0.001) return '0.001';
  if (pValue <= 0.01) return '0.01';
  return '0.05';
}
