/**
 * The foot of both import steps (boundaries and tables): progress of a running commit, the commit's error
 * if any, and the Cancel / Back / Import buttons (Cancel closes the wizard and drops the pending import, as
 * the dialog's × does; a planner looks for it beside Back).
 */
import { useLocale, useT } from '../AppContext';
import { localized } from '../../shared/i18n/translate';
import type { LocalizedText } from '../../shared/model/project';
import { withoutCliHint } from '../../shared/contract/errors';
import { ImportProgress } from './ImportProgress';

export interface CommitFooterProps {
  /** Task id of the running commit, or null. */
  committing: string | null;
  commitError: LocalizedText | null;
  /** Whether "Importieren" may be pressed (a preview exists and every needed choice is made). */
  canCommit: boolean;
  /** Why "Importieren" cannot be pressed yet, said beside it; null when it can, or while the preview loads. */
  blockedReason?: string | null;
  onBack: () => void;
  onCancel: () => void;
  onCommit: () => void;
}

export function CommitFooter({ committing, commitError, canCommit, blockedReason = null, onBack, onCancel, onCommit }: CommitFooterProps) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      {committing && <ImportProgress taskId={committing} />}
      {commitError && (
        <p className="import-error" role="alert" data-testid="import-commit-error">
          {withoutCliHint(localized(commitError, locale))}
        </p>
      )}
      <div className="modal-actions">
        {!canCommit && blockedReason && (
          <p className="import-blocked" id="import-commit-blocked" data-testid="import-commit-blocked">
            {blockedReason}
          </p>
        )}
        <button type="button" className="button" data-testid="import-cancel" onClick={onCancel} disabled={committing !== null}>
          {t('import.cancel')}
        </button>
        <button type="button" className="button" onClick={onBack} disabled={committing !== null}>
          {t('import.back')}
        </button>
        <button type="button" className="button button-primary" data-testid="import-commit" disabled={!canCommit || committing !== null} onClick={onCommit}>
          {t('import.commit')}
        </button>
      </div>
    </>
  );
}
