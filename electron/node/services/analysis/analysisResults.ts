/**
 * The Analyse tab's results for the open project: values from the indicator service (`indicatorValuesFor`,
 * the same numbers the map shows), weights from the weights store (computed once per layer content),
 * statistics from the pure core (shared/spatial).
 */
import type { z } from 'zod';
import type { MoranResult, RatesResult, ScatterResult } from '../../../../shared/analysis/analysisTypes';
import type { analysisMoranInput, analysisRatesInput, analysisScatterInput, analysisWeightsInput } from '../../../../shared/contract/methods/analysis';
import { UserError } from '../../../../shared/contract/errors';
import { formatDate } from '../../../../shared/format/number';
import type { LayerInfo, Source } from '../../../../shared/model/project';
import { globalEmpiricalBayes, spatialEmpiricalBayes } from '../../../../shared/spatial/empiricalBayes';
import { linearFit } from '../../../../shared/spatial/linearFit';
import { spatialAnalysis } from '../../../../shared/spatial/spatialAnalysis';
import { islandIndexes, neighboursOf, subsetWeights, summariseWeights } from '../../../../shared/spatial/spatialWeights';
import type { SqliteDatabase } from '../../storage/openDatabase';
import { readAreas, readLayers, readSources } from '../../storage/projectReader';
import { indicatorValuesFor, type DerivedIndicatorValues } from '../indicatorService';
import { layerWeights } from './weightsStore';

type WeightsInput = z.output<typeof analysisWeightsInput>;
type MoranInput = z.output<typeof analysisMoranInput>;
type RatesInput = z.output<typeof analysisRatesInput>;
type ScatterInput = z.output<typeof analysisScatterInput>;

/** The layer asked for, else the project's first; a UserError naming the layers otherwise. */
export function chooseAnalysisLayer(db: SqliteDatabase, layerName: string | undefined): LayerInfo {
  const layers = readLayers(db);
  const layer = layerName === undefined ? layers[0] : layers.find((candidate) => candidate.name === layerName);
  if (!layer) {
    const names = layers.map((candidate) => candidate.name).join(', ') || '–';
    throw new UserError('not-found', {
      de: layerName === undefined ? 'Das Projekt hat keine Gebietsebene. Bitte zuerst Grenzen importieren.' : `Die Ebene „${layerName}“ gibt es im Projekt nicht. Vorhandene Ebenen: ${names}.`,
      en: layerName === undefined ? 'The project has no boundary layer. Please import boundaries first.' : `The project has no layer "${layerName}". Layers: ${names}.`,
    });
  }
  return layer;
}

/** The indicator's values at the period (indicatorValuesFor refuses a period it has no values for, naming those it has). */
function valuesAt(db: SqliteDatabase, indicatorId: string, layerName: string, period: string | undefined): DerivedIndicatorValues {
  return indicatorValuesFor(db, indicatorId, layerName, period);
}

function boundarySource(db: SqliteDatabase, layer: LayerInfo): Source | null {
  return readSources(db).find((source) => source.id === layer.sourceId) ?? null;
}

function provenance(db: SqliteDatabase, layer: LayerInfo, sources: readonly Source[]) {
  return { synthetic: sources.some((source) => source.synthetic) || boundarySource(db, layer)?.synthetic === true, schematicBoundaries: layer.schematic };
}

export function computeWeights(db: SqliteDatabase, input: WeightsInput) {
  const layer = chooseAnalysisLayer(db, input.layer);
  const { weights, cached } = layerWeights(db, layer.name, input.weights);
  const islands = islandIndexes(weights);
  // Names are read (with the geometry) only when there are islands to name.
  const names = new Map(islands.length > 0 ? readAreas(db, layer.name).map((area) => [area.key, area.name]) : []);
  const neighbours: Record<string, string[]> = {};
  weights.keys.forEach((key, index) => {
    neighbours[key] = neighboursOf(weights, index).map((neighbour) => weights.keys[neighbour] as string);
  });
  return {
    layer: layer.name,
    weights: input.weights,
    summary: summariseWeights(weights),
    islands: islands.map((index) => ({ key: weights.keys[index] as string, name: names.get(weights.keys[index] as string) ?? (weights.keys[index] as string) })),
    neighbours,
    cached,
  };
}

/**
 * Global and local Moran's I of an indicator on a layer.
 * @example computeMoran(db, { indicatorId: 'foreign_share', weights: { type: 'queen', k: 4 }, permutations: 999, seed: 1, correction: 'fdr', significanceLevel: 0.05 }).global.I
 */
export function computeMoran(db: SqliteDatabase, input: MoranInput): MoranResult {
  const layer = chooseAnalysisLayer(db, input.layer);
  const values = valuesAt(db, input.indicatorId, layer.name, input.period);
  const { weights } = layerWeights(db, layer.name, input.weights);
  const byKey = new Map(values.values.map((value) => [value.key, value]));
  const areas = weights.keys.map((key) => {
    const value = byKey.get(key);
    return { key, name: value?.name ?? key, value: value?.value ?? null };
  });
  const result = spatialAnalysis(areas, weights, { permutations: input.permutations, seed: input.seed, correction: input.correction, significanceLevel: input.significanceLevel });
  const nameOf = (key: string) => byKey.get(key)?.name ?? key;
  return {
    indicator: values.indicator,
    layer: layer.name,
    layerTitle: layer.title,
    period: values.period,
    weights: input.weights,
    weightsSummary: summariseWeights(weights),
    analysedCount: result.analysedCount,
    leftOut: result.leftOutKeys.map((key) => ({ key, name: nameOf(key) })),
    islands: result.islandKeys.map((key) => ({ key, name: nameOf(key) })),
    global: result.global,
    areas: result.areas.map((area) => Object.assign({}, area, { smallNumber: byKey.get(area.key)?.smallNumber ?? false })),
    scatterFit: result.scatterFit,
    clusterCounts: result.clusterCounts,
    permutations: result.permutations,
    seed: result.seed,
    correction: result.correction,
    significanceLevel: result.significanceLevel,
    sources: values.sources,
    ...provenance(db, layer, values.sources),
  };
}

const RATE_FACTORS: Partial<Record<string, number>> = { per1000: 1000, percent: 100 };

/** Raw and empirical-Bayes smoothed rates of a count over a population. */
export function computeRates(db: SqliteDatabase, input: RatesInput): RatesResult {
  const layer = chooseAnalysisLayer(db, input.layer);
  const values = valuesAt(db, input.indicatorId, layer.name, input.period);
  const scaleFactor = RATE_FACTORS[values.indicator.scale];
  const base = { indicator: values.indicator, layer: layer.name, layerTitle: layer.title, period: values.period, weights: input.weights, sources: values.sources, ...provenance(db, layer, values.sources) };
  const usable = values.values.map((value) => value.numerator !== null && value.denominator !== null && value.numerator >= 0 && value.denominator > 0);
  if (scaleFactor === undefined) {
    return {
      ...base,
      eligible: false,
      reason: {
        de: `„${values.indicator.name.de}“ ist keine Rate aus Fällen je Bevölkerung (je 1.000 oder %): Glätten ist hier nicht sinnvoll. Bitte eine solche Kennzahl wählen, z. B. Schutzsuchende je 1.000 Einwohner.`,
        en: `"${values.indicator.name.en}" is not a rate of cases per population (per 1,000 or %): smoothing does not apply. Please choose such an indicator, e.g. persons seeking protection per 1,000 inhabitants.`,
      },
      scaleFactor: 1,
      regionRate: null,
      leftOut: [],
      areas: values.values.map((value) => ({ key: value.key, name: value.name, count: value.numerator, population: value.denominator, smallNumber: value.smallNumber, raw: value.value, globalSmoothed: null, spatialSmoothed: null })),
    };
  }
  if (usable.filter(Boolean).length < 2) {
    throw new UserError('bad-input', {
      de: `Für „${values.indicator.name.de}“ haben weniger als zwei Gebiete Fallzahl und Bevölkerung: Glätten ist nicht möglich. Bitte einen anderen Stichtag wählen.`,
      en: `Fewer than two areas have both a count and a population for "${values.indicator.name.en}": smoothing is not possible. Please choose another reference date.`,
    });
  }
  const { weights } = layerWeights(db, layer.name, input.weights);
  const byKey = new Map(values.values.map((value, index) => [value.key, { value, usable: usable[index] as boolean }]));
  const keep = weights.keys.map((key) => byKey.get(key)?.usable ?? false);
  const kept = weights.keys.filter((_, index) => keep[index]).map((key) => byKey.get(key)!.value);
  const counts = kept.map((value) => value.numerator as number);
  const populations = kept.map((value) => value.denominator as number);
  const global = globalEmpiricalBayes(counts, populations);
  const spatial = spatialEmpiricalBayes(counts, populations, subsetWeights(weights, keep));
  const smoothedByKey = new Map(kept.map((value, index) => [value.key, { global: (global.smoothed[index] as number) * scaleFactor, spatial: (spatial.smoothed[index] as number) * scaleFactor, raw: (global.raw[index] as number) * scaleFactor }]));
  return {
    ...base,
    eligible: true,
    reason: null,
    scaleFactor,
    regionRate: global.priorMean * scaleFactor,
    leftOut: values.values.filter((value) => !smoothedByKey.has(value.key)).map((value) => ({ key: value.key, name: value.name })),
    areas: weights.keys.map((key) => {
      const value = byKey.get(key)?.value;
      const smoothed = smoothedByKey.get(key);
      return {
        key,
        name: value?.name ?? key,
        count: value?.numerator ?? null,
        population: value?.denominator ?? null,
        smallNumber: value?.smallNumber ?? false,
        raw: smoothed?.raw ?? null,
        globalSmoothed: smoothed?.global ?? null,
        spatialSmoothed: smoothed?.spatial ?? null,
      };
    }),
  };
}

/** Two indicators at one period (default: the latest both have), with the regression line. */
export function computeScatter(db: SqliteDatabase, input: ScatterInput): ScatterResult {
  const layer = chooseAnalysisLayer(db, input.layer);
  const xProbe = indicatorValuesFor(db, input.xIndicatorId, layer.name, undefined);
  const yProbe = indicatorValuesFor(db, input.yIndicatorId, layer.name, undefined);
  const common = xProbe.indicator.periods.filter((period) => yProbe.indicator.periods.includes(period));
  const period = input.period ?? common.at(-1);
  if (period === undefined || !common.includes(period)) {
    throw new UserError('not-found', {
      de: `„${xProbe.indicator.name.de}“ und „${yProbe.indicator.name.de}“ haben ${period === undefined ? 'keinen gemeinsamen Stichtag' : `nicht beide Werte zum ${formatDate(period, 'de')}`}. Gemeinsame Stichtage: ${common.map((candidate) => formatDate(candidate, 'de')).join(', ') || '–'}.`,
      en: `"${xProbe.indicator.name.en}" and "${yProbe.indicator.name.en}" have ${period === undefined ? 'no common reference date' : `not both values for ${formatDate(period, 'en')}`}. Common dates: ${common.map((candidate) => formatDate(candidate, 'en')).join(', ') || '–'}.`,
    });
  }
  const x = period === xProbe.period ? xProbe : indicatorValuesFor(db, input.xIndicatorId, layer.name, period);
  const y = period === yProbe.period ? yProbe : indicatorValuesFor(db, input.yIndicatorId, layer.name, period);
  const yByKey = new Map(y.values.map((value) => [value.key, value.value]));
  const points = x.values.map((value) => ({ key: value.key, name: value.name, x: value.value, y: yByKey.get(value.key) ?? null }));
  const sources = [...new Map([...x.sources, ...y.sources].map((source) => [source.id, source])).values()];
  return {
    x: x.indicator,
    y: y.indicator,
    layer: layer.name,
    layerTitle: layer.title,
    period,
    points,
    leftOut: points.filter((point) => point.x === null || point.y === null).map((point) => ({ key: point.key, name: point.name })),
    fit: linearFit(
      points.map((point) => point.x),
      points.map((point) => point.y),
    ),
    sources,
    ...provenance(db, layer, sources),
  };
}

