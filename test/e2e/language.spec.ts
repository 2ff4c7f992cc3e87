// German first, English on request: the switch changes both the UI texts and the number format.
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { e2eToken } from '../helpers/e2eServer';

// Both tests read the demo's municipalities: a project another spec left open must not decide the outcome.
test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

/** Numbers that carry a separator (e.g. "1.234,5" or "12,3"); plain keys like AGS 03241001 have none. */
function numbersWithSeparators(text: string): string[] {
  return text.match(/\d[\d.,]*[.,]\d+/g) ?? [];
}

/** "1.234,5" (German) → "1,234.5" (English): the separators swap, the digits stay. */
function swapSeparators(germanNumber: string): string {
  return germanNumber.replace(/[.,]/g, (separator) => (separator === '.' ? ',' : '.'));
}

async function switchLanguageToEnglish(page: Page): Promise<void> {
  const control = page.getByTestId('language-switch');
  const tagName = await control.evaluate((element) => element.tagName.toLowerCase());
  if (tagName === 'select') await control.selectOption('en');
  else {
    // A toggle, or a group of buttons "DE | EN".
    const englishButton = control.getByRole('button', { name: /^en$|english/i });
    if ((await englishButton.count()) > 0) await englishButton.first().click();
    else await control.click();
  }
}

test('the language switch changes UI texts to English and numbers to English format', async ({ page }) => {
  await openApp(page);
  const table = page.getByTestId('area-table');
  const germanTable = (await table.innerText()).trim();
  const germanLegend = (await page.getByTestId('legend').innerText()).trim();
  const germanNumbers = numbersWithSeparators(germanTable);
  expect(germanNumbers.length, 'the area table shows values with decimal or thousands separators').toBeGreaterThan(0);

  await switchLanguageToEnglish(page);

  await expect.poll(async () => (await page.getByTestId('legend').innerText()).trim()).not.toBe(germanLegend);
  await expect.poll(async () => numbersWithSeparators((await table.innerText()).trim())).toEqual(
    germanNumbers.map(swapSeparators),
  );
  const englishTable = (await table.innerText()).trim();
  // Headers and flags are translated, not only the numbers.
  const withoutNumbers = (text: string) => text.replace(/[\d.,]/g, '');
  expect(withoutNumbers(englishTable)).not.toBe(withoutNumbers(germanTable));
});

test('in English the details panel names the demo sources and their label in English', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('area-row-03241001').click();
  const sources = page.locator('.details-sources');
  await expect(sources).toContainText('Beispieldaten, synthetisch');
  await switchLanguageToEnglish(page);
  await expect(sources).toContainText('reference dates');
  // The demo's synthetic label is a label, not an attribution to quote: it is translated like the names.
  await expect(sources).not.toContainText('Beispieldaten');
});
