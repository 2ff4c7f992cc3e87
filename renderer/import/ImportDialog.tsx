/**
 * The import wizard (opened from "Projekt → Importieren …"): 1. choose a file or BKG's official boundaries,
 * 2. check boundaries or map a table, with reports before anything is written, then "Importieren". After
 * a successful import the map shows the new layer or indicator.
 */
import { useEffect, useRef, useState } from 'react';
import { useLocale, useT } from '../AppContext';
import { toApiError } from '../api/apiError';
import { DIALOG_ESCAPE_EVENT, type FeatureDialogProps } from '../features';
import { localized } from '../../shared/i18n/translate';
import type { LocalizedText } from '../../shared/model/project';
import type { InspectResult } from '../../shared/contract/methods/import';
import { BoundaryStep, type BoundarySource } from './BoundaryStep';
import { ImportFilePicker } from './ImportFilePicker';
import { useBackend } from '../api/backend';
import { OfficialBoundariesForm } from './OfficialBoundariesForm';
import { TableStep } from './TableStep';
import './import.css';

type Stage = { step: 'choose' } | { step: 'boundaries'; source: BoundarySource } | { step: 'table'; path: string; inspect: InspectResult };

export function ImportDialog({ onClose }: FeatureDialogProps) {
  const t = useT();
  const locale = useLocale();
  const backend = useBackend();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [inspecting, setInspecting] = useState(false);
  const [problem, setProblem] = useState<LocalizedText | null>(null);
  // Escape after a file is read would throw away the checks and the mapping: the wizard asks first.
  const [confirmingEscape, setConfirmingEscape] = useState(false);
  const keepButton = useRef<HTMLButtonElement>(null);
  // While the commit is written it cannot be called off: Escape and × say so instead of closing on a
  // project that is changing anyway.
  const [writing, setWriting] = useState(false);
  const holdsWork = stage.step !== 'choose';
  useEffect(() => {
    // Back at choosing a file, an open question has nothing left to ask about.
    if (!holdsWork) {
      setConfirmingEscape(false);
      return;
    }
    const onEscape = (event: Event) => {
      event.preventDefault();
      // A second Escape answers "keep working", the safe choice.
      setConfirmingEscape((open) => !open);
    };
    window.addEventListener(DIALOG_ESCAPE_EVENT, onEscape);
    return () => window.removeEventListener(DIALOG_ESCAPE_EVENT, onEscape);
  }, [holdsWork]);
  useEffect(() => {
    if (confirmingEscape) keepButton.current?.focus();
  }, [confirmingEscape]);
  // The notice about a running write answers nothing once the write is over: a failed commit leaves the
  // wizard open with its message, not with a question the planner did not ask.
  useEffect(() => {
    if (!writing) setConfirmingEscape(false);
  }, [writing]);

  const chooseFile = async (path: string) => {
    setInspecting(true);
    setProblem(null);
    try {
      const inspect = await backend.call('import.inspect', { path });
      setStage(inspect.kind === 'table' ? { step: 'table', path, inspect } : { step: 'boundaries', source: { kind: 'file', path, inspect } });
    } catch (error) {
      setProblem(toApiError(error, 'import.inspect').text);
    } finally {
      setInspecting(false);
    }
  };
  const back = () => {
    setProblem(null);
    setStage({ step: 'choose' });
  };

  const steps = [
    { id: 'choose', label: t('import.stepChoose') },
    // Before a file is chosen, the second step is not yet boundaries or a table.
    { id: stage.step === 'choose' ? 'check' : stage.step === 'table' ? 'table' : 'boundaries', label: t(stage.step === 'choose' ? 'import.stepCheck' : stage.step === 'table' ? 'import.stepTable' : 'import.stepBoundaries') },
  ];
  return (
    <div className="modal-backdrop">
      <div className="modal import-modal" role="dialog" aria-modal="true" aria-labelledby="import-dialog-title" data-testid="import-dialog">
        <header className="import-header">
          <h2 id="import-dialog-title">{t('import.title')}</h2>
          <ol className="import-steps">
            {steps.map((step) => (
              <li key={step.id} aria-current={(step.id === 'choose') === (stage.step === 'choose') ? 'step' : undefined}>
                {step.label}
              </li>
            ))}
          </ol>
          <button type="button" className="icon-button" aria-label={t('import.close')} title={writing ? t('import.escapeWhileWriting') : t('import.close')} data-testid="import-close" disabled={writing} onClick={onClose}>
            ×
          </button>
        </header>
        {stage.step === 'choose' && (
          <>
            <div className="import-body">
              <p className="import-hint">{t('import.chooseIntro')}</p>
              {inspecting && <p role="status">{t('import.reading')}</p>}
              {problem && (
                <p className="import-error" role="alert" data-testid="import-error">
                  {localized(problem, locale)}
                </p>
              )}
              <ImportFilePicker onChoose={(path) => void chooseFile(path)} onPathEdited={() => setProblem(null)} />
              <OfficialBoundariesForm onLoad={(kreis) => setStage({ step: 'boundaries', source: { kind: 'official', kreis } })} />
            </div>
            <div className="modal-actions">
              <button type="button" className="button" onClick={onClose}>
                {t('import.cancel')}
              </button>
            </div>
          </>
        )}
        {confirmingEscape && holdsWork && writing && (
          <div className="import-escape-confirm" role="alertdialog" aria-labelledby="import-escape-question" data-testid="import-escape-confirm">
            <span id="import-escape-question">{t('import.escapeWhileWriting')}</span>
            <button type="button" className="button button-primary" ref={keepButton} data-testid="import-escape-keep" onClick={() => setConfirmingEscape(false)}>
              {t('import.escapeOk')}
            </button>
          </div>
        )}
        {confirmingEscape && holdsWork && !writing && (
          <div className="import-escape-confirm" role="alertdialog" aria-labelledby="import-escape-question" data-testid="import-escape-confirm">
            <span id="import-escape-question">{t('import.escapeQuestion')}</span>
            <button type="button" className="button button-primary" ref={keepButton} data-testid="import-escape-keep" onClick={() => setConfirmingEscape(false)}>
              {t('import.escapeKeep')}
            </button>
            <button type="button" className="button" data-testid="import-escape-discard" onClick={onClose}>
              {t('import.escapeDiscard')}
            </button>
          </div>
        )}
        {stage.step === 'boundaries' && <BoundaryStep source={stage.source} onBack={back} onCancel={onClose} onDone={onClose} onWriting={setWriting} />}
        {stage.step === 'table' && <TableStep path={stage.path} inspect={stage.inspect} onBack={back} onCancel={onClose} onDone={onClose} onWriting={setWriting} />}
      </div>
    </div>
  );
}
