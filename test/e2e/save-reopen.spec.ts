// Issue 15, item 8: saving and reopening a project in browser mode. The reopened project shows what was
// shown at saving (layer, indicator, Stichtag), its title and its file name; the recent list tells files
// with equal titles apart by their folder and drops files that are gone; the proposed file name is valid
// on Windows.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeTempDir } from '../helpers/tempDir';
import { callApi, expect, openApp, test } from './fixtures';

/** Characters Windows refuses in file names. */
// eslint-disable-next-line no-control-regex -- control characters are invalid too
const WINDOWS_INVALID = /[<>:"/\\|?*\u0000-\u001f]/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function saveAsIn(page: Page, request: Parameters<typeof callApi>[0], folder: string, name: string): Promise<string> {
  // The in-app file browser starts in the folder the backend listed last.
  await callApi(request, 'files.list', { dir: folder, extensions: ['gpkg'] });
  await page.getByTestId('project-menu').click();
  await page.getByTestId('menu-save-as').click();
  const nameField = page.getByTestId('file-name-input');
  await expect(nameField).toBeVisible();
  const proposed = await nameField.inputValue();
  await nameField.fill(name);
  await page.getByTestId('file-dialog-confirm').click();
  // "Gespeichert" alone may still describe the previous save; the status names the file it was saved to.
  const saveState = page.getByTestId('save-state');
  await expect(saveState).toHaveAttribute('title', new RegExp(`${escapeRegExp(path.basename(folder))}[\\\\/]${escapeRegExp(name)}\\.gpkg$`));
  await expect(saveState).toHaveText(/Gespeichert/);
  return proposed;
}

test('a saved project reopens with its view, title and file name; the recent list names folders and drops missing files', async ({ page, request }) => {
  const first = makeTempDir('kleinraum-reopen-a-');
  const second = makeTempDir('kleinraum-reopen-b-');
  try {
    await openApp(page);
    const title = (await page.getByTestId('project-title').textContent())?.trim() ?? '';
    expect(title.length).toBeGreaterThan(0);

    // Another indicator and an earlier Stichtag than the defaults.
    const indicatorSelect = page.getByTestId('indicator-select');
    const options = await indicatorSelect.locator('option').evaluateAll((elements) => elements.map((element) => (element as HTMLOptionElement).value));
    const chosenIndicator = options.find((value) => value !== '' && value !== options[0]) ?? options[0]!;
    await indicatorSelect.selectOption(chosenIndicator);
    const periodSelect = page.getByTestId('period-select');
    const periods = await periodSelect.locator('option').evaluateAll((elements) => elements.map((element) => (element as HTMLOptionElement).value));
    const chosenPeriod = periods.at(-1)!;
    await periodSelect.selectOption(chosenPeriod);
    await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true');

    const proposed = await saveAsIn(page, request, first.path, 'Bericht Süd');
    expect(proposed, `proposed file name "${proposed}"`).not.toMatch(WINDOWS_INVALID);
    expect(proposed.endsWith('.gpkg')).toBe(true);
    expect(fs.existsSync(first.file('Bericht Süd.gpkg'))).toBe(true);
    await expect(page.getByTestId('project-file')).toHaveText('Bericht Süd.gpkg');

    // The same project under the same name in a second folder.
    await saveAsIn(page, request, second.path, 'Bericht Süd');
    expect(fs.existsSync(second.file('Bericht Süd.gpkg'))).toBe(true);

    await page.getByTestId('project-menu').click();
    await page.getByTestId('menu-demo').click();
    // The demo is kept in no file: no file pill (the status bar says it is not saved).
    await expect(page.getByTestId('project-file')).toHaveCount(0);

    // Two entries, told apart in the line itself by their folders.
    await page.getByTestId('project-menu').click();
    const recent = page.locator('.menu-recent');
    await expect(recent.filter({ hasText: 'Bericht Süd.gpkg' })).toHaveCount(2);
    // Read until both lines are there: the menu's list is drawn again when the recent list arrives, and a
    // single read in between once found it empty.
    let ours: string[] = [];
    await expect
      .poll(async () => {
        ours = (await recent.allTextContents()).filter((line) => line.includes('Bericht Süd.gpkg'));
        return ours.length;
      })
      .toBe(2);
    expect(new Set(ours).size, `recent lines: ${ours.join(' | ')}`).toBe(2);
    expect(ours.some((line) => line.includes(path.basename(first.path)))).toBe(true);
    expect(ours.some((line) => line.includes(path.basename(second.path)))).toBe(true);

    // Reopen the first file from the recent list.
    await recent.filter({ hasText: path.basename(first.path) }).click();
    await expect(page.getByTestId('project-file')).toHaveText('Bericht Süd.gpkg');
    await expect(page.getByTestId('project-title')).toContainText(title);
    await expect(indicatorSelect).toHaveValue(chosenIndicator);
    await expect(periodSelect).toHaveValue(chosenPeriod);
    await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true');

    // A file that is gone is no longer offered.
    second.remove();
    await page.getByTestId('project-menu').click();
    await expect(page.locator('.menu-recent').filter({ hasText: 'Bericht Süd.gpkg' })).toHaveCount(1);
    await expect(page.locator('.menu-recent').filter({ hasText: path.basename(second.path) })).toHaveCount(0);
  } finally {
    first.remove();
    second.remove();
  }
});

test('Ctrl+S saves in browser mode: the unsaved demo asks where, as the menu\'s "Speichern" does', async ({ page, request }) => {
  const folder = makeTempDir('kleinraum-ctrl-s-');
  try {
    // The demo, kept in no file (the test before leaves a file open whose folder it removed).
    await callApi(request, 'project.openDemo');
    await openApp(page);
    await callApi(request, 'files.list', { dir: folder.path, extensions: ['gpkg'] });
    await page.keyboard.press('Control+s');
    const nameField = page.getByTestId('file-name-input');
    await expect(nameField).toBeVisible();
    await nameField.fill('Mit Tastatur');
    await page.getByTestId('file-dialog-confirm').click();
    await expect(page.getByTestId('save-state')).toHaveText(/Gespeichert/);
    expect(fs.existsSync(folder.file('Mit Tastatur.gpkg'))).toBe(true);
  } finally {
    folder.remove();
  }
});
