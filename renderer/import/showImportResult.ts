/**
 * After a successful import: take the new project state and show what was imported (its layer and the
 * first indicator it created), so the planner sees the result on the map at once, and say what was
 * written where.
 */
import type { CommitResult } from '../../shared/contract/methods/import';
import type { KleinraumStore } from '../store/store';
import { message } from '../../shared/i18n/translate';

export function showImportResult(store: KleinraumStore, result: CommitResult): void {
  const state = store.getState();
  state.projectReceived(result.summary, false);
  state.chooseLayer(result.layer);
  const indicator = result.indicatorsCreated[0];
  if (indicator) state.chooseIndicator(indicator);
  // What was written where ("… Werte von „refugees“ zum 31.12.2024 als Quelle „…“ gespeichert …").
  state.showNotice(message('import.done.title'), result.message);
}
