/**
 * Order and focus of the small multiples: filter by name or key, sort by any indicator (or by name), and
 * group (e.g. by typology). Pure and cheap (a sort of at most a few hundred panels), so it runs on every
 * interaction.
 */
import type { AreaProfile } from './profileTypes';
import { compareAreaNames } from '../format/areaNames';

export interface PanelOrder {
  /**
   * 'name', an indicator id, or null for the layer's own order (kept as it is, also when filtered or
   * grouped; it has no direction, so `descending` does not apply).
   */
  sortBy: string | null;
  descending: boolean;
  /** Case-insensitive part of the name or key; empty keeps all. */
  filter: string;
  /** Group number per area key (e.g. typology); panels of a group stay together, groups in ascending order. */
  groupOf?: Readonly<Record<string, number>> | null;
}

export interface PanelGroup {
  /** Group number, or null when not grouped. */
  group: number | null;
  areas: AreaProfile[];
}

/**
 * @example orderPanels(set.areas, { sortBy: 'refugeesPer1000', descending: true, filter: '' })[0].areas[0].name // the area with the most refugees per 1 000
 * Areas without a value sort last in both directions.
 */
export function orderPanels(areas: readonly AreaProfile[], order: PanelOrder): PanelGroup[] {
  const needle = order.filter.trim().toLocaleLowerCase('de');
  const kept = needle === '' ? [...areas] : areas.filter((area) => area.name.toLocaleLowerCase('de').includes(needle) || area.key.includes(needle));
  const direction = order.descending ? -1 : 1;
  const byName = (a: AreaProfile, b: AreaProfile) => compareAreaNames(a, b, 'de');
  const sortBy = order.sortBy;
  if (sortBy !== null)
    kept.sort((a, b) => {
      if (sortBy === 'name') return compareAreaNames(a, b, 'de', direction);
      const valueA = a.indicators[sortBy] ?? null;
      const valueB = b.indicators[sortBy] ?? null;
      if (valueA === null && valueB === null) return byName(a, b);
      if (valueA === null) return 1;
      if (valueB === null) return -1;
      return valueA === valueB ? byName(a, b) : direction * (valueA - valueB);
    });
  const groupOf = order.groupOf;
  if (!groupOf) return [{ group: null, areas: kept }];
  const groups = new Map<number, AreaProfile[]>();
  const ungrouped: AreaProfile[] = [];
  for (const area of kept) {
    const group = groupOf[area.key];
    if (group === undefined) ungrouped.push(area);
    else groups.set(group, [...(groups.get(group) ?? []), area]);
  }
  const result: PanelGroup[] = [...groups.entries()].sort(([a], [b]) => a - b).map(([group, members]) => ({ group, areas: members }));
  if (ungrouped.length > 0) result.push({ group: null, areas: ungrouped });
  return result;
}
