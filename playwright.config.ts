// End-to-end tests: the real renderer and the real backend in browser mode (`kleinraum serve`), driven in
// Debian's Chromium. The renderer must be built first (`npm test` does that; by hand: `npx vite build`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/helpers/chromium';
import { e2eBaseUrl, e2ePort, e2eToken } from './test/helpers/e2eServer';
import { sharedDataDir } from './test/helpers/sharedData';

// Browser mode reads and writes only in home, the project's folder and these: the real data the tests
// import, and the temporary folders they write zips and exports to.
const allowDirFlags = [sharedDataDir, os.tmpdir()].filter((folder) => fs.existsSync(folder)).map((folder) => ` --allow-dir ${folder}`).join('');

const configDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * Seconds each spec took in a two-lane run (the durations in build/test-reports/playwright.json); the
 * lanes are balanced by them. A spec not listed counts as SPEC_SECONDS_UNLISTED until it is measured.
 */
const SPEC_SECONDS: Record<string, number> = {
  'analysis.spec.ts': 17,
  'boundaries-only.spec.ts': 25,
  'demo-boundaries.spec.ts': 17,
  'electron.spec.ts': 0,
  'export.spec.ts': 31,
  'flows.spec.ts': 27,
  'import-naming.spec.ts': 21,
  'import-official.spec.ts': 12,
  'import-planner.spec.ts': 131,
  'import.spec.ts': 23,
  'language.spec.ts': 12,
  'lazy-views.spec.ts': 20,
  'map-classification.spec.ts': 69,
  'map-labels.spec.ts': 14,
  'map-layout.spec.ts': 40,
  'map-marks.spec.ts': 29,
  'map-modes.spec.ts': 15,
  'map-overlay.spec.ts': 27,
  'map.spec.ts': 37,
  'monitoring.spec.ts': 68,
  'movement.spec.ts': 118,
  'planning-figures.spec.ts': 31,
  'planning-results.spec.ts': 12,
  'planning-supply.spec.ts': 31,
  'planning.spec.ts': 19,
  'profiles.spec.ts': 28,
  'save-reopen.spec.ts': 15,
  'selection.spec.ts': 33,
  'sources.spec.ts': 91,
  'undo.spec.ts': 25,
};
const SPEC_SECONDS_UNLISTED = 15;

// Several engineers may test at once in one checkout: KLEINRAUM_STATIC_DIR points the test server at a
// renderer build of their own (with KLEINRAUM_E2E_PORT for a port of their own).
const staticDirFlag = process.env.KLEINRAUM_STATIC_DIR ? ` --static-dir ${process.env.KLEINRAUM_STATIC_DIR}` : '';

// The specs run in two lanes, each against a server of its own (own port, own data folder), so one lane's
// open project never meets the other's. Within a lane the specs run one after another, in file order.
// Two lanes on the two-core CI machine take about a fifth less time than one: a spec waits part of its
// time (page loads, the map's idle event, debounced requests) while the other lane's spec computes.
// Longest first, each spec goes to the lane with less time so far.
const specFiles = fs
  .readdirSync(path.join(configDir, 'test/e2e'), { recursive: true, encoding: 'utf8' })
  .map((file) => file.split(path.sep).join('/'))
  .filter((file) => file.endsWith('.spec.ts'))
  .sort();
const lanes = [0, 1].map((lane) => ({ name: `lane-${lane + 1}`, port: e2ePort + lane, specs: [] as string[], seconds: 0 }));
for (const file of [...specFiles].sort((a, b) => (SPEC_SECONDS[b] ?? SPEC_SECONDS_UNLISTED) - (SPEC_SECONDS[a] ?? SPEC_SECONDS_UNLISTED))) {
  const lane = lanes.reduce((least, candidate) => (candidate.seconds < least.seconds ? candidate : least));
  lane.specs.push(file);
  lane.seconds += SPEC_SECONDS[file] ?? SPEC_SECONDS_UNLISTED;
}

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'build/test-results/e2e',
  // One worker per lane; within a lane, files run one after another.
  workers: lanes.length,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: 'build/test-reports/playwright.json' }]],
  use: {
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
  projects: lanes.map((lane) => ({
    name: lane.name,
    testMatch: lane.specs,
    workers: 1,
    use: { baseURL: e2eBaseUrl(lane.port) },
  })),
  webServer: lanes.map((lane) => ({
    // A data folder of its own, so e2e runs never touch the recent-projects list of the person running them.
    command: `node electron/node/cli/kleinraum.cjs serve --port ${lane.port} --host 127.0.0.1 --data-dir build/e2e-data/${lane.name}${allowDirFlags}${staticDirFlag}`,
    url: `${e2eBaseUrl(lane.port)}/`,
    env: { KLEINRAUM_TOKEN: e2eToken },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
  })),
});
