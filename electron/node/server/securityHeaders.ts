/**
 * The HTTP security headers of browser mode, and the one list of remote origins the app may reach at all.
 *
 * The Content-Security-Policy is the same policy the renderer declares in its `<meta http-equiv>`
 * (renderer/index.html; a test keeps the two equal), plus the directives that only work as a header
 * (`frame-ancestors`). Sending it as a header too means a page served by us can never load scripts or
 * connect anywhere but its own origin and the allowed remote origins, even if the meta tag were lost in a
 * build. Electron's request filter (electron/main/window.ts) lets through exactly the same origins.
 */
import type { ServerResponse } from 'node:http';

/**
 * The host of the official basemap.de vector basemap (BKG). Its style
 * (`/gdz_basemapde_vektor/styles/bm_web_col.json`) names its TileJSON, vector tiles, sprite and glyphs
 * all on this same host, so this one origin is everything the optional basemap needs.
 */
export const BASEMAP_ORIGIN = 'https://sgx.geodatenzentrum.de';

/**
 * Every remote origin the renderer may fetch from (MapLibre fetches style, TileJSON, tiles, sprite and
 * glyphs with `fetch`, partly inside its worker, and decodes the sprite as an image). Nothing else
 * remote: no scripts, styles, fonts or frames from anywhere but our own origin.
 */
export const ALLOWED_REMOTE_ORIGINS: readonly string[] = [BASEMAP_ORIGIN];

const remoteSources = ALLOWED_REMOTE_ORIGINS.join(' ');

/**
 * The renderer's own CSP, exactly as in renderer/index.html's meta tag.
 * @example RENDERER_CONTENT_SECURITY_POLICY.includes("connect-src 'self' https://sgx.geodatenzentrum.de") // true
 */
export const RENDERER_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  `img-src 'self' data: blob: ${remoteSources}`,
  "worker-src 'self' blob:",
  `connect-src 'self' ${remoteSources}`,
].join('; ');

/** The renderer's CSP (see renderer/index.html), extended by header-only directives. */
export const CONTENT_SECURITY_POLICY = [
  RENDERER_CONTENT_SECURITY_POLICY,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * True when the Electron shell may let a network request through: only reading (GET/HEAD) over https
 * from an allowed remote origin, on its default port. Everything else (other hosts, http, websockets,
 * uploads) stays blocked.
 * @example isAllowedRemoteRequest('https://sgx.geodatenzentrum.de/gdz_basemapde_vektor/tiles/v2/bm_web_de_3857/9/271/168.pbf', 'GET') // true
 * @example isAllowedRemoteRequest('https://example.org/', 'GET') // false
 */
export function isAllowedRemoteRequest(url: string, method: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // URL.origin drops default ports and lower-cases the host, so "https://SGX.geodatenzentrum.de:443" matches
  // and "https://sgx.geodatenzentrum.de.evil.example" or a user-info trick does not.
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && ALLOWED_REMOTE_ORIGINS.includes(parsed.origin);
}

/**
 * Headers sent with every response. There are deliberately no CORS headers: only pages from this very
 * origin may call the API.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Sets every security header on `response` (call before writing the head). */
export function applySecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
}
