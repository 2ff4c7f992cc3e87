/**
 * Bridges the session's question "save unsaved changes first?" (a promise) to the modal in the UI (store
 * state): `ask` opens the modal and resolves when `answer` is called by one of its buttons.
 */
import type { DiscardAnswer } from '../store/session';
import type { KleinraumStore } from '../store/store';

export interface UnsavedChangesPrompt {
  ask(): Promise<DiscardAnswer>;
  answer(choice: DiscardAnswer): void;
}

/** @example const prompt = createUnsavedChangesPrompt(store); startSession(store, api, { askAboutUnsavedChanges: prompt.ask }); */
export function createUnsavedChangesPrompt(store: KleinraumStore): UnsavedChangesPrompt {
  let pending: ((choice: DiscardAnswer) => void) | null = null;
  return {
    ask() {
      pending?.('cancel'); // a second question replaces an unanswered first one
      store.getState().setUnsavedPromptOpen(true);
      return new Promise<DiscardAnswer>((resolve) => {
        pending = resolve;
      });
    },
    answer(choice) {
      store.getState().setUnsavedPromptOpen(false);
      const resolve = pending;
      pending = null;
      resolve?.(choice);
    },
  };
}
