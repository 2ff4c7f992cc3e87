// The "Planung" tab end to end: create a scenario, change the care ratio, and see the gap map and table change.
import { callApi, expect, openApp, test } from './fixtures';
import { e2eToken } from '../helpers/e2eServer';

test('creating a scenario and a stricter care ratio changes the staff gap on the map and in the table', async ({ page, request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
  await openApp(page);
  await page.getByRole('tab', { name: 'Planung' }).click();
  await expect(page.getByTestId('planning-banner')).toContainText(/^Projektion – Zugang je 1.000 Einwohner und Jahr: [0-9],[0-9]; Betreuungsschlüssel Sozialarbeit: 1:[0-9.]+ \(Asylverfahren offen\), 1:[0-9.]+ \(Schutz gewährt\). Annahmen: /);
  await expect(page.getByTestId('planning-map').locator('path[data-key]')).toHaveCount(21);

  // A new scenario from the shown one, with a typed inflow.
  await page.getByRole('button', { name: 'Neues Szenario' }).click();
  await expect(page.getByRole('radio', { name: 'Szenario 4' })).toBeChecked();
  const { scenarios } = await callApi<{ scenarios: { id: string }[] }>(request, 'planning.listScenarios');
  expect(scenarios.map((scenario) => scenario.id)).toContain('szenario-4');

  await page.getByTestId('planning-kind').selectOption('staff');
  const hannoverGap = page.getByTestId('planning-gap-03241001');
  await expect(hannoverGap).not.toHaveText('');
  const gapBefore = await page.getByTestId('planning-map').locator('path[data-key="03241001"]').getAttribute('data-gap');
  const tableBefore = await hannoverGap.textContent();

  await page.getByTestId('planning-care-ratio').selectOption('50');
  await expect(hannoverGap).not.toHaveText(tableBefore ?? '');
  const gapAfter = await page.getByTestId('planning-map').locator('path[data-key="03241001"]').getAttribute('data-gap');
  expect(Number(gapAfter)).toBeGreaterThan(Number(gapBefore));
  // Areas over capacity stand out in the table.
  await expect(page.locator('[data-testid="planning-table"] tr.over-capacity').first()).toBeVisible();
  await page.getByTestId('planning-compare').selectOption('hoch');
  await expect(page.getByTestId('planning-map-compare').locator('path[data-key]')).toHaveCount(21);
});

test("a scenario plans with its own care ratio; the project's and the other scenarios keep theirs", async ({ page, request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
  await openApp(page);
  await page.getByRole('tab', { name: 'Planung' }).click();
  const banner = page.getByTestId('planning-banner');
  await expect(banner).toContainText('Betreuungsschlüssel Sozialarbeit: 1:80 (Asylverfahren offen), 1:100 (Schutz gewährt)');
  await page.getByTestId('planning-kind').selectOption('staff');
  const hannoverGap = page.getByTestId('planning-gap-03241001');
  await expect(hannoverGap).not.toHaveText('');
  const before = await hannoverGap.textContent();

  // Off, the editor names the project's ratios; on, it starts from them.
  await expect(page.getByTestId('planning-care-ratios')).toContainText('Sonst gilt der des Projekts: 1:80 (Asylverfahren offen), 1:100 (Schutz gewährt).');
  await page.getByTestId('planning-own-care-ratios').check();
  await expect(page.getByTestId('planning-care-ratio-asylumPending')).toHaveValue('80');
  await page.getByTestId('planning-care-ratio-asylumPending').fill('50');
  await page.getByTestId('planning-save').click();
  await expect(banner).toContainText('Betreuungsschlüssel Sozialarbeit: 1:50 (Asylverfahren offen), 1:100 (Schutz gewährt)');
  await expect(hannoverGap).not.toHaveText(before ?? '');
  // Compared with a scenario at the project's ratio, both ratios are named.
  await page.getByTestId('planning-compare').selectOption('hoch');
  await expect(page.getByTestId('planning-compare-banner')).toContainText('Verglichen mit Hoher Zugang: ');
  await expect(page.getByTestId('planning-compare-banner')).toContainText('Betreuungsschlüssel Sozialarbeit: 1:80 (Asylverfahren offen), 1:100 (Schutz gewährt).');

  // The project's rates are unchanged, and so is another scenario.
  const rates = await callApi<{ demand: { staff: { asylumPending: { personsPerStaff: { value: number } } } } }>(request, 'planning.rates');
  expect(rates.demand.staff.asylumPending.personsPerStaff.value).toBe(80);
  await page.getByRole('radio', { name: 'Hoher Zugang' }).check();
  await expect(banner).toContainText('1:80 (Asylverfahren offen)');
});
