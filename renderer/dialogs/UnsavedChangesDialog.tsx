/**
 * "Ungespeicherte Änderungen – vorher speichern?" before another project replaces the open one, so changes
 * are never dropped without asking. Esc cancels.
 */
import { useEffect, useRef } from 'react';
import { useKleinraum, useT } from '../AppContext';
import type { DiscardAnswer } from '../store/session';

export function UnsavedChangesDialog({ onAnswer }: { onAnswer: (choice: DiscardAnswer) => void }) {
  const t = useT();
  const title = useKleinraum((state) => state.project?.title ?? '');
  const saveButtonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => saveButtonRef.current?.focus(), []);
  return (
    <div
      className="modal-backdrop"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onAnswer('cancel');
        }
      }}
    >
      <div className="modal modal-small" role="alertdialog" aria-modal="true" aria-labelledby="unsaved-title" aria-describedby="unsaved-message" data-testid="unsaved-dialog">
        <h2 id="unsaved-title">{t('unsaved.title')}</h2>
        <p id="unsaved-message">{t('unsaved.message', { title })}</p>
        <div className="modal-actions">
          <button type="button" className="button" onClick={() => onAnswer('cancel')}>
            {t('unsaved.cancel')}
          </button>
          <button type="button" className="button" onClick={() => onAnswer('discard')}>
            {t('unsaved.discard')}
          </button>
          <button type="button" className="button button-primary" ref={saveButtonRef} onClick={() => onAnswer('save')}>
            {t('unsaved.save')}
          </button>
        </div>
      </div>
    </div>
  );
}
