/**
 * Pure computations on origin–destination flows for one period: per-area totals (in, out, internal, net),
 * gross and net flows, the filter for one area (incoming, outgoing, both), the top N with what is hidden,
 * and small-number protection by the project's rule (a count 0 < n < threshold is not shown; the same
 * rule as computeIndicatorValues). Totals are computed on the true counts; the top N are the largest of
 * the flows that are shown, withheld ones listed after them.
 *
 * Protection goes beyond the small flows themselves, as statistical offices do: an area's total (which
 * the Bilanz shows too) minus its shown flows is what its withheld flows sum to, and where that settles
 * them (one withheld flow into the area, say; shared/indicators/smallCounts.ts) a further flow of that
 * area is withheld — the smallest — so the total can stay (complementary suppression). Where an area has
 * no further flow to withhold, its total is withheld instead. A net flow is withheld where either of its
 * gross flows is, which it would give back.
 */
import { isExternalKey, type FlowRecord } from './flowTypes';
import { isSmallCount, protectSums } from '../indicators/smallCounts';
import { translate } from '../i18n/translate';
import { formatNumber, type Locale } from '../format/number';

export const FLOW_MODES = ['gross', 'net'] as const;
export type FlowMode = (typeof FLOW_MODES)[number];
/** `between`: flows in either direction between the selected area and any other end. */
export const FLOW_DIRECTIONS = ['all', 'in', 'out', 'between'] as const;
export type FlowDirection = (typeof FLOW_DIRECTIONS)[number];

export interface FlowPair {
  from: string;
  to: string;
  value: number;
}

export interface FlowLine {
  from: string;
  to: string;
  /** null: withheld by small-number protection. */
  value: number | null;
  suppressed: boolean;
  /** Withheld not as a small count but so that a total does not give a small one back (flowProtection). */
  complementary?: boolean;
  /** Either end is an external category. */
  external: boolean;
}

export interface FlowAreaTotals {
  key: string;
  name: string;
  /** Arrivals from other areas and from outside. */
  inflow: number;
  /** Departures to other areas and to outside. */
  outflow: number;
  /** Moves within the area (from = to). */
  internal: number;
  /** inflow − outflow. */
  net: number;
}

/**
 * Sums records over their dimensions per ordered pair (one period's records in, internal moves kept as from = to).
 * @example sumPairs([{ from: 'a', to: 'b', value: 2, period: 'p', dimensions: { sex: 'm' }, sourceId: 's' }, { from: 'a', to: 'b', value: 3, period: 'p', dimensions: { sex: 'f' }, sourceId: 's' }]) // [{ from: 'a', to: 'b', value: 5 }]
 */
export function sumPairs(records: readonly Pick<FlowRecord, 'from' | 'to' | 'value'>[]): FlowPair[] {
  const sums = new Map<string, FlowPair>();
  for (const record of records) {
    const id = `${record.from}\u0000${record.to}`;
    const pair = sums.get(id);
    if (pair) pair.value += record.value;
    else sums.set(id, { from: record.from, to: record.to, value: record.value });
  }
  return [...sums.values()];
}

/**
 * In, out, internal and net per area, from all pairs (true counts, before any suppression).
 * @example flowTotals([{ from: 'a', to: 'b', value: 5 }, { from: 'a', to: 'a', value: 2 }], [{ key: 'a', name: 'A' }, { key: 'b', name: 'B' }])[0] // { key: 'a', name: 'A', inflow: 0, outflow: 5, internal: 2, net: -5 }
 */
export function flowTotals(pairs: readonly FlowPair[], areas: readonly { key: string; name: string }[]): FlowAreaTotals[] {
  const totals = new Map(areas.map((area) => [area.key, { key: area.key, name: area.name, inflow: 0, outflow: 0, internal: 0, net: 0 }]));
  for (const pair of pairs) {
    if (pair.from === pair.to) {
      const area = totals.get(pair.from);
      if (area) area.internal += pair.value;
      continue;
    }
    const origin = totals.get(pair.from);
    if (origin) origin.outflow += pair.value;
    const destination = totals.get(pair.to);
    if (destination) destination.inflow += pair.value;
  }
  return [...totals.values()].map((area) => Object.assign({}, area, { net: area.inflow - area.outflow }));
}

/** Totals as they may be shown: null where withheld (written "."). */
export interface ShownFlowTotals {
  key: string;
  name: string;
  inflow: number | null;
  outflow: number | null;
  internal: number | null;
  net: number | null;
}

const pairId = (from: string, to: string) => `${from}\u0000${to}`;

/** Which gross flows are withheld and why, and which totals must be withheld because nothing else can be. */
export interface FlowProtection {
  /** Pair ids (from NUL to) of the small flows. */
  small: ReadonlySet<string>;
  /** Pair ids of flows withheld so that a total does not give a small one back. */
  complementary: ReadonlySet<string>;
  /** Totals withheld, as `end NUL in|out`: the end has no further flow to withhold beside the small one. */
  exposedTotals: ReadonlySet<string>;
}

/**
 * The gross flows to withhold: the small ones, and for every total (an end's flows in, or out; moves within
 * an end and between two external categories are in no total) whose withheld flows its sum would settle,
 * the smallest further flow of that total, until no total settles any (shared/indicators/smallCounts.ts
 * protectSums). Only an end with no further flow withholds its total.
 * @example flowProtection([{ from: 'b', to: 'a', value: 40 }, { from: 'c', to: 'a', value: 2 }, { from: 'c', to: 'b', value: 30 }], 3).complementary // Set { 'b\u0000a' }
 */
export function flowProtection(pairs: readonly FlowPair[], threshold: number): FlowProtection {
  const parts = new Map<string, string[]>();
  const values = new Map<string, number>();
  const addTo = (total: string, id: string, value: number) => {
    const members = parts.get(total);
    if (members) members.push(id);
    else parts.set(total, [id]);
    values.set(total, (values.get(total) ?? 0) + value);
  };
  for (const pair of pairs) {
    if (pair.from === pair.to || pair.value <= 0 || (isExternalKey(pair.from) && isExternalKey(pair.to))) continue;
    const id = pairId(pair.from, pair.to);
    values.set(id, pair.value);
    addTo(`${pair.to}\u0000in`, id, pair.value);
    addTo(`${pair.from}\u0000out`, id, pair.value);
  }
  const totals = new Set(parts.keys());
  const cells = protectSums(values, [...parts].map(([total, members]) => ({ total, parts: members })), threshold);
  return {
    small: new Set(pairs.filter((pair) => isSmallCount(pair.value, threshold)).map((pair) => pairId(pair.from, pair.to))),
    complementary: new Set([...cells.complementary].filter((id) => !totals.has(id))),
    exposedTotals: new Set([...cells.complementary].filter((id) => totals.has(id))),
  };
}

/** A total as it may be shown: null where it is itself a small count or would give a withheld flow back. */
function shownTotal(total: number, threshold: number, exposed = false): number | null {
  return isSmallCount(total, threshold) || exposed ? null : total;
}

/**
 * Per-area totals as the table and its files show them: computed from the true counts, a total withheld
 * where it is itself a small count or where it would give a withheld flow back (`exposedTotals`), and the
 * net with either of its totals (it would give it back).
 * @example protectFlowTotals([{ key: 'a', name: 'A', inflow: 2, outflow: 40, internal: 0, net: -38 }], 3)[0] // { key: 'a', name: 'A', inflow: null, outflow: 40, internal: 0, net: null }
 */
export function protectFlowTotals(totals: readonly FlowAreaTotals[], threshold: number, exposedTotals: ReadonlySet<string> = new Set()): ShownFlowTotals[] {
  return totals.map((area) => {
    const inflow = shownTotal(area.inflow, threshold, exposedTotals.has(`${area.key}\u0000in`));
    const outflow = shownTotal(area.outflow, threshold, exposedTotals.has(`${area.key}\u0000out`));
    return { key: area.key, name: area.name, inflow, outflow, internal: shownTotal(area.internal, threshold), net: inflow === null || outflow === null ? null : area.net };
  });
}

/** Totals per external category seen from the region: inflow = from the category into the layer's areas. */
export function externalTotals(pairs: readonly FlowPair[]): Map<string, { inflow: number; outflow: number }> {
  const totals = new Map<string, { inflow: number; outflow: number }>();
  for (const pair of pairs) {
    if (isExternalKey(pair.from) && !isExternalKey(pair.to)) {
      const entry = totals.get(pair.from) ?? { inflow: 0, outflow: 0 };
      entry.inflow += pair.value;
      totals.set(pair.from, entry);
    } else if (isExternalKey(pair.to) && !isExternalKey(pair.from)) {
      const entry = totals.get(pair.to) ?? { inflow: 0, outflow: 0 };
      entry.outflow += pair.value;
      totals.set(pair.to, entry);
    }
  }
  return totals;
}

/**
 * Gross: every pair between different ends. Net: per unordered pair the difference, directed from the end
 * that sends more (pairs that balance exactly are left out).
 * @example directedFlows([{ from: 'a', to: 'b', value: 5 }, { from: 'b', to: 'a', value: 2 }], 'net') // [{ from: 'a', to: 'b', value: 3 }]
 */
export function directedFlows(pairs: readonly FlowPair[], mode: FlowMode): FlowPair[] {
  const between = pairs.filter((pair) => pair.from !== pair.to && pair.value !== 0);
  if (mode === 'gross') return between.map((pair) => ({ ...pair }));
  const byId = new Map(between.map((pair) => [`${pair.from}\u0000${pair.to}`, pair.value]));
  const result: FlowPair[] = [];
  const done = new Set<string>();
  for (const pair of between) {
    const id = `${pair.from}\u0000${pair.to}`;
    const reverseId = `${pair.to}\u0000${pair.from}`;
    if (done.has(id)) continue;
    done.add(id);
    done.add(reverseId);
    const net = pair.value - (byId.get(reverseId) ?? 0);
    if (net > 0) result.push({ from: pair.from, to: pair.to, value: net });
    else if (net < 0) result.push({ from: pair.to, to: pair.from, value: -net });
  }
  return result;
}

/**
 * The flows touching one area: `in` ending there, `out` starting there, `between` either; `all` or no area: all.
 * @example filterFlows([{ from: 'a', to: 'b', value: 1 }, { from: 'b', to: 'c', value: 1 }], 'a', 'in') // []
 */
export function filterFlows(flows: readonly FlowPair[], area: string | null, direction: FlowDirection): FlowPair[] {
  if (area === null || direction === 'all') return [...flows];
  if (direction === 'in') return flows.filter((flow) => flow.to === area);
  if (direction === 'out') return flows.filter((flow) => flow.from === area);
  return flows.filter((flow) => flow.from === area || flow.to === area);
}

export interface TopFlows {
  shown: FlowPair[];
  /**
   * How many flows are not drawn, how many of them are withheld, and the persons of the others (the full
   * list shows each of them; null when that sum is itself a small number).
   */
  hidden: { count: number; sum: number | null; withheld: number };
}

/**
 * The N largest flows (ties by origin, then destination, so the choice is stable), and what is left out.
 * Withheld flows (`isWithheld`) come last, by origin and destination: a place among the shown values
 * would tell about how large a withheld one is. The sum left out counts only the flows shown in the full
 * list, and says how many withheld ones it leaves out.
 * @example topFlows([{ from: 'a', to: 'b', value: 9 }, { from: 'a', to: 'c', value: 4 }, { from: 'c', to: 'b', value: 6 }], 1, 3).hidden // { count: 2, sum: 10, withheld: 0 }
 */
export function topFlows(flows: readonly FlowPair[], n: number | null, smallNumberThreshold: number, isWithheld: (flow: FlowPair) => boolean = (flow) => isSmallCount(flow.value, smallNumberThreshold)): TopFlows {
  const byEnds = (a: FlowPair, b: FlowPair) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to);
  const withheld = flows.filter(isWithheld).sort(byEnds);
  const sorted = [...flows.filter((flow) => !isWithheld(flow)).sort((a, b) => b.value - a.value || byEnds(a, b)), ...withheld];
  const shown = n === null ? sorted : sorted.slice(0, Math.max(0, n));
  const rest = n === null ? [] : sorted.slice(Math.max(0, n));
  // Only the flows that are shown in the full list count into the sum: with a withheld one in it, the sum
  // beside the totals (or beside the next longer list) would help to work that one out.
  const withheldCount = rest.filter(isWithheld).length;
  const sum = rest.filter((flow) => !isWithheld(flow)).reduce((total, flow) => total + flow.value, 0);
  return { shown, hidden: { count: rest.length, sum: isSmallCount(sum, smallNumberThreshold) ? null : sum, withheld: withheldCount } };
}

/**
 * Flows as shown: withheld ones (small counts, and with `protection` the complementary ones) with value
 * null, the rest as they are. Net flows are withheld where either gross flow is.
 * @example protectFlows([{ from: 'a', to: 'b', value: 2 }], 3)[0] // { from: 'a', to: 'b', value: null, suppressed: true, external: false }
 */
export function protectFlows(flows: readonly FlowPair[], smallNumberThreshold: number, protection?: FlowProtection, mode: FlowMode = 'gross'): FlowLine[] {
  // A net flow withheld because a gross flow is, is itself no small count: it is marked as protecting one.
  const withheldGross = (flow: FlowPair) =>
    protection !== undefined &&
    [pairId(flow.from, flow.to), ...(mode === 'net' ? [pairId(flow.to, flow.from)] : [])].some((id) => protection.small.has(id) || protection.complementary.has(id));
  const complementaryOf = (flow: FlowPair) => withheldGross(flow);
  const smallOf = (flow: FlowPair) => isSmallCount(flow.value, smallNumberThreshold) || (mode === 'gross' && protection !== undefined && protection.small.has(pairId(flow.from, flow.to)));
  return flows.map((flow) => {
    const small = smallOf(flow);
    const complementary = !small && complementaryOf(flow);
    const suppressed = small || complementary;
    return { from: flow.from, to: flow.to, value: suppressed ? null : flow.value, suppressed, ...(complementary ? { complementary } : {}), external: isExternalKey(flow.from) || isExternalKey(flow.to) };
  });
}

export interface FlowViewInput {
  /** Records of one period (any dimensions; they are summed). */
  records: readonly Pick<FlowRecord, 'from' | 'to' | 'value'>[];
  areas: readonly { key: string; name: string }[];
  mode: FlowMode;
  area: string | null;
  direction: FlowDirection;
  /** null: all. */
  top: number | null;
  smallNumberThreshold: number;
}

export interface FlowView {
  flows: FlowLine[];
  /** Flows of the filter before the top N. */
  matching: number;
  hidden: TopFlows['hidden'];
  /** Per area, computed from the true counts, shown protected (protectFlowTotals). */
  areas: ShownFlowTotals[];
  /** Per external category, seen from the region, protected alike. */
  external: { key: string; inflow: number | null; outflow: number | null }[];
  /** Records whose ends are neither an area of the layer nor an external category (e.g. another layer's keys). */
  unassigned: number;
}

/** The whole view: pairs → totals → mode → filter → top N → protection. */
export function computeFlowView(input: FlowViewInput): FlowView {
  const known = new Set(input.areas.map((area) => area.key));
  const knownEnd = (key: string) => known.has(key) || isExternalKey(key);
  const pairs = sumPairs(input.records);
  const assigned = pairs.filter((pair) => knownEnd(pair.from) && knownEnd(pair.to));
  const unassigned = input.records.filter((record) => !knownEnd(record.from) || !knownEnd(record.to)).length;
  const filtered = filterFlows(directedFlows(assigned, input.mode), input.area, input.direction);
  const protection = flowProtection(assigned, input.smallNumberThreshold);
  const withheldIds = new Set([...protection.small, ...protection.complementary]);
  const isWithheld = (flow: FlowPair) =>
    isSmallCount(flow.value, input.smallNumberThreshold) || withheldIds.has(pairId(flow.from, flow.to)) || (input.mode === 'net' && withheldIds.has(pairId(flow.to, flow.from)));
  const top = topFlows(filtered, input.top, input.smallNumberThreshold, isWithheld);
  const exposed = (row: string) => protection.exposedTotals.has(row);
  return {
    flows: protectFlows(top.shown, input.smallNumberThreshold, protection, input.mode),
    matching: filtered.length,
    hidden: top.hidden,
    areas: protectFlowTotals(flowTotals(assigned, input.areas), input.smallNumberThreshold, protection.exposedTotals),
    // Seen from the region: a category's inflow is what it sends (its "out" row), its outflow what it takes in.
    external: [...externalTotals(assigned)].map(([key, totals]) => ({
      key,
      inflow: shownTotal(totals.inflow, input.smallNumberThreshold, exposed(`${key}\u0000out`)),
      outflow: shownTotal(totals.outflow, input.smallNumberThreshold, exposed(`${key}\u0000in`)),
    })),
    unassigned,
  };
}

/**
 * What a view of `flows` says of its withheld ones: the small-number rule, and where a flow is withheld to
 * protect one, that too; null when none is withheld. The panel, its tooltip, the table files and the
 * figure say the same.
 * @example flowSuppressionNote([{ suppressed: true }], 3, 'de') // 'Ströme unter 3 Personen werden nicht ausgewiesen (.).'
 */
export function flowSuppressionNote(flows: readonly Pick<FlowLine, 'suppressed' | 'complementary'>[], threshold: number, locale: Locale): string | null {
  if (!flows.some((flow) => flow.suppressed)) return null;
  const rule = translate(locale, 'flows.smallNumbers', { threshold });
  return flows.some((flow) => flow.complementary === true) ? `${rule} ${translate(locale, 'flows.complementary')}` : rule;
}

/**
 * The synthetic-data label under a flow view, unless a source's name already says it ("… – Beispieldaten,
 * synthetisch"): printed twice, it read as two caveats. Null for real data.
 * @example flowSyntheticNote([{ name: 'Demo – Beispieldaten, synthetisch', synthetic: true }], 'de') // null
 */
export function flowSyntheticNote(sources: readonly { name: string; synthetic: boolean }[], locale: Locale): string | null {
  if (!sources.some((source) => source.synthetic)) return null;
  return sources.some((source) => /synthetisch|synthetic/i.test(source.name)) ? null : translate(locale, 'flows.synthetic');
}

/**
 * What a view says of the flows it does not draw: how many, the persons of those the full list shows, and
 * how many are withheld. The panel, the table files, the figure and the CLI say the same.
 * @example hiddenFlowsNote({ count: 259, sum: 3100, withheld: 93 }, 3, 'de') // '259 kleinere Ströme nicht gezeichnet: 166 mit zusammen 3.100 Personen, 93 nicht ausgewiesen.'
 */
export function hiddenFlowsNote(hidden: TopFlows['hidden'], threshold: number, locale: Locale): string | null {
  if (hidden.count === 0) return null;
  if (hidden.sum === null) return translate(locale, 'flows.hiddenSmall', { count: hidden.count, threshold });
  const sum = formatNumber(hidden.sum, 0, locale);
  if (hidden.withheld === 0) return translate(locale, 'flows.hidden', { count: hidden.count, sum });
  if (hidden.withheld === hidden.count) return translate(locale, 'flows.hiddenAllWithheld', { count: hidden.count });
  return translate(locale, 'flows.hiddenWithWithheld', { count: hidden.count, shown: hidden.count - hidden.withheld, sum, withheld: hidden.withheld });
}
