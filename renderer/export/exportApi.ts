/**
 * The export dialog's way to the backend: the page's one client (registered by main.tsx, also offered as
 * `useApp().api`).
 */
import { pageApi } from '../AppContext';
import type { KleinraumClient } from '../api/client';

/** The page's client. @example await exportApi()['export.preview']({ indicatorId: 'foreign_share' }) */
export function exportApi(): KleinraumClient {
  return pageApi();
}
