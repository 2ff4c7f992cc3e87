/**
 * Benchmark: the flow map's redraw after a filter change (issue 12: 21 × 26 flows in under 50 ms). Measures
 * the work the tab does on every change — the flow view (totals, net/gross, filter, top N, protection)
 * and the map geometry (curves, arrowheads, stubs) — on a full matrix of the demo's 21 municipalities and
 * the 5 outside categories (21 × 26 origins and destinations with every pair filled). MapLibre's upload
 * of the resulting GeoJSON is not included (it is the same for any producer of these features).
 */
import { createDemoProject } from '../../shared/demo/createDemoProject';
import { flowGeometry } from '../../shared/movement/flowGeometry';
import { computeFlowView, type FlowDirection, type FlowMode } from '../../shared/movement/flows';
import { EXTERNAL_CATEGORIES } from '../../shared/movement/flowTypes';
import { median, millisecondsSince } from './benchmark';

const REPETITIONS = 21;

export const name = 'flows';

export async function run(): Promise<Record<string, number>> {
  const demo = createDemoProject();
  const areas = demo.layers[0]!.areas.map((area) => ({ key: area.key, name: area.name }));
  const externals = EXTERNAL_CATEGORIES.map((category) => category.key as string);
  const ends = [...areas.map((area) => area.key), ...externals];
  const records: { from: string; to: string; value: number }[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const from of areas.map((area) => area.key)) {
    for (const to of ends) records.push({ from, to, value: Math.round(1 + next() * 400) });
    for (const external of externals) records.push({ from: external, to: from, value: Math.round(1 + next() * 400) });
  }
  // End positions: a ring, as the flow map places label points and stubs (the numbers of points matter, not where).
  const endPositions = ends.map((key, index) => ({ key, name: { de: key, en: key }, external: key.startsWith('ext:'), position: [9.7 + 0.5 * Math.cos(index), 52.4 + 0.3 * Math.sin(index)] as [number, number] }));
  const filters: { mode: FlowMode; direction: FlowDirection; area: string | null }[] = [
    { mode: 'gross', direction: 'all', area: null },
    { mode: 'gross', direction: 'in', area: areas[0]!.key },
    { mode: 'net', direction: 'all', area: null },
    { mode: 'gross', direction: 'between', area: areas[5]!.key },
    { mode: 'gross', direction: 'out', area: areas[9]!.key },
  ];
  const times: number[] = [];
  let drawn = 0;
  for (let repetition = 0; repetition < REPETITIONS; repetition++) {
    for (const filter of filters) {
      const start = performance.now();
      const view = computeFlowView({ records, areas, ...filter, top: null, smallNumberThreshold: 3 });
      const geometry = flowGeometry({ flows: view.flows, ends: endPositions, locale: 'de', selectedKey: filter.area }, 0.002);
      times.push(millisecondsSince(start));
      drawn = Math.max(drawn, geometry.lines.features.length);
    }
  }
  return {
    flows: records.length,
    mostDrawn: drawn,
    redrawMs: median(times.slice(filters.length)),
    redrawFirstMs: times[0] ?? Number.NaN,
    redrawTargetMs: 50,
  };
}
