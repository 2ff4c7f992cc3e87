// Issue 15, item 9: one undo history for the user's edits across the app, driven by Ctrl+Z / Ctrl+Y (and
// the top bar's buttons): map symbology, rates, scenarios and facilities. Opening another project starts
// a new history.
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { e2eToken } from '../helpers/e2eServer';

test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

async function legendColours(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="legend-class-"] .swatch').evaluateAll((swatches) => swatches.map((swatch) => getComputedStyle(swatch).backgroundColor));
}

/** Moves the focus out of any text field, so Ctrl+Z is the app's and not the field's. */
async function leaveField(page: Page): Promise<void> {
  await page.locator('body').click({ position: { x: 2, y: 2 } });
}

test('Ctrl+Z and Ctrl+Y undo and redo a palette change on the map', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('undo-button')).toBeDisabled();
  const chosen = await page.locator('.palette-option.chosen').getAttribute('data-testid');
  const before = await legendColours(page);
  await page.getByTestId('palette-Greens').click();
  await expect(page.getByTestId('palette-Greens')).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => legendColours(page)).not.toEqual(before);
  const greens = await legendColours(page);
  await expect(page.getByTestId('undo-button')).toHaveAttribute('title', /Darstellung der Karte/);

  await page.keyboard.press('Control+z');
  await expect(page.getByTestId(chosen!)).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => legendColours(page)).toEqual(before);

  await page.keyboard.press('Control+y');
  await expect(page.getByTestId('palette-Greens')).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => legendColours(page)).toEqual(greens);

  // The stored setting follows too (what a save would write).
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId(chosen!)).toHaveAttribute('aria-checked', 'true');
});

test('rates, scenarios and facilities are undone with Ctrl+Z and redone with Ctrl+Y', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('view-tab-planning').click();
  await expect(page.getByTestId('planning-map').locator('path[data-key]')).toHaveCount(21);

  // A rate (the stored rates feed the field, so the field shows what the backend holds).
  const rateField = page.getByTestId('planning-rate-demand.kita.under-3.residents');
  const rateBefore = await rateField.inputValue();
  expect(rateBefore).not.toBe('40');
  await rateField.fill('40');
  await rateField.press('Enter');
  const rateRow = page.locator('tr[data-rate="demand.kita.under-3.residents"]');
  await expect(rateRow.locator('textarea')).toHaveValue(/40 %/);
  await leaveField(page);
  await page.keyboard.press('Control+z');
  await expect(rateField).toHaveValue(rateBefore);
  await expect(rateRow.locator('textarea')).not.toHaveValue(/40 %/);
  await page.keyboard.press('Control+y');
  await expect(rateField).toHaveValue('40');
  await page.keyboard.press('Control+z');
  await expect(rateField).toHaveValue(rateBefore);

  // A scenario's name.
  const name = page.getByTestId('planning-name');
  const nameBefore = await name.inputValue();
  await name.fill('Zugang laut Kreistag');
  await page.getByTestId('planning-save').click();
  await expect(page.getByRole('radio', { name: 'Zugang laut Kreistag' })).toBeVisible();
  await leaveField(page);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('radio', { name: nameBefore })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Zugang laut Kreistag' })).toHaveCount(0);

  // A facility typed in.
  await page.getByTestId('planning-facility-area-filter').selectOption('03241009');
  const rows = page.getByTestId('planning-facilities').locator('tbody tr');
  const rowsBefore = await rows.count();
  await page.getByTestId('planning-new-kind').selectOption('kita');
  await page.getByTestId('planning-new-name').fill('KiTa Neubau Laatzen');
  await page.getByTestId('planning-new-capacity').fill('120');
  await page.getByTestId('planning-new-area').selectOption('03241009');
  await page.getByTestId('planning-add-facility').click();
  await expect(rows).toHaveCount(rowsBefore + 1);
  await leaveField(page);
  await page.keyboard.press('Control+z');
  await expect(rows).toHaveCount(rowsBefore);
  await page.keyboard.press('Control+Shift+z');
  await expect(rows).toHaveCount(rowsBefore + 1);

  // Another project: nothing of this one can be undone there.
  await page.getByTestId('project-menu').click();
  await page.getByTestId('menu-demo').click();
  // The edits made the project unsaved: discard them.
  await page.getByTestId('unsaved-dialog').getByRole('button', { name: 'Nicht speichern' }).click();
  await expect(page.getByTestId('unsaved-dialog')).toHaveCount(0);
  await expect(page.getByTestId('undo-button')).toBeDisabled();
});

test('Ctrl+Z in a text field undoes the typing, not an edit of the app', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('palette-Greens').click();
  await expect(page.getByTestId('palette-Greens')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('view-tab-planning').click();
  const name = page.getByTestId('planning-name');
  await name.click();
  await page.keyboard.type('x');
  await page.keyboard.press('Control+z');
  await page.getByTestId('view-tab-map').click();
  await expect(page.getByTestId('palette-Greens')).toHaveAttribute('aria-checked', 'true');
});
