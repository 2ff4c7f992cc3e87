// The Analyse tab's clusters on the main map: each area in its cluster's colour, islands white, areas
// without a value "keine Daten", and the legend counting them in the tab's order.
import { describe, expect, it } from 'vitest';
import type { MoranResult } from '../../../shared/analysis/analysisTypes';
import { CLUSTER_COLOURS, ISLAND_COLOUR } from '../../../shared/analysis/clusterColours';
import { clusterOverlay } from '../../../renderer/analysis/clusterOverlay';
import { overlayDrawing } from '../../../renderer/map/overlayChoropleth';

function area(key: string, cluster: 'HH' | 'LL' | 'HL' | 'LH' | 'ns', extra: { analysed?: boolean; island?: boolean } = {}): MoranResult['areas'][number] {
  return { key, name: key, value: 1, analysed: extra.analysed ?? true, island: extra.island ?? false, smallNumber: false, standardisedValue: 0, spatialLag: 0, localI: 0, localZScore: null, pValue: 0.5, adjustedPValue: 0.5, quadrant: 'HH', cluster };
}

describe('clusterOverlay', () => {
  it('draws hot spots red, cold spots blue, islands white and missing values as no data', () => {
    const result = {
      layer: 'gemeinden',
      period: '2024-12-31',
      indicator: { id: 'x', name: { de: 'Ausländeranteil', en: 'Foreign share' }, unit: { de: '%', en: '%' }, decimals: 1, scale: 'percent', description: { de: '', en: '' }, periods: [] },
      weights: { type: 'queen', k: 4 },
      correction: 'fdr',
      islands: [{ key: 'e', name: 'e' }],
      areas: [area('a', 'HH'), area('b', 'LL'), area('c', 'ns'), area('d', 'ns', { analysed: false }), area('e', 'ns', { island: true })],
    } as unknown as MoranResult;
    const overlay = clusterOverlay(result, 'de');
    expect(overlay.title).toBe('Ausländeranteil – Cluster-Karte (LISA)');
    const { drawn: choropleth, legend } = overlayDrawing(overlay, ['a', 'b', 'c', 'd', 'e'], 'de');
    expect(['a', 'b', 'c', 'e'].map((key) => choropleth.colourByKey.get(key))).toEqual([CLUSTER_COLOURS.HH, CLUSTER_COLOURS.LL, CLUSTER_COLOURS.ns, ISLAND_COLOUR]);
    expect(choropleth.noDataKeys).toEqual(['d']);
    expect(legend.rows.map((row) => [row.label, row.count])).toEqual([
      ['hoch–hoch (Hot Spot)', 1],
      ['niedrig–niedrig (Cold Spot)', 1],
      ['niedrig–hoch (Ausreißer)', 0],
      ['hoch–niedrig (Ausreißer)', 0],
      ['nicht signifikant', 1],
      ['ohne Nachbarn (Insel)', 1],
    ]);
    expect(legend.unit).toContain('Falscherkennungsrate');
  });
});
