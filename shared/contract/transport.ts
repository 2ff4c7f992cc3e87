/**
 * The wire format shared by both transports, so the renderer's one client works over either:
 *
 * Electron IPC: the preload script exposes `window.kleinraum: KleinraumBridge` (contextBridge); `invoke`
 *   sends on channel IPC_INVOKE_CHANNEL and resolves with a DispatchResult; events arrive on
 *   IPC_EVENT_CHANNEL as `{ name, payload }`.
 * Browser mode (loopback HTTP): `POST /api/<method>` with the JSON input as body and the header
 *   `X-Kleinraum-Token: <token>`; the response body is a DispatchResult (HTTP 200 also for user errors).
 *   Events: `GET /api/events?token=<token>` as Server-Sent Events (`event: <name>`, `data: <json>`).
 *   The token is part of the URL the server prints (`http://127.0.0.1:PORT/?token=…`); the renderer reads it
 *   from `location.search`. Requests with a wrong token or a Host header other than 127.0.0.1/localhost are
 *   refused (protects against other local users and DNS rebinding).
 */
import type { DispatchResult } from './dispatch';
import type { EventName, MethodName } from './api';

export const IPC_INVOKE_CHANNEL = 'kleinraum:invoke';
export const IPC_EVENT_CHANNEL = 'kleinraum:event';
export const HTTP_API_PREFIX = '/api/';
export const HTTP_EVENTS_PATH = '/api/events';
export const HTTP_TOKEN_HEADER = 'x-kleinraum-token';
export const URL_TOKEN_PARAM = 'token';

export interface KleinraumBridge {
  invoke(method: MethodName, input: unknown): Promise<DispatchResult>;
  subscribe(handler: (name: EventName, payload: unknown) => void): () => void;
}

export interface EventMessage {
  name: EventName;
  payload: unknown;
}
