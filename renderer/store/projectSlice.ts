/**
 * Project slice: what the backend told us about the open project, plus the data the views show
 * (features of the current layer, values of the current indicator, details of the selected area).
 * Pure updaters: (state, input) → partial state, so tests can call them without a store.
 */
import type { AreaDetails, FeatureCollectionDto, HostInfo, MethodOutput, ProjectSummary } from '../../shared/contract/api';

/** Indicator values as `indicator.values` answers: possibly derived (index, change …), with the mode used. */
export type ShownIndicatorValues = MethodOutput<'indicator.values'>;

export interface ProjectSlice {
  host: HostInfo | null;
  project: ProjectSummary | null;
  /** Features of `view.layerName`; null until loaded. */
  features: FeatureCollectionDto | null;
  /** Values of `view.indicatorId` at `view.period` on `view.layerName`; null until loaded. */
  indicatorValues: ShownIndicatorValues | null;
  /** Details of the selected area; null when nothing is selected or while loading. */
  areaDetails: AreaDetails | null;
  /** Counts project replacements (open, new, demo); data fetched for an older generation is discarded. */
  generation: number;
}

export const initialProjectSlice: ProjectSlice = {
  host: null,
  project: null,
  features: null,
  indicatorValues: null,
  areaDetails: null,
  generation: 0,
};

/**
 * A project arrived. `replaced` (a file was opened, a new or the demo project created) drops everything
 * derived from the old project and counts up `generation`, so fetches made for the old project are
 * recognisable; otherwise (a `project.changed` event: saved, setting changed, data imported) the shown data
 * stays until fresh data arrives, so the map does not flicker.
 */
export function projectReceived(state: ProjectSlice, project: ProjectSummary, replaced: boolean): Partial<ProjectSlice> {
  if (replaced || state.project === null) {
    return { project, features: null, indicatorValues: null, areaDetails: null, generation: state.generation + 1 };
  }
  return { project };
}
