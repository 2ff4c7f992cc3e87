// The export dialog as a planner uses it: open "Karte exportieren …", change the title, download a PNG and a PDF
// (browser mode downloads the file) and check what arrived.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { e2eToken } from '../helpers/e2eServer';
import { expect, openApp, test } from './fixtures';

const TITLE = 'Schutzsuchende je 1.000 Einw. – Ausschuss Soziales';

test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

async function openExportDialog(page: Page): Promise<void> {
  await openApp(page);
  await page.getByRole('button', { name: 'Karte exportieren …' }).click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await expect(page.getByTestId('export-preview')).toBeVisible();
}

async function downloadedBytes(download: Download): Promise<Buffer> {
  const filePath = await download.path();
  return fs.readFileSync(filePath);
}

function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('the preview shows the changed title, and the PNG download is a PNG of the chosen page at the chosen dpi', async ({ page }, testInfo) => {
  await openExportDialog(page);
  await page.getByTestId('export-title-input').fill(TITLE);
  await expect(page.getByTestId('export-preview').locator('svg text', { hasText: TITLE })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('export-dialog.png') });

  await page.getByTestId('export-format').selectOption('png');
  await page.getByTestId('export-dpi').selectOption('150');
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-run').click();
  const download = await downloadPromise;
  // Named as the planner reads the indicator, with its Stichtag.
  expect(download.suggestedFilename()).toMatch(/^Schutzsuchende je 1\.000 Einwohner_\d{4}-\d{2}-\d{2}\.png$/);
  const bytes = await downloadedBytes(download);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  // IHDR width and height: A4 landscape (297 × 210 mm) at 150 dpi.
  expect(bytes.readUInt32BE(16)).toBe(Math.round((297 / 25.4) * 150));
  expect(bytes.readUInt32BE(20)).toBe(Math.round((210 / 25.4) * 150));
  await expect(page.getByTestId('export-message')).toContainText('1 Datei');
  // Escape closes the dialog after an export too, when the focus has left it.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toBeHidden();
});

test('the PDF download carries the changed title and the synthetic-data note', async ({ page }) => {
  await openExportDialog(page);
  await page.getByTestId('export-title-input').fill(TITLE);
  await page.getByTestId('export-format').selectOption('pdf');
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-run').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = await downloadedBytes(download);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  if (!hasPoppler()) {
    console.log('pdftotext (poppler-utils) is not installed: the PDF text check is skipped.');
    return;
  }
  const text = execFileSync('pdftotext', [await download.path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(TITLE);
  expect(text).toContain('Beispieldaten');
});

test('a custom page size in mm changes the preview and the PNG', async ({ page }) => {
  await openExportDialog(page);
  await page.getByTestId('export-page').selectOption('custom');
  await page.getByTestId('export-width-mm').fill('200');
  await page.getByTestId('export-height-mm').fill('150');
  await expect(page.getByTestId('export-preview').locator('svg')).toHaveAttribute('width', '200mm');
  await page.getByTestId('export-format').selectOption('png');
  await page.getByTestId('export-dpi').selectOption('150');
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-run').click();
  const bytes = await downloadedBytes(await downloadPromise);
  expect(bytes.readUInt32BE(16)).toBe(Math.round((200 / 25.4) * 150));
  expect(bytes.readUInt32BE(20)).toBe(Math.round((150 / 25.4) * 150));
});

test('the figure follows the map’s "Darstellung als": index with its unit, change with its compare Stichtag', async ({ page }, testInfo) => {
  await openApp(page);
  await page.getByTestId('mode-select').selectOption('index');
  await expect(page.locator('.legend-subtitle')).toContainText('Index (Region = 100)');
  await page.getByRole('button', { name: 'Karte exportieren …' }).click();
  const preview = page.getByTestId('export-preview');
  await expect(preview.locator('svg text', { hasText: 'Index (Region = 100) · Stichtag 31.12.2024' })).toHaveCount(1);
  await expect(preview.locator('svg text', { hasText: 'Gesamt: 100,0' })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('export-index.png') });
  await page.getByTestId('export-dialog').getByRole('button', { name: 'Abbrechen' }).click();

  await page.getByTestId('mode-select').selectOption('change');
  await page.getByTestId('compare-period-select').selectOption('2019-12-31');
  await page.getByRole('button', { name: 'Karte exportieren …' }).click();
  await expect(page.getByTestId('export-preview').locator('svg text', { hasText: 'gegenüber 31.12.2019' }).first()).toBeVisible();
});
