/**
 * Error messages from the backend or the connection, and notices of what a command did (e.g. what an
 * import wrote where), in the current language, until dismissed.
 */
import { useEffect } from 'react';
import { useApp, useKleinraum, useT } from '../AppContext';
import { withoutCliHint } from '../../shared/contract/errors';

/** Notices (not errors) go away by themselves after this long. */
const NOTICE_MS = 20_000;

export function Toasts() {
  const t = useT();
  const { store } = useApp();
  const messages = useKleinraum((state) => state.messages);
  const locale = useKleinraum((state) => state.locale);
  const noticeIds = messages.filter((message) => message.kind === 'notice').map((message) => message.id).join(',');
  useEffect(() => {
    if (!noticeIds) return;
    const timer = window.setTimeout(() => {
      for (const id of noticeIds.split(',')) store.getState().dismissMessage(Number(id));
    }, NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [noticeIds, store]);
  if (messages.length === 0) return null;
  return (
    <div className="toasts" aria-live="assertive">
      {messages.map((message) => (
        <div
          key={message.id}
          className={message.kind === 'notice' ? 'toast toast-notice' : 'toast'}
          role={message.kind === 'notice' ? 'status' : 'alert'}
          data-testid={message.kind === 'notice' ? 'notice-toast' : 'error-toast'}
        >
          <div className="toast-body">
            <strong>{message.kind === 'notice' && message.title ? message.title[locale] : t('error.title')}</strong>
            <p>{withoutCliHint(message.text[locale])}</p>
          </div>
          <button type="button" className="icon-button" aria-label={t('error.dismiss')} onClick={() => store.getState().dismissMessage(message.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
