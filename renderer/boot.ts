/**
 * The page's first script (index.html loads it before the main one): sends the requests every page makes
 * first, so their answers are there when the main script has loaded and run. Electron's preload bridge
 * answers without a network round trip and needs none.
 */
import { sendEarlyRequests } from './api/httpRequest';

if (!('kleinraum' in window)) sendEarlyRequests(window);
