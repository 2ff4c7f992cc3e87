import { openApp, test } from './fixtures';
import { e2eToken } from '../helpers/e2eServer';
test('legend', async ({ page, request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/prof/map-1400.png' });
});
