/**
 * The `app://kleinraum/` protocol that serves the built renderer inside Electron. A custom, standard and
 * secure scheme (instead of file://) gives the renderer a real origin — so its CSP `'self'` means exactly
 * our files and the IPC handler can recognise our pages by URL — and lets us attach the same security
 * headers as browser mode. Files are looked up with the browser-mode server's traversal-safe lookup.
 */
import fs from 'node:fs';
import { protocol } from 'electron';
import { lookupStaticFile, RENDERER_MISSING_PAGE } from '../node/server/staticFiles';
import { SECURITY_HEADERS } from '../node/server/securityHeaders';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kleinraum';
/** The origin of every page we load; anything else is foreign. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Must run before `app.whenReady()`: declares the scheme standard and secure (needed for fetch, workers, CSP 'self'). */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    // corsEnabled: module scripts and module workers are fetched in CORS mode, which Chromium allows only
    // on CORS-enabled schemes. No Access-Control-* header is ever sent, so other origins stay locked out.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true } },
  ]);
}

function textResponse(status: number, text: string, contentType = 'text/plain; charset=utf-8'): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType } });
}

/** True when `url` is one of our pages (used to check IPC senders and navigation). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Serves files from `rendererDir` on app://kleinraum/ (after `app.whenReady()`). */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (!isAppUrl(request.url)) return textResponse(404, 'Not Found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method Not Allowed');
    const lookup = await lookupStaticFile(rendererDir, new URL(request.url).pathname);
    switch (lookup.kind) {
      case 'forbidden':
        return textResponse(403, 'Forbidden');
      case 'not-found':
        return textResponse(404, 'Not Found');
      case 'renderer-missing':
        return textResponse(503, RENDERER_MISSING_PAGE, 'text/html; charset=utf-8');
      case 'file': {
        const body = await fs.promises.readFile(lookup.filePath);
        return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': lookup.contentType } });
      }
    }
  });
}
