/**
 * Who may talk to the browser-mode server. Two checks protect the user's project files:
 * - the Host header must name this server (127.0.0.1, localhost or ::1, or the host given with --host):
 *   this defeats DNS rebinding, where a web page re-points its own domain name at 127.0.0.1;
 * - every API call carries the secret token from the printed URL: this keeps out other local users and
 *   every page that does not know the URL.
 * Cross-origin requests are refused outright (there are no CORS headers, and an Origin header naming a
 * foreign origin is rejected) so that a foreign page cannot even fire a blind request.
 */
import { timingSafeEqual, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';

/** Host names that always mean "this machine". */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '::1'];

/** A fresh random token for one server run: 32 bytes, base64url (43 characters). */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** True when `host` is a loopback name or address (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

/** True for addresses that listen on every interface, where any Host name can reach us. */
export function isWildcardHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === '0.0.0.0' || bare === '::';
}

/**
 * Splits a Host header value into host name and port.
 * @example parseHostHeader('127.0.0.1:8080') // { hostName: '127.0.0.1', port: 8080 }
 * @example parseHostHeader('[::1]:8080') // { hostName: '::1', port: 8080 }
 */
export function parseHostHeader(value: string): { hostName: string; port: number | null } | null {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(value.trim());
  if (!match || match[1] === undefined) return null;
  return { hostName: match[1].replace(/^\[|\]$/g, '').toLowerCase(), port: match[2] === undefined ? null : Number(match[2]) };
}

/**
 * The host names a request may name in its Host header: loopback, the bind host, and when the server listens
 * on every interface (`--host 0.0.0.0 --allow-network`) this machine's name and interface addresses — never
 * any name, so DNS rebinding stays impossible on the network too.
 * @example allowedHostNames('127.0.0.1') // ['127.0.0.1', 'localhost', '::1']
 */
export function allowedHostNames(bindHost: string): string[] {
  const names = new Set<string>(LOOPBACK_HOSTS);
  const bare = bindHost.replace(/^\[|\]$/g, '').toLowerCase();
  if (!isWildcardHost(bindHost)) names.add(bare);
  else {
    names.add(os.hostname().toLowerCase());
    for (const addresses of Object.values(os.networkInterfaces())) for (const address of addresses ?? []) names.add(address.address.toLowerCase());
  }
  return [...names];
}

/** True when the request's Host header names this server (one of `hostNames`) on our port. */
export function isAllowedHostHeader(hostHeader: string | undefined, hostNames: readonly string[], port: number): boolean {
  if (hostHeader === undefined) return false;
  const parsed = parseHostHeader(hostHeader);
  if (!parsed) return false;
  if (parsed.port !== null && parsed.port !== port) return false;
  return hostNames.includes(parsed.hostName);
}

/** True when the request has no Origin header (same-origin GETs, non-browser clients) or its Origin is our own. */
export function isSameOriginOrNone(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    const parsedOrigin = new URL(origin);
    return parsedOrigin.host.toLowerCase() === (request.headers.host ?? '').toLowerCase();
  } catch {
    return false;
  }
}

/** Compares a presented token with the server's in constant time (no timing hints about the secret). */
export function tokensMatch(presented: string | null | undefined, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const presentedBytes = Buffer.from(presented, 'utf8');
  const expectedBytes = Buffer.from(expected, 'utf8');
  return presentedBytes.length === expectedBytes.length && timingSafeEqual(presentedBytes, expectedBytes);
}
