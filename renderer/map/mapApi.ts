/**
 * The map feature's way to the backend for what the session does not load (saving the symbology as a
 * project setting, the values of all periods): the page's one client (also offered as `useApp().api`).
 */
import { pageApi } from '../AppContext';
import type { KleinraumClient } from '../api/client';

/** The page's client. @example await mapApi()['project.setSetting']({ key, value }) */
export function mapApi(): KleinraumClient {
  return pageApi();
}
