// Issue 15, item 8: the import wizard takes a layer name as users type it (spaces, umlauts), says what it
// will be stored as next to the field, says what a finished import wrote, undoes and redoes the import as
// one step, and the imported layer is the one shown again after saving and reopening.
import type { Page } from '@playwright/test';
import { makeTempDir } from '../helpers/tempDir';
import { e2eToken } from '../helpers/e2eServer';
import { sharedDataAvailable, sharedDataPath } from '../helpers/sharedData';
import { callApi, expect, openApp, test } from './fixtures';

/** Pairs of the header's parts that overlap on screen, and the header's height. */
async function headerLayout(page: Page): Promise<{ overlaps: string[]; height: number }> {
  return page.locator('header.topbar').evaluate((header) => {
    const parts = [...header.querySelectorAll(':scope > *, .pickers > .picker')].filter((part) => !part.classList.contains('pickers'));
    const overlaps: string[] = [];
    parts.forEach((first, index) => {
      const a = first.getBoundingClientRect();
      for (const second of parts.slice(index + 1)) {
        const b = second.getBoundingClientRect();
        if (a.left < b.right - 0.5 && a.right > b.left + 0.5 && a.top < b.bottom - 0.5 && a.bottom > b.top + 0.5) overlaps.push(`${first.className} / ${second.className}`);
      }
    });
    return { overlaps, height: header.getBoundingClientRect().height };
  });
}

test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

test('a layer named "Stadtbezirke Süd" is imported, reported and shown again after reopening', async ({ page, request }) => {
  test.skip(!sharedDataAvailable(), '../shared/data is not present beside the checkout');
  const folder = makeTempDir('kleinraum-import-name-');
  try {
    await openApp(page);
    const headerBefore = await headerLayout(page);
    await page.getByTestId('project-menu').click();
    await page.getByTestId('menu-import').click();
    await page.getByTestId('import-path-input').fill(sharedDataPath('hannover_stadt', 'stadtteile', 'stadtteile_hannover_skh5000_qgis2web_crs84.geojson'));
    await page.getByTestId('import-path-confirm').click();
    await expect(page.getByTestId('import-area-count')).toContainText('51 Gebiete', { timeout: 30_000 });
    await page.getByTestId('import-dissolve-field').selectOption('STADTBZNR');
    await expect(page.getByTestId('import-area-count')).toContainText('13 Gebiete', { timeout: 30_000 });

    const nameField = page.getByTestId('import-layer-name');
    // Only punctuation: refused, and the reason stands next to the field.
    await nameField.fill('–––');
    await expect(nameField).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('import-layer-name-help')).toContainText('Buchstaben');
    await expect(page.getByTestId('import-commit')).toBeDisabled();

    await nameField.fill('Stadtbezirke Süd');
    await expect(nameField).toHaveAttribute('aria-invalid', 'false');
    await expect(page.getByTestId('import-layer-name-help')).toContainText('stadtbezirke_sued');
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 30_000 });

    // The finished import says what it wrote.
    const notice = page.getByTestId('notice-toast');
    await expect(notice).toContainText('Stadtbezirke Süd');
    await expect(notice).toContainText('13 Gebieten');
    const layerSelect = page.getByTestId('layer-select');
    await expect(layerSelect).toHaveValue('stadtbezirke_sued');
    await expect(layerSelect.locator('option:checked')).toHaveText('Stadtbezirke Süd');
    await expect(page.locator('[data-testid^="area-row-"]')).toHaveCount(13);
    // With the layer picker beside indicator and Stichtag the header still fits 1400 px: nothing overlaps
    // (the export button covered the Stichtag picker) and no button wraps to a second line.
    expect(await headerLayout(page)).toEqual({ overlaps: [], height: headerBefore.height });
    // The Stichtag stays readable whole; the indicator's picker gives way.
    expect(await page.getByTestId('period-select').evaluate((select) => select.scrollWidth <= select.clientWidth + 1)).toBe(true);

    // The import is one step of the undo history: Ctrl+Z gives back the project without the layer (the demo
    // has only its municipalities, so there is no layer choice), Ctrl+Y the imported layer, shown again.
    await expect(notice).toContainText('Strg+Z');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+z');
    await expect(layerSelect).toHaveCount(0);
    await expect(page.locator('[data-testid^="area-row-"]')).toHaveCount(21);
    await page.keyboard.press('Control+y');
    await expect(layerSelect).toHaveValue('stadtbezirke_sued');
    await expect(page.locator('[data-testid^="area-row-"]')).toHaveCount(13);

    // Save, open the demo, reopen: the imported layer is the active one again.
    await callApi(request, 'files.list', { dir: folder.path, extensions: ['gpkg'] });
    await page.getByTestId('project-menu').click();
    await page.getByTestId('menu-save-as').click();
    await page.getByTestId('file-name-input').fill('Bezirke');
    await page.getByTestId('file-dialog-confirm').click();
    await expect(page.getByTestId('project-file')).toHaveText('Bezirke.gpkg');
    await page.getByTestId('project-menu').click();
    await page.getByTestId('menu-demo').click();
    await expect(page.getByTestId('layer-select')).toHaveCount(0);
    await page.getByTestId('project-menu').click();
    await page.locator('.menu-recent').filter({ hasText: 'Bezirke.gpkg' }).click();
    await expect(page.getByTestId('project-file')).toHaveText('Bezirke.gpkg');
    await expect(layerSelect).toHaveValue('stadtbezirke_sued');
    await expect(page.locator('[data-testid^="area-row-"]')).toHaveCount(13);
  } finally {
    folder.remove();
  }
});
