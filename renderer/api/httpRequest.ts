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

/** One early request: the input it was sent with (as JSON) and its answer. */
interface EarlyRequest {
  inputJson: string;
  response: Promise<Response>;
}
/** Per method: the early request, or `taken` once the transport has asked for the method (it is used once). */
type EarlyRequests = Partial<Record<string, EarlyRequest | 'taken'>>;
type EarlyRequestHost = { [EARLY_REQUESTS_KEY]?: EarlyRequests };

/** The calls the boot script may make once the project is in. */
export const FOLLOW_UP_METHODS = ['layer.features', 'indicator.values'] as const;

/** The inputs of the calls that follow from the project (its first map's areas and values). */
export type FollowUpInputs = Partial<Record<(typeof FOLLOW_UP_METHODS)[number], object>>;

/**
 * Sends the early requests (browser mode only: the Electron bridge needs none). Once the project is in,
 * `followUps` names the calls of its first map, which are sent too, unless the main script has asked for
 * them meanwhile: by the main script they were sent only after it had loaded and taken in the project,
 * about 0,3 s later on a machine without a graphics card, and the map waited for them.
 */
export function sendEarlyRequests(host: { location: { origin: string; search: string }; fetch: typeof fetch }, followUps?: (project: unknown) => Promise<FollowUpInputs>): void {
  const token = pageToken(host.location.search);
  const send = (method: string, input: object): EarlyRequest => {
    const response = postMethod(host.fetch.bind(host), host.location.origin, token, method, input);
    // A failed early request is asked again by the transport, which reports what went wrong.
    response.catch(() => {});
    return { inputJson: JSON.stringify(input), response };
  };
  const requests: EarlyRequests = {};
  for (const method of EARLY_METHODS) requests[method] = send(method, {});
  (host as EarlyRequestHost)[EARLY_REQUESTS_KEY] = requests;
  const project = requests['project.current'];
  if (!followUps || typeof project !== 'object') return;
  // The project's answer is copied at once, before the transport reads it (a body can be read only once):
  // this reaction was registered first, so it runs first.
  void project.response
    .then((response) => (response.ok ? (response.clone().json() as Promise<{ ok?: boolean; value?: unknown }>) : null))
    .then((answer): FollowUpInputs | Promise<FollowUpInputs> => (answer?.ok && answer.value ? followUps(answer.value) : {}))
    .then((inputs) => {
      for (const method of FOLLOW_UP_METHODS) {
        const input = inputs[method];
        if (input && requests[method] === undefined) requests[method] = send(method, input);
      }
    })
    .catch(() => {});
}

/**
 * The early request for `method`, once, if it was sent with `input`; later calls, and calls made before
 * the request was sent or with another input, go to the backend as usual (undefined). The caller asks
 * again when it failed (the transport does).
 */
export function takeEarlyRequest(host: object, method: string, input: unknown): Promise<Response> | undefined {
  const requests = (host as EarlyRequestHost)[EARLY_REQUESTS_KEY];
  if (!requests) return undefined;
  const request = requests[method];
  requests[method] = 'taken';
  return typeof request === 'object' && request.inputJson === JSON.stringify(input ?? {}) ? request.response : undefined;
}
