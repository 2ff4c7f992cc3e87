// The Profile tab: the municipalities side by side, sorted by an indicator, linked with the map.
import { e2eToken } from '../helpers/e2eServer';
import { callApi, expect, openApp, test } from './fixtures';

interface ProfileSetAnswer {
  areas: { key: string; name: string; indicators: Record<string, number | null> }[];
}

test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

test('sorting the grid by refugees per 1,000 puts the panels in that order, and a selected panel is selected on the map tab', async ({ page, request }) => {
  const set = await callApi<ProfileSetAnswer>(request, 'profiles.compute', {});
  const expectedOrder = [...set.areas].sort((a, b) => (b.indicators.refugeesPer1000 ?? -1) - (a.indicators.refugeesPer1000 ?? -1)).map((area) => area.key);

  await openApp(page);
  await page.getByTestId('view-tab-profiles').click();
  await expect(page.getByTestId('profiles-grid')).toBeVisible();
  await expect(page.locator('[data-testid^="profile-panel-0"]')).toHaveCount(set.areas.length);

  // The layer's own order has no direction to reverse: the box is off until another order is chosen.
  await expect(page.getByTestId('profiles-descending')).toBeDisabled();
  await page.getByTestId('profiles-sort').selectOption('refugeesPer1000');
  await page.getByTestId('profiles-descending').check();
  const shownOrder = await page.locator('[data-testid^="profile-panel-0"]').evaluateAll((panels) => panels.map((panel) => panel.getAttribute('data-testid')?.replace('profile-panel-', '')));
  expect(shownOrder).toEqual(expectedOrder);

  // The third panel, so that the test does not pass by accident with the first area of the layer.
  const chosenKey = expectedOrder[2] as string;
  const chosen = set.areas.find((area) => area.key === chosenKey);
  await page.getByTestId(`profile-panel-${chosenKey}`).click();
  await expect(page.getByTestId(`profile-panel-${chosenKey}`)).toHaveAttribute('data-selected', 'true');

  await page.getByTestId('view-tab-map').click();
  await expect(page.getByTestId('details-panel')).toContainText(chosen?.name ?? '—');
});

test('switching the view to nationality and back keeps the grid, and the filter narrows it', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('view-tab-profiles').click();
  await page.getByTestId('profiles-view-nationality').click();
  await expect(page.getByTestId('profile-panel-03241001')).toContainText('SYR');
  await page.getByTestId('profiles-filter').fill('Hannover');
  await expect(page.locator('[data-testid^="profile-panel-0"]')).toHaveCount(1);
  await page.getByTestId('profiles-view-pyramid').click();
  await page.getByTestId('profiles-filter').fill('');
});

test('grouping by an indicator shows low, medium and high groups, and the highest values are in the last group', async ({ page, request }) => {
  const set = await callApi<ProfileSetAnswer>(request, 'profiles.compute', {});
  const highest = [...set.areas].sort((a, b) => (b.indicators.refugeesPer1000 ?? -1) - (a.indicators.refugeesPer1000 ?? -1))[0]!;
  const lowest = [...set.areas].sort((a, b) => (a.indicators.refugeesPer1000 ?? Infinity) - (b.indicators.refugeesPer1000 ?? Infinity))[0]!;

  await openApp(page);
  await page.getByTestId('view-tab-profiles').click();
  await page.getByTestId('profiles-group-by').selectOption('refugeesPer1000');

  await expect(page.getByTestId('profiles-group-1')).toContainText('Niedrig');
  await expect(page.getByTestId('profiles-group-3')).toContainText('Hoch');
  const groupOf = async (key: string) =>
    page.getByTestId(`profile-panel-${key}`).evaluate((panel) => panel.closest('section')?.querySelector('h3')?.getAttribute('data-testid'));
  expect(await groupOf(highest.key)).toBe('profiles-group-3');
  expect(await groupOf(lowest.key)).toBe('profiles-group-1');
});

test('A gegen B says which area is filled and which is the outline, and its differences add up as shown', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('view-tab-profiles').click();
  await page.getByTestId('profiles-view-compare').click();
  await page.getByTestId('profiles-compare-a').selectOption('03241001');
  await page.getByTestId('profiles-compare-b').selectOption('03241005');
  await expect(page.getByTestId('profiles-compare-legend')).toHaveText('Gefüllt: Hannover · schwarzer Umriss bzw. Strich: Garbsen · beide als Anteile');
  // Every difference is A − B of the values as the row shows them.
  const rows = await page.locator('.profiles-compare-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  // The leading number of a cell ("+9,6 je 1.000 Einw." is 9.6), German grouping and decimal comma.
  const number = (text: string) => Number((/^[+-]?[\d.]+(,\d+)?/.exec(text.trim())?.[0] ?? 'NaN').replace(/\./g, '').replace(',', '.'));
  let checked = 0;
  for (const [, a = '', b = '', difference = ''] of rows) {
    if (a === '–' || b === '–') continue;
    const decimals = (a.split(',')[1] ?? '').length;
    expect(number(difference), `${a} − ${b} = ${difference}`).toBeCloseTo(number(a) - number(b), decimals + 1);
    checked += 1;
  }
  expect(checked).toBeGreaterThan(5);
});
