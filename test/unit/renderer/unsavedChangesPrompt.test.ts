import { describe, expect, it } from 'vitest';
import { createUnsavedChangesPrompt } from '../../../renderer/dialogs/unsavedChangesPrompt';
import { createKleinraumStore } from '../../../renderer/store/store';

describe('createUnsavedChangesPrompt', () => {
  it('opens the modal and resolves with the answer of its button', async () => {
    const store = createKleinraumStore();
    const prompt = createUnsavedChangesPrompt(store);
    const answer = prompt.ask();
    expect(store.getState().unsavedPromptOpen).toBe(true);
    prompt.answer('discard');
    await expect(answer).resolves.toBe('discard');
    expect(store.getState().unsavedPromptOpen).toBe(false);
  });

  it('cancels an unanswered question when a second one is asked', async () => {
    const prompt = createUnsavedChangesPrompt(createKleinraumStore());
    const first = prompt.ask();
    const second = prompt.ask();
    prompt.answer('save');
    await expect(first).resolves.toBe('cancel');
    await expect(second).resolves.toBe('save');
  });
});
