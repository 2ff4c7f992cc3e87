// The Monitoring tab as a planner uses it on the demo: define an index from the demo's indicators, see the
// 4 × 3 classes on the map with the two-dimensional legend and the short texts, raise the population
// floor and see areas "nicht bewertet", add a threshold rule and get the alerts, pick an alert and find
// the area selected, save the definition in the project, export the table.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { MONITORING_COLOURS, NOT_SCORED_COLOUR } from '../../shared/monitoring/monitoringColours';
import { e2eToken } from '../helpers/e2eServer';
import { callApi, canvasColoursAt, expect, expectNamedAreas, loadAreas, openApp, test } from './fixtures';

interface MonitoringAnswer {
  period: string;
  areas: { key: string; name: string; population: number; scored: boolean; status: number | null; statusScore: number | null; statusClass: string | null; dynamicsClass: string | null; overallClass: string | null; text: { de: string } }[];
  alerts: { key: string; rule: string; value: number | null }[];
}

test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

async function openMonitoring(page: Page): Promise<void> {
  await openApp(page);
  await page.getByTestId('view-tab-monitoring').click();
  await expect(page.getByTestId('monitoring-summary')).toBeVisible({ timeout: 30_000 });
}

// The tab's default definition: the three demo indicators, direction +, worse class and outliers.
const DEFAULT = {
  indicators: [
    { id: 'refugees_per_1000', direction: '+' },
    { id: 'under18_share', direction: '+' },
    { id: 'foreign_share', direction: '+' },
  ],
  rules: [{ type: 'worseClass' }, { type: 'fences', indicator: 'refugees_per_1000', factor: 1.5 }],
};

/** Two decimals as the app shows them: German separators and the typographic minus. */
function shownGerman(value: number): string {
  return new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value).replace('-', '\u2212');
}

test('shows the 4 × 3 classes, the texts and the alerts the backend computes', async ({ page, request }) => {
  await openMonitoring(page);
  const answer = await callApi<MonitoringAnswer>(request, 'monitoring.compute', DEFAULT);
  await expect(page.locator('[data-testid="monitoring-map"] path[data-key]')).toHaveCount(21);
  await expectNamedAreas(page, 'monitoring-map', 21, 'Neustadt am Rübenberge');
  for (const area of answer.areas) {
    const [status, dynamics] = (area.overallClass ?? '').split('-') as ['hoch', 'positiv'];
    await expect(page.locator(`[data-testid="monitoring-map"] path[data-key="${area.key}"]`)).toHaveAttribute('data-fill', MONITORING_COLOURS[dynamics][status]);
    await expect(page.locator(`[data-testid="monitoring-row"][data-key="${area.key}"] [data-testid="monitoring-text"]`)).toHaveText(area.text.de);
    // The class value the classes are cut on stands in the table, so the class can be checked against it.
    const score = area.statusScore === null ? '–' : shownGerman(area.statusScore);
    await expect(page.locator(`[data-testid="monitoring-row"][data-key="${area.key}"] [data-testid="monitoring-status-score"]`)).toHaveText(score);
  }
  // The legend counts every classed area once.
  const counts = await page.locator('[data-testid^="monitoring-legend-"][data-count]').evaluateAll((cells) => cells.reduce((sum, cell) => sum + Number(cell.getAttribute('data-count')), 0));
  expect(counts).toBe(answer.areas.filter((area) => area.overallClass !== null).length);
  await expect(page.getByTestId('monitoring-alert')).toHaveCount(answer.alerts.length);
  // The areas that moved into a worse status class since the last Stichtag are outlined dashed on the map.
  const worse = answer.alerts.filter((alert) => alert.rule === 'worseClass').map((alert) => alert.key);
  expect(worse.length).toBeGreaterThan(0);
  await expect(page.locator('[data-testid="monitoring-map"] path[data-emphasised]')).toHaveCount(worse.length);
  for (const key of worse) await expect(page.locator(`[data-testid="monitoring-map"] path[data-emphasised="${key}"]`)).toHaveCount(1);
  await expect(page.getByTestId('monitoring-legend-worse')).toContainText(`in schlechtere Statusklasse seit 31.12.2023 (${worse.length})`);
  // Its alert row says what it rests on, the status index, and shows the index as the area table does.
  const worseRow = page.locator(`[data-testid="monitoring-alert"][data-rule="worseClass"][data-key="${worse[0]}"]`);
  await expect(worseRow).toContainText('Statusindex aus den gewählten Kennzahlen');
  const index = answer.areas.find((area) => area.key === worse[0])?.status;
  expect(typeof index).toBe('number');
  await expect(worseRow).toContainText(shownGerman(index as number));
  // The series: the class map at the last four Stichtage, each computed on its own.
  const before = await callApi<MonitoringAnswer>(request, 'monitoring.compute', { ...DEFAULT, period: '2023-12-31' });
  const series = page.locator('[data-testid="monitoring-series-2023-12-31"]');
  await series.scrollIntoViewIfNeeded();
  for (const area of before.areas) {
    const [status, dynamics] = (area.overallClass ?? '').split('-') as ['hoch', 'positiv'];
    await expect(series.locator(`path[data-key="${area.key}"]`)).toHaveAttribute('data-fill', MONITORING_COLOURS[dynamics][status]);
  }
});

test('a population floor leaves small areas unscored, a threshold rule raises alerts linked to the selection', async ({ page }) => {
  await openMonitoring(page);
  await page.getByTestId('monitoring-min-population').fill('20000');
  const small = page.locator('[data-testid="monitoring-row"][data-class="notScored"]');
  await expect(small.first()).toBeVisible();
  const key = await small.first().getAttribute('data-key');
  await expect(small.first().getByTestId('monitoring-text')).toHaveText('nicht bewertet (unter 20.000 Einwohnern)');
  await expect(page.locator(`[data-testid="monitoring-map"] path[data-key="${key}"]`)).toHaveAttribute('data-fill', NOT_SCORED_COLOUR);

  await page.getByTestId('monitoring-rule-type').selectOption('above');
  await page.getByTestId('monitoring-rule-add').click();
  await page.getByTestId('monitoring-rule-2-threshold').fill('30');
  const above = page.locator('[data-testid="monitoring-alert"][data-rule="above"]');
  await expect(above.first()).toBeVisible();
  const alertKey = await above.first().getAttribute('data-key');
  await expect(above.first().getByTestId('monitoring-sparkline')).toBeVisible();
  await above.first().click();
  await expect(page.locator(`[data-testid="monitoring-map"] path[data-key="${alertKey}"]`)).toHaveAttribute('data-marked', 'selected');
});

test('saves the definition in the project and exports the table', async ({ page, request }) => {
  await openMonitoring(page);
  await page.getByTestId('monitoring-name').fill('Soziale Lage');
  await page.getByTestId('monitoring-direction-under18_share').selectOption('-');
  await page.getByTestId('monitoring-save').click();
  await expect(page.getByTestId('monitoring-saved')).toBeVisible();
  const summary = await callApi<{ settings: Record<string, { name: string; indicators: { id: string; direction: string }[] }> }>(request, 'project.current');
  expect(summary.settings['monitoring.definition.soziale-lage']).toMatchObject({ name: 'Soziale Lage', indicators: expect.arrayContaining([{ id: 'under18_share', direction: '-' }]) });
  await expect(page.getByTestId('monitoring-definition')).toHaveValue('soziale-lage');

  const download = page.waitForEvent('download');
  await page.getByTestId('monitoring-export-csv').click();
  const file = await download;
  const text = fs.readFileSync((await file.path()) as string, 'utf8');
  expect(text).toContain('Statusklasse');
  expect(text).toContain('Beispieldaten, synthetisch');

  // The committee sheet carries the planner's local assessment.
  await page.getByTestId('monitoring-assessment').fill('Laatzen: vor Ort geprüft.');
  const sheetDownload = page.waitForEvent('download');
  await page.getByTestId('monitoring-export-svg').click();
  const sheet = fs.readFileSync((await (await sheetDownload).path()) as string, 'utf8');
  expect(sheet).toContain('id="monitoring-map"');
  expect(sheet).toContain('Laatzen: vor Ort geprüft.');
  const pdfDownload = page.waitForEvent('download');
  await page.getByTestId('monitoring-export-pdf').click();
  expect(fs.readFileSync((await (await pdfDownload).path()) as string).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});

test('a missing dynamics period gives a message, never NaN, and the tab speaks English', async ({ page }) => {
  await openMonitoring(page);
  // A floor above every municipality: nothing can be scored, the tab says why and the map stays grey.
  await page.getByTestId('monitoring-min-population').fill('10000000');
  await expect(page.getByTestId('monitoring-message').first()).toContainText('mindestens zwei');
  await expect(page.locator(`[data-testid="monitoring-map"] path[data-fill="${NOT_SCORED_COLOUR}"]`)).toHaveCount(21);
  await page.getByTestId('monitoring-min-population').fill('300');
  // Cut-offs in German format, whatever the browser's language: the field shows 1,5, and 1,2 typed is taken.
  await expect(page.getByTestId('monitoring-status-cut-2')).toHaveValue('1,5');
  await page.getByTestId('monitoring-status-cut-2').fill('1,2');
  await page.getByTestId('monitoring-status-cut-2').press('Tab');
  await expect(page.getByTestId('monitoring-status-cut-2')).toHaveValue('1,2');
  await page.getByTestId('monitoring-period').selectOption('2016-12-31');
  await expect(page.getByTestId('monitoring-message').first()).toContainText('Dynamikzeitraum');
  await expect(page.getByTestId('monitoring-table')).not.toContainText('NaN');
  await expect(page.locator('[data-testid="monitoring-text"]').first()).toContainText('Dynamik nicht bestimmbar');
  const control = page.getByTestId('language-switch');
  if ((await control.evaluate((element) => element.tagName.toLowerCase())) === 'select') await control.selectOption('en');
  else {
    const englishButton = control.getByRole('button', { name: /^en$|english/i });
    if ((await englishButton.count()) > 0) await englishButton.first().click();
    else await control.click();
  }
  await expect(page.getByTestId('view-tab-monitoring')).toHaveText('Monitoring');
  await expect(page.getByTestId('monitoring-status-cut-2')).toHaveValue('1.2');
  await expect(page.locator('[data-testid="monitoring-text"]').first()).toContainText('dynamics undetermined');
  await expect(page.getByTestId('monitoring-legend')).toContainText('very low');
});

test('shows the classes on the main map', async ({ page, request }) => {
  await openMonitoring(page);
  const answer = await callApi<MonitoringAnswer>(request, 'monitoring.compute', DEFAULT);
  const { areas } = await loadAreas(request);
  await page.getByTestId('monitoring-show-on-map').click();
  await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true', { timeout: 30_000 });
  const hannover = answer.areas.find((area) => area.key === '03241001')!;
  const [status, dynamics] = (hannover.overallClass ?? '').split('-') as ['hoch', 'positiv'];
  const point = areas.find((area) => area.key === hannover.key)!.insidePoint;
  await expect.poll(async () => (await canvasColoursAt(page, [point]))[0]).toBe(MONITORING_COLOURS[dynamics][status]);
  // The table's class texts wrap: the area table stays inside the window, its Qualität column visible.
  await expect(page.getByTestId('area-table')).toContainText('Dynamik');
  const overflow = await page.evaluate(() => {
    const table = document.querySelector('[data-testid="area-table"]')!.getBoundingClientRect();
    return { tableRight: table.right, window: document.documentElement.clientWidth, page: document.documentElement.scrollWidth };
  });
  expect(overflow.tableRight).toBeLessThanOrEqual(overflow.window);
  expect(overflow.page).toBeLessThanOrEqual(overflow.window);
});

test('an area whose value rests on a small count shows its class, but neither the value nor the indices that would give it back', async ({ page, request }) => {
  // A threshold above every municipality's count of persons seeking protection: every such value is withheld.
  await callApi(request, 'project.setSetting', { key: 'smallNumberThreshold', value: 10_000_000 });
  await openMonitoring(page);
  const row = page.locator('[data-testid="monitoring-row"][data-key="03241001"]');
  await expect(row.getByTestId('monitoring-status-score')).toHaveText('·');
  await expect(row.getByTestId('monitoring-status-score')).toHaveAttribute('title', /Nicht ausgewiesen: der Index beruht auf einer Fallzahl unter 10\.000\.000/);
  // The class stays: in the colour, the map and the short text.
  await expect(row).toHaveAttribute('data-class', /^(hoch|mittel|niedrig|sehrNiedrig)-/);
  await expect(row.getByTestId('monitoring-text')).toContainText('Status');
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('monitoring-withheld.png') });
});
