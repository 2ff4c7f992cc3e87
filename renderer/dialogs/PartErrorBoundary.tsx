/**
 * Catches a part of the UI that failed to load or render (a view's or dialog's script chunk that could
 * not be fetched, e.g. after the browser-mode server was restarted) and shows what to do instead of a blank
 * page: without a boundary React unmounts the whole app.
 */
import { Component, type ReactNode } from 'react';
import { useT } from '../AppContext';

interface PartErrorBoundaryProps {
  children: ReactNode;
  /** Shown instead of the part; gets nothing, the message is the same for every part. */
  fallback: ReactNode;
}

export class PartErrorBoundary extends Component<PartErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('Kleinraum: a part of the UI failed', error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** The message a failed part shows, with the one thing that helps: reloading the page. */
export function PartUnavailable() {
  const t = useT();
  return (
    <div className="empty-state" role="alert" data-testid="part-unavailable">
      <p>{t('error.partUnavailable')}</p>
      <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
        {t('error.reload')}
      </button>
    </div>
  );
}
