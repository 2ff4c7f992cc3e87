import { describe, expect, it } from 'vitest';
import { flowLegendValues, flowWidthLegend } from '../../../shared/movement/flowGeometry';
import { externalCategoryOf } from '../../../shared/movement/flowTypes';
import { computeFlowView, directedFlows, filterFlows, flowTotals, protectSmallFlows, sumPairs, topFlows, type FlowPair } from '../../../shared/movement/flows';

const areas = [
  { key: 'a', name: 'A' },
  { key: 'b', name: 'B' },
  { key: 'c', name: 'C' },
];
const record = (from: string, to: string, value: number) => ({ from, to, value });

describe('flows', () => {
  it('totals per area count in, out and internal moves from the true counts; a total that is itself small is withheld', () => {
    const pairs = sumPairs([record('a', 'b', 10), record('b', 'a', 2), record('a', 'a', 4), record('ext:ausland', 'b', 7), record('c', 'ext:bund', 1)]);
    const totals = flowTotals(pairs, areas);
    expect(totals).toEqual([
      { key: 'a', name: 'A', inflow: 2, outflow: 10, internal: 4, net: -8 },
      { key: 'b', name: 'B', inflow: 17, outflow: 2, internal: 0, net: 15 },
      { key: 'c', name: 'C', inflow: 0, outflow: 1, internal: 0, net: -1 },
    ]);
    // The view withholds the small flows but counts them in the totals; a total that is itself a small
    // count is withheld too (the walkthrough saw Burgdorf's 25 arrivals printed under a threshold of 400),
    // and a net beside it, which would give it back.
    const view = computeFlowView({ records: [record('a', 'b', 10), record('b', 'a', 2), record('b', 'a', 5), record('c', 'ext:bund', 1)], areas, mode: 'gross', area: null, direction: 'all', top: null, smallNumberThreshold: 3 });
    expect(view.flows.filter((flow) => flow.suppressed).map((flow) => [flow.from, flow.to, flow.value])).toEqual([['c', 'ext:bund', null]]);
    expect(view.areas).toEqual([
      { key: 'a', name: 'A', inflow: 7, outflow: 10, internal: 0, net: -3 },
      { key: 'b', name: 'B', inflow: 10, outflow: 7, internal: 0, net: 3 },
      { key: 'c', name: 'C', inflow: 0, outflow: null, internal: 0, net: null },
    ]);
    expect(view.external).toEqual([{ key: 'ext:bund', inflow: 0, outflow: null }]);
  });

  it('sums dimensions per pair and nets opposite flows', () => {
    expect(sumPairs([record('a', 'b', 2), record('a', 'b', 3)])).toEqual([{ from: 'a', to: 'b', value: 5 }]);
    const pairs: FlowPair[] = [record('a', 'b', 5), record('b', 'a', 8), record('a', 'c', 4), record('c', 'a', 4), record('a', 'a', 9)];
    expect(directedFlows(pairs, 'net')).toEqual([{ from: 'b', to: 'a', value: 3 }]);
    expect(directedFlows(pairs, 'gross')).toHaveLength(4);
  });

  it('filters incoming, outgoing and both directions for one area', () => {
    const pairs: FlowPair[] = [record('a', 'b', 5), record('b', 'a', 8), record('c', 'b', 4)];
    expect(filterFlows(pairs, 'b', 'in').map((flow) => flow.from)).toEqual(['a', 'c']);
    expect(filterFlows(pairs, 'b', 'out').map((flow) => flow.to)).toEqual(['a']);
    expect(filterFlows(pairs, 'a', 'between')).toHaveLength(2);
    expect(filterFlows(pairs, null, 'in')).toHaveLength(3);
  });

  it('keeps the N largest flows and says how many and how much is hidden', () => {
    const pairs: FlowPair[] = [record('a', 'b', 5), record('b', 'a', 8), record('c', 'b', 40), record('c', 'a', 1)];
    const top = topFlows(pairs, 2, 3);
    expect(top.shown.map((flow) => flow.value)).toEqual([40, 8]);
    expect(top.hidden).toEqual({ count: 2, sum: 6 });
    // A hidden sum that is itself a small number is withheld.
    expect(topFlows(pairs, 3, 3).hidden).toEqual({ count: 1, sum: null });
  });

  it('withholds counts 0 < n < threshold, as for indicators', () => {
    expect(protectSmallFlows([record('a', 'b', 2), record('a', 'c', 3), record('a', 'ext:ausland', 0)], 3).map((flow) => flow.suppressed)).toEqual([true, false, false]);
  });

  it('recognises external categories by their German and English names', () => {
    expect(externalCategoryOf('übriges Niedersachsen')).toBe('ext:niedersachsen');
    expect(externalCategoryOf('Ausland')).toBe('ext:ausland');
    expect(externalCategoryOf('ext:umland')).toBe('ext:umland');
    expect(externalCategoryOf('Rest of Germany')).toBe('ext:bund');
    expect(externalCategoryOf('03241001')).toBeNull();
  });

  it('offers round legend counts at full, half and a quarter of the width, none withheld', () => {
    expect(flowLegendValues(1234, 3)).toEqual([1000, 300, 70]);
    expect(flowLegendValues(40, 10)).toEqual([40, 10]);
    expect(flowLegendValues(2, 3)).toEqual([]);
    expect(flowLegendValues(0, 3)).toEqual([]);
    const widths = flowWidthLegend([{ value: 5000 }, { value: 12 }, { value: null }], 3, 0.35, 3.2).map((row) => row.width);
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    expect(widths[0]).toBeCloseTo(3.2, 9);
  });
});
