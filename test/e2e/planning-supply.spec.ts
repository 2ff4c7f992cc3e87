// The supply table of the Planung tab: a facility typed in shrinks the gap of its area at once, undo restores it,
// and a changed rate in the rates editor keeps its earlier source text.
import { expect, openApp, startTableImport, test, writeKitaList } from './fixtures';
import { e2eToken } from '../helpers/e2eServer';
import { makeTempDir } from '../helpers/tempDir';

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

test('the Jugendamt\'s list of KiTa places per municipality becomes the KiTa supply: the gap follows it, the source is named, undo goes back to the facilities', async ({ page, request }, testInfo) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
  const folder = makeTempDir('kleinraum-supply-from-data-');
  try {
    // Places per municipality without addresses, as the Kita statistics give them; Wunstorf (the last) is missing.
    const file = folder.file('kita_plaetze_2026.csv');
    await writeKitaList(request, file, (area, index) => (index === 20 ? null : area.key === '03241009' ? 1500 : 800 + index));
    await openApp(page);
    await startTableImport(page, file, 20);
    await page.getByTestId('import-new-source').getByTestId('import-new-source-name').fill('Kita-Statistik Jugendamt');
    // Counted in March 2026: after the demo scenarios' first projected year 2025 (they start from 31.12.2024).
    await page.getByTestId('import-period-date').fill('01.03.2026');
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 30_000 });

    await page.getByRole('tab', { name: 'Planung' }).click();
    await page.getByTestId('planning-kind').selectOption('kita');
    const gap = page.getByTestId('planning-gap-03241009');
    await expect(gap).not.toHaveText('');
    const fromFacilities = shownNumber(await gap.textContent());
    const laatzen = page.getByTestId('planning-table').locator('tr[data-key="03241009"]');
    const demand = shownNumber(await laatzen.locator('td').nth(1).textContent());

    const origin = page.getByTestId('planning-from-data-kita');
    await expect(origin).toHaveValue('');
    await origin.selectOption('kita_plaetze_total');
    const status = page.getByTestId('planning-from-data-status-kita');
    await expect(status).toContainText('Quelle: Kita-Statistik Jugendamt, Stichtag 01.03.2026');
    await expect(status).toContainText('Stichtag nach dem ersten Projektionsjahr 2025: dieses Angebot gilt schon ab 2025 · ohne Wert, Angebot unbekannt: 1 Gebiet');
    await expect(status).toContainText('ohne Wert, Angebot unbekannt: 1 Gebiet');
    await expect(page.getByTestId('planning-supply-not-counted')).toContainText('KiTa-Plätze');
    // Laatzen's supply is the list's 1 500 places, not those plus its facilities; the gap follows (±1 for rounding).
    await expect(laatzen.locator('td').nth(2)).toHaveText('1.500');
    expect(Math.abs(shownNumber(await gap.textContent()) - (demand - 1500))).toBeLessThanOrEqual(1);
    expect(fromFacilities).not.toBe(shownNumber(await gap.textContent()));
    await expect(page.getByTestId('planning-map-note').first()).toContainText('Angebot: Kita-Plätze, Kita-Statistik Jugendamt, 01.03.2026');
    // The projection banner names the list too.
    await expect(page.getByTestId('planning-banner')).toContainText('Angebot KiTa-Plätze: Kita-Plätze (Kita-Statistik Jugendamt, 01.03.2026)');
    await page.getByTestId('planning-supply-from-data').scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('supply-from-data.png'), fullPage: true });

    await page.getByTestId('planning-supply-undo').click();
    await expect(origin).toHaveValue('');
    await expect.poll(async () => shownNumber(await gap.textContent())).toBe(fromFacilities);
  } finally {
    folder.remove();
  }
});
