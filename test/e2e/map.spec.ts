// The first thing a planner sees: the demo project's 21 municipalities of Region Hannover as a
// choropleth whose legend matches the map.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { e2eToken } from '../helpers/e2eServer';
import { canvasColoursAt, expect, loadAreas, openApp, test } from './fixtures';

// The demo itself, whatever project an earlier spec left open (a new project of boundaries only made
// these fail when run after boundaries-only.spec.ts alone).
test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

test('the demo map renders the 21 municipalities of Region Hannover', async ({ page, request }) => {
  const { layer, areas } = await loadAreas(request);
  expect(areas).toHaveLength(21);
  await openApp(page);

  const renderedKeys = await page.evaluate((keyField) => {
    const map = (window as unknown as { kleinraumMap: MapLibreMap }).kleinraumMap;
    const keys = map
      .queryRenderedFeatures()
      .map((feature) => feature.properties?.[keyField] ?? feature.id)
      .filter((key) => key !== undefined && key !== null)
      .map(String);
    return [...new Set(keys)].sort();
  }, layer.keyField);
  expect(renderedKeys).toEqual(areas.map((area) => area.key).sort());
});

test('the map shows at least three different fill colours inside the municipalities', async ({ page, request }) => {
  const { areas } = await loadAreas(request);
  await openApp(page);
  const colours = await canvasColoursAt(
    page,
    areas.map((area) => area.insidePoint),
  );
  // An empty or transparent canvas reads as #000000; it must not count as a fill colour.
  const fillColours = new Set(colours.filter((colour) => colour !== '#000000'));
  expect(fillColours.size, `colours read: ${colours.join(', ')}`).toBeGreaterThanOrEqual(3);
});

test('the legend counts add up to the 21 municipalities', async ({ page }) => {
  await openApp(page);
  const legend = page.getByTestId('legend');
  await expect(legend).toBeVisible();
  const rows = legend.locator('[data-testid^="legend-class-"]');
  expect(await rows.count()).toBeGreaterThanOrEqual(2);
  const counts = await rows.evaluateAll((elements) =>
    elements.map((element) => {
      // Prefer a machine-readable count; otherwise the last whole number in the row (bounds come first).
      const attribute = element.getAttribute('data-count');
      if (attribute !== null) return Number(attribute);
      const numbers = (element.textContent ?? '').match(/\d+/g) ?? [];
      return Number(numbers.at(-1) ?? Number.NaN);
    }),
  );
  expect(counts.every((count) => Number.isInteger(count)), `counts read: ${counts.join(', ')}`).toBe(true);
  expect(counts.reduce((sum, count) => sum + count, 0)).toBe(21);
});

test('the synthetic-data badge is visible', async ({ page }) => {
  await openApp(page);
  const badge = page.getByTestId('synthetic-badge');
  await expect(badge).toBeVisible();
  await expect(badge).toContainText(/synthetisch/i);
});

test('the synthetic-data badge stays while the project holds sample data, and says so when the map itself shows none', async ({ page }) => {
  await openApp(page);
  // The real Zensus 2022 population alone on the map: no synthetic value on it.
  await page.getByTestId('indicator-select').selectOption('population_total');
  await page.getByTestId('source-select-population').selectOption(JSON.stringify(['zensus-2022-1000a-0000']));
  const badge = page.getByTestId('synthetic-badge');
  await expect(badge).toContainText('Beispieldaten im Projekt (synthetisch) – diese Karte zeigt keine davon');
  // The other tabs draw on the synthetic series (a scenario, a balance): there the badge says it plainly.
  await page.getByTestId('view-tab-planning').click();
  await expect(badge).toHaveText(/^\W*Beispieldaten, synthetisch$/);
});

test('a source of one Stichtag chosen for a change map shows its values and says why', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('indicator-select').selectOption('population_total');
  await page.getByTestId('mode-select').selectOption('changePercent');
  await expect(page.getByTestId('mode-select')).toHaveValue('changePercent');
  // The Zensus has one Stichtag: nothing to compare with, so the map shows the values, and a notice says so.
  await page.getByTestId('source-select-population').selectOption(JSON.stringify(['zensus-2022-1000a-0000']));
  await expect(page.getByTestId('mode-select')).toHaveValue('value');
  const notice = page.getByTestId('notice-toast');
  await expect(notice).toContainText('Andere Darstellung');
  await expect(notice).toContainText('„Veränderung in %“ lässt sich mit dieser Quellenwahl nicht zeigen');
  await expect(notice).toContainText('15.05.2022');
});
