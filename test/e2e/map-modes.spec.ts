// "Darstellung als": the map, legend, table and details follow the derived mode the backend computes
// (index, change with a compare Stichtag), and an index is coloured with a diverging palette around 100.
import { e2eToken } from '../helpers/e2eServer';
import { callApi, expect, openApp, test } from './fixtures';

test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

interface DerivedValues {
  indicator: { name: { de: string }; unit: { de: string }; decimals: number };
  values: { key: string; value: number | null }[];
}

function germanNumber(value: number, decimals: number): string {
  // The app writes negative numbers with the typographic minus.
  return new Intl.NumberFormat('de-DE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value).replace('-', '\u2212');
}

test('index and change modes drive legend, table and details together', async ({ page, request }) => {
  await openApp(page);
  const indicatorId = await page.getByTestId('indicator-select').inputValue();

  await page.getByTestId('mode-select').selectOption('index');
  const index = await callApi<DerivedValues>(request, 'indicator.values', { indicatorId, layer: 'gemeinden', mode: 'index' });
  await expect(page.locator('.legend-subtitle')).toContainText('Index (Region = 100)');
  await expect(page.locator('.legend-title')).toHaveText(index.indicator.name.de);
  const hannover = index.values.find((entry) => entry.key === '03241001')?.value;
  if (hannover === null || hannover === undefined) throw new Error('the demo has a value for Hannover');
  await expect(page.getByTestId('area-row-03241001')).toContainText(germanNumber(hannover, index.indicator.decimals));
  await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true');
  // The default for an index: the diverging palette's midpoint is 100 (offered in the Darstellung panel).
  await expect(page.locator('.symbology-panel')).toContainText('100');

  await page.getByTestId('mode-select').selectOption('change');
  const comparePicker = page.getByTestId('compare-period-select');
  await expect(comparePicker).toBeVisible();
  await comparePicker.selectOption('2019-12-31');
  const change = await callApi<DerivedValues>(request, 'indicator.values', { indicatorId, layer: 'gemeinden', mode: 'change', comparePeriod: '2019-12-31' });
  await expect(page.locator('.legend-title')).toHaveText(change.indicator.name.de);
  expect(change.indicator.name.de).toContain('31.12.2019');
  await page.getByTestId('area-row-03241001').click();
  const changed = change.values.find((entry) => entry.key === '03241001')?.value ?? null;
  await expect(page.getByTestId('details-shown-value')).toContainText(changed === null ? 'keine Daten' : germanNumber(changed, change.indicator.decimals));
  await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true');

  await page.getByTestId('mode-select').selectOption('value');
  await expect(page.getByTestId('compare-period-select')).toHaveCount(0);
  await expect(page.getByTestId('details-shown-value')).toHaveCount(0);
});

test('"je 1.000 …" makes a rate of a count: Schutzsuchende je 1.000 Einwohner, never of itself', async ({ page, request }, testInfo) => {
  await openApp(page);
  await page.getByTestId('indicator-select').selectOption('refugees_total');
  await page.getByTestId('mode-select').selectOption('per1000Of');
  const denominator = page.getByTestId('denominator-select');
  await expect(denominator).toHaveValue('population');
  // The count's own variable is not offered as its Bezugsgröße (it would be 1.000 everywhere).
  await expect(denominator.locator('option[value="refugees"]')).toHaveCount(0);
  await expect(page.locator('.legend-title')).toHaveText('Schutzsuchende je 1.000 Einwohner');
  // The same figures as the demo's own rate indicator.
  const rate = await callApi<DerivedValues>(request, 'indicator.values', { indicatorId: 'refugees_per_1000', layer: 'gemeinden' });
  const hannover = rate.values.find((entry) => entry.key === '03241001')?.value;
  if (hannover === null || hannover === undefined) throw new Error('the demo has a rate for Hannover');
  await expect(page.getByTestId('area-row-03241001')).toContainText(germanNumber(hannover, 1));
  await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true');
  await page.screenshot({ path: testInfo.outputPath('per-1000-of.png') });
});
