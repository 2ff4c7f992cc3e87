/**
 * The generic server side of every transport: validate the input against the contract, call the service,
 * validate the output. Transports (IPC, HTTP) call only this; they hold no feature logic.
 */
import { isMethodName, methodSchemas, type KleinraumApi } from './api';
import { toErrorPayload, UserError, type ErrorPayload } from './errors';

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: ErrorPayload };

/** Calls `method` on `api` with `rawInput` checked against the contract. Never throws. */
export async function dispatch(
  api: KleinraumApi,
  method: unknown,
  rawInput: unknown,
  onInternalError: (error: unknown) => void = () => {},
): Promise<DispatchResult> {
  try {
    if (!isMethodName(method)) {
      throw new UserError('bad-input', { de: `Unbekannte Funktion: ${String(method)}`, en: `Unknown method: ${String(method)}` });
    }
    const spec = await methodSchemas(method);
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ');
      throw new UserError('bad-input', { de: `Ungültige Eingabe für ${method}: ${detail}`, en: `Invalid input for ${method}: ${detail}` });
    }
    const handler = api[method] as (input: unknown) => Promise<unknown>;
    const result = await handler.call(api, parsed.data);
    const checked = spec.output.safeParse(result);
    if (!checked.success) {
      onInternalError(new Error(`Output of ${method} does not match the contract: ${checked.error.message}`));
      return { ok: false, error: toErrorPayload(new Error('contract')) };
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    if (!(error instanceof UserError)) onInternalError(error);
    return { ok: false, error: toErrorPayload(error) };
  }
}
