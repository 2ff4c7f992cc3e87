/** Colours of the flow map (kept apart from FlowMap.tsx so tests can read them without loading MapLibre). */
export const FLOW_COLOURS = { line: '#2b6cb0', external: '#9c4221', selected: '#c53030', suppressed: '#718096', area: '#edf2f7', areaSelected: '#fefcbf' } as const;
