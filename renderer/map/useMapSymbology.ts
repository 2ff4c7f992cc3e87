/**
 * Hooks that give the map its view: the shown indicator's symbology (the session's choice, else the one
 * remembered in the project, else the default for its derivation), the map display choices, the complete
 * map view spec (shared/mapView/mapViewSpec.ts) and the values of all periods for classes fixed across
 * periods. Changes are applied at once and stored as project settings.
 */
import { useCallback, useMemo } from 'react';
import { symbologySubject, type MapSymbology } from '../../shared/mapView/mapSymbology';
import type { MapViewSpec } from '../../shared/mapView/mapViewSpec';
import { allPeriodValuesRequest } from '../../shared/mapView/viewValues';
import { readSetting, type MapDisplay } from '../../shared/settings/projectSettings';
import { useApp, useKleinraum } from '../AppContext';
import { toApiError } from '../api/apiError';
import { useBackend, useBackendQuery, type Backend } from '../api/backend';
import { assembleMapView, symbologyOf } from './mapViewState';
import { useMapUi } from './mapUiStore';
import { message } from '../../shared/i18n/translate';

/** The shown indicator's symbology and a setter that applies it at once and stores it in the project. */
export function useMapSymbology(): [MapSymbology, (symbology: MapSymbology) => void] {
  const { store } = useApp();
  const backend = useBackend();
  // The symbology belongs to the indicator in its mode (an index keeps its own classes and colours).
  const subject = useKleinraum((state) => (state.indicatorId ? symbologySubject(state.indicatorId, state.mode) : null));
  const generation = useKleinraum((state) => state.generation);
  const symbology = useKleinraum((state) => symbologyOf(state, useMapUi.getState()));
  // Re-render when the session's own choice changes too.
  useMapUi((state) => (subject ? state.symbologyOverrides[`${generation}:${subject}`] : undefined));
  const setSymbology = useCallback(
    (next: MapSymbology) => {
      if (!subject) return;
      const before = symbologyOf(store.getState(), useMapUi.getState());
      const apply = (value: MapSymbology) => {
        useMapUi.getState().setSymbology(generation, subject, value);
        return saveSetting(backend, `map.symbology.${subject}`, value, (error) => store.getState().showMessage(toApiError(error, 'project.setSetting').text));
      };
      apply(next);
      // Undo restores this indicator's symbology, even when another indicator is shown by then.
      store.getState().recordEdit({ label: message('undo.symbology'), undo: () => apply(before), redo: () => apply(next) });
    },
    [subject, generation, store, backend],
  );
  return [symbology, setSymbology];
}

/** The map display choices (labels, basemap, small numbers) and their setter. */
export function useMapDisplay(): [MapDisplay, (display: MapDisplay) => void] {
  const { store } = useApp();
  const backend = useBackend();
  const generation = useKleinraum((state) => state.generation);
  const stored = useKleinraum((state) => readSetting(state.project?.settings ?? {}, 'map.display'));
  const override = useMapUi((state) => (state.displayOverride?.generation === generation ? state.displayOverride.display : undefined));
  const display = override ?? stored;
  const setDisplay = useCallback(
    (next: MapDisplay) => {
      const before = display;
      const apply = (value: MapDisplay) => {
        useMapUi.getState().setDisplay(generation, value);
        return saveSetting(backend, 'map.display', value, (error) => store.getState().showMessage(toApiError(error, 'project.setSetting').text));
      };
      apply(next);
      store.getState().recordEdit({ label: message('undo.display'), undo: () => apply(before), redo: () => apply(next) });
    },
    [generation, store, backend, display],
  );
  return [display, setDisplay];
}

/**
 * The project's small-number threshold ("Kleine Fallzahlen unter 3") and its setter, with undo. Offices
 * use different rules (under 3, 5 or 10); every view, figure and file follows the stored value.
 */
export function useSmallNumberThreshold(): [number, (threshold: number) => void] {
  const { store } = useApp();
  const backend = useBackend();
  const threshold = useKleinraum((state) => readSetting(state.project?.settings ?? {}, 'smallNumberThreshold'));
  const setThreshold = useCallback(
    (next: number) => {
      const before = threshold;
      const apply = (value: number) => saveSetting(backend, 'smallNumberThreshold', value, (error) => store.getState().showMessage(toApiError(error, 'project.setSetting').text));
      void apply(next);
      store.getState().recordEdit({ label: message('undo.smallNumberThreshold'), undo: () => apply(before), redo: () => apply(next) });
    },
    [store, backend, threshold],
  );
  return [threshold, setThreshold];
}

function saveSetting(backend: Backend, key: string, value: unknown, onError: (error: unknown) => void): Promise<void> {
  // The backend answers with project.changed, which brings the stored setting into the store; until then
  // the session's choice (mapUiStore) is shown.
  return backend.call('project.setSetting', { key, value }).then(() => undefined, onError);
}

/** The complete view the map shows now, or null before a project and indicator are known. */
export function useMapView(): MapViewSpec | null {
  const [symbology] = useMapSymbology();
  const [display] = useMapDisplay();
  const layerName = useKleinraum((state) => state.layerName);
  const indicatorId = useKleinraum((state) => state.indicatorId);
  const period = useKleinraum((state) => state.period);
  const mode = useKleinraum((state) => state.mode);
  const comparePeriod = useKleinraum((state) => state.comparePeriod);
  const denominatorVariable = useKleinraum((state) => state.denominatorVariable);
  const sources = useKleinraum((state) => state.sources);
  return useMemo(
    () => (indicatorId ? assembleMapView({ layerName, indicatorId, period, mode, comparePeriod, denominatorVariable, sources }, symbology, display) : null),
    [layerName, indicatorId, period, mode, comparePeriod, denominatorVariable, sources, symbology, display],
  );
}

/** One period's values as the drawing needs them. */
export type AllPeriodValues = { key: string; value: number | null; smallNumber: boolean; smallDenominator?: boolean; fallback?: boolean }[];

/**
 * The values of all periods of the shown indicator (key: period), or null while loading or when not
 * `enabled`. One `indicator.allPeriodValues` call, cached until the project changes. Without them (the
 * call failed) the classes are computed for the shown period, and the legend says which: an empty map.
 */
export function useAllPeriodValues(enabled: boolean): Map<string, AllPeriodValues> | null {
  const layerName = useKleinraum((state) => state.layerName);
  const indicatorId = useKleinraum((state) => state.indicatorId);
  const mode = useKleinraum((state) => state.mode);
  const comparePeriod = useKleinraum((state) => state.comparePeriod);
  const denominatorVariable = useKleinraum((state) => state.denominatorVariable);
  const sources = useKleinraum((state) => state.sources);
  const request = enabled && layerName && indicatorId ? allPeriodValuesRequest({ layer: layerName, indicatorId, period: null, mode, comparePeriod, denominatorVariable, sources }) : null;
  const answer = useBackendQuery('indicator.allPeriodValues', request);
  return useMemo(() => {
    if (!request) return null;
    if (answer.error) return new Map();
    return answer.data ? new Map(answer.data.series.map((series) => [series.period, series.values])) : null;
  }, [request === null, answer.data, answer.error]);
}
