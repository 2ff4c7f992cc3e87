/**
 * Colours of the LISA cluster map and the significance map, GeoDa's conventions that analysts recognise:
 * hot spots red, cold spots blue, outliers in light tones, not significant in light grey; significance in
 * greens that darken as p shrinks. Used by the Analyse tab, the main map's overlay and the figures alike.
 */
import type { ClusterType } from '../spatial/localMoran';
import type { SignificanceClass } from '../spatial/spatialAnalysis';

export const CLUSTER_COLOURS: Record<ClusterType, string> = {
  HH: '#d7191c',
  LL: '#2c7bb6',
  LH: '#abd9e9',
  HL: '#fdae61',
  ns: '#eeeeee',
};

/** Analysed areas without neighbours: white with the outline, clearly not a cluster. */
export const ISLAND_COLOUR = '#ffffff';
/** Areas without a value (the app's no-data grey). */
export const NO_DATA_COLOUR = '#d9d9d9';

export const SIGNIFICANCE_COLOURS: Record<SignificanceClass, string> = {
  '0.001': '#006d2c',
  '0.01': '#31a354',
  '0.05': '#a1d99b',
  ns: '#eeeeee',
};

/** Legend order of the cluster types. */
export const CLUSTER_ORDER: readonly ClusterType[] = ['HH', 'LL', 'LH', 'HL', 'ns'];
export const SIGNIFICANCE_ORDER: readonly SignificanceClass[] = ['0.001', '0.01', '0.05', 'ns'];

/** What an area is drawn as on a cluster map. */
export type ClusterCategory = ClusterType | 'island' | 'noData';

export function clusterCategory(area: { analysed: boolean; island: boolean; cluster: ClusterType }): ClusterCategory {
  if (!area.analysed) return 'noData';
  if (area.island) return 'island';
  return area.cluster;
}

export function clusterCategoryColour(category: ClusterCategory): string {
  if (category === 'noData') return NO_DATA_COLOUR;
  if (category === 'island') return ISLAND_COLOUR;
  return CLUSTER_COLOURS[category];
}
