// The map's choice of sources is part of the map view: chosen in the store, it is what saving stores as
// `map.view` (so the command line and the next opening draw the same), and a project saved with it opens
// with it, at the Stichtag only the chosen sources have.
import { describe, expect, it } from 'vitest';
import { currentMapView } from '../../../renderer/map/mapViewState';
import { useMapUi } from '../../../renderer/map/mapUiStore';
import { shownPeriods } from '../../../renderer/map/shownPeriods';
import { createKleinraumStore } from '../../../renderer/store/store';
import { createIndicatorValues, createProject } from './fixtures';

describe('the map view’s sources', () => {
  it('are saved with the view and restored when the project is opened again', () => {
    const store = createKleinraumStore();
    store.getState().projectReceived(createProject(), true);
    store.getState().chooseSources(['zensus'], ['2022-05-15']);
    const view = currentMapView(store.getState(), useMapUi.getState());
    expect(view?.sources).toEqual(['zensus']);
    expect(view?.period).toBe('2022-05-15');

    const reopened = createKleinraumStore();
    reopened.getState().projectReceived(createProject({ path: '/daten/p.gpkg', settings: { 'map.view': view } }), true);
    expect(reopened.getState().sources).toEqual(['zensus']);
    expect(reopened.getState().period).toBe('2022-05-15');
  });

  it('give the Stichtag picker the Stichtage of the choice once its values arrive, else the indicator’s own', () => {
    const store = createKleinraumStore();
    store.getState().projectReceived(createProject(), true);
    const own = shownPeriods(store.getState());
    expect(own).toContain('2024-12-31');
    store.getState().chooseSources(['zensus'], ['2022-05-15']);
    const values = createIndicatorValues([], { period: '2022-05-15' });
    store.getState().indicatorValuesReceived({ ...values, indicator: { ...values.indicator, periods: ['2022-05-15'] } });
    expect(shownPeriods(store.getState())).toEqual(['2022-05-15']);
    store.getState().chooseSources(null, own);
    expect(shownPeriods(store.getState())).toEqual(own);
  });

  it('give the Stichtag picker only the Stichtage a "Darstellung als" can be computed for, once its values arrive', () => {
    const store = createKleinraumStore();
    store.getState().projectReceived(createProject(), true);
    const own = shownPeriods(store.getState());
    store.getState().chooseMode('index');
    expect(store.getState().mode).toBe('index');
    // Until the derived answer is there, the indicator's own list; then the Stichtage the answer can give.
    expect(shownPeriods(store.getState())).toEqual(own);
    const values = createIndicatorValues([], { period: store.getState().period ?? '' });
    store.getState().indicatorValuesReceived({ ...values, mode: 'index', indicator: { ...values.indicator, periods: ['2023-12-31', '2024-12-31'] } });
    expect(shownPeriods(store.getState())).toEqual(['2023-12-31', '2024-12-31']);
  });
});
