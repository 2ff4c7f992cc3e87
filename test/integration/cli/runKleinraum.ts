/**
 * Runs the real `kleinraum` bin (node electron/node/cli/kleinraum.cjs) as a child process, the way users
 * and scripts call it, with its own data folder and a neutral locale so the default language is known.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const kleinraumBin = path.join(repoRoot, 'electron', 'node', 'cli', 'kleinraum.cjs');

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function cliEnvironment(dataDir: string): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env, KLEINRAUM_DATA_DIR: dataDir, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' };
  delete environment.KLEINRAUM_TOKEN;
  return environment;
}

export function runKleinraum(args: string[], dataDir: string, timeoutMs = 60_000): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [kleinraumBin, ...args], { cwd: repoRoot, env: cliEnvironment(dataDir), timeout: timeoutMs }, (error, stdout, stderr) => {
      const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ exitCode, stdout, stderr });
    });
  });
}

export function spawnKleinraum(args: string[], dataDir: string): ChildProcess {
  return spawn(process.execPath, [kleinraumBin, ...args], { cwd: repoRoot, env: cliEnvironment(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
}
