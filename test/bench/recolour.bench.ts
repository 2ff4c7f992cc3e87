/**
 * Benchmark: the pure part of recolouring the map after a change of method, classes or palette for 11 000
 * areas (about the number of German municipalities): the shared drawing (classes, colours), the legend and the
 * MapLibre fill expression (what MapView hands to `setPaintProperty`; the geometry is not touched).
 * Target: under 50 ms. Figures: median milliseconds of 7 runs after one warm-up, per change.
 */
import { fillColourExpression } from '../../renderer/map/choropleth';
import type { IndicatorValues } from '../../shared/contract/api';
import { drawIndicator } from '../../shared/mapView/drawIndicator';
import { buildIndicatorLegend } from '../../shared/mapView/indicatorLegend';
import { DEFAULT_SYMBOLOGY, type MapSymbology } from '../../shared/mapView/mapSymbology';
import { median, millisecondsSince } from './benchmark';

const AREA_COUNT = 11_000;
const RUNS = 7;

/** Park–Miller minimal standard generator: the same values on every machine and run. */
function seededIndicatorValues(count: number, seed: number): IndicatorValues {
  let state = seed;
  const next = (): number => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
  const values = Array.from({ length: count }, (_, index) => {
    const value = next() < 0.01 ? null : Math.round(-Math.log(next()) * 250) / 10;
    return { key: String(10_000_000 + index), name: `Gemeinde ${index}`, value, numerator: value, denominator: 1, quality: 'synthetic' as const, smallNumber: next() < 0.02, missingReason: null };
  });
  return {
    indicator: { id: 'bench', name: { de: 'Bench', en: 'Bench' }, unit: { de: '%', en: '%' }, decimals: 1, scale: 'percent', description: { de: '', en: '' }, periods: ['2024-12-31'] },
    layer: 'bench',
    period: '2024-12-31',
    values,
    sources: [],
    regionValue: 25,
  };
}

const changes: Record<string, Partial<MapSymbology>> = {
  naturalBreaks7Blues: { method: 'ckmeans', classes: 7, palette: 'Blues' },
  quantile5YlGnBu: { method: 'quantile', classes: 5, palette: 'YlGnBu' },
  equal9Reversed: { method: 'equal', classes: 9, palette: 'viridis', reversed: true },
  stddev6DivergingRdBu: { method: 'stddev', classes: 6, palette: 'RdBu', midpoint: 'region' },
};

export default {
  name: 'recolour',
  async run(): Promise<Record<string, number>> {
    const values = seededIndicatorValues(AREA_COUNT, 20_241_231);
    const results: Record<string, number> = {};
    for (const [name, change] of Object.entries(changes)) {
      const recolour = () => {
        const drawn = drawIndicator({ values: values.values, regionValue: values.regionValue, decimals: 1, symbology: { ...DEFAULT_SYMBOLOGY, ...change }, smallNumbers: 'flag' });
        buildIndicatorLegend(drawn, values, { locale: 'de', smallNumberThreshold: 3 });
        return fillColourExpression(drawn.colourByKey);
      };
      recolour();
      const durations: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const started = performance.now();
        const expression = recolour();
        durations.push(millisecondsSince(started));
        if (expression.length !== 2 * AREA_COUNT + 3) throw new Error(`expression has ${expression.length} entries`);
      }
      results[`${name}Milliseconds`] = median(durations);
    }
    results['areas'] = AREA_COUNT;
    return results;
  },
};
