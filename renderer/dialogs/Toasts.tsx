/**
 * Error messages from the backend or the connection, and notices of what a command did (e.g. what an
 * import wrote where), in the current language, until dismissed. A long notice shows its first lines with
 * "Mehr" to read the rest: in full, an import's eight lines covered the details panel for 20 seconds.
 * A notice goes away by itself after a short while, unless it was opened with "Mehr": the planner is
 * reading it, and it stays until closed. Errors are always shown in full (they say what to do) and stay.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useApp, useKleinraum, useT } from '../AppContext';
import { withoutCliHint } from '../../shared/contract/errors';

/**
 * Notices (not errors) go away by themselves after this long: enough for three lines, short enough not
 * to hide the table below for long (at 20 s, an import's notice covered the facilities table).
 */
const NOTICE_MS = 12_000;

export function Toasts() {
  const t = useT();
  const { store } = useApp();
  const messages = useKleinraum((state) => state.messages);
  const locale = useKleinraum((state) => state.locale);
  // Notices opened with "Mehr" are being read: they stay until closed.
  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set());
  // Each notice has its own timer from when it appeared: a newer notice does not keep an older one up.
  const timers = useRef(new Map<number, number>());
  useEffect(() => {
    const shown = new Set(messages.map((message) => message.id));
    for (const message of messages) {
      if (message.kind !== 'notice' || opened.has(message.id) || timers.current.has(message.id)) continue;
      timers.current.set(message.id, window.setTimeout(() => store.getState().dismissMessage(message.id), NOTICE_MS));
    }
    for (const [id, timer] of timers.current) {
      if (shown.has(id) && !opened.has(id)) continue;
      window.clearTimeout(timer);
      timers.current.delete(id);
    }
  }, [messages, opened, store]);
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) window.clearTimeout(timer);
      pending.clear();
    };
  }, []);
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
            {message.kind === 'notice' ? <NoticeText text={withoutCliHint(message.text[locale])} onOpen={() => setOpened((ids) => new Set(ids).add(message.id))} /> : <p>{withoutCliHint(message.text[locale])}</p>}
          </div>
          <button type="button" className="icon-button" aria-label={t('error.dismiss')} onClick={() => store.getState().dismissMessage(message.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

/** A notice's text, cut to its first lines (CSS line clamp) with a button to show it all when it is longer. */
function NoticeText(props: { text: string; onOpen: () => void }) {
  const t = useT();
  const ref = useRef<HTMLParagraphElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [clamped, setClamped] = useState(false);
  useLayoutEffect(() => {
    const paragraph = ref.current;
    if (paragraph && !expanded) setClamped(paragraph.scrollHeight > paragraph.clientHeight + 1);
  }, [props.text, expanded]);
  return (
    <>
      <p ref={ref} className={expanded ? undefined : 'toast-clamped'} data-testid="notice-text">
        {props.text}
      </p>
      {(clamped || expanded) && (
        <button
          type="button"
          className="toast-more"
          data-testid="notice-more"
          aria-expanded={expanded}
          onClick={() => {
            if (!expanded) props.onOpen();
            setExpanded(!expanded);
          }}
        >
          {expanded ? t('notice.less') : t('notice.more')}
        </button>
      )}
    </>
  );
}
