import { describe, expect, it } from 'vitest';
import { createKleinraumStore } from '../../../renderer/store/store';
import { createIndicator, createIndicatorValues, createProject, createValue } from './fixtures';

describe('the renderer store', () => {
  it('shares one selection: selecting replaces, Esc (clearSelection) empties', () => {
    const store = createKleinraumStore();
    store.getState().selectArea('03241001');
    store.getState().selectArea('03241002');
    expect(store.getState().selectedKey).toBe('03241002');
    store.getState().clearSelection();
    expect(store.getState().selectedKey).toBeNull();
  });

  it('drops the selection and loaded data when another project is opened', () => {
    const store = createKleinraumStore();
    store.getState().projectReceived(createProject({ title: 'A' }), true);
    store.getState().indicatorValuesReceived(createIndicatorValues([createValue('03241001', 'Hannover', 30)]));
    store.getState().selectArea('03241001');
    store.getState().projectReceived(createProject({ title: 'B', path: '/daten/b.gpkg' }), true);
    expect(store.getState().selectedKey).toBeNull();
    expect(store.getState().indicatorValues).toBeNull();
    expect(store.getState().generation).toBe(2);
  });

  it('opens another project without a saved view in its own default view, keeping only language and sort', () => {
    const store = createKleinraumStore();
    store.getState().projectReceived(createProject({ title: 'A' }), true);
    store.getState().setLocale('en');
    store.getState().toggleSort('value');
    store.getState().chooseIndicator('foreign_share');
    store.getState().chooseMode('index');
    store.getState().choosePeriod('2022-12-31');
    const sort = store.getState().sort;
    // B has the same indicators but no saved view: it starts where any project starts, not where A was.
    store.getState().projectReceived(createProject({ title: 'B', path: '/daten/b.gpkg' }), true);
    expect(store.getState()).toMatchObject({ indicatorId: 'refugees_per_1000', period: '2024-12-31', mode: 'value', locale: 'en', sort });
  });

  it('takes new values objects and keeps the shown one when it arrives again', () => {
    const store = createKleinraumStore();
    store.getState().projectReceived(createProject(), true);
    const first = createIndicatorValues([createValue('03241001', 'Hannover', 30)]);
    store.getState().indicatorValuesReceived(first);
    expect(store.getState().indicatorValues).toBe(first);
    store.getState().indicatorValuesReceived(first);
    expect(store.getState().indicatorValues).toBe(first);
    store.getState().indicatorValuesReceived(createIndicatorValues([createValue('03241001', 'Hannover', 31)]));
    expect(store.getState().indicatorValues?.values[0]?.value).toBe(31);
  });

  it('keeps selection and data when the same project only changed (e.g. saved)', () => {
    const store = createKleinraumStore();
    store.getState().projectReceived(createProject(), true);
    store.getState().indicatorValuesReceived(createIndicatorValues([createValue('03241001', 'Hannover', 30)]));
    store.getState().selectArea('03241001');
    store.getState().projectReceived(createProject({ dirty: true }), false);
    expect(store.getState().selectedKey).toBe('03241001');
    expect(store.getState().indicatorValues).not.toBeNull();
    expect(store.getState().project?.dirty).toBe(true);
  });

  it('ignores indicator values that arrive after the user switched to another indicator', () => {
    const store = createKleinraumStore();
    store.getState().projectReceived(createProject(), true);
    store.getState().chooseIndicator('foreign_share');
    const stale = createIndicatorValues([createValue('03241001', 'Hannover', 30)], { indicator: createIndicator() });
    store.getState().indicatorValuesReceived(stale);
    expect(store.getState().indicatorValues).toBeNull();
  });

  it('removes a selection the new layer does not contain', () => {
    const store = createKleinraumStore();
    store.getState().projectReceived(createProject(), true);
    store.getState().selectArea('99999999');
    store.getState().featuresReceived('gemeinden', {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { key: '03241001', name: 'Hannover' }, geometry: { type: 'Polygon', coordinates: [] } }],
    });
    expect(store.getState().selectedKey).toBeNull();
  });

  it('does not stack the same error message twice, and dismisses by id', () => {
    const store = createKleinraumStore();
    const text = { de: 'Fehler', en: 'Error' };
    store.getState().showMessage(text);
    store.getState().showMessage(text);
    expect(store.getState().messages).toHaveLength(1);
    store.getState().dismissMessage(store.getState().messages[0]?.id ?? -1);
    expect(store.getState().messages).toHaveLength(0);
  });

  it('tracks progress until a task finishes', () => {
    const store = createKleinraumStore();
    store.getState().progressReceived({ taskId: 'import', label: { de: 'Import', en: 'Import' }, done: 1, total: 3, finished: false });
    expect(Object.keys(store.getState().progress)).toEqual(['import']);
    store.getState().progressReceived({ taskId: 'import', label: { de: 'Import', en: 'Import' }, done: 3, total: 3, finished: true });
    expect(store.getState().progress).toEqual({});
  });
});
