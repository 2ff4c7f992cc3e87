/**
 * A progress bar for one backend task (its 'progress' events arrive through the session into the store),
 * with "Einlesen abbrechen" when the task can be stopped: it stops reading the file, not the wizard, whose
 * own "Abbrechen" closes it (a planner saw two "Abbrechen" and could not tell them apart).
 */
import { useKleinraum, useLocale, useT } from '../AppContext';
import { localized } from '../../shared/i18n/translate';

export function ImportProgress({ taskId, onCancel }: { taskId: string; onCancel?: () => void }) {
  const t = useT();
  const locale = useLocale();
  const event = useKleinraum((state) => state.progress[taskId]);
  const fraction = event && event.total ? Math.min(1, event.done / event.total) : null;
  return (
    <div className="import-progress" data-testid="import-progress" role="status">
      <span className="import-progress-label">{event ? localized(event.label, locale) : t('import.working')}</span>
      <progress max={1} value={fraction ?? undefined} aria-label={t('import.progress')} />
      {onCancel && (
        <button type="button" className="button" data-testid="import-stop" onClick={onCancel}>
          {t('import.stopReading')}
        </button>
      )}
    </div>
  );
}
