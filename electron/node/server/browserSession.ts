/**
 * How a browser gets and keeps access to browser mode without the secret ever sitting in a URL for long:
 * the server prints (and hands to xdg-open) a link with a one-time launch token; opening it exchanges the
 * launch token for a session cookie (HttpOnly, so page scripts cannot read it; SameSite=Strict, so other
 * sites' pages cannot send it) and redirects to the same page without the token. Scripts and tests
 * authenticate with the long-lived token in the `X-Kleinraum-Token` header instead, which only reaches the
 * server by environment or a file readable by the user alone. Wrong tokens are rate-limited.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { tokensMatch } from './requestGuards';

/** Tokens shorter than this are refused: 32 characters of base64url are 192 bits. */
export const MIN_TOKEN_LENGTH = 32;
/** Failed attempts allowed per window before every unauthenticated request is answered 429. */
export const MAX_FAILED_ATTEMPTS = 10;
const FAILURE_WINDOW_MS = 60_000;
const LOCKOUT_MS = 60_000;

export type Exchange = { kind: 'session'; cookie: string } | { kind: 'refused'; reason: 'used' | 'wrong' | 'locked' };

export interface BrowserSession {
  /** The one-time token of the printed start link. */
  readonly launchToken: string;
  /** The cookie name (per port: cookies do not tell ports apart). */
  readonly cookieName: string;
  /** Exchanges `?launch=` (once) or `?token=` (the long-lived token) for a session cookie. */
  exchange(launch: string | null, token: string | null): Exchange;
  /** True when the request carries a valid session cookie, or (unless locked out) the token header or, for SSE, `?token=`. */
  authenticated(request: IncomingMessage, queryToken?: string | null): boolean;
  /** Counts a failed attempt; true while locked out. */
  fail(): boolean;
  locked(): boolean;
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return null;
}

/**
 * @example const session = createBrowserSession(token, 41234); session.exchange(session.launchToken, null) // { kind: 'session', cookie: 'kleinraum_session_41234=…; HttpOnly; SameSite=Strict; Path=/' }
 */
export function createBrowserSession(token: string, port: number, now: () => number = Date.now): BrowserSession {
  if (token.length < MIN_TOKEN_LENGTH) throw new Error(`browser-mode token shorter than ${MIN_TOKEN_LENGTH} characters`);
  const launchToken = newSecret();
  let launchUsed = false;
  const sessions = new Set<string>();
  const failures: number[] = [];
  let lockedUntil = 0;
  const cookieName = `kleinraum_session_${port}`;

  const locked = () => now() < lockedUntil;
  const fail = () => {
    const time = now();
    failures.push(time);
    while (failures.length > 0 && failures[0]! < time - FAILURE_WINDOW_MS) failures.shift();
    if (failures.length > MAX_FAILED_ATTEMPTS) lockedUntil = time + LOCKOUT_MS;
    return locked();
  };
  const startSession = (): Exchange => {
    const secret = newSecret();
    sessions.add(secret);
    return { kind: 'session', cookie: `${cookieName}=${secret}; HttpOnly; SameSite=Strict; Path=/` };
  };

  return {
    launchToken,
    cookieName,
    exchange(launch, queryToken) {
      if (locked()) return { kind: 'refused', reason: 'locked' };
      if (launch !== null) {
        if (!launchUsed && tokensMatch(launch, launchToken)) {
          launchUsed = true;
          return startSession();
        }
        const used = launchUsed && tokensMatch(launch, launchToken);
        fail();
        return { kind: 'refused', reason: used ? 'used' : 'wrong' };
      }
      if (queryToken !== null && tokensMatch(queryToken, token)) return startSession();
      fail();
      return { kind: 'refused', reason: 'wrong' };
    },
    authenticated(request, queryToken = null) {
      const cookie = cookieValue(request.headers.cookie, cookieName);
      if (cookie !== null && [...sessions].some((secret) => tokensMatch(cookie, secret))) return true;
      // While locked out, no token is even compared: guessing stays pointless, open sessions keep working.
      if (locked()) return false;
      const header = request.headers['x-kleinraum-token'];
      if (typeof header === 'string' && tokensMatch(header, token)) return true;
      return queryToken !== null && tokensMatch(queryToken, token);
    },
    fail,
    locked,
  };
}
