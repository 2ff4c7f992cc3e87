/**
 * Benchmark: the Profile tab with 51 areas (Hannover's Stadtteile size). Issue 5 targets: 51 panels with
 * pyramids drawn in under 300 ms (pure SVG generation), sort and select under 50 ms.
 * The 51 areas are the demo's 21 municipalities repeated with new keys (their data cloned), which is enough
 * for timing: the work per panel does not depend on the numbers.
 */
import { createDemoProject } from '../../shared/demo/createDemoProject';
import { chooseSourceObservations } from '../../shared/sources/sourceChoice';
import type { Observation } from '../../shared/model/project';
import { aggregateProfiles } from '../../shared/profiles/aggregateProfiles';
import { deviations } from '../../shared/profiles/deviation';
import { orderPanels } from '../../shared/profiles/orderPanels';
import { indicatorScaleMax, sharedScaleMax } from '../../shared/profiles/svg/panelScale';
import { standalonePanelSvg } from '../../shared/profiles/svg/profilePanelSvg';
import { profileGridSvg } from '../../shared/profiles/svg/profileGridSvg';
import { deviationSvg } from '../../shared/profiles/svg/deviationSvg';
import { median, millisecondsSince } from './benchmark';

const AREA_COUNT = 51;
const GERMANY_AREA_COUNT = 11_000;
const REPETITIONS = 11;

export const name = 'profiles';

function measure(repetitions: number, work: () => unknown): { first: number; median: number } {
  const times: number[] = [];
  for (let index = 0; index < repetitions; index++) {
    const start = performance.now();
    work();
    times.push(millisecondsSince(start));
  }
  return { first: times[0] ?? Number.NaN, median: median(times.slice(1)) };
}

export async function run(): Promise<Record<string, number>> {
  const demo = createDemoProject();
  const layer = demo.layers[0];
  if (!layer) throw new Error('demo without layer');
  const period = '2024-12-31';
  // Each variable from its chosen sources, as the Profile tab reads them (the demo also holds comparison
  // sources of refugee totals, which have no breakdown).
  const source = chooseSourceObservations(
    demo.observations.filter((observation) => observation.period === period && ['population', 'refugees', 'foreign_population'].includes(observation.variable)),
    (variable) => demo.variables.find((candidate) => candidate.id === variable)?.sources ?? [],
  );
  const byOriginal = new Map<string, Observation[]>();
  for (const observation of source) byOriginal.set(observation.areaKey, [...(byOriginal.get(observation.areaKey) ?? []), observation]);
  /** `count` areas cloned from the demo's, each with its original's observations under a new key. */
  const clonedAreas = (count: number) => {
    const areas = Array.from({ length: count }, (_, index) => {
      const original = layer.areas[index % layer.areas.length];
      if (!original) throw new Error('no area');
      return { key: `${original.key}-${index}`, name: `${original.name} ${index}`, originalKey: original.key };
    });
    const observations = areas.flatMap((area) => (byOriginal.get(area.originalKey) ?? []).map((observation) => ({ ...observation, areaKey: area.key })));
    return { areas, observations };
  };
  const { areas, observations } = clonedAreas(AREA_COUNT);

  const aggregate = () => aggregateProfiles({ layer: 'bench', areas, observations, period, dimensions: demo.dimensions, sources: demo.sources, smallNumberThreshold: 3 });
  const aggregation = measure(REPETITIONS, aggregate);
  const set = aggregate();
  // Germany's municipalities: the aggregation with its small-number protection, which spans every area
  // (the region's cells are sums over all of them), once.
  const germany = clonedAreas(GERMANY_AREA_COUNT);
  const germanyAggregation = measure(1, () =>
    aggregateProfiles({ layer: 'bench', areas: germany.areas, observations: germany.observations, period, dimensions: demo.dimensions, sources: demo.sources, smallNumberThreshold: 3 }),
  );

  const grid = measure(REPETITIONS, () => profileGridSvg(set, { view: 'pyramid', mode: 'shares', locale: 'de', groups: [{ group: null, areas: set.areas }], reference: set.region }));
  const scaleMax = sharedScaleMax([...set.areas, set.region], 'pyramid', 'shares');
  const indicatorMax = indicatorScaleMax(set.areas);
  // What the renderer does: one standalone SVG per panel.
  const panels = measure(REPETITIONS, () =>
    set.areas.map((area) =>
      standalonePanelSvg(area, { view: 'pyramid', mode: 'shares', scaleMax, indicatorMax, reference: set.region, region: set.region, categories: set, indicators: set.indicators, width: 210, height: 176, locale: 'de' }),
    ),
  );
  const sort = measure(REPETITIONS, () => orderPanels(set.areas, { sortBy: 'refugeesPer1000', descending: true, filter: '' }));
  const indicator = set.indicators.find((candidate) => candidate.id === 'refugeesPer1000');
  if (!indicator) throw new Error('no indicator');
  // Selecting in the deviation view redraws its chart with the highlighted row.
  const selectDeviation = measure(REPETITIONS, () => deviationSvg(set, indicator, deviations(set.areas, set.region, indicator.id, 'index'), 'index', 'de', set.areas[7]?.key ?? null));
  return {
    areas: AREA_COUNT,
    aggregate51AreasMedianMs: aggregation.median,
    aggregate11000AreasMs: germanyAggregation.first,
    gridSvg51PyramidsFirstMs: grid.first,
    gridSvg51PyramidsMedianMs: grid.median,
    panelSvgs51PyramidsMedianMs: panels.median,
    panelsTargetMs: 300,
    sort51MedianMs: sort.median,
    selectDeviation51MedianMs: selectDeviation.median,
    interactionTargetMs: 50,
  };
}

export default { name, run };
