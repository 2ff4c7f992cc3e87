/**
 * The renderer's one way to the backend: a typed client implementing `KleinraumApi` plus `subscribe`.
 * Every answer is checked against the contract's zod schema; a `{ ok: false }` answer, an unreachable
 * backend or an answer that breaks the contract becomes a thrown `ApiError` with a message in both UI
 * languages. Views never talk to a transport directly.
 */
import { events, METHOD_AREAS, methodSchemas, type EventName, type EventPayload, type KleinraumApi, type MethodName, type MethodOutput } from '../../shared/contract/api';
import { ApiError, catalogueText } from './apiError';
import type { Transport } from './transport';

export interface KleinraumClient extends KleinraumApi {
  /** Which transport is in use ("bridge" in Electron, "http" in browser mode). */
  readonly transportKind: Transport['kind'];
  /** Listens to one backend event with a validated payload; returns the function that stops listening. */
  subscribe<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void;
}

/**
 * Wraps a transport into the typed client.
 * @example const api = createApiClient(detectTransport(window)); const project = await api['project.current']({});
 */
export function createApiClient(transport: Transport, onContractViolation: (detail: string) => void = reportToConsole): KleinraumClient {
  async function call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
    // The method's schemas (a chunk per contract area, loaded once) are fetched while the request runs. A
    // chunk that cannot be fetched is retried once, then reported like a lost connection (not as a raw
    // import error, and not as a refusal of what the backend did).
    const schemasLoading = methodSchemas(method).catch(() => methodSchemas(method));
    schemasLoading.catch(() => {});
    const result = await transport.invoke(method, input);
    if (!result.ok) throw new ApiError(result.error.code, result.error.message, method);
    const schemas = await schemasLoading.catch(() => {
      throw new ApiError('internal', catalogueText('error.partUnavailable'), method);
    });
    const checked = schemas.output.safeParse(result.value);
    if (!checked.success) {
      onContractViolation(`${method}: ${checked.error.message}`);
      throw new ApiError('internal', catalogueText('error.unexpected'), method);
    }
    return checked.data as MethodOutput<M>;
  }

  const methods = Object.fromEntries(
    (Object.keys(METHOD_AREAS) as MethodName[]).map((method) => [method, (input: unknown) => call(method, input)]),
  ) as unknown as KleinraumApi;

  return {
    ...methods,
    transportKind: transport.kind,
    subscribe(event, handler) {
      return transport.subscribe((name, payload) => {
        if (name !== event) return;
        const checked = events[event].safeParse(payload);
        if (!checked.success) {
          onContractViolation(`event ${event}: ${checked.error.message}`);
          return;
        }
        handler(checked.data as EventPayload<typeof event>);
      });
    },
  };
}

function reportToConsole(detail: string): void {
  console.error(`Kleinraum contract violation: ${detail}`);
}
