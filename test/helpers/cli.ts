/**
 * Runs the real `kleinraum` command line (electron/node/cli/kleinraum.cjs) in a child process, as a user
 * or a script would, so tests and benchmarks exercise the same entry point.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './repoRoot';

export const cliEntryPoint = path.join(repoRoot, 'electron', 'node', 'cli', 'kleinraum.cjs');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `kleinraum <args>` and waits for it, with a bounded time limit.
 *
 * @example runCli(['demo', '--out', dir.file('demo.gpkg'), '--json'])
 */
export function runCli(args: string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [cliEntryPoint, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    env: { ...process.env, ...options.env },
  });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}
