import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnvironment, repoRoot } from './runKleinraum';

let workDir: string;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kleinraum-launcher-'));
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** Starts `npm start`'s script and resolves with the URL from its banner plus everything it printed. */
function startLauncher(args: string[], environment: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [path.join(repoRoot, 'electron', 'node', 'launcher', 'start.mjs'), ...args], {
    cwd: repoRoot,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<string>((resolve, reject) => {
    // The launcher may have to build the renderer first (vite), which takes a while on a busy machine.
    const timer = setTimeout(() => reject(new Error(`no URL within 150 s: ${stderr}`)), 150_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?launch=[\w-]+/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.once('exit', (code) => reject(new Error(`launcher exited early with ${code}: ${stderr}`)));
  });
  const stop = () =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null) resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return { ready, stop, output: () => ({ stdout, stderr }), child };
}

describe('npm start (launcher)', () => {
  it('falls back to browser mode when Electron fails at once, and says so in German and English', async () => {
    // A stand-in Electron binary that fails immediately, as a broken or headless Electron would.
    const fakeElectronDir = path.join(workDir, 'electron-dist');
    fs.mkdirSync(fakeElectronDir);
    const fakeElectron = path.join(fakeElectronDir, 'electron');
    fs.writeFileSync(fakeElectron, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    const environment: NodeJS.ProcessEnv = { ...cliEnvironment(path.join(workDir, 'data')), ELECTRON_OVERRIDE_DIST_PATH: fakeElectronDir, DISPLAY: ':0' };
    // No system browser is opened in tests: without xdg-open on the PATH the launcher skips that step.
    environment.PATH = path.dirname(process.execPath);
    const launcher = startLauncher(['--port', '0'], environment);
    try {
      const url = await launcher.ready;
      const { stdout, stderr } = launcher.output();
      expect(stderr).toContain('Electron konnte nicht gestartet werden');
      expect(stderr).toContain('Electron could not be started');
      expect(stdout).toContain('Kleinraum läuft im Browser-Modus / Kleinraum is running in browser mode');
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await launcher.stop()).toBe(0);
      expect(launcher.output().stderr).not.toMatch(/^\s+at /m);
    } finally {
      if (launcher.child.exitCode === null) launcher.child.kill('SIGKILL');
    }
  }, 180_000);

  it('goes straight to browser mode with --browser', async () => {
    const environment = cliEnvironment(path.join(workDir, 'data'));
    environment.PATH = path.dirname(process.execPath);
    const launcher = startLauncher(['--browser'], environment);
    try {
      const url = await launcher.ready;
      expect(launcher.output().stderr).not.toContain('Electron');
      // The printed start link, opened as a browser would, gives the session cookie the API accepts.
      const launched = await fetch(url, { redirect: 'manual' });
      expect(launched.status).toBe(303);
      const cookie = (launched.headers.get('set-cookie') ?? '').split(';')[0]!;
      const response = await fetch(`${new URL(url).origin}/api/host.info`, { method: 'POST', headers: { cookie }, body: '{}' });
      expect(await response.json()).toMatchObject({ ok: true, value: { mode: 'browser' } });
      expect(await launcher.stop()).toBe(0);
    } finally {
      if (launcher.child.exitCode === null) launcher.child.kill('SIGKILL');
    }
  }, 180_000);
});
