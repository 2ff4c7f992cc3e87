/**
 * Browser-mode start-up as a planner experiences it: from starting `kleinraum serve` to the first rendered
 * choropleth in Chromium (`document.body.dataset.mapReady === 'true'`), split into its steps.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../helpers/chromium';
import { repoRoot } from '../helpers/repoRoot';
import { startServe } from '../helpers/serveProcess';
import { makeTempDir } from '../helpers/tempDir';
import { millisecondsSince, type Benchmark } from './benchmark';

function ensureRendererBuilt(): void {
  if (fs.existsSync(path.join(repoRoot, 'build', 'renderer', 'index.html'))) return;
  process.stderr.write('building the renderer first (vite build); not part of the figures\n');
  const result = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error('vite build failed, so there is no renderer to start');
}

const browserStartup: Benchmark = {
  name: 'browser-startup',
  async run() {
    ensureRendererBuilt();
    const profile = makeTempDir('kleinraum-bench-chromium-');
    const start = performance.now();
    const server = await startServe();
    const serverReadyMs = millisecondsSince(start);
    try {
      const launchStart = performance.now();
      const context = await chromium.launchPersistentContext(profile.path, {
        ...chromiumLaunchOptions,
        viewport: { width: 1400, height: 900 },
      });
      const chromiumLaunchMs = millisecondsSince(launchStart);
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const pageStart = performance.now();
        await page.goto(server.url);
        const pageLoadedMs = millisecondsSince(pageStart);
        await page.waitForFunction(() => document.body.dataset.mapReady === 'true', undefined, { timeout: 60_000 });
        const pageToMapReadyMs = millisecondsSince(pageStart);
        return {
          serverReadyMs,
          chromiumLaunchMs,
          pageLoadedMs,
          pageToMapReadyMs,
          totalToFirstMapMs: millisecondsSince(start),
        };
      } finally {
        await context.close();
      }
    } finally {
      await server.stop();
      profile.remove();
    }
  },
};

export default browserStartup;
