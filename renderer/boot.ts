/**
 * The page's first script (index.html loads it before the main one): sends the requests every page makes
 * first, and once the project is in those of its first map, so that their answers are there when the main
 * script has loaded and run. Electron's preload bridge answers without a network round trip and needs none.
 */
import { sendEarlyRequests } from './api/httpRequest';

if (!('kleinraum' in window)) {
  // The first map's rule (renderer/store/firstMap.ts) comes with the store's code: loaded on its own, so
  // that the first requests leave without waiting for it, and from now on, so that it is there when the
  // project is.
  const firstMap = import('./store/firstMap');
  sendEarlyRequests(window, (project) => firstMap.then(({ firstMapRequests }) => firstMapRequests(project as Parameters<typeof firstMapRequests>[0])));
}
