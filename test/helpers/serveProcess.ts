/**
 * Starts browser mode (`kleinraum serve`) as a child process and learns its address from the URL it
 * prints, for benchmarks and tests that need their own server. Always `stop()` it (in `finally`).
 */
import { spawn } from 'node:child_process';
import { cliEntryPoint } from './cli';
import { repoRoot } from './repoRoot';

export interface RunningServe {
  /** The printed start link with its one-time launch token, e.g. `http://127.0.0.1:41234/?launch=…`. */
  url: string;
  /** `http://127.0.0.1:41234` without path or token. */
  baseUrl: string;
  /** The session cookie the start link was exchanged for (`name=value`), as a browser would hold it. */
  cookie: string;
  /** Calls one contract method over HTTP; resolves with the value or throws with the user error. */
  call<T>(method: string, input?: unknown): Promise<T>;
  /** Sends SIGTERM and waits for the process to exit (SIGKILL after a few seconds). */
  stop(): Promise<void>;
}

const printedUrl = /(http:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\d+)\/?\?launch=([A-Za-z0-9_-]+)/;

/** A started server whose start link nobody has opened yet: a browser opens it, as after `serve --open`. */
export interface UnopenedServe {
  url: string;
  baseUrl: string;
  stop(): Promise<void>;
  /** The server as seen with the session cookie a browser got for the start link (`name=value`). */
  withCookie(cookie: string): RunningServe;
}

/** Starts `kleinraum serve` and returns once it printed its start link, without opening that link. */
export async function startServeUnopened(args: string[] = [], timeoutMs = 60_000): Promise<UnopenedServe> {
  const child = spawn(process.execPath, [cliEntryPoint, 'serve', '--port', '0', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };

  const address = await new Promise<{ baseUrl: string; url: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kleinraum serve printed no URL within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = printedUrl.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        resolve({ baseUrl: match[1], url: match[0] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kleinraum serve exited with code ${code} before printing its URL:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  const withCookie = (cookie: string): RunningServe => {
    const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
      const response = await fetch(`${address.baseUrl}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(input),
      });
      const result = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.value as T;
    };
    return { ...address, cookie, call, stop };
  };

  return { ...address, stop, withCookie };
}

/**
 * @param args extra arguments after `serve`, e.g. `['--project', file]`; the port defaults to a free one.
 * @example const server = await startServe(); try { await server.call('project.current'); } finally { await server.stop(); }
 */
export async function startServe(args: string[] = [], timeoutMs = 60_000): Promise<RunningServe> {
  const server = await startServeUnopened(args, timeoutMs);
  // Open the start link as a browser would: the launch token becomes a session cookie.
  const launched = await fetch(server.url, { redirect: 'manual' });
  const cookie = (launched.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (launched.status !== 303 || !cookie) {
    await server.stop();
    throw new Error(`the start link was not exchanged for a session cookie (HTTP ${launched.status})`);
  }
  return server.withCookie(cookie);
}
