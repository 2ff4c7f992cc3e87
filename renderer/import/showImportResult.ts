/**
 * After a successful import: take the new project state and show what was imported (its layer and the
 * first indicator it created), so the planner sees the result on the map at once, and say what was written.
 */
import type { CommitResult } from '../../shared/contract/methods/import';
import type { KleinraumStore } from '../store/store';

export function showImportResult(store: KleinraumStore, result: CommitResult): void {
  const state = store.getState();
  state.projectReceived(result.summary, false);
  // Say what was written where (the backend's message: layer, areas or values, source, Stichtage).
  state.showNotice(result.message);
  state.chooseLayer(result.layer);
  const indicator = result.indicatorsCreated[0];
  if (indicator) state.chooseIndicator(indicator);
}
