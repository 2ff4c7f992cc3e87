/**
 * Computes an indicator for every area of a layer at one period:
 * value = numerator / denominator × factor (per1000 → 1000, percent → 100), perKm2 = numerator / area in km²
 * (the official land area where the area has one, else the area of its geometry), absolute = numerator.
 * Pure: observations and areas in, values out.
 */
import type { IndicatorValue } from '../contract/api';
import { addsUpOverAreas, type AreaKey, type IndicatorDefinition, type LocalizedText, type MissingCode, type Observation, type QualityFlag, type VariableSelection } from '../model/project';
import { localized, message } from '../i18n/translate';
import { missingValueReason, noDataReason } from './missingReason';
import { areaBasisOf, type AreaBasis, type OfficialArea } from './officialArea';
import { weakestQuality } from './qualityRanking';
import { priorityAmongPresent } from '../sources/sourceChoice';
import { sumVariableSelection, type SelectionSum } from './sumVariableSelection';
import { isSmallCount, sumRevealsWithheld } from './smallCounts';

/** Default small-number threshold: counts 1 and 2 are flagged (as statistical offices do for cells below 3). */
export const DEFAULT_SMALL_NUMBER_THRESHOLD = 3;

export interface IndicatorArea {
  key: AreaKey;
  name: string;
  /** Geodesic area in km² of the stored geometry (used by perKm2 when there is no official area). */
  areaKm2: number;
  /** Official land area (KFL), preferred by perKm2; see officialAreasAt. */
  officialArea?: OfficialArea | null;
}

export interface ComputeIndicatorValuesInput {
  indicator: IndicatorDefinition;
  areas: readonly IndicatorArea[];
  /** Observations of at least the numerator and denominator variables; other periods and variables are ignored. */
  observations: readonly Observation[];
  /** ISO date. */
  period: string;
  /** A numerator with 0 < n < threshold is flagged `smallNumber`. Default 3. */
  smallNumberThreshold?: number;
  /** Variable names for the missing reasons; the variable id is used where a name is absent. */
  variableNames?: Readonly<Record<string, LocalizedText>>;
  /**
   * The sources each selection draws from, in priority order (shared/sources/sourceChoice.ts). Without it
   * every observation counts, as for a project with one source per variable.
   */
  sourcePriority?: (selection: VariableSelection) => readonly string[];
}

export interface ComputedIndicatorValues {
  /** One entry per area, in the order of `areas`. */
  values: IndicatorValue[];
  /**
   * The region's value (sum of numerators / sum of denominators × factor; absolute: sum of numerators).
   * null when any area has no value, so the region figure never silently covers fewer areas than the map.
   */
  regionValue: number | null;
  /**
   * A count's region total would give a small count back (the total minus the areas' shown counts,
   * shared/indicators/smallCounts.ts): views that withhold small counts withhold the total too.
   */
  regionRevealsSmallNumbers: boolean;
  /** Ids of the sources of all observations used, in first-use order. */
  sourceIds: string[];
  /** Per source id, the Stichtage of its observations used: `period`, and an official land area's own date. */
  sourcePeriods: Record<string, string[]>;
  /** The sources of the counted values (numerator and denominator), without an official land area's. */
  valueSourceIds: string[];
  /** perKm2 only: whether the km² are official land areas, computed from the geometry, or both; else null. */
  areaBasis: AreaBasis | null;
}

const SCALE_FACTOR: Record<IndicatorDefinition['scale'], number> = { absolute: 1, per1000: 1000, percent: 100, perKm2: 1 };

/**
 * @example
 * computeIndicatorValues({
 *   indicator: { id: 'refugeesPer1000', scale: 'per1000', numerator: { variable: 'refugees' }, denominator: { variable: 'population' }, … },
 *   areas: [{ key: '03241001', name: 'Hannover', areaKm2: 204.1 }],
 *   observations, period: '2019-12-31',
 * }).values[0].value // e.g. 23.4 (refugees per 1 000 inhabitants)
 */
export function computeIndicatorValues(input: ComputeIndicatorValuesInput): ComputedIndicatorValues {
  const { indicator, period } = input;
  const threshold = input.smallNumberThreshold ?? DEFAULT_SMALL_NUMBER_THRESHOLD;
  const factor = SCALE_FACTOR[indicator.scale];
  const nameOf = (variable: string): LocalizedText => input.variableNames?.[variable] ?? { de: variable, en: variable };
  const relevantVariables = new Set([indicator.numerator.variable, indicator.denominator?.variable].filter((v): v is string => v !== undefined));

  const observationsByArea = new Map<AreaKey, Observation[]>();
  const sourcesAtPeriod = new Map<string, Set<string>>();
  // Observations of this layer's areas only: a source with values on another layer alone is not present here.
  const layerKeys = new Set(input.areas.map((area) => area.key));
  for (const observation of input.observations) {
    if (observation.period !== period || !relevantVariables.has(observation.variable) || !layerKeys.has(observation.areaKey)) continue;
    const list = observationsByArea.get(observation.areaKey);
    if (list) list.push(observation);
    else observationsByArea.set(observation.areaKey, [observation]);
    const sources = sourcesAtPeriod.get(observation.variable);
    if (sources) sources.add(observation.sourceId);
    else sourcesAtPeriod.set(observation.variable, new Set([observation.sourceId]));
  }
  // Ranks count among the sources with values at this Stichtag (the map hatched every area "Lücke
  // gefüllt" on the Zensus day, where only the Zensus has values).
  const presentPriority = (selection: VariableSelection): readonly string[] | undefined => {
    const priority = input.sourcePriority?.(selection);
    const present = sourcesAtPeriod.get(selection.variable);
    return priority && present ? priorityAmongPresent(priority, present) : priority;
  };

  const sourceIds = new Set<string>();
  const valueSourceIds = new Set<string>();
  const sourcePeriods: Record<string, string[]> = {};
  const usedAt = (sourceId: string, at: string) => {
    sourceIds.add(sourceId);
    const periods = (sourcePeriods[sourceId] ??= []);
    if (!periods.includes(at)) periods.push(at);
  };
  let numeratorTotal = 0;
  let denominatorTotal = 0;
  let allAreasComplete = input.areas.length > 0;

  const numeratorPriority = presentPriority(indicator.numerator);
  const denominatorPriority = indicator.denominator ? presentPriority(indicator.denominator) : undefined;
  const values = input.areas.map((area): IndicatorValue => {
    const areaObservations = observationsByArea.get(area.key) ?? [];
    const numerator = sumVariableSelection(areaObservations, indicator.numerator, numeratorPriority);
    const denominator: SelectionSum | null = indicator.denominator ? sumVariableSelection(areaObservations, indicator.denominator, denominatorPriority) : null;
    for (const sum of [numerator, denominator]) {
      if (!sum || sum.status === 'no-data') continue;
      for (const id of sum.sourceIds) {
        usedAt(id, period);
        valueSourceIds.add(id);
      }
    }
    // Which source the value rests on, and whether a lower-ranked source filled a gap (the views say so).
    const used = numerator.status === 'no-data' ? { sourceId: null, fallback: false } : { sourceId: numerator.sourceIds[0] ?? null, fallback: numerator.sourceRank > 0 || (denominator !== null && denominator.status !== 'no-data' && denominator.sourceRank > 0) };

    // Written out, not spread from a shared base (README: no spread-plus-properties per area).
    const missing = (reason: LocalizedText, quality: QualityFlag | null, numeratorValue: number | null, denominatorValue: number | null, missingCode: MissingCode | null = null): IndicatorValue => {
      allAreasComplete = false;
      return { key: area.key, name: area.name, sourceId: used.sourceId, fallback: used.fallback, value: null, numerator: numeratorValue, denominator: denominatorValue, quality, smallNumber: false, missingReason: reason, missingCode };
    };

    if (numerator.status === 'no-data') return missing(noDataReason(nameOf(indicator.numerator.variable), period), null, null, null);
    if (numerator.status === 'missing') {
      return missing(missingValueReason(nameOf(indicator.numerator.variable), numerator.missingCode, numerator.quality), numerator.quality, null, null, numerator.missingCode);
    }
    const smallNumber = isSmallCount(numerator.value, threshold);

    let denominatorValue: number | null = null;
    let quality = numerator.quality;
    if (indicator.scale === 'perKm2') {
      denominatorValue = area.officialArea ? area.officialArea.areaKm2 : area.areaKm2;
      if (area.officialArea) usedAt(area.officialArea.sourceId, area.officialArea.period);
      if (!(denominatorValue > 0)) return missing(message('indicator.missing.noArea'), numerator.quality, numerator.value, null);
    } else if (indicator.scale !== 'absolute' && indicator.denominator && denominator) {
      const denominatorName = nameOf(indicator.denominator.variable);
      if (denominator.status === 'no-data') return missing(noDataReason(denominatorName, period), numerator.quality, numerator.value, null);
      if (denominator.status === 'missing') {
        return missing(missingValueReason(denominatorName, denominator.missingCode, denominator.quality), weakestQuality([numerator.quality, denominator.quality]), numerator.value, null, denominator.missingCode);
      }
      quality = weakestQuality([numerator.quality, denominator.quality]);
      denominatorValue = denominator.value;
      if (denominatorValue === 0) return missing(message('indicator.missing.zeroDenominator', (locale) => ({ variable: localized(denominatorName, locale) })), quality, numerator.value, 0);
    }

    numeratorTotal += numerator.value;
    if (denominatorValue !== null) denominatorTotal += denominatorValue;
    const value = denominatorValue === null ? numerator.value * factor : (numerator.value / denominatorValue) * factor;
    return { key: area.key, name: area.name, sourceId: used.sourceId, fallback: used.fallback, value, numerator: numerator.value, denominator: denominatorValue, quality, smallNumber, missingReason: null };
  });

  let regionValue: number | null = null;
  if (allAreasComplete) {
    // A figure that does not add up (a quotient imported as such) has no region total to show.
    if (indicator.scale === 'absolute') regionValue = addsUpOverAreas(indicator) ? numeratorTotal * factor : null;
    else if (!indicator.denominator && indicator.scale !== 'perKm2') regionValue = numeratorTotal * factor;
    else if (denominatorTotal > 0) regionValue = (numeratorTotal / denominatorTotal) * factor;
  }
  // Only a count's total is the sum of what the areas show; a rate's region value is a quotient of totals.
  const smallCounts = values.filter((value) => value.smallNumber && value.numerator !== null).map((value) => value.numerator as number);
  const regionRevealsSmallNumbers = regionValue !== null && indicator.scale === 'absolute' && sumRevealsWithheld(smallCounts, threshold);
  return { values, regionValue, regionRevealsSmallNumbers, sourceIds: [...sourceIds], sourcePeriods, valueSourceIds: [...valueSourceIds], areaBasis: indicator.scale === 'perKm2' ? areaBasisOf(input.areas.filter((area) => area.officialArea).length, input.areas.length) : null };
}
