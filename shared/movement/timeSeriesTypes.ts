/**
 * A time series of one indicator for every area of a layer and the region: what the Zeitreihen tab draws,
 * `kleinraum timeseries` prints and the chart exports show. Plain data (the contract's schema in
 * shared/contract/methods/movement.ts describes the same shape).
 */
import type { LocalizedText, QualityFlag } from '../model/project';
import { sumRevealsWithheld } from '../indicators/smallCounts';

export interface SeriesPoint {
  /** Stichtag (ISO date). */
  period: string;
  value: number | null;
  /** The source the value rests on (its numerator's); null when none. */
  sourceId: string | null;
  quality: QualityFlag | null;
  /** Small-number protection: a count below the project's threshold (not drawn as a value in exports). */
  smallNumber: boolean;
  /**
   * A total withheld (value null) because, beside the areas' shown values, it would give a small count back:
   * the region's, where exactly one area's count is small (shared/indicators/smallCounts.ts).
   */
  withheld?: boolean;
  /** A projected value (scenario): drawn dashed and labelled "Projektion". */
  projected: boolean;
}

export interface AreaSeries {
  key: string;
  name: string;
  values: SeriesPoint[];
}

export interface SeriesIndicator {
  id: string;
  name: LocalizedText;
  unit: LocalizedText;
  decimals: number;
  /** A count of persons (absolute), so a small number is shown as "< N"; false for rates and shares. */
  count: boolean;
}

export interface TimeSeriesData {
  indicator: SeriesIndicator;
  layer: string;
  layerTitle: LocalizedText;
  /** Stichtage, ascending; every series has one point per period in this order. */
  periods: string[];
  series: AreaSeries[];
  /** The region's value per period (rates: Σ numerators / Σ denominators; counts: the sum); null where it cannot be computed. */
  region: SeriesPoint[];
  /**
   * The reference line the charts draw: the region's value for rates and shares; for counts, whose region
   * total dwarfs every area, the mean per area ("Durchschnitt je Gebiet").
   */
  reference: { label: LocalizedText; values: SeriesPoint[] };
  /**
   * A stored scenario's results continuing the series after the last observed Stichtag (points marked
   * `projected`); null when none applies. The charts draw it dashed and name the scenario.
   */
  /** The project's small-number threshold: counts 0 < n < N are shown as "< N" and not drawn (smallNumbers.ts). */
  smallNumberThreshold: number;
  projection: { scenarioId: string; name: LocalizedText; sourceId: string; firstPeriod: string; lastObserved: string } | null;
  /**
   * Where the territory probably changed between two Stichtage (an area with values at one end only, one
   * that grew by about what it counted; shared/indicators/territoryChange.ts): the notes to print. Absent
   * for series that cannot tell (movements).
   */
  territoryNotes?: { keys: string[]; note: LocalizedText }[];
}

/**
 * The reference line of a figure whose values do not add up over areas (a quotient imported as such):
 * the plain mean of the areas' values, where every area has one; it has no region total to divide. The mean
 * times the areas, minus the values shown, is what the withheld ones sum to: where that settles them
 * (shared/indicators/smallCounts.ts), the mean is withheld too.
 * @example meanOfAreas([[1, 3], [3, null]], periods)[0].value // 2
 */
export function meanOfAreas(series: readonly AreaSeries[], periods: readonly string[], smallNumberThreshold: number): TimeSeriesData['reference'] {
  const values = periods.map((period, index): SeriesPoint => {
    const points = series.map((entry) => entry.values[index]);
    const complete = points.length > 0 && points.every((point) => point !== undefined && point.value !== null);
    const value = complete ? points.reduce((sum, point) => sum + (point?.value ?? 0), 0) / points.length : null;
    const withheld = value !== null && sumRevealsWithheld(points.flatMap((point) => (point?.smallNumber && point.value !== null ? [point.value] : [])), smallNumberThreshold);
    return { period, value: withheld ? null : value, sourceId: points[0]?.sourceId ?? null, quality: points[0]?.quality ?? null, smallNumber: false, ...(withheld ? { withheld } : {}), projected: points.some((point) => point?.projected) };
  });
  return { label: { de: 'Mittel der Gebiete (ungewichtet)', en: 'Mean of the areas (unweighted)' }, values };
}

/**
 * The reference line for a series: the region itself for rates, the mean per area for counts.
 * @example referenceLine(region, 21, true).label.de // 'Durchschnitt je Gebiet'
 */
export function referenceLine(region: readonly SeriesPoint[], areaCount: number, isCount: boolean): TimeSeriesData['reference'] {
  if (!isCount || areaCount === 0) return { label: { de: 'Region', en: 'Region' }, values: [...region] };
  return {
    label: { de: 'Durchschnitt je Gebiet', en: 'Mean per area' },
    values: region.map((point) => ({ ...point, value: point.value === null ? null : point.value / areaCount })),
  };
}
