// Profile results on the map: the typology chosen in the Profile tab is shown as a qualitative map (the
// legend lists the groups; the canvas shows their colours, at least two distinct ones), the deviation as a
// diverging map; "Zurück zur Kennzahl" brings the indicator back.
import type { Page } from '@playwright/test';
import { e2eToken } from '../helpers/e2eServer';
import { canvasColoursAt, expect, loadAreas, openApp, test } from './fixtures';

test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

/** Swatch colours of the legend's rows as #rrggbb. */
async function legendSwatchColours(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="legend-class-"] .swatch').evaluateAll((swatches) =>
    swatches.map((swatch) => {
      const rgb = getComputedStyle(swatch).backgroundColor.match(/\d+/g) ?? [];
      return `#${rgb
        .slice(0, 3)
        .map((channel) => Number(channel).toString(16).padStart(2, '0'))
        .join('')}`;
    }),
  );
}

test('the typology of the profiles is shown on the map with its groups in the legend', async ({ page, request }) => {
  const { areas } = await loadAreas(request);
  await openApp(page);
  const indicatorTitle = (await page.locator('.legend-title').textContent()) ?? '';

  await page.getByTestId('view-tab-profiles').click();
  await page.getByTestId('profiles-typology').selectOption('3');
  await page.getByTestId('profiles-typology-on-map').click();

  await expect(page.getByTestId('view-tab-map')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('map-overlay-bar')).toContainText('Typisierung');
  const legend = page.getByTestId('legend');
  await expect(legend).toContainText('Typ 1');
  await expect(legend).toContainText('Typ 2');
  await expect(page.locator('[data-testid^="legend-class-"]')).toHaveCount(3);
  await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true');

  // The canvas shows the groups' colours: every area wears one of the legend's swatches, and at least two differ.
  const swatches = await legendSwatchColours(page);
  await expect
    .poll(async () => {
      const canvas = await canvasColoursAt(page, areas.map((area) => area.insidePoint));
      const distinct = new Set(canvas);
      return { distinctAtLeastTwo: distinct.size >= 2, allAreSwatches: canvas.every((colour) => swatches.includes(colour)) };
    })
    .toEqual({ distinctAtLeastTwo: true, allAreSwatches: true });
  // Grouped areas plus those the typology left out ("keine Daten") are all areas of the layer.
  const counts = await page.locator('[data-testid^="legend-class-"], [data-testid="legend-no-data"]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-count'))));
  expect(counts.reduce((sum, count) => sum + count, 0)).toBe(areas.length);

  await page.getByTestId('map-overlay-back').click();
  await expect(page.getByTestId('map-overlay-bar')).toHaveCount(0);
  await expect(page.locator('.legend-title')).toHaveText(indicatorTitle);
  await expect(page.getByTestId('mode-select')).toBeVisible();
});

test('the deviation from the region is shown on the map as a diverging choropleth', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('view-tab-profiles').click();
  await page.getByTestId('profiles-view-deviation').click();
  await page.getByTestId('profiles-deviation-on-map').click();
  await expect(page.getByTestId('map-overlay-bar')).toBeVisible();
  await expect(page.getByTestId('legend')).toContainText('Index (Region = 100)');
  await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true');
  const swatches = await legendSwatchColours(page);
  expect(new Set(swatches).size).toBeGreaterThanOrEqual(2);
});
