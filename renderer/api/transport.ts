/**
 * The two ways the renderer reaches the backend, behind one small interface: the Electron preload bridge
 * (`window.kleinraum`) and loopback HTTP + Server-Sent Events (browser mode). Both speak the wire format of
 * shared/contract/transport.ts; neither holds feature logic.
 */
import type { DispatchResult } from '../../shared/contract/dispatch';
import { events, type EventName, type MethodName } from '../../shared/contract/api';
import { HTTP_EVENTS_PATH, URL_TOKEN_PARAM, type KleinraumBridge } from '../../shared/contract/transport';
import { ApiError, catalogueText } from './apiError';
import { pageToken, postMethod, takeEarlyRequest } from './httpRequest';

export interface Transport {
  readonly kind: 'bridge' | 'http';
  invoke(method: MethodName, input: unknown): Promise<DispatchResult>;
  /** Calls `handler` for every backend event; returns the function that stops listening. */
  subscribe(handler: (name: EventName, payload: unknown) => void): () => void;
}

/** Electron: the preload bridge already returns DispatchResults. */
export function createBridgeTransport(bridge: KleinraumBridge): Transport {
  return {
    kind: 'bridge',
    invoke: (method, input) => bridge.invoke(method, input),
    subscribe: (handler) => bridge.subscribe(handler),
  };
}

/** The parts of the browser the HTTP transport needs; injectable so tests run without a browser. */
export interface HttpEnvironment {
  /** Origin of the Kleinraum server, e.g. "http://127.0.0.1:51730". */
  origin: string;
  /**
   * The script token, when the page has one; the browser normally authenticates with the HttpOnly session
   * cookie the server set when the start link was opened, which page scripts cannot read.
   */
  token: string | null;
  fetch: typeof fetch;
  createEventSource: ((url: string) => EventSourceLike) | null;
  /** The boot script's request for this call, when it sent one (renderer/boot.ts); it is taken once. */
  earlyRequest?(method: MethodName, input: unknown): Promise<Response> | undefined;
}

/** The subset of EventSource used here. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

/**
 * Browser mode: `POST /api/<method>` with the token header; the body is always a DispatchResult (HTTP 200
 * also for user errors). Events arrive over one EventSource shared by all subscriptions: a browser keeps at
 * most six connections to a server, and a stream per subscription held two of them for good (at start-up,
 * the first API requests waited for a free connection).
 */
export function createHttpTransport(environment: HttpEnvironment): Transport {
  const handlers = new Set<(name: EventName, payload: unknown) => void>();
  let source: EventSourceLike | null = null;

  function openEventStream(createEventSource: (url: string) => EventSourceLike): EventSourceLike {
    const url = environment.token ? `${environment.origin}${HTTP_EVENTS_PATH}?${URL_TOKEN_PARAM}=${encodeURIComponent(environment.token)}` : `${environment.origin}${HTTP_EVENTS_PATH}`;
    const opened = createEventSource(url);
    for (const name of Object.keys(events) as EventName[]) {
      opened.addEventListener(name, (event) => {
        let payload: unknown;
        try {
          payload = JSON.parse(event.data);
        } catch {
          return; // A malformed event is dropped; the next project.changed brings the state back.
        }
        for (const handler of [...handlers]) {
          // One listener no longer: a handler unsubscribed meanwhile gets nothing more, and one that throws
          // does not keep the event from the others (the error is reported as uncaught, as before).
          if (!handlers.has(handler)) continue;
          try {
            handler(name, payload);
          } catch (error) {
            queueMicrotask(() => {
              throw error;
            });
          }
        }
      });
    }
    return opened;
  }

  return {
    kind: 'http',
    async invoke(method, input) {
      let response: Response;
      const send = () => postMethod(environment.fetch, environment.origin, environment.token, method, input);
      try {
        const early = environment.earlyRequest?.(method, input);
        response = await (early ? early.catch(send) : send());
      } catch {
        throw new ApiError('internal', catalogueText('error.network'), method);
      }
      // A non-JSON answer is never a DispatchResult; it is judged by its status below.
      const body: unknown = await response.json().catch(() => null);
      if (isDispatchResult(body)) return body;
      // A refused token answers 401/403: tell the user how to get a valid address.
      const key = response.status === 401 || response.status === 403 ? 'error.noToken' : response.ok ? 'error.unexpected' : 'error.network';
      throw new ApiError('internal', catalogueText(key), method);
    },
    subscribe(handler) {
      if (!environment.createEventSource) return () => {};
      handlers.add(handler);
      source ??= openEventStream(environment.createEventSource);
      return () => {
        handlers.delete(handler);
        if (handlers.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
}

function isDispatchResult(body: unknown): body is DispatchResult {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const candidate = body as { ok: unknown; error?: unknown };
  if (candidate.ok === true) return 'value' in candidate;
  if (candidate.ok !== false || typeof candidate.error !== 'object' || candidate.error === null) return false;
  const error = candidate.error as { code?: unknown; message?: { de?: unknown; en?: unknown } };
  return typeof error.code === 'string' && typeof error.message?.de === 'string' && typeof error.message?.en === 'string';
}

/** The browser globals the transport detection looks at. */
export interface HostWindow {
  kleinraum?: KleinraumBridge;
  location: { origin: string; search: string };
  fetch: typeof fetch;
  EventSource?: new (url: string) => EventSourceLike;
}

/**
 * Electron when the preload exposed `window.kleinraum`, otherwise loopback HTTP authenticated by the session
 * cookie (the server exchanged the start link's token for it). A refused request explains what to do.
 * @example detectTransport(window).kind // "http" in browser mode
 */
export function detectTransport(host: HostWindow): Transport {
  if (host.kleinraum) return createBridgeTransport(host.kleinraum);
  const EventSourceConstructor = host.EventSource;
  return createHttpTransport({
    origin: host.location.origin,
    token: pageToken(host.location.search),
    fetch: host.fetch.bind(host),
    createEventSource: EventSourceConstructor ? (url) => new EventSourceConstructor(url) : null,
    earlyRequest: (method, input) => takeEarlyRequest(host, method, input),
  });
}
