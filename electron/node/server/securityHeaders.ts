/**
 * The HTTP security headers of browser mode. The Content-Security-Policy is the same policy the renderer
 * declares in its `<meta http-equiv>` (renderer/index.html), plus the directives that only work as a
 * header (`frame-ancestors`). Sending it as a header too means a page served by us can never load
 * scripts or connect anywhere but its own origin, even if the meta tag were lost in a build.
 */
import type { ServerResponse } from 'node:http';

/** The renderer's CSP (see renderer/index.html), extended by header-only directives. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

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
