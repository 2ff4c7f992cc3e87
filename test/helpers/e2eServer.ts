/**
 * Where the end-to-end tests find browser mode. Playwright's `webServer` starts `kleinraum serve` on this
 * fixed loopback port with this fixed token, so tests can build URLs and call `/api/*` without reading
 * the server's output. Override the port with KLEINRAUM_E2E_PORT when it is taken on a machine.
 */
export const e2ePort = Number(process.env.KLEINRAUM_E2E_PORT ?? 47613);

/**
 * Not a secret: the test server only listens on 127.0.0.1 and lives as long as one test run. It reaches the
 * server through KLEINRAUM_TOKEN (never the command line) and must have the 32 characters the server requires.
 */
export const e2eToken = 'kleinraum-e2e-token-0123456789abcdefghij';

/** Base URL of the test server, without the token. */
export const e2eBaseUrl = `http://127.0.0.1:${e2ePort}`;

/** URL that opens the app in browser mode: the server swaps `?token=` for a session cookie and redirects to `/`. */
export const e2eAppUrl = `${e2eBaseUrl}/?token=${e2eToken}`;
