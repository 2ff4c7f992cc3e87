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
