/**
 * A time series of one indicator for every area of a layer and the region: what the Zeitreihen tab draws,
 * `kleinraum timeseries` prints and the chart exports show. Plain data (the contract's schema in
 * shared/contract/methods/movement.ts describes the same shape).
 */
import type { LocalizedText, QualityFlag } from '../model/project';

export interface SeriesPoint {
  /** Stichtag (ISO date). */
  period: string;
  value: number | null;
  /** The source the value rests on (its numerator's); null when none. */
  sourceId: string | null;
  quality: QualityFlag | null;
  /** Small-number protection: a count below the project's threshold (not drawn as a value in exports). */
  smallNumber: boolean;
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
}

export interface TimeSeriesData {
  indicator: SeriesIndicator;
  layer: string;
  layerTitle: LocalizedText;
  /** Stichtage, ascending; every series has one point per period in this order. */
  periods: string[];
  series: AreaSeries[];
  /** The region's value per period (reference line); null points where it cannot be computed. */
  region: SeriesPoint[];
}
