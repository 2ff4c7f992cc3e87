// "Amtliche Grenzen laden" through the wizard against a local WFS on 127.0.0.1 (started here, serving the
// tiny VG250-EW fixture; no test needs the internet). The fixture states no Stichtag for its population
// figures, so the wizard must ask for one before it lets the planner commit, and must write it.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { callApi, expect, openApp, test } from './fixtures';
import { e2eToken } from '../helpers/e2eServer';
import { repoRoot } from '../helpers/repoRoot';

const fixture = fs.readFileSync(path.join(repoRoot, 'test/fixtures/wfs/vg250ew_gem_tiny.json'), 'utf8');

interface ProjectSummary {
  layers: { name: string; featureCount: number }[];
  sources: { id: string; attribution: string }[];
}

test('official boundaries without a stated Stichtag: the wizard asks for it, then writes population at that date', async ({ page, request }) => {
  const requests: string[] = [];
  const server = http.createServer((incoming, response) => {
    requests.push(incoming.url ?? '');
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(fixture);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wfs_vg250-ew`;
    await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
    await callApi(request, 'project.setSetting', { key: 'wfs.vg250ew.url', value: serviceUrl });
    await openApp(page);

    await page.getByTestId('project-menu').click();
    await page.getByTestId('menu-import').click();
    await expect(page.getByTestId('import-official-kreis')).toHaveValue('03241');
    await page.getByTestId('import-official-load').click();
    await expect(page.getByTestId('import-area-count')).toContainText('2 Gebiete', { timeout: 30_000 });
    expect(requests.length).toBe(1);
    expect(requests[0]).toContain('typeNames=vg250-ew%3Avg250_gem');

    // No Stichtag from the service: a date is asked for, and commit stays disabled until it is given.
    const period = page.getByTestId('import-official-period');
    await expect(period).toBeVisible();
    await expect(page.getByTestId('import-official-period-help')).toContainText('Stichtag');
    await page.getByTestId('import-layer-name').fill('gemeinden_wfs');
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    // A mid-year date the demo's population (31.12. of each year) does not have, so the values read back are the service's.
    // Typed as German planners write dates; a day that does not exist is refused, not rolled over.
    await period.fill('31.06.2024');
    await expect(period).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    await period.fill('30.06.2024');
    await expect(period).toHaveAttribute('aria-invalid', 'false');
    await expect(page.getByTestId('import-commit')).toBeEnabled();
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 30_000 });
    await expect(page.getByTestId('layer-select')).toHaveValue('gemeinden_wfs');
    await expect(page.getByTestId('area-row-03241012')).toContainText('Neustadt am Rübenberge');

    const project = await callApi<ProjectSummary>(request, 'project.current');
    expect(project.layers.find((layer) => layer.name === 'gemeinden_wfs')?.featureCount).toBe(2);
    const values = await callApi<{ values: { key: string; value: number | null }[] }>(request, 'indicator.values', { indicatorId: 'population_total', layer: 'gemeinden_wfs', period: '2024-06-30' });
    // Land part only for Neustadt (the water part carries no population in the fixture).
    expect(values.values.find((entry) => entry.key === '03241001')?.value).toBe(1000);
    expect(values.values.find((entry) => entry.key === '03241012')?.value).toBe(300);
    expect(project.sources.some((source) => /^© GeoBasis-DE \/ BKG \d{4}$/.test(source.attribution))).toBe(true);
    await page.screenshot({ path: path.join('build', 'test-results', 'import-official.png') });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
