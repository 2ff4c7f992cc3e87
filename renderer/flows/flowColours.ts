/** Colours of the flow map (shared with the committee figure); kept apart from FlowMap.tsx so tests can read them without loading MapLibre. */
export { FLOW_COLOURS } from '../../shared/movement/flowGeometry';
