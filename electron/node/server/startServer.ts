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
import { dispatch, type DispatchResult } from '../../../shared/contract/dispatch';
import type { LocalizedText } from '../../../shared/model/project';
import { HTTP_API_PREFIX, HTTP_EVENTS_PATH, HTTP_TOKEN_HEADER, URL_TOKEN_PARAM } from '../../../shared/contract/transport';
import { createEventStreamHub } from './eventStream';
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from './readJsonBody';
import { createToken, isAllowedHostHeader, isLoopbackHost, isSameOriginOrNone, isWildcardHost, tokensMatch } from './requestGuards';
import { applySecurityHeaders } from './securityHeaders';
import { lookupStaticFile, RENDERER_MISSING_PAGE } from './staticFiles';

/** Sends one backend event to the UI. */
export type EmitEvent = (name: EventName, payload: unknown) => void;

/** The API, or a factory that receives the server's `emit` (createKleinraumApi needs it at creation). */
export type ApiSource = KleinraumApi | ((emit: EmitEvent) => KleinraumApi | Promise<KleinraumApi>);

export interface StartServerOptions {
  api: ApiSource;
  /** Folder of the built renderer, normally build/renderer. It may be missing: a help page is served then. */
  staticDir: string;
  /** Interface to bind. Default 127.0.0.1; anything that is not loopback triggers `onWarning`. */
  host?: string;
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Secret every API call must present; default a fresh random token. */
  token?: string;
  /** Largest accepted API request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Called with unexpected (non-user) errors; default writes them to stderr. */
  onInternalError?: (error: unknown) => void;
  /** Called once with a warning for the user, e.g. when binding to a non-loopback interface. */
  onWarning?: (message: LocalizedText) => void;
}

export interface RunningServer {
  /** The address to open, including the token: `http://127.0.0.1:PORT/?token=…`. */
  url: string;
  /** `http://127.0.0.1:PORT` without path or token. */
  origin: string;
  port: number;
  host: string;
  token: string;
  /** Pushes an event to every connected page (the same function the API factory received). */
  emit: EmitEvent;
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

function transportError(code: 'bad-input' | 'not-found', de: string, en: string): DispatchResult {
  return { ok: false, error: { code, message: { de, en } } };
}

function urlHostFor(bindHost: string): string {
  if (isWildcardHost(bindHost)) return '127.0.0.1';
  return bindHost.includes(':') ? `[${bindHost}]` : bindHost;
}

/**
 * Starts the browser-mode server and resolves once it listens.
 * @example
 * const server = await startServer({ api: (emit) => createKleinraumApi({ dataDir, host, emit }), staticDir: 'build/renderer' });
 * console.log(server.url); // http://127.0.0.1:41234/?token=…
 * await server.close();
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const bindHost = options.host ?? '127.0.0.1';
  const token = options.token ?? createToken();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const onInternalError = options.onInternalError ?? ((error: unknown) => console.error('[kleinraum server]', error));
  const hub = createEventStreamHub();
  const emit: EmitEvent = (name, payload) => hub.emit(name, payload);
  const api = typeof options.api === 'function' ? await options.api(emit) : options.api;
  let boundPort = 0;

  async function handleApiCall(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    if (request.method !== 'POST') {
      sendText(response, 405, 'Method Not Allowed', { Allow: 'POST' });
      return;
    }
    if (!tokensMatch(request.headers[HTTP_TOKEN_HEADER] as string | undefined, token)) {
      request.resume();
      sendJson(
        response,
        403,
        transportError(
          'bad-input',
          'Zugriff verweigert: Bitte Kleinraum über die Adresse öffnen, die beim Start ausgegeben wurde (mit ?token=…).',
          'Access denied: please open Kleinraum with the address printed at start-up (including ?token=…).',
        ),
      );
      return;
    }
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
    const result = await dispatch(api, methodName, body.value, onInternalError);
    sendJson(response, 200, result);
  }

  function handleEvents(request: IncomingMessage, response: ServerResponse, query: URLSearchParams): void {
    if (request.method !== 'GET') {
      sendText(response, 405, 'Method Not Allowed', { Allow: 'GET' });
      return;
    }
    if (!tokensMatch(query.get(URL_TOKEN_PARAM), token)) {
      sendText(response, 403, 'Forbidden: wrong or missing token');
      return;
    }
    hub.attach(response);
  }

  async function handleStatic(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
      return;
    }
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
    if (!isAllowedHostHeader(request.headers.host, bindHost, boundPort)) {
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
    await handleStatic(request, response, pathname);
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

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, bindHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  boundPort = (server.address() as AddressInfo).port;

  if (!isLoopbackHost(bindHost)) {
    options.onWarning?.({
      de: `Achtung: Der Server ist nicht nur auf diesem Rechner erreichbar (--host ${bindHost}). Wer die Adresse mit Token kennt, kann Projektdateien lesen und schreiben.`,
      en: `Warning: the server is reachable from other machines (--host ${bindHost}). Anyone who knows the address with its token can read and write project files.`,
    });
  }

  const origin = `http://${urlHostFor(bindHost)}:${boundPort}`;
  let closing: Promise<void> | null = null;

  return {
    url: `${origin}/?${URL_TOKEN_PARAM}=${encodeURIComponent(token)}`,
    origin,
    port: boundPort,
    host: bindHost,
    token,
    emit,
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
