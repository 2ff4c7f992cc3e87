import { describe, expect, it } from 'vitest';
import { flowLegendValues, flowWidthLegend } from '../../../shared/movement/flowGeometry';
import { externalCategoryOf } from '../../../shared/movement/flowTypes';
import { computeFlowView, directedFlows, flowSuppressionNote, hiddenFlowsNote, filterFlows, flowTotals, protectFlows, sumPairs, topFlows, type FlowPair } from '../../../shared/movement/flows';

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
    // Left out: 5 and a withheld 1. The sum counts the 5 only (6 beside the full list would give the 1 back).
    expect(top.hidden).toEqual({ count: 2, sum: 5, withheld: 1 });
    expect(hiddenFlowsNote(top.hidden, 3, 'de')).toBe('2 kleinere Ströme nicht gezeichnet: 1 mit zusammen 5 Personen, 1 nicht ausgewiesen.');
    const larger: FlowPair[] = [record('a', 'b', 5), record('b', 'a', 8), record('c', 'b', 40), record('c', 'a', 4)];
    expect(topFlows(larger, 2, 3).hidden).toEqual({ count: 2, sum: 9, withheld: 0 });
    expect(hiddenFlowsNote(topFlows(larger, 2, 3).hidden, 3, 'de')).toBe('2 kleinere Ströme nicht gezeichnet (9 Personen).');
    expect(topFlows(pairs, 3, 3).hidden).toEqual({ count: 1, sum: 0, withheld: 1 });
    expect(hiddenFlowsNote(topFlows(pairs, 3, 3).hidden, 3, 'en')).toBe('1 smaller flows not drawn, none of them shown.');
  });

  it('withholds counts 0 < n < threshold, as for indicators', () => {
    expect(protectFlows([record('a', 'b', 2), record('a', 'c', 3), record('a', 'ext:ausland', 0)], 3).map((flow) => flow.suppressed)).toEqual([true, false, false]);
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

describe('flow totals beside withheld flows', () => {
  const view = (records: ReturnType<typeof record>[], mode: 'gross' | 'net' = 'gross') => computeFlowView({ records, areas, mode, area: null, direction: 'all', top: null, smallNumberThreshold: 3 });
  const line = (result: ReturnType<typeof view>, from: string, to: string) => result.flows.find((flow) => flow.from === from && flow.to === to);

  it('withholds a further flow where a total minus the shown flows would give one withheld flow back, and keeps the total', () => {
    // Into A: 40 from B and 2 from C; 42 − 40 would be C's 2. B → A is withheld too, so A's 42 stays (the Bilanz shows it).
    const result = view([record('b', 'a', 40), record('c', 'a', 2), record('b', 'c', 30), record('c', 'b', 25), record('a', 'b', 12), record('a', 'c', 9)]);
    expect(line(result, 'c', 'a')).toMatchObject({ value: null, suppressed: true });
    expect(line(result, 'c', 'a')?.complementary).toBeUndefined();
    expect(line(result, 'b', 'a')).toMatchObject({ value: null, suppressed: true, complementary: true });
    expect(result.areas.find((area) => area.key === 'a')).toMatchObject({ inflow: 42, outflow: 21 });
    // Withholding B → A left B's departures (40 of 70) with one withheld flow: a second one of B's goes too.
    expect(line(result, 'b', 'c')).toMatchObject({ value: null, complementary: true });
    // No total of any end now settles its withheld flows: each has none, or two and more.
    for (const end of ['a', 'b', 'c']) {
      for (const side of ['from', 'to'] as const) {
        const withheld = result.flows.filter((flow) => flow[side] === end && flow.suppressed).length;
        expect(withheld === 1, `${end} ${side}`).toBe(false);
      }
    }
  });

  it('withholds the total where the area has no further flow to withhold', () => {
    const result = view([record('c', 'a', 2), record('b', 'c', 30), record('a', 'b', 12)]);
    expect(result.areas.find((area) => area.key === 'a')).toMatchObject({ inflow: null, net: null, outflow: 12 });
    expect(result.external).toEqual([]);
  });

  it('keeps totals whose withheld flows sum to more than one way (1 + 2 or 2 + 1), and protects them when all are 1', () => {
    const leaves = view([record('b', 'a', 40), record('c', 'a', 1), record('ext:bund', 'a', 2)]);
    expect(leaves.flows.filter((flow) => flow.complementary)).toEqual([]);
    expect(leaves.areas.find((area) => area.key === 'a')).toMatchObject({ inflow: 43 });
    const settles = view([record('b', 'a', 40), record('c', 'a', 1), record('ext:bund', 'a', 1)]);
    expect(line(settles, 'b', 'a')).toMatchObject({ value: null, complementary: true });
  });

  it('withholds a net flow where either gross flow is withheld: the gross view shows the other', () => {
    const result = view([record('a', 'b', 2), record('b', 'a', 50), record('c', 'a', 20), record('c', 'b', 20)], 'net');
    // 48 is no small count: it is withheld to protect the 2, and says so.
    expect(line(result, 'b', 'a')).toMatchObject({ value: null, suppressed: true, complementary: true });
  });

  it('sums only the shown flows left out of a top N and counts the withheld ones', () => {
    const records = [record('b', 'a', 40), record('c', 'a', 2), record('b', 'c', 30), record('c', 'b', 25), record('a', 'b', 12), record('a', 'c', 9)];
    const top = computeFlowView({ records, areas, mode: 'gross', area: null, direction: 'all', top: 3, smallNumberThreshold: 3 });
    expect(top.flows).toHaveLength(3);
    // The three left out are all withheld (the protection spreads through this small table): no persons are given.
    expect(top.hidden).toEqual({ count: 3, sum: 0, withheld: 3 });
    const withoutWithheld = computeFlowView({ records: [record('b', 'a', 40), record('a', 'b', 12), record('a', 'c', 9)], areas, mode: 'gross', area: null, direction: 'all', top: 1, smallNumberThreshold: 3 });
    expect(withoutWithheld.hidden).toEqual({ count: 2, sum: 21, withheld: 0 });
  });

  it('says when a flow is withheld to protect another', () => {
    expect(flowSuppressionNote([{ suppressed: true }], 3, 'de')).toBe('Ströme unter 3 Personen werden nicht ausgewiesen (.).');
    expect(flowSuppressionNote([{ suppressed: true }, { suppressed: true, complementary: true }], 3, 'de')).toBe(
      'Ströme unter 3 Personen werden nicht ausgewiesen (.). Wo eine Summe einen solchen Strom verriete, ist auch ein weiterer Strom des Gebiets nicht ausgewiesen.',
    );
    expect(flowSuppressionNote([{ suppressed: false }], 3, 'en')).toBeNull();
  });
});
