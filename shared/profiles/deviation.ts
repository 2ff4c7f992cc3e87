/**
 * How far each area's indicator lies from the region: as an index (region = 100), in percentage points
 * (only for shares), or as a z-score across the areas. Pure; feeds the diverging bars and the CSV.
 */
import type { AreaProfile, ProfileIndicatorDefinition } from './profileTypes';

export const DEVIATION_MEASURES = ['index', 'percentagePoints', 'zScore'] as const;
export type DeviationMeasure = (typeof DEVIATION_MEASURES)[number];

export interface AreaDeviation {
  key: string;
  name: string;
  value: number | null;
  /** The deviation in the chosen measure; null when the value or the measure is not available. */
  deviation: number | null;
}

/** Whether a measure makes sense for an indicator: percentage points only for percent values. */
export function deviationApplies(indicator: ProfileIndicatorDefinition, measure: DeviationMeasure): boolean {
  if (measure === 'percentagePoints') return indicator.kind === 'percent' || indicator.kind === 'change';
  if (measure === 'index') return indicator.kind !== 'change';
  return true;
}

/**
 * @example
 * deviations(areas, region, 'refugeesPer1000', 'index') // [{ key: '03241001', value: 38.2, deviation: 131.7 }, …]
 * Index: value / region × 100. Percentage points: value − region. z-score: (value − mean of areas) / standard
 * deviation of areas (population standard deviation; null when all areas are equal).
 */
export function deviations(areas: readonly AreaProfile[], region: AreaProfile, indicatorId: string, measure: DeviationMeasure): AreaDeviation[] {
  const regionValue = region.indicators[indicatorId] ?? null;
  const values = areas.map((area) => area.indicators[indicatorId] ?? null);
  const known = values.filter((value): value is number => value !== null);
  const mean = known.length > 0 ? known.reduce((sum, value) => sum + value, 0) / known.length : Number.NaN;
  const variance = known.length > 0 ? known.reduce((sum, value) => sum + (value - mean) ** 2, 0) / known.length : Number.NaN;
  const standardDeviation = Math.sqrt(variance);
  return areas.map((area, index) => {
    const value = values[index] ?? null;
    let deviation: number | null = null;
    if (value !== null) {
      if (measure === 'index') deviation = regionValue !== null && regionValue !== 0 ? (value / regionValue) * 100 : null;
      else if (measure === 'percentagePoints') deviation = regionValue !== null ? value - regionValue : null;
      else deviation = standardDeviation > 0 ? (value - mean) / standardDeviation : null;
    }
    return { key: area.key, name: area.name, value, deviation };
  });
}

/** The neutral point of a measure (where the diverging bars start): index 100, otherwise 0. */
export function deviationBaseline(measure: DeviationMeasure): number {
  return measure === 'index' ? 100 : 0;
}
