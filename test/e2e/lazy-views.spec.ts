// Every view but the map is a script chunk loaded on first use. A chunk the server cannot deliver (it was
// restarted, the connection dropped) must leave a message with a reload button, not a blank page; the
// other views keep working.
import { expect, openApp, test } from './fixtures';

test('a tab whose script cannot be fetched says to reload the page; the map tab still works', async ({ page, pageProblems }) => {
  // Refused before the page loads, so neither the first click nor the idle preload can fetch it.
  await page.route(/\/assets\/ProfilesView-[^/]*\.js$/, (route) => route.abort());
  await openApp(page);
  await page.getByTestId('view-tab-profiles').click();
  const message = page.getByTestId('part-unavailable');
  await expect(message).toBeVisible();
  await expect(message).toContainText('Seite neu laden');
  await expect(page.getByRole('button', { name: 'Seite neu laden' })).toBeVisible();
  await page.getByTestId('view-tab-map').click();
  await expect(page.getByTestId('area-table')).toBeVisible();
  await expect(page.getByTestId('part-unavailable')).toHaveCount(0);
  // The refused chunk is logged (by the browser and by the boundary); nothing else may be.
  const expected = pageProblems.filter((problem) => /ProfilesView-[^/]*\.js/.test(problem));
  expect(expected.length).toBeGreaterThan(0);
  pageProblems.splice(0, pageProblems.length, ...pageProblems.filter((problem) => !expected.includes(problem)));
});

test('a tab opens from its own chunk', async ({ page }) => {
  const fetched: string[] = [];
  page.on('requestfinished', (request) => fetched.push(new URL(request.url()).pathname));
  await openApp(page);
  await page.getByTestId('view-tab-analysis').click();
  // The view itself, not only no error (which the loading fallback would also satisfy).
  await expect(page.getByTestId('analysis-view')).toBeVisible();
  await expect(page.getByTestId('part-unavailable')).toHaveCount(0);
  // Its script came as a chunk of its own (on the click or from the idle preload before it).
  await expect.poll(() => fetched.some((pathname) => /\/assets\/AnalysisView-[^/]*\.js$/.test(pathname))).toBe(true);
});

test('the boot script asks for the project and its first map before the main script runs, and the page asks only once', async ({ page }) => {
  const api: string[] = [];
  page.on('request', (request) => {
    const pathname = new URL(request.url()).pathname;
    if (pathname.startsWith('/api/') && pathname !== '/api/events') api.push(pathname);
  });
  await openApp(page);
  // The early requests were sent by the boot script, and the session took their answers: one each.
  for (const method of ['project.current', 'host.info', 'layer.features', 'indicator.values']) expect(api.filter((pathname) => pathname === `/api/${method}`), method).toHaveLength(1);
  // They were the boot script's (it left them for the transport), and the transport took each.
  const early = await page.evaluate(() => (window as unknown as { __kleinraumEarlyRequests?: Record<string, unknown> }).__kleinraumEarlyRequests);
  expect(early).toEqual({ 'host.info': 'taken', 'project.current': 'taken', 'layer.features': 'taken', 'indicator.values': 'taken' });
  const scripts = await page.locator('head script[type="module"]').evaluateAll((elements) => elements.map((element) => element.getAttribute('src') ?? ''));
  expect(scripts[0]).toMatch(/\/boot-[^/]*\.js$/);
  expect(scripts.length).toBe(2);
});
