/**
 * After a successful import: take the new project state and show what was imported (its layer and the
 * first indicator it created), so the planner sees the result on the map at once, and say what was
 * written where. The import goes into the one undo history as a whole: Ctrl+Z brings back the project as
 * it was before (the backend's checkpoint), Ctrl+Y the imported state.
 */
import type { CommitResult } from '../../shared/contract/methods/import';
import type { Backend } from '../api/backend';
import type { KleinraumStore } from '../store/store';
import { message } from '../../shared/i18n/translate';

export function showImportResult(store: KleinraumStore, backend: Backend, result: CommitResult): void {
  showImported(store, result);
  // What was written where ("… Werte von „refugees“ zum 31.12.2024 als Quelle „…“ gespeichert …").
  const done = result.message;
  const hint = message('import.done.undoHint');
  store.getState().showNotice(message('import.done.title'), result.checkpoint ? { de: `${done.de} ${hint.de}`, en: `${done.en} ${hint.en}` } : done);
  if (!result.checkpoint) return;
  // Each step hands back a checkpoint of the state it replaced, which the opposite step restores.
  let checkpoint = result.checkpoint;
  const restore = async () => {
    const restored = await backend.call('project.restoreCheckpoint', { checkpoint });
    checkpoint = restored.checkpoint;
    return restored.summary;
  };
  // Boundaries make a layer, named in the undo entry by its title as the layer menu shows it (not its technical name).
  const title = result.summary.layers.find((layer) => layer.name === result.layer)?.title ?? { de: result.layer, en: result.layer };
  store.getState().recordEdit({
    // A table goes into a source (a new one, or one extended or replaced): that is what the planner did.
    label:
      result.kind === 'table'
        ? message('import.undo.labelTable', { source: result.source.name })
        : { de: message('import.undo.label', { layer: title.de }).de, en: message('import.undo.label', { layer: title.en }).en },
    undo: async () => store.getState().projectReceived(await restore(), false),
    redo: async () => showImported(store, { ...result, summary: await restore() }),
  });
}

/**
 * The project with the import, showing its layer and the first indicator it created; a table that created
 * none (a series extended, values replaced) shows an indicator of its figures (the one on the map if it is
 * one) at the latest Stichtag it wrote, as a new indicator opens at its own.
 */
function showImported(store: KleinraumStore, result: CommitResult): void {
  const state = store.getState();
  state.projectReceived(result.summary, false);
  state.chooseLayer(result.layer);
  const created = result.indicatorsCreated[0];
  if (created) {
    state.chooseIndicator(created);
    return;
  }
  const latest = [...result.written.periods].sort().at(-1);
  const ofTheFile = (indicator: (typeof result.summary.indicators)[number]) => (indicator.variables ?? []).some((variable) => result.written.variables.includes(variable));
  const shown = result.summary.indicators.find((indicator) => indicator.id === store.getState().indicatorId);
  const indicator = shown && ofTheFile(shown) ? shown : result.summary.indicators.find(ofTheFile);
  if (!indicator || !latest || !indicator.periods.includes(latest)) return;
  if (indicator.id !== store.getState().indicatorId) store.getState().chooseIndicator(indicator.id);
  store.getState().choosePeriod(latest);
}
