/**
 * Where the end-to-end tests find browser mode. Playwright's `webServer` starts `kleinraum serve` on this
 * fixed loopback port with this fixed token, so tests can build URLs and call `/api/*` without reading
 * the server's output. The second lane's server listens on the next port (playwright.config.ts). Override
 * the first port with KLEINRAUM_E2E_PORT when it is taken on a machine.
 */
export const e2ePort = Number(process.env.KLEINRAUM_E2E_PORT ?? 47613);

/**
 * Not a secret: the test server only listens on 127.0.0.1 and lives as long as one test run. It reaches the
 * server through KLEINRAUM_TOKEN (never the command line) and must have the 32 characters the server requires.
 */
export const e2eToken = 'kleinraum-e2e-token-0123456789abcdefghij';

/** Base URL of a test server on `port`, without the token. */
export function e2eBaseUrl(port: number): string {
  return `http://127.0.0.1:${port}`;
}

/**
 * Opens the app in browser mode: the server swaps `?token=` for a session cookie and redirects to `/`.
 * Relative, so each spec reaches the server of its own project (the config's `baseURL`).
 */
export const e2eAppUrl = `/?token=${e2eToken}`;
