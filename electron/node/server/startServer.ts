/**
 * Browser mode's transport: a loopback HTTP server that serves the built renderer and exposes the one
 * contract (shared/contract) as `POST /api/<method>` plus Server-Sent Events on `/api/events` — the wire
 * format in shared/contract/transport.ts. Like the Electron IPC handler it holds no feature logic: every
 * call goes through `dispatch`.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { EventName, KleinraumApi } from '../../../shared/contract/api';
import type { dispatch as dispatchFunction, DispatchResult } from '../../../shared/contract/dispatch';
import type { LocalizedText } from '../../../shared/model/project';
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH, URL_TOKEN_PARAM } from '../../../shared/contract/transport';
import { createEventStreamHub } from './eventStream';
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from './readJsonBody';
import { createBrowserSession, MIN_TOKEN_LENGTH, type BrowserSession } from './browserSession';
import { allowedHostNames, createToken, isAllowedHostHeader, isLoopbackHost, isSameOriginOrNone, isWildcardHost } from './requestGuards';
import { applySecurityHeaders } from './securityHeaders';
import { lookupStaticFile, RENDERER_MISSING_PAGE } from './staticFiles';

type Dispatch = typeof dispatchFunction;

/** Sends one backend event to the UI. */
export type EmitEvent = (name: EventName, payload: unknown) => void;

/** The API, or a factory that receives the server's `emit` (createKleinraumApi needs it at creation). */
export type ApiSource = KleinraumApi | ((emit: EmitEvent) => KleinraumApi | Promise<KleinraumApi>);

export interface StartServerOptions {
  api: ApiSource;
  /** Folder of the built renderer, normally build/renderer. It may be missing: a help page is served then. */
  staticDir: string;
  /** Interface to bind. Default 127.0.0.1; anything that is not loopback needs `allowNetwork` and triggers `onWarning`. */
  host?: string;
  /** Required to bind to a non-loopback interface (`--allow-network`): the connection is then unencrypted. */
  allowNetwork?: boolean;
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Secret for scripts (X-Kleinraum-Token header) and `?token=` links; at least 32 characters; default a fresh random token. */
  token?: string;
  /** Largest accepted API request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Called with unexpected (non-user) errors; default writes them to stderr. */
  onInternalError?: (error: unknown) => void;
  /** Called once with a warning for the user, e.g. when binding to a non-loopback interface. */
  onWarning?: (message: LocalizedText) => void;
}

export interface RunningServer {
  /** The address to open once, with the one-time launch token: `http://127.0.0.1:PORT/?launch=…`. */
  url: string;
  /** `http://127.0.0.1:PORT` without path or token. */
  origin: string;
  port: number;
  host: string;
  token: string;
  /** Pushes an event to every connected page (the same function the API factory received). */
  emit: EmitEvent;
  /** Settles when the API is made (it is made after the port opened); rejects with the factory's error. */
  ready: Promise<void>;
  /** Stops accepting connections, ends event streams and waits (at most ~2 s) for open requests. */
  close(): Promise<void>;
}

const FORCE_CLOSE_AFTER_MS = 2000;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

function sendText(response: ServerResponse, status: number, text: string, extraHeaders: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...extraHeaders });
  response.end(text);
}

function transportError(code: 'bad-input' | 'not-found' | 'internal', de: string, en: string): DispatchResult {
  return { ok: false, error: { code, message: { de, en } } };
}

function urlHostFor(bindHost: string): string {
  if (isWildcardHost(bindHost)) return '127.0.0.1';
  return bindHost.includes(':') ? `[${bindHost}]` : bindHost;
}

/**
 * Starts the browser-mode server and resolves once it listens; `ready` tells when its API is made.
 * @example
 * const server = await startServer({ api: (emit) => createKleinraumApi({ dataDir, host, emit }), staticDir: 'build/renderer' });
 * console.log(server.url); // http://127.0.0.1:41234/?token=…
 * await server.close();
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const bindHost = options.host ?? '127.0.0.1';
  const token = options.token ?? createToken();
  if (token.length < MIN_TOKEN_LENGTH) throw new Error(`The browser-mode token must have at least ${MIN_TOKEN_LENGTH} characters.`);
  if (!isLoopbackHost(bindHost) && options.allowNetwork !== true) throw new Error(`Binding to ${bindHost} needs allowNetwork.`);
  let session: BrowserSession | null = null;
  let hostNames: readonly string[] = [];
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const onInternalError = options.onInternalError ?? ((error: unknown) => console.error('[kleinraum server]', error));
  const hub = createEventStreamHub();
  const emit: EmitEvent = (name, payload) => hub.emit(name, payload);
  // The API (and the contract's dispatch) is made once the port is open, not before: `kleinraum serve` prints
  // its start link at once and loads the backend while the browser starts. Requests wait for it.
  let markListening: () => void = () => {};
  const listening = new Promise<void>((resolve) => (markListening = resolve));
  const apiReady = listening.then(async () => {
    const [{ dispatch }, api] = await Promise.all([import('../../../shared/contract/dispatch'), typeof options.api === 'function' ? options.api(emit) : options.api]);
    return { api, dispatch };
  });
  const ready = apiReady.then(() => undefined);
  // Whoever starts the server learns of a failure through `ready`; requests get an internal error.
  ready.catch(() => {});
  let boundPort = 0;

  async function handleApiCall(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    if (request.method !== 'POST') {
      sendText(response, 405, 'Method Not Allowed', { Allow: 'POST' });
      return;
    }
    if (!authenticate(request, response, null)) return;
    const body = await readJsonBody(request, maxBodyBytes);
    if (!body.ok) {
      const tooLarge = body.reason === 'too-large';
      sendJson(
        response,
        tooLarge ? 413 : 400,
        tooLarge
          ? transportError('bad-input', `Anfrage zu groß (höchstens ${maxBodyBytes} Byte).`, `Request too large (at most ${maxBodyBytes} bytes).`)
          : transportError('bad-input', 'Anfrage ist kein gültiges JSON.', 'Request body is not valid JSON.'),
      );
      return;
    }
    let methodName: string;
    try {
      methodName = decodeURIComponent(pathname.slice(HTTP_API_PREFIX.length));
    } catch {
      methodName = '';
    }
    let backend: { api: KleinraumApi; dispatch: Dispatch };
    try {
      backend = await apiReady;
    } catch (error) {
      onInternalError(error);
      sendJson(response, 200, transportError('internal', 'Kleinraum konnte nicht starten (Details in der Konsole des Servers).', 'Kleinraum could not start (details in the server console).'));
      return;
    }
    const result = await backend.dispatch(backend.api, methodName, body.value, onInternalError);
    sendJson(response, 200, result);
  }

  function handleEvents(request: IncomingMessage, response: ServerResponse, query: URLSearchParams): void {
    if (request.method !== 'GET') {
      sendText(response, 405, 'Method Not Allowed', { Allow: 'GET' });
      return;
    }
    if (!authenticate(request, response, query.get(URL_TOKEN_PARAM))) return;
    hub.attach(response);
  }

  /** API and events: a session cookie or the token header; wrong attempts count towards the lockout. */
  function authenticate(request: IncomingMessage, response: ServerResponse, queryToken: string | null): boolean {
    if (session!.authenticated(request, queryToken)) return true;
    request.resume();
    const locked = session!.fail();
    sendJson(
      response,
      locked ? 429 : 403,
      transportError(
        'bad-input',
        locked
          ? 'Zu viele Zugriffe mit falschem Schlüssel; der Server nimmt eine Minute lang keine neuen an. Danach Kleinraum über die beim Start ausgegebene Adresse öffnen.'
          : 'Zugriff verweigert: Bitte Kleinraum über die Adresse öffnen, die beim Start ausgegeben wurde.',
        locked
          ? 'Too many attempts with a wrong key; the server accepts no new ones for a minute. Then open Kleinraum with the address printed at start-up.'
          : 'Access denied: please open Kleinraum with the address printed at start-up.',
      ),
    );
    return false;
  }

  /** `?launch=` (once) or `?token=` on a page: set the session cookie and show the page without the token. */
  function exchangeForCookie(request: IncomingMessage, response: ServerResponse, pathname: string, query: URLSearchParams): boolean {
    const launch = query.get('launch');
    const queryToken = query.get(URL_TOKEN_PARAM);
    if (launch === null && queryToken === null) return false;
    request.resume();
    const result = session!.exchange(launch, queryToken);
    if (result.kind === 'session') {
      query.delete('launch');
      query.delete(URL_TOKEN_PARAM);
      const rest = query.toString();
      response.writeHead(303, { Location: `${pathname}${rest ? `?${rest}` : ''}`, 'Set-Cookie': result.cookie, 'Cache-Control': 'no-store' });
      response.end();
      return true;
    }
    const text =
      result.reason === 'used'
        ? 'Dieser Startlink wurde schon benutzt (z. B. vom automatisch geöffneten Browser). Bitte dort weiterarbeiten oder Kleinraum neu starten, um einen neuen Link zu erhalten.\nThis start link was already used (e.g. by the browser that opened automatically). Please continue there, or restart Kleinraum for a new link.'
        : result.reason === 'locked'
          ? 'Zu viele Zugriffe mit falschem Schlüssel; bitte eine Minute warten.\nToo many attempts with a wrong key; please wait a minute.'
          : 'Dieser Link ist ungültig. Bitte Kleinraum über die beim Start ausgegebene Adresse öffnen.\nThis link is not valid. Please open Kleinraum with the address printed at start-up.';
    sendText(response, result.reason === 'locked' ? 429 : 403, text, { 'Cache-Control': 'no-store' });
    return true;
  }

  async function handleStatic(request: IncomingMessage, response: ServerResponse, pathname: string, query: URLSearchParams): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
      return;
    }
    if (exchangeForCookie(request, response, pathname, query)) return;
    const lookup = await lookupStaticFile(options.staticDir, pathname);
    switch (lookup.kind) {
      case 'forbidden':
        sendText(response, 403, 'Forbidden');
        return;
      case 'not-found':
        sendText(response, 404, 'Not Found');
        return;
      case 'renderer-missing':
        response.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : RENDERER_MISSING_PAGE);
        return;
      case 'file': {
        const isIndex = lookup.contentType.startsWith('text/html');
        response.writeHead(200, {
          'Content-Type': lookup.contentType,
          'Content-Length': lookup.sizeBytes,
          // Vite puts a content hash in every asset name except index.html, so assets may be cached.
          'Cache-Control': isIndex ? 'no-store' : 'public, max-age=3600',
        });
        if (request.method === 'HEAD') {
          response.end();
          return;
        }
        const stream = fs.createReadStream(lookup.filePath);
        stream.on('error', (error) => {
          onInternalError(error);
          response.destroy();
        });
        stream.pipe(response);
        return;
      }
    }
  }

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    applySecurityHeaders(response);
    if (!isAllowedHostHeader(request.headers.host, hostNames, boundPort)) {
      request.resume();
      sendText(response, 403, 'Forbidden: unexpected Host header');
      return;
    }
    const rawUrl = request.url ?? '/';
    const queryStart = rawUrl.indexOf('?');
    const pathname = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
    const query = new URLSearchParams(queryStart === -1 ? '' : rawUrl.slice(queryStart + 1));

    if (pathname === HTTP_EVENTS_PATH || pathname.startsWith(HTTP_API_PREFIX)) {
      if (!isSameOriginOrNone(request)) {
        request.resume();
        sendText(response, 403, 'Forbidden: cross-origin request');
        return;
      }
      if (pathname === HTTP_EVENTS_PATH) handleEvents(request, response, query);
      else await handleApiCall(request, response, pathname);
      return;
    }
    await handleStatic(request, response, pathname, query);
  }

  const server = http.createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      onInternalError(error);
      if (!response.headersSent) sendText(response, 500, 'Internal Server Error');
      else response.destroy();
    });
  });
  // Guard against slow clients holding sockets forever (headers must arrive within 10 s).
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  // Node closes an idle kept-alive socket after 5 s by default; a client that sends its next request on it
  // at that moment gets ECONNRESET (a POST is not retried). The app talks to this server all the time, so
  // idle sockets are kept for a minute.
  server.keepAliveTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  boundPort = (server.address() as AddressInfo).port;
  markListening();
  session = createBrowserSession(token, boundPort);
  hostNames = allowedHostNames(bindHost);

  if (!isLoopbackHost(bindHost)) {
    options.onWarning?.({
      de: `Achtung: Der Server ist im Netz erreichbar (--host ${bindHost}), und die Verbindung ist NICHT verschlüsselt: Wer im Netz mitliest, sieht Startlink, Sitzungs-Cookie und alle Daten und kann damit Projektdateien lesen und schreiben. Nur in einem vertrauenswürdigen Netz verwenden. Erlaubte Adressen: ${hostNames.join(', ')}.`,
      en: `Warning: the server is reachable over the network (--host ${bindHost}), and the connection is NOT encrypted: anyone reading the network sees the start link, the session cookie and all data, and can read and write project files with them. Use only on a trusted network. Allowed addresses: ${hostNames.join(', ')}.`,
    });
  }

  const origin = `http://${urlHostFor(bindHost)}:${boundPort}`;
  let closing: Promise<void> | null = null;

  return {
    url: `${origin}/?launch=${session.launchToken}`,
    origin,
    port: boundPort,
    host: bindHost,
    token,
    emit,
    ready,
    close() {
      closing ??= new Promise<void>((resolve) => {
        hub.closeAll();
        const forceTimer = setTimeout(() => server.closeAllConnections(), FORCE_CLOSE_AFTER_MS);
        forceTimer.unref();
        server.close(() => {
          clearTimeout(forceTimer);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
