/**
 * The map view (shared/mapView/mapViewSpec.ts) a state of the app shows: the store's choice of layer,
 * indicator, Stichtag, derivation and sources with the symbology and display of the project and the
 * session. Pure; the hooks in useMapSymbology.ts and the session's save command use it.
 */
import { defaultSymbologyFor, symbologySubject, withValidChoices, type MapSymbology } from '../../shared/mapView/mapSymbology';
import { MAP_VIEW_SPEC_VERSION, normalizedDerivation, type MapViewSpec } from '../../shared/mapView/mapViewSpec';
import { readFamilySetting, readSetting, type MapDisplay } from '../../shared/settings/projectSettings';
import type { KleinraumState } from '../store/store';
import { useMapUi, type MapUiState } from './mapUiStore';

/**
 * The view the map shows in a given state, outside React (saving the project stores it, so that the
 * command line draws what the user last saw).
 */
export function currentMapView(state: KleinraumState, ui: MapUiState = useMapUi.getState()): MapViewSpec | null {
  const { indicatorId } = state;
  if (!indicatorId) return null;
  const display = ui.displayOverride?.generation === state.generation ? ui.displayOverride.display : readSetting(state.project?.settings ?? {}, 'map.display');
  return assembleMapView({ ...state, indicatorId }, symbologyOf(state, ui), display);
}

export type ViewChoice = Pick<KleinraumState, 'layerName' | 'period' | 'mode' | 'comparePeriod' | 'denominatorVariable' | 'sources'> & { indicatorId: string };

export function assembleMapView(view: ViewChoice, symbology: MapSymbology, display: MapDisplay): MapViewSpec {
  return {
    version: MAP_VIEW_SPEC_VERSION,
    layer: view.layerName,
    indicatorId: view.indicatorId,
    period: view.period,
    sources: view.sources,
    derivation: normalizedDerivation(view.mode, view),
    symbology,
    labels: display.labels,
    smallNumbers: display.smallNumbers,
  };
}

export function symbologyOf(state: KleinraumState, ui: MapUiState): MapSymbology {
  if (!state.indicatorId) return defaultSymbologyFor(state.mode);
  const subject = symbologySubject(state.indicatorId, state.mode);
  const override = ui.symbologyOverrides[`${state.generation}:${subject}`];
  if (override) return override;
  const stored = readFamilySetting(state.project?.settings ?? {}, 'map.symbology.', subject);
  return stored ? withValidChoices(stored) : defaultSymbologyFor(state.mode);
}

