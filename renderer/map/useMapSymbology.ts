/**
 * Hooks that give the map its symbology and display choices (session choice, else the project setting,
 * else the default), save changes as project settings, and load the values of all periods for classes
 * fixed across periods.
 */
import { useCallback, useEffect, useState } from 'react';
import { useApp, useKleinraum } from '../AppContext';
import { toApiError } from '../api/apiError';
import { mapApi } from './mapApi';
import { useMapUi } from './mapUiStore';
import { defaultSymbologyFor, DISPLAY_SETTING_KEY, parseDisplay, parseSymbology, symbologySettingKey, symbologySubject, type MapDisplay, type MapSymbology } from './symbology';

/** The shown indicator's symbology and a setter that applies it at once and stores it in the project. */
export function useMapSymbology(): [MapSymbology, (symbology: MapSymbology) => void] {
  const { store } = useApp();
  const mode = useKleinraum((state) => state.mode);
  // The symbology belongs to the indicator in its mode (an index keeps its own classes and colours).
  const subject = useKleinraum((state) => (state.indicatorId ? symbologySubject(state.indicatorId, state.mode) : null));
  const generation = useKleinraum((state) => state.generation);
  const stored = useKleinraum((state) => (subject ? state.project?.settings[symbologySettingKey(subject)] : undefined));
  const override = useMapUi((state) => (subject ? state.symbologyOverrides[`${generation}:${subject}`] : undefined));
  const symbology = override ?? parseSymbology(stored, defaultSymbologyFor(mode));
  const setSymbology = useCallback(
    (next: MapSymbology) => {
      if (!subject) return;
      useMapUi.getState().setSymbology(generation, subject, next);
      saveSetting(symbologySettingKey(subject), JSON.stringify(next), (error) => store.getState().showMessage(toApiError(error, 'project.setSetting').text));
    },
    [subject, generation, store],
  );
  return [symbology, setSymbology];
}

/** The map display choices (labels, basemap) and their setter. */
export function useMapDisplay(): [MapDisplay, (display: MapDisplay) => void] {
  const { store } = useApp();
  const generation = useKleinraum((state) => state.generation);
  const stored = useKleinraum((state) => state.project?.settings[DISPLAY_SETTING_KEY]);
  const override = useMapUi((state) => (state.displayOverride?.generation === generation ? state.displayOverride.display : undefined));
  const display = override ?? parseDisplay(stored);
  const setDisplay = useCallback(
    (next: MapDisplay) => {
      useMapUi.getState().setDisplay(generation, next);
      saveSetting(DISPLAY_SETTING_KEY, JSON.stringify(next), (error) => store.getState().showMessage(toApiError(error, 'project.setSetting').text));
    },
    [generation, store],
  );
  return [display, setDisplay];
}

function saveSetting(key: string, value: string, onError: (error: unknown) => void): void {
  // The backend answers with project.changed, which brings the stored setting into the store; until then
  // the session's choice (mapUiStore) is shown.
  mapApi()['project.setSetting']({ key, value }).catch(onError);
}

/** Values of every period per "<generation>:<layer>:<indicator>:<mode>:<denominator>", fetched once per project, indicator and mode. */
const allPeriodCache = new Map<string, Map<string, (number | null)[]>>();

/**
 * The values of all periods of the shown indicator (key: period), or null while loading or when not
 * `enabled`. Uses `indicator.allPeriodValues` (one call).
 */
export function useAllPeriodValues(enabled: boolean): Map<string, (number | null)[]> | null {
  const layerName = useKleinraum((state) => state.layerName);
  const indicatorId = useKleinraum((state) => state.indicatorId);
  const generation = useKleinraum((state) => state.generation);
  const mode = useKleinraum((state) => state.mode);
  const denominatorVariable = useKleinraum((state) => state.denominatorVariable);
  // A changed project (new data imported, a setting changed) may change values: its summary object is the key.
  const project = useKleinraum((state) => state.project);
  const cacheKey = layerName && indicatorId ? `${generation}:${layerName}:${indicatorId}:${mode}:${denominatorVariable ?? ''}` : null;
  const [loaded, setLoaded] = useState<{ key: string; project: unknown; values: Map<string, (number | null)[]> } | null>(null);

  useEffect(() => {
    if (!enabled || !cacheKey || !layerName || !indicatorId) return;
    if (loaded?.key === cacheKey && loaded.project === project) return;
    const cached = allPeriodCache.get(cacheKey);
    if (cached && loaded?.key !== cacheKey) {
      setLoaded({ key: cacheKey, project, values: cached });
      return;
    }
    let cancelled = false;
    const api = mapApi();
    // Change modes compare each Stichtag with the one before it (the backend's default).
    api['indicator.allPeriodValues']({ indicatorId, layer: layerName, ...(mode !== 'value' ? { mode } : {}), ...(denominatorVariable ? { denominatorVariable } : {}) })
      .then((answer) => {
        const byPeriod = new Map(answer.series.map((series) => [series.period, series.values.map((entry) => entry.value)]));
        allPeriodCache.set(cacheKey, byPeriod);
        if (!cancelled) setLoaded({ key: cacheKey, project, values: byPeriod });
      })
      .catch(() => {
        // Without the other periods the classes are computed for the shown period (the legend says which).
        if (!cancelled) setLoaded({ key: cacheKey, project, values: new Map() });
      });
    return () => {
      cancelled = true;
    };
  }, [enabled, cacheKey, layerName, indicatorId, mode, denominatorVariable, project, loaded]);

  return enabled && loaded?.key === cacheKey ? loaded.values : null;
}
