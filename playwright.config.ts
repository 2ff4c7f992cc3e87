// End-to-end tests: the real renderer and the real backend in browser mode (`kleinraum serve`), driven in
// Debian's Chromium. The renderer must be built first (`npm test` does that; by hand: `npx vite build`).
import fs from 'node:fs';
import os from 'node:os';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/helpers/chromium';
import { e2eBaseUrl, e2ePort, e2eToken } from './test/helpers/e2eServer';
import { sharedDataDir } from './test/helpers/sharedData';

// Browser mode reads and writes only in home, the project's folder and these: the real data the tests
// import, and the temporary folders they write zips and exports to.
const allowDirFlags = [sharedDataDir, os.tmpdir()].filter((folder) => fs.existsSync(folder)).map((folder) => ` --allow-dir ${folder}`).join('');

// Several engineers may test at once in one checkout: KLEINRAUM_STATIC_DIR points the test server at a
// renderer build of their own (with KLEINRAUM_E2E_PORT for a port of their own).
const staticDirFlag = process.env.KLEINRAUM_STATIC_DIR ? ` --static-dir ${process.env.KLEINRAUM_STATIC_DIR}` : '';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'build/test-results/e2e',
  // One Chromium with SwiftShader already keeps both cores busy; parallel workers only add flakiness.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: 'build/test-reports/playwright.json' }]],
  use: {
    baseURL: e2eBaseUrl,
    browserName: 'chromium',
    headless: true,
    launchOptions: chromiumLaunchOptions,
    viewport: { width: 1400, height: 900 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    // A trace records every action's DOM snapshot (about a fifth of the e2e time); CI cannot hand the trace
    // files back, so it records none. Locally a failed test keeps its trace.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    // A data folder of its own, so e2e runs never touch the recent-projects list of the person running them.
    command: `node electron/node/cli/kleinraum.mjs serve --port ${e2ePort} --host 127.0.0.1 --data-dir build/e2e-data${allowDirFlags}${staticDirFlag}`,
    url: `${e2eBaseUrl}/`,
    env: { KLEINRAUM_TOKEN: e2eToken },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
