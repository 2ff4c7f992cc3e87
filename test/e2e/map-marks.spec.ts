// What the map marks on a few areas only: the hatch where a value is withheld (small numbers, "nicht
// ausweisen") and the dotted outline where it is shown but flagged ("kennzeichnen"). Both are drawn for
// exactly the areas the backend reports as small numbers, and for no others.
import type { APIRequestContext, Page } from '@playwright/test';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { e2eToken } from '../helpers/e2eServer';
import { callApi, expect, loadAreas, openApp, test } from './fixtures';

// A fresh demo before, and again after, so the threshold set here does not reach the next spec's map.
const openDemo = async ({ request }: { request: APIRequestContext }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
};
test.beforeEach(openDemo);
test.afterEach(openDemo);

/** Keys of the areas the map draws in `layer`. */
async function keysDrawnIn(page: Page, layer: string): Promise<string[]> {
  return page.evaluate((layerId) => {
    const map = (window as unknown as { kleinraumMap: MapLibreMap }).kleinraumMap;
    return [...new Set(map.queryRenderedFeatures({ layers: [layerId] }).map((feature) => String(feature.properties?.['key'])))].sort();
  }, layer);
}

test('small numbers are hatched when withheld and outlined when flagged, on exactly those areas', async ({ page, request }) => {
  // Below 800 asylum seekers: some of the demo's smaller municipalities, not all.
  await callApi(request, 'project.setSetting', { key: 'smallNumberThreshold', value: 800 });
  const { layer, areas } = await loadAreas(request);
  await openApp(page);
  const indicatorId = await page.getByTestId('indicator-select').inputValue();
  const period = await page.getByTestId('period-select').inputValue();
  const answer = await callApi<{ values: { key: string; smallNumber: boolean }[] }>(request, 'indicator.values', { layer: layer.name, indicatorId, period });
  const smallNumbers = answer.values.filter((value) => value.smallNumber).map((value) => value.key).sort();
  expect(smallNumbers.length).toBeGreaterThan(0);
  expect(smallNumbers.length).toBeLessThan(areas.length);

  // Default: withheld, so hatched like missing data; no dotted outline.
  await expect.poll(() => keysDrawnIn(page, 'areas-no-data')).toEqual(smallNumbers);
  expect(await keysDrawnIn(page, 'areas-small-number')).toEqual([]);

  await page.getByTestId('symbology-small-numbers').selectOption('flag');
  await expect.poll(() => keysDrawnIn(page, 'areas-small-number')).toEqual(smallNumbers);
  await expect.poll(() => keysDrawnIn(page, 'areas-no-data')).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('small-numbers-flagged.png') });
});

test('a planner sets the office\'s small-number threshold in the map panel; the map follows, and undo brings the old one back', async ({ page, request }) => {
  const { layer } = await loadAreas(request);
  await openApp(page);
  const indicatorId = await page.getByTestId('indicator-select').inputValue();
  const period = await page.getByTestId('period-select').inputValue();
  const field = page.getByTestId('symbology-small-number-threshold');
  await expect(field).toHaveValue('3');
  // Under 3 the demo has no small numbers on the map; under 800 some of the smaller municipalities.
  await expect.poll(() => keysDrawnIn(page, 'areas-no-data')).toEqual([]);
  await field.fill('800');
  await expect(page.getByText('Kleine Fallzahlen (unter 800)')).toBeVisible();
  const answer = await callApi<{ values: { key: string; smallNumber: boolean }[] }>(request, 'indicator.values', { layer: layer.name, indicatorId, period });
  const smallNumbers = answer.values.filter((value) => value.smallNumber).map((value) => value.key).sort();
  expect(smallNumbers.length).toBeGreaterThan(0);
  await expect.poll(() => keysDrawnIn(page, 'areas-no-data')).toEqual(smallNumbers);
  // An invalid entry is marked and changes nothing.
  await field.fill('0');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.fill('800');
  await page.locator('body').click();
  await page.keyboard.press('Control+z');
  await expect(field).toHaveValue('3');
  await expect.poll(() => keysDrawnIn(page, 'areas-no-data')).toEqual([]);
});

test('the region\'s total is withheld where it would give the one withheld small count back: table, legend and details say so', async ({ page, request }) => {
  const { layer } = await loadAreas(request);
  const values = await callApi<{ period: string; values: { key: string; value: number }[]; regionValue: number }>(request, 'indicator.values', { layer: layer.name, indicatorId: 'refugees_total' });
  const sorted = [...values.values].sort((a, b) => a.value - b.value);
  // A threshold just above the smallest count: exactly one area is withheld, and Gesamt minus the others is it.
  const [smallest, second] = [sorted[0]!, sorted[1]!];
  expect(second.value).toBeGreaterThan(smallest.value + 1);
  await callApi(request, 'project.setSetting', { key: 'smallNumberThreshold', value: smallest.value + 1 });
  await openApp(page);
  await page.getByTestId('indicator-select').selectOption('refugees_total');
  await page.getByTestId('period-select').selectOption(values.period);
  await expect(page.getByTestId(`area-value-${smallest.key}`)).toHaveText('•');
  await expect(page.getByTestId('area-table-region')).toHaveText('geschützt');
  await expect(page.getByTestId('legend-region')).toHaveText(`Gesamt: nicht ausgewiesen (gäbe eine Fallzahl unter ${(smallest.value + 1).toString()} preis)`);
  // Sorted by value, the withheld row goes with the missing ones, after every shown value in either direction:
  // its place among the values would tell how large it is.
  const rowKeys = () => page.locator('[data-testid^="area-row-"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key')));
  await page.getByTestId('sort-value').click();
  await expect.poll(async () => (await rowKeys()).at(-1)).toBe(smallest.key);
  await page.getByTestId('sort-value').click();
  await expect.poll(async () => (await rowKeys()).at(-1)).toBe(smallest.key);
  await page.getByTestId(`area-row-${smallest.key}`).click();
  await expect(page.getByTestId('details-withheld').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('region-withheld.png') });
  // Shown values ("kennzeichnen") give nothing away the table does not show: the total is back.
  await page.getByTestId('symbology-small-numbers').selectOption('flag');
  await expect(page.getByTestId('area-table-region')).toHaveText(new Intl.NumberFormat('de-DE').format(values.regionValue).replace('-', '−'));
  await expect(page.getByTestId('details-withheld')).toHaveCount(0);
});
