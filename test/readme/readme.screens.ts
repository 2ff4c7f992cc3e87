/**
 * Makes the README's screenshots from the real app at 1400 × 900 (German UI, the embedded demo project):
 * the map, the profiles with a typology, the Quellenvergleich, Zeitreihen & Bilanz and Monitoring tabs, and an
 * exported committee figure (the command line's
 * `export-map`, the same figure the app's export writes). Run with `npm run screenshots`; the PNGs go to
 * docs/screenshots/ and are committed.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { e2eAppUrl, e2eToken } from '../helpers/e2eServer';
import { runCli } from '../helpers/cli';
import { repoRoot } from '../helpers/repoRoot';
import { makeTempDir } from '../helpers/tempDir';

const outputDir = path.join(repoRoot, 'docs', 'screenshots');

test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

test('map', async ({ page }) => {
  await page.goto(e2eAppUrl);
  await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true', { timeout: 30_000 });
  await page.getByTestId('area-row-03241001').click();
  await expect(page.getByTestId('details-shown-value').or(page.locator('.details-panel'))).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true');
  await page.screenshot({ path: path.join(outputDir, 'karte.png') });
});

test('profiles', async ({ page }) => {
  await page.goto(e2eAppUrl);
  await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true', { timeout: 30_000 });
  await page.getByTestId('view-tab-profiles').click();
  await expect(page.getByTestId('profiles-view')).toBeVisible();
  await page.getByTestId('profiles-typology').selectOption('3');
  await expect(page.locator('.profiles-group-swatch').first()).toBeVisible();
  await page.screenshot({ path: path.join(outputDir, 'profile.png') });
});

for (const [view, file] of [
  ['sources', 'quellenvergleich.png'],
  ['movement', 'zeitreihen.png'],
  ['monitoring', 'monitoring.png'],
] as const) {
  test(`${view} tab`, async ({ page }) => {
    await page.goto(e2eAppUrl);
    await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true', { timeout: 30_000 });
    await page.getByTestId(`view-tab-${view}`).click();
    await expect(page.getByTestId(`${view}-view`)).toBeVisible();
    // Charts and maps of the tab draw after their answers arrive.
    await expect(page.getByTestId(`${view}-view`).locator('svg').first()).toBeVisible({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.join(outputDir, file) });
  });
}

test('exported figure', () => {
  const folder = makeTempDir('kleinraum-readme-');
  try {
    const project = folder.file('demo.gpkg');
    expect(runCli(['demo', '--out', project]).status).toBe(0);
    const result = runCli(['export-map', project, '--indicator', 'refugees_per_1000', '--page', 'a4-landscape', '--dpi', '150', '--out', path.join(outputDir, 'abbildung.png'), '--lang', 'de'], { timeoutMs: 120_000 });
    expect(result.status, result.stderr).toBe(0);
  } finally {
    folder.remove();
  }
});
