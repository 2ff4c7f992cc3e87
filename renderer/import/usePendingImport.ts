/**
 * One pending import at a time: runs a preview with a fresh task id (so its progress can be followed and it
 * can be stopped), keeps only the newest answer, and cancels superseded or abandoned imports in the backend
 * so nothing stays held in its memory. Nothing is written until `commit`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError } from '../api/apiError';
import type { Backend } from '../api/backend';
import type { LocalizedText } from '../../shared/model/project';

export interface PendingImportState<R> {
  /** Task id of the preview that runs now, for the progress bar and "Abbrechen". */
  runningTaskId: string | null;
  result: R | null;
  /** What the caller asked `result` for (the `key` given to `run`): tells a current preview from an older one left on screen. */
  resultKey: unknown;
  error: LocalizedText | null;
}

/** A task id unique enough for one user's running imports. */
export function newTaskId(): string {
  const cryptoApi = globalThis.crypto as Crypto | undefined;
  return cryptoApi?.randomUUID ? cryptoApi.randomUUID() : `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function usePendingImport<R extends { importId: string }>(backend: Backend) {
  const [state, setState] = useState<PendingImportState<R>>({ runningTaskId: null, result: null, resultKey: undefined, error: null });
  const ticket = useRef(0);
  const pendingImportId = useRef<string | null>(null);

  const cancelInBackend = useCallback(
    (importId: string) => {
      // Best effort: a pending import the backend no longer knows is already gone.
      backend.call('import.cancel', { importId }).catch(() => undefined);
    },
    [backend],
  );

  const run = useCallback(
    async (call: (taskId: string) => Promise<R>, key?: unknown) => {
      const taskId = newTaskId();
      const myTicket = ++ticket.current;
      setState((previous) => ({ ...previous, runningTaskId: taskId, error: null }));
      try {
        const result = await call(taskId);
        if (myTicket !== ticket.current) {
          cancelInBackend(result.importId);
          return;
        }
        if (pendingImportId.current && pendingImportId.current !== result.importId) cancelInBackend(pendingImportId.current);
        pendingImportId.current = result.importId;
        setState({ runningTaskId: null, result, resultKey: key, error: null });
      } catch (error) {
        if (myTicket !== ticket.current) return;
        setState((previous) => ({ ...previous, runningTaskId: null, error: toApiError(error, 'import').text }));
      }
    },
    [cancelInBackend],
  );

  /** Stops the running preview; the last good preview stays on screen. */
  const stop = useCallback(
    (stoppedText: LocalizedText) => {
      const running = state.runningTaskId;
      ticket.current += 1;
      if (running) cancelInBackend(running);
      setState((previous) => ({ ...previous, runningTaskId: null, error: stoppedText }));
    },
    [state.runningTaskId, cancelInBackend],
  );

  /** After a successful commit the backend has dropped the pending import itself. */
  const markCommitted = useCallback(() => {
    pendingImportId.current = null;
  }, []);

  useEffect(
    () => () => {
      ticket.current += 1;
      if (pendingImportId.current) cancelInBackend(pendingImportId.current);
    },
    [cancelInBackend],
  );

  return { ...state, run, stop, markCommitted };
}
