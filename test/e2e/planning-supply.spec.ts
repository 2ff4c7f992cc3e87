// The supply table of the Planung tab: a facility typed in shrinks the gap of its area at once, undo restores it,
// and a changed rate in the rates editor keeps its earlier source text.
import { expect, openApp, test } from './fixtures';
import { e2eToken } from '../helpers/e2eServer';

/** "1.234" or "−56" as shown in the table → number. */
const shownNumber = (text: string | null): number => Number((text ?? '').replace(/\./g, '').replace(',', '.').replace('−', '-'));

test('adding a KiTa in the table shrinks the KiTa gap of that municipality; undo brings it back', async ({ page, request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
  await openApp(page);
  await page.getByRole('tab', { name: 'Planung' }).click();
  await expect(page.getByTestId('planning-map').locator('path[data-key]')).toHaveCount(21);
  await page.getByTestId('planning-kind').selectOption('kita');
  const gap = page.getByTestId('planning-gap-03241009');
  await expect(gap).not.toHaveText('');
  const before = shownNumber(await gap.textContent());

  await page.getByTestId('planning-facility-area-filter').selectOption('03241009');
  const rowsBefore = await page.getByTestId('planning-facilities').locator('tbody tr').count();
  await page.getByTestId('planning-new-kind').selectOption('kita');
  await page.getByTestId('planning-new-name').fill('KiTa Neubau Laatzen');
  await page.getByTestId('planning-new-capacity').fill('120');
  await page.getByTestId('planning-new-area').selectOption('03241009');
  await page.getByTestId('planning-add-facility').click();

  await expect(page.getByTestId('planning-facilities').locator('tbody tr')).toHaveCount(rowsBefore + 1);
  await expect.poll(async () => shownNumber(await gap.textContent())).toBe(before - 120);

  await page.getByTestId('planning-supply-undo').click();
  await expect(page.getByTestId('planning-facilities').locator('tbody tr')).toHaveCount(rowsBefore);
  await expect.poll(async () => shownNumber(await gap.textContent())).toBe(before);
});

test('the rates editor shows every rate with its source, and an edited rate keeps the earlier text', async ({ page, request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
  await openApp(page);
  await page.getByRole('tab', { name: 'Planung' }).click();
  const rates = page.getByTestId('planning-rates');
  await expect(rates.locator('tr[data-rate]')).toHaveCount(27);
  const row = rates.locator('tr[data-rate="demand.kita.under-3.residents"]');
  await expect(row.locator('textarea')).toHaveValue(/Destatis/);
  await row.getByTestId('planning-rate-demand.kita.under-3.residents').fill('40');
  await row.getByTestId('planning-rate-demand.kita.under-3.residents').press('Enter');
  await expect(row.locator('textarea')).toHaveValue(/^Im Projekt eingestellt: 40 %\. Vorher: 36 % – Destatis/);
  await expect(row.locator('select')).toHaveValue('assumption');
});
