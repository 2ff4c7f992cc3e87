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

// Issue 15, item 6: while the map shows a typology or deviation, the table, its heading, the legend and
// the Darstellung panel follow what the map shows, and a weak typology says so.
test('a typology on the map drives table, headings and legend, and a weak one says so', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('view-tab-profiles').click();
  const typologySelect = page.getByTestId('profiles-typology');
  await typologySelect.selectOption('3');
  const optionText = (await typologySelect.locator('option:checked').textContent()) ?? '';
  const silhouetteText = optionText.match(/Silhouette (-?\d+,\d+)/)?.[1];
  expect(silhouetteText, `option "${optionText}"`).toBeDefined();
  const silhouette = Number(silhouetteText!.replace(',', '.'));
  if (silhouette <= 0.5) {
    await expect(typologySelect.locator('option:checked')).toContainText(/Gruppierung/);
    await expect(page.getByTestId('profiles-typology-warning')).toContainText(`Silhouette ${silhouetteText}`);
  }
  await page.getByTestId('profiles-typology-on-map').click();
  await expect(page.getByTestId('map-overlay-bar')).toBeVisible();

  // Legend: the caveat of a weak grouping.
  if (silhouette <= 0.5) await expect(page.getByTestId('legend-warning')).toContainText(`Silhouette ${silhouetteText}`);
  else await expect(page.getByTestId('legend-warning')).toHaveCount(0);

  // Table: heading, values and colours are the typology's, not the indicator's.
  await expect(page.getByTestId('table-shown')).toContainText('Typisierung');
  await expect(page.getByTestId('sort-value')).toHaveText(/^Typ/);
  await expect(page.getByTestId('sort-value')).not.toContainText('Einw.');
  await expect(page.locator('.area-table tfoot')).toHaveCount(0);
  const legendRows = await page.locator('[data-testid^="legend-class-"]').evaluateAll((rows) =>
    rows.map((row) => ({ label: row.querySelector('.legend-label')?.textContent ?? '', colour: getComputedStyle(row.querySelector('.swatch')!).backgroundColor })),
  );
  const tableRows = await page.locator('[data-testid^="area-value-"]').evaluateAll((cells) =>
    cells.map((cell) => ({ text: cell.textContent ?? '', colour: cell.querySelector('.table-swatch') ? getComputedStyle(cell.querySelector('.table-swatch')!).backgroundColor : null })),
  );
  expect(tableRows.length).toBe(21);
  for (const row of tableRows) {
    const group = row.text.match(/Typ (\d+)/)?.[1];
    expect(group, `table cell "${row.text}"`).toBeDefined();
    const legendRow = legendRows.find((entry) => entry.label.startsWith(`Typ ${group}`));
    expect(legendRow, `legend row for Typ ${group}`).toBeDefined();
    expect(row.colour).toBe(legendRow!.colour);
  }

  // The classification choices of the indicator are not offered for the typology.
  await expect(page.getByTestId('symbology-overlay-note')).toBeVisible();
  await expect(page.getByTestId('symbology-method')).toHaveCount(0);
  await expect(page.getByTestId('indicator-picker-note')).toHaveText('(nicht auf der Karte)');
  await expect(page.locator('label.picker-indicator')).toHaveAttribute('title', /Typisierung/);

  // Picking an indicator shows that indicator again, with its own table heading.
  const indicatorSelect = page.getByTestId('indicator-select');
  await page.screenshot({ path: test.info().outputPath('typology-on-map.png') });
  const other = await indicatorSelect.locator('option').nth(1).getAttribute('value');
  await indicatorSelect.selectOption(other!);
  await expect(page.getByTestId('map-overlay-bar')).toHaveCount(0);
  await expect(page.getByTestId('table-shown')).toHaveCount(0);
  await expect(page.getByTestId('symbology-method')).toBeVisible();
});

test('a deviation on the map gives the table its measure as heading and its values', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('view-tab-profiles').click();
  await page.getByTestId('profiles-view-deviation').click();
  await page.getByTestId('profiles-deviation-on-map').click();
  await expect(page.getByTestId('map-overlay-bar')).toBeVisible();
  await expect(page.getByTestId('sort-value')).toContainText('Index (Region = 100)');
  await expect(page.getByTestId('table-shown')).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true');
  // Every shown deviation lies in the legend class whose colour its row wears (the table reads the map's drawing).
  const legendRows = await page.locator('[data-testid^="legend-class-"]').evaluateAll((rows) =>
    rows.map((row) => getComputedStyle(row.querySelector('.swatch')!).backgroundColor),
  );
  const swatches = await page.locator('[data-testid^="area-value-"] .table-swatch').evaluateAll((spans) => spans.map((span) => getComputedStyle(span).backgroundColor));
  expect(swatches.length).toBeGreaterThan(0);
  for (const colour of swatches) expect(legendRows).toContain(colour);
  const values = await page.locator('[data-testid^="area-value-"]').allTextContents();
  // Index values around 100, not the indicator's rates.
  const numbers = values.map((text) => Number(text.replace(/\./g, '').replace(',', '.').replace(/[^\d.-]/g, ''))).filter((value) => Number.isFinite(value) && value !== 0);
  expect(numbers.some((value) => value > 50)).toBe(true);
});
