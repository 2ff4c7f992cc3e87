/**
 * The CLI's way to the backend: the very services the app uses (createKleinraumApi), called through the
 * contract's `dispatch` like any other transport — so inputs and outputs are validated exactly as for the
 * UI, and the CLI holds no feature logic of its own.
 */
import type { EventName, KleinraumApi, MethodName, MethodOutput } from '../../../shared/contract/api';
import { dispatch } from '../../../shared/contract/dispatch';
import { UserError } from '../../../shared/contract/errors';
import { createKleinraumApi, disposeKleinraumApi } from '../services/createKleinraumApi';
import { packageVersion } from './packageVersion';

export interface CliBackend {
  api: KleinraumApi;
  /** Calls one contract method; resolves with its output or throws UserError (or the internal error itself). */
  call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>>;
  /** Closes the open project's working copy (saved files are untouched). */
  dispose(): void;
}

/**
 * Creates the backend in browser-mode flavour (no native dialogs). `emit` receives backend events
 * (the server forwards them to the page; plain commands ignore them).
 */
export async function createCliBackend(dataDir: string, emit: (name: EventName, payload: unknown) => void = () => {}): Promise<CliBackend> {
  const api = await createKleinraumApi({ dataDir, host: { mode: 'browser', version: packageVersion() }, emit });
  return {
    api,
    dispose: () => disposeKleinraumApi(api),
    async call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
      let internalError: unknown = null;
      const result = await dispatch(api, method, input, (error) => {
        internalError = error;
      });
      if (result.ok) return result.value as MethodOutput<M>;
      if (result.error.code === 'internal') throw internalError ?? new Error(`${method} failed`);
      throw new UserError(result.error.code, result.error.message);
    },
  };
}
