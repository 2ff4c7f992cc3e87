/**
 * How browser mode asks the backend: one `POST /api/<method>` per call. Shared by the HTTP transport and the
 * page's early requests (renderer/boot.ts), so both send the same request; kept free of the contract's
 * schemas so that the boot script stays a few hundred bytes.
 */
import { HTTP_API_PREFIX, HTTP_TOKEN_HEADER, URL_TOKEN_PARAM } from '../../shared/contract/transport';

/** The script token in the page's address (`?token=`), when it has one. */
export function pageToken(search: string): string | null {
  return new URLSearchParams(search).get(URL_TOKEN_PARAM);
}

/** Sends one backend call; the answer is a DispatchResult as JSON (the transport reads and checks it). */
export function postMethod(fetchFunction: typeof fetch, origin: string, token: string | null, method: string, input: unknown): Promise<Response> {
  return fetchFunction(`${origin}${HTTP_API_PREFIX}${method}`, {
    method: 'POST',
    headers: token ? { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: token } : { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(input ?? {}),
  });
}

/**
 * The calls every page makes first, with no input. The boot script sends them while the main script is
 * still loading and running (about 0.4 s on a machine without a graphics card, in which a request made
 * by the main script would not even leave the page), and the transport takes their answers instead of
 * asking again.
 */
export const EARLY_METHODS = ['host.info', 'project.current'] as const;

/** Where the boot script leaves its requests for the transport. */
const EARLY_REQUESTS_KEY = '__kleinraumEarlyRequests';

type EarlyRequests = Partial<Record<string, Promise<Response>>>;
type EarlyRequestHost = { [EARLY_REQUESTS_KEY]?: EarlyRequests };

/** Sends the early requests (browser mode only: the Electron bridge needs none). */
export function sendEarlyRequests(host: { location: { origin: string; search: string }; fetch: typeof fetch }): void {
  const token = pageToken(host.location.search);
  const requests: EarlyRequests = {};
  for (const method of EARLY_METHODS) {
    const request = postMethod(host.fetch.bind(host), host.location.origin, token, method, {});
    // A failed early request is asked again by the transport, which reports what went wrong.
    request.catch(() => {});
    requests[method] = request;
  }
  (host as EarlyRequestHost)[EARLY_REQUESTS_KEY] = requests;
}

/**
 * The early request for `method`, once: later calls (and calls with an input) go to the backend as usual.
 * The caller asks again when it failed (the transport does).
 */
export function takeEarlyRequest(host: object, method: string, input: unknown): Promise<Response> | undefined {
  const requests = (host as EarlyRequestHost)[EARLY_REQUESTS_KEY];
  const request = requests?.[method];
  if (!requests || !request || JSON.stringify(input ?? {}) !== '{}') return undefined;
  delete requests[method];
  return request;
}
