// The app's one undo history (store/undoSlice.ts): edits undone newest first, redone in turn, a new edit
// drops what could be redone, a failed undo leaves the history, and another project starts afresh.
import { describe, expect, it } from 'vitest';
import { createKleinraumStore } from '../../../renderer/store/store';
import { UNDO_LIMIT } from '../../../renderer/store/undoSlice';
import { createProject } from './fixtures';

/** An edit of a plain value, as the features record theirs. */
function valueEdit(state: { value: number }, from: number, to: number) {
  return { label: { de: `${from}→${to}`, en: `${from}→${to}` }, undo: () => (state.value = from), redo: () => (state.value = to) };
}

describe('undo history', () => {
  it('undoes newest first and redoes in turn', async () => {
    const store = createKleinraumStore();
    const state = { value: 0 };
    state.value = 1;
    store.getState().recordEdit(valueEdit(state, 0, 1));
    state.value = 2;
    store.getState().recordEdit(valueEdit(state, 1, 2));
    await store.getState().undo();
    expect(state.value).toBe(1);
    await store.getState().undo();
    expect(state.value).toBe(0);
    await store.getState().undo(); // nothing left: no change
    expect(state.value).toBe(0);
    await store.getState().redo();
    expect(state.value).toBe(1);
    await store.getState().redo();
    expect(state.value).toBe(2);
  });

  it('runs presses made while an undo still waits for the backend in order, none lost', async () => {
    const store = createKleinraumStore();
    const state = { value: 0 };
    // Each step takes a while, as a backend call does.
    const slowEdit = (from: number, to: number) => ({
      label: { de: `${from}→${to}`, en: `${from}→${to}` },
      undo: () => new Promise<void>((resolve) => setTimeout(() => resolve(void (state.value = from)), 20)),
      redo: () => new Promise<void>((resolve) => setTimeout(() => resolve(void (state.value = to)), 20)),
    });
    state.value = 1;
    store.getState().recordEdit(slowEdit(0, 1));
    state.value = 2;
    store.getState().recordEdit(slowEdit(1, 2));
    // Undo, redo, undo, undo pressed at once (as fast typing does): they apply one after the other.
    void store.getState().undo();
    void store.getState().redo();
    void store.getState().undo();
    await store.getState().undo();
    expect(state.value).toBe(0);
    expect(store.getState().undoStack).toHaveLength(0);
    expect(store.getState().redoStack).toHaveLength(2);
    expect(store.getState().undoRunning).toBe(false);
  });

  it('forgets what could be redone once a new edit is made, and keeps at most the limit', async () => {
    const store = createKleinraumStore();
    const state = { value: 0 };
    store.getState().recordEdit(valueEdit(state, 0, 1));
    await store.getState().undo();
    store.getState().recordEdit(valueEdit(state, 0, 5));
    expect(store.getState().redoStack).toHaveLength(0);
    for (let index = 0; index < UNDO_LIMIT + 10; index++) store.getState().recordEdit(valueEdit(state, index, index + 1));
    expect(store.getState().undoStack).toHaveLength(UNDO_LIMIT);
  });

  it('drops an edit whose undo fails and says so', async () => {
    const store = createKleinraumStore();
    store.getState().recordEdit({ label: { de: 'x', en: 'x' }, undo: () => Promise.reject(new Error('refused')), redo: () => undefined });
    await store.getState().undo();
    expect(store.getState().undoStack).toHaveLength(0);
    expect(store.getState().redoStack).toHaveLength(0);
    expect(store.getState().messages).toHaveLength(1);
  });

  it('an undo takes away the notice of what the edit did (it offered "Rückgängig mit Strg+Z"); an error stays', async () => {
    const store = createKleinraumStore();
    const state = { value: 0 };
    store.getState().recordEdit(valueEdit(state, 0, 1));
    store.getState().showMessage({ de: 'Fehler', en: 'Error' });
    store.getState().showNotice({ de: 'Import abgeschlossen', en: 'Import finished' }, { de: '21 Werte gespeichert. Rückgängig mit Strg+Z.', en: '21 values saved. Undo with Ctrl+Z.' });
    expect(store.getState().messages).toHaveLength(2);
    await store.getState().undo();
    expect(store.getState().messages.map((message) => message.text.de)).toEqual(['Fehler']);
  });

  it('starts afresh when another project is opened, not when the same one is saved', () => {
    const store = createKleinraumStore();
    store.getState().projectReceived(createProject({ title: 'A' }), true);
    const state = { value: 0 };
    store.getState().recordEdit(valueEdit(state, 0, 1));
    store.getState().projectReceived(createProject({ title: 'A', path: '/daten/a.gpkg' }), false);
    expect(store.getState().undoStack).toHaveLength(1);
    store.getState().projectReceived(createProject({ title: 'B', path: '/daten/b.gpkg' }), true);
    expect(store.getState().undoStack).toHaveLength(0);
  });
});
