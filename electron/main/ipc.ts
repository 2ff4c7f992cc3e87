/**
 * The IPC transport: one `ipcMain.handle` for the one contract. Like the HTTP server it holds no feature
 * logic — it checks who is calling and hands the call to `dispatch`. Only the main frame of one of our
 * own pages (app://kleinraum/) may call; anything else (an iframe, a page that somehow navigated away)
 * gets an error instead of access to the user's files.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { EventName, KleinraumApi } from '../../shared/contract/api';
import { dispatch, type DispatchResult } from '../../shared/contract/dispatch';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type EventMessage } from '../../shared/contract/transport';
import { isAppUrl } from './appProtocol';

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  return frame === event.sender.mainFrame && isAppUrl(frame.url);
}

const REFUSED: DispatchResult = {
  ok: false,
  error: {
    code: 'bad-input',
    message: { de: 'Anfrage abgelehnt: Sie kam nicht von der Kleinraum-Oberfläche.', en: 'Request refused: it did not come from the Kleinraum user interface.' },
  },
};

/** Registers the invoke handler; `getApi` may return null while the backend is still starting. */
export function registerInvokeHandler(getApi: () => KleinraumApi | null, onInternalError: (error: unknown) => void): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, input: unknown): Promise<DispatchResult> => {
    if (!isTrustedSender(event)) return REFUSED;
    const api = getApi();
    if (!api) {
      return { ok: false, error: { code: 'internal', message: { de: 'Kleinraum startet noch. Bitte gleich noch einmal versuchen.', en: 'Kleinraum is still starting. Please try again in a moment.' } } };
    }
    return dispatch(api, method, input, onInternalError);
  });
}

/** Forwards a backend event to a window's page (if it still exists). */
export function sendEvent(target: WebContents | null | undefined, name: EventName, payload: unknown): void {
  if (!target || target.isDestroyed()) return;
  const message: EventMessage = { name, payload };
  target.send(IPC_EVENT_CHANNEL, message);
}
