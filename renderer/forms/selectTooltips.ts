/**
 * The full text of a drop-down's chosen entry as its tooltip, for every <select> of the app. Source names,
 * indicator names and neighbourhood rules are long and side panels narrow, so a closed drop-down often
 * shows "Ausländerzentralregister (AZR), S…"; pointing at it (or focusing it) now shows the whole text.
 * One delegated listener instead of a title on each drop-down; a select with a title of its own (an
 * explanation the app gave it) keeps that.
 */

function showChosenText(target: EventTarget | null): void {
  if (!(target instanceof HTMLSelectElement)) return;
  const marks = target.dataset;
  if (marks['titleFrom'] === undefined) marks['titleFrom'] = target.hasAttribute('title') ? 'app' : 'choice';
  if (marks['titleFrom'] === 'app') return;
  const text = target.selectedOptions[0]?.textContent?.trim() ?? '';
  if (text === '') target.removeAttribute('title');
  else target.title = text;
}

/** Installs the listener on `root` (the page's document); returns a function that removes it. */
export function installSelectTooltips(root: Document = document): () => void {
  const listener = (event: Event) => showChosenText(event.target);
  // pointermove too: options replaced under a still pointer (another variable chosen) get their new text.
  const events = ['pointerover', 'pointermove', 'focusin', 'change'] as const;
  for (const name of events) root.addEventListener(name, listener, true);
  return () => {
    for (const name of events) root.removeEventListener(name, listener, true);
  };
}
