/**
 * Server-Sent Events for browser mode: the backend's `emit(name, payload)` is written to every open
 * `/api/events` stream as `event: <name>` / `data: <json>`. A comment line every 20 s keeps proxies and
 * idle timers from closing a quiet stream.
 */
import type { ServerResponse } from 'node:http';
import type { EventName } from '../../../shared/contract/api';

const HEARTBEAT_INTERVAL_MS = 20_000;

export interface EventStreamHub {
  /** Starts streaming to `response` (headers are written here) until the client or the hub closes it. */
  attach(response: ServerResponse): void;
  /** Sends one event to every attached client. */
  emit(name: EventName, payload: unknown): void;
  /** Number of attached clients (for tests and diagnostics). */
  readonly clientCount: number;
  /** Ends every stream (used on server shutdown). */
  closeAll(): void;
}

/** Formats one SSE message. Payload JSON is one line (JSON.stringify never emits raw newlines). */
export function formatServerSentEvent(name: string, payload: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(payload ?? null)}\n\n`;
}

export function createEventStreamHub(): EventStreamHub {
  const clients = new Set<ServerResponse>();
  let heartbeat: NodeJS.Timeout | null = null;

  const stopHeartbeatWhenIdle = (): void => {
    if (clients.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = null;
    }
  };

  return {
    attach(response) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      // A first comment flushes the headers so the browser's EventSource reports "open" at once.
      response.write(': connected\n\n');
      clients.add(response);
      response.on('close', () => {
        clients.delete(response);
        stopHeartbeatWhenIdle();
      });
      if (!heartbeat) {
        heartbeat = setInterval(() => {
          for (const client of clients) client.write(': heartbeat\n\n');
        }, HEARTBEAT_INTERVAL_MS);
        heartbeat.unref();
      }
    },
    emit(name, payload) {
      const message = formatServerSentEvent(name, payload);
      for (const client of clients) client.write(message);
    },
    get clientCount() {
      return clients.size;
    },
    closeAll() {
      for (const client of clients) client.end();
      clients.clear();
      stopHeartbeatWhenIdle();
    },
  };
}
