/**
 * Error messages from the backend or the connection, in the current language, until dismissed.
 */
import { useApp, useKleinraum, useT } from '../AppContext';

export function Toasts() {
  const t = useT();
  const { store } = useApp();
  const messages = useKleinraum((state) => state.messages);
  const locale = useKleinraum((state) => state.locale);
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
            <strong>{message.kind === 'notice' ? t('notice.title') : t('error.title')}</strong>
            <p>{message.text[locale]}</p>
          </div>
          <button type="button" className="icon-button" aria-label={t('error.dismiss')} onClick={() => store.getState().dismissMessage(message.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
