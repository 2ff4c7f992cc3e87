// Issue 15, item 7: the planning figures say what a cost sum covers, round euros to what cost rates and a
// projection support, mark results that rest on placeholder costs, name the areas on the gap maps, draw
// the facilities, use gap classes that tell typical shortages apart, and keep the chosen scenario, kind and
// year through a language switch.
import { callApi, expect, expectNamedAreas, openApp, test } from './fixtures';
import { e2eToken } from '../helpers/e2eServer';

test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

/** Significant digits of a German number text such as "1,2" or "48.000". */
function significantDigits(text: string): number {
  const digits = text.replace(/\./g, '').replace(',', '').replace(/^0+/, '').replace(/0+$/, '');
  return digits.length;
}

test('cost sums say what they cover, are rounded and marked as resting on placeholder costs', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('view-tab-planning').click();
  const costs = page.getByTestId('planning-costs');
  await expect(costs).toBeVisible();
  await expect(page.getByTestId('planning-costs-kind-title')).toContainText('KiTa-Plätze');
  await expect(page.getByTestId('planning-costs-kind-title')).toContainText('ganze Region (21 Gebiete)');
  const allTitle = (await page.getByTestId('planning-costs-all-title').textContent()) ?? '';
  for (const kind of ['KiTa-Plätze', 'Schulplätze', 'Integrationskursplätze', 'Unterbringungsplätze', 'Stellen Sozialarbeit']) expect(allTitle).toContain(kind);
  // The demo's cost rates are placeholders: the figure says so itself.
  await expect(page.getByTestId('planning-costs-placeholder')).toContainText('Platzhalter');
  // No euro-exact sums: at most two significant digits.
  const amounts = await costs.locator('strong').allTextContents();
  expect(amounts.length).toBeGreaterThanOrEqual(4);
  for (const amount of amounts) {
    if (amount === '–') continue;
    const number = amount.match(/[\d.,]+/)?.[0] ?? '';
    expect(significantDigits(number), `amount "${amount}"`).toBeLessThanOrEqual(2);
  }
});

test('gap maps name every area, draw the facilities and do not paint shortages all one colour', async ({ page, request }) => {
  await openApp(page);
  await page.getByTestId('view-tab-planning').click();
  const map = page.getByTestId('planning-map');
  await expect(map.locator('path[data-key]')).toHaveCount(21);
  // Every municipality is named on the gap map, and no two names overlap.
  await expectNamedAreas(page, 'planning-map', 21, 'Hannover');
  // Facilities with coordinates are drawn (those of the shown kind).
  const supply = await callApi<{ facilities: { kind: string }[] }>(request, 'planning.supply', {});
  const kitas = supply.facilities.filter((facility) => facility.kind === 'kita').length;
  expect(kitas).toBeGreaterThan(0);
  await expect(page.getByTestId('planning-map-facilities').locator('circle')).toHaveCount(kitas);
  await expect(page.getByTestId('planning-map-note')).toContainText('Projektion');
  // No facility dot sits on a name (a dot on "Wedemark" hid its letters).
  const dotsOnNames = await map.evaluate((svg) => {
    const names = [...svg.querySelectorAll('[data-testid="planning-map-labels"] text')].map((text) => ({ name: text.textContent, box: text.getBoundingClientRect() }));
    const dots = [...svg.querySelectorAll('[data-testid="planning-map-facilities"] circle')].map((circle) => circle.getBoundingClientRect());
    return names.filter(({ box }) => dots.some((dot) => dot.left < box.right - 0.5 && box.left < dot.right - 0.5 && dot.top < box.bottom - 0.5 && box.top < dot.bottom - 0.5)).map(({ name }) => name);
  });
  expect(dotsOnNames).toEqual([]);

  // Typical shortages (integration courses, accommodation, social work; 10–90 % of demand) differ in colour
  // in every year of the medium scenario; so do KiTa gaps, which without births in the presets fell to a
  // surplus everywhere (one dark blue) after a few years.
  await page.getByRole('radio', { name: 'Mittlerer Zugang' }).check();
  const years = await page.getByTestId('planning-year').evaluate((input) => {
    const range = input as HTMLInputElement;
    const list: number[] = [];
    for (let year = Number(range.min); year <= Number(range.max); year++) list.push(year);
    return list;
  });
  expect(years.length).toBeGreaterThan(1);
  for (const kind of ['kita', 'integration', 'accommodation', 'staff']) {
    await page.getByTestId('planning-kind').selectOption(kind);
    for (const year of years) {
      await page.getByTestId('planning-year').fill(String(year));
      await expect(map.locator('figcaption')).toContainText(String(year));
      const fills = await map.locator('path[data-key]').evaluateAll((paths) => paths.map((path) => path.getAttribute('fill')));
      expect(new Set(fills).size, `${kind} ${year}: ${[...new Set(fills)].join(', ')}`).toBeGreaterThanOrEqual(2);
    }
  }
});

test('the chosen scenario, kind and year survive a language switch', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('view-tab-planning').click();
  await page.getByRole('radio', { name: 'Hoher Zugang' }).check();
  await page.getByTestId('planning-kind').selectOption('accommodation');
  const year = await page.getByTestId('planning-year').evaluate((input) => String(Number((input as HTMLInputElement).min) + 3));
  await page.getByTestId('planning-year').fill(year);
  await expect(page.getByTestId('planning-map').locator('figcaption')).toContainText(`Hoher Zugang – Unterbringungsplätze`);
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('planning-map').locator('figcaption')).toContainText(year);
  await expect(page.getByTestId('planning-map').locator('figcaption')).toContainText('Accommodation places');
  await expect(page.getByRole('radio', { name: 'High inflow' })).toBeChecked();
  await expect(page.getByTestId('planning-kind')).toHaveValue('accommodation');
  await expect(page.getByTestId('planning-year')).toHaveValue(year);
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('radio', { name: 'Hoher Zugang' })).toBeChecked();
});
