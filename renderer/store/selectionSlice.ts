/**
 * Selection slice: the one selection model that map, table and details panel all observe and update
 * (GeoDa's HighlightState idea). Keys are area keys (AGS), never feature indexes.
 */
export interface SelectionSlice {
  /** Key of the selected area, or null. */
  selectedKey: string | null;
  /** Key of the area under the pointer (map or table), or null. */
  hoveredKey: string | null;
  /** Areas picked together by brushing a chart (the Analyse tab's scatter plots); empty when none. */
  brushedKeys: readonly string[];
}

export const initialSelectionSlice: SelectionSlice = { selectedKey: null, hoveredKey: null, brushedKeys: [] };

/**
 * A brush picks several areas at once; the first becomes the selected area, so map, table and details
 * follow it, and every brushed area stays marked in the charts and maps that show brushes.
 * @example areasBrushed(['03241001', '03241005']) // { brushedKeys: [...], selectedKey: '03241001' }
 */
export function areasBrushed(keys: readonly string[]): Partial<SelectionSlice> {
  return { brushedKeys: [...keys], selectedKey: keys[0] ?? null };
}

/** Selecting the already selected area keeps it selected (a second click is not an unselect: Esc is). */
export function areaSelected(_state: SelectionSlice, key: string | null): Partial<SelectionSlice> {
  return { selectedKey: key };
}

export function selectionCleared(): Partial<SelectionSlice> {
  return { selectedKey: null, brushedKeys: [] };
}

export function areaHovered(state: SelectionSlice, key: string | null): Partial<SelectionSlice> {
  return state.hoveredKey === key ? {} : { hoveredKey: key };
}

/** Drops a selection that the new layer does not contain (e.g. after switching projects). */
export function selectionForKeys(state: SelectionSlice, keys: ReadonlySet<string>): Partial<SelectionSlice> {
  return {
    selectedKey: state.selectedKey !== null && keys.has(state.selectedKey) ? state.selectedKey : null,
    hoveredKey: state.hoveredKey !== null && keys.has(state.hoveredKey) ? state.hoveredKey : null,
    brushedKeys: state.brushedKeys.filter((key) => keys.has(key)),
  };
}
