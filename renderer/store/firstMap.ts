/**
 * What a map asks the backend for: the areas of its layer and the values of its view. One rule for the
 * session and for the page's boot script, which asks for a project's first map before the app has loaded
 * (renderer/boot.ts); the session's requests then meet those answers.
 */
import type { ProjectSummaryView } from './projectTypes';
import { initialViewSlice, savedView, viewForProject, type ViewSlice } from './viewSlice';
import { indicatorValuesRequest } from '../../shared/mapView/viewValues';

/** The `layer.features` input of a layer. */
export function featuresInput(layer: string): { layer: string } {
  return { layer };
}

/** The `indicator.values` input of a view; null when no indicator is shown. */
export function indicatorValuesInput(view: Pick<ViewSlice, 'layerName' | 'indicatorId' | 'period' | 'mode' | 'comparePeriod' | 'denominatorVariable' | 'sources'>) {
  const { layerName, indicatorId, period, mode, comparePeriod, denominatorVariable, sources } = view;
  if (!layerName || !indicatorId) return null;
  return indicatorValuesRequest({ layer: layerName, indicatorId, period, mode, comparePeriod, denominatorVariable, sources });
}

/**
 * The requests of the map a project opens with in a new page: the view it was saved with, else its
 * defaults (the view `stateAfterProject` gives a fresh store).
 * @example firstMapRequests(project)['layer.features'] // { layer: "gemeinden" }
 */
export function firstMapRequests(project: ProjectSummaryView): { 'layer.features'?: { layer: string }; 'indicator.values'?: NonNullable<ReturnType<typeof indicatorValuesInput>> } {
  const view = { ...initialViewSlice, ...viewForProject(savedView(project, initialViewSlice), project) };
  const values = indicatorValuesInput(view);
  return { ...(view.layerName ? { 'layer.features': featuresInput(view.layerName) } : {}), ...(values ? { 'indicator.values': values } : {}) };
}
