/**
 * Selection slice: the one selection model that map, table and details panel all observe and update
 * (GeoDa's HighlightState idea). Keys are area keys (AGS), never feature indexes.
 */
export interface SelectionSlice {
  /** Key of the selected area, or null. */
  selectedKey: string | null;
  /** Key of the area under the pointer (map or table), or null. */
  hoveredKey: string | null;
}

export const initialSelectionSlice: SelectionSlice = { selectedKey: null, hoveredKey: null };

/** Selecting the already selected area keeps it selected (a second click is not an unselect: Esc is). */
export function areaSelected(_state: SelectionSlice, key: string | null): Partial<SelectionSlice> {
  return { selectedKey: key };
}

export function selectionCleared(): Partial<SelectionSlice> {
  return { selectedKey: null };
}

export function areaHovered(state: SelectionSlice, key: string | null): Partial<SelectionSlice> {
  return state.hoveredKey === key ? {} : { hoveredKey: key };
}

/** Drops a selection that the new layer does not contain (e.g. after switching projects). */
export function selectionForKeys(state: SelectionSlice, keys: ReadonlySet<string>): Partial<SelectionSlice> {
  return {
    selectedKey: state.selectedKey !== null && keys.has(state.selectedKey) ? state.selectedKey : null,
    hoveredKey: state.hoveredKey !== null && keys.has(state.hoveredKey) ? state.hoveredKey : null,
  };
}
