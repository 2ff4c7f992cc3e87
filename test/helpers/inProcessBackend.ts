/**
 * The real backend services (electron/node) behind the renderer's transport interface, in one process:
 * calls go through the contract's `dispatch`, events reach the subscribers. Renderer tests use it to drive
 * the real store and client against the real backend without a server — no mocked domain objects.
 */
import type { EventName, KleinraumApi } from '../../shared/contract/api';
import { dispatch } from '../../shared/contract/dispatch';
import { createKleinraumApi, disposeKleinraumApi } from '../../electron/node/services/createKleinraumApi';
import type { Transport } from '../../renderer/api/transport';

export interface InProcessBackend {
  backend: KleinraumApi;
  transport: Transport;
  /** Closes the backend's working copy; the data folder is the caller's to remove. */
  dispose: () => void;
}

/** @example const { transport, dispose } = createInProcessBackend(directory.path) */
export function createInProcessBackend(dataDir: string): InProcessBackend {
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const backend = createKleinraumApi({
    dataDir,
    host: { mode: 'browser', version: '0.0.0-test' },
    emit: (name, payload) => listeners.forEach((listener) => listener(name, payload)),
  });
  const transport: Transport = {
    kind: 'bridge',
    invoke: (method, input) => dispatch(backend, method, input),
    subscribe: (handler) => {
      listeners.add(handler);
      return () => listeners.delete(handler);
    },
  };
  return { backend, transport, dispose: () => disposeKleinraumApi(backend) };
}
