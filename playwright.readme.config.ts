// The README's screenshots, made from the real app in browser mode (`npm run screenshots`): the map, the
// profiles and an exported committee figure, written to docs/screenshots/. Not part of `npm test`.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: 'test/readme',
  testMatch: '**/*.screens.ts',
  reporter: [['list']],
  outputDir: 'build/test-results/readme',
  // One server is enough for the screenshots: the first lane's.
  projects: [{ name: 'readme', use: base.projects?.[0]?.use }],
  webServer: Array.isArray(base.webServer) ? base.webServer[0] : base.webServer,
  workers: 1,
});
