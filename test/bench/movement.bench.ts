/**
 * Benchmark: Bestand und Bewegung (issue 12) with 51 areas × 10 years (Hannover's Stadtteile size). Targets:
 * the stock–flow account in under 20 ms, the small multiples drawn in under 100 ms (pure SVG generation,
 * the same code the tab and the figures use). The 51 areas are the demo's 21 municipalities repeated with
 * new keys; the work per area does not depend on the numbers.
 */
import { createDemoProject } from '../../shared/demo/createDemoProject';
import { computeMovementSeries, movementIndicator } from '../../shared/movement/movementIndicators';
import { geographicGrid } from '../../shared/movement/geoGrid';
import { drawMultiples } from '../../shared/movement/seriesChart';
import { computeStockFlowAccount } from '../../shared/movement/stockFlowAccount';
import { referenceLine } from '../../shared/movement/timeSeriesTypes';
import { median, millisecondsSince } from './benchmark';

const AREA_COUNT = 51;
const REPETITIONS = 11;

export const name = 'movement';

function measure(work: () => unknown): { first: number; median: number } {
  const times: number[] = [];
  for (let index = 0; index < REPETITIONS; index++) {
    const start = performance.now();
    work();
    times.push(millisecondsSince(start));
  }
  return { first: times[0] ?? Number.NaN, median: median(times.slice(1)) };
}

export async function run(): Promise<Record<string, number>> {
  const demo = createDemoProject();
  const municipalities = demo.layers[0]!.areas;
  const variables = new Set(['refugees', 'refugee_arrivals', 'refugee_departures', 'population']);
  const source = demo.observations.filter((observation) => variables.has(observation.variable) && observation.sourceId !== 'zensus-2022-1000a-0000' && observation.sourceId !== 'demo-asylblg' && observation.sourceId !== 'demo-bettenzaehlung');
  const areas = Array.from({ length: AREA_COUNT }, (_, index) => ({ key: `${municipalities[index % municipalities.length]!.key}-${index}`, name: `Gebiet ${index}`, original: municipalities[index % municipalities.length]!.key }));
  const byOriginal = new Map<string, typeof source>();
  for (const observation of source) byOriginal.set(observation.areaKey, [...(byOriginal.get(observation.areaKey) ?? []), observation]);
  const observations = areas.flatMap((area) => (byOriginal.get(area.original) ?? []).map((observation) => ({ ...observation, areaKey: area.key })));

  const account = measure(() => computeStockFlowAccount({ areas, observations, variables: { stock: 'refugees', flows: { inflow: 'refugee_arrivals', outflow: 'refugee_departures' } } }));
  const series = computeMovementSeries({ indicator: movementIndicator('movement.turnover_per_1000')!, areas, observations, inflowVariable: 'refugee_arrivals', outflowVariable: 'refugee_departures', populationVariable: 'population' });
  const reference = referenceLine(series.region, areas.length, false);
  const panels = series.series.map((entry) => ({ key: entry.key, title: entry.name, points: entry.values }));
  const multiples = measure(() => drawMultiples({ x: 0, y: 0, width: 1100, height: 1200 }, { panels, region: reference.values, periods: series.periods, decimals: 1, locale: 'de', fontSize: 11, lineWidth: 1.6, gap: 8, columns: 6 }));
  // The map layout of 51 panels (Hannover's Stadtteile): centroids spread over the region, assigned optimally to grid cells.
  const gridPoints = areas.map((area, index) => ({ key: area.key, x: 9.6 + (index % 7) * 0.031 + (index % 3) * 0.004, y: 52.3 + Math.floor(index / 7) * 0.019 + (index % 5) * 0.003 }));
  const grid = measure(() => geographicGrid(gridPoints));
  const indicators = measure(() => computeMovementSeries({ indicator: movementIndicator('movement.turnover_per_1000')!, areas, observations, inflowVariable: 'refugee_arrivals', outflowVariable: 'refugee_departures', populationVariable: 'population' }));
  return {
    areas: AREA_COUNT,
    periods: series.periods.length,
    accountMs: account.median,
    accountFirstMs: account.first,
    accountTargetMs: 20,
    multiplesSvgMs: multiples.median,
    multiplesSvgFirstMs: multiples.first,
    multiplesTargetMs: 100,
    movementSeriesMs: indicators.median,
    mapGrid51Ms: grid.median,
  };
}
