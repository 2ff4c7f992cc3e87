// Wanderungen on the demo as a planner uses them: the flow map of the latest year with the 25 largest
// flows (rendered features checked: one line per flow, widths ordered by count, blue pixels drawn), the
// external categories as labelled stubs, the note of what is hidden, and the filter for one selected
// municipality (incoming only) that changes what is drawn.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { FLOW_COLOURS } from '../../renderer/flows/flowColours';
import { e2eToken } from '../helpers/e2eServer';
import { callApi, expect, openApp, test } from './fixtures';

interface FlowsAnswer {
  period: string;
  flows: { from: string; to: string; value: number | null; suppressed: boolean }[];
  hidden: { count: number; sum: number | null; withheld: number };
  areas: { key: string; inflow: number }[];
  external: { key: string; inflow: number; outflow: number }[];
  ends: { key: string; name: { de: string } }[];
}

interface Drawn {
  id: string;
  from: string;
  to: string;
  value: number | null;
  width: number;
}

test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

async function drawnFlows(page: Page): Promise<Drawn[]> {
  return page.evaluate(() => {
    const map = (window as unknown as { kleinraumFlowMap: MapLibreMap }).kleinraumFlowMap;
    const seen = new Map<string, Drawn>();
    for (const feature of map.queryRenderedFeatures({ layers: ['flow-lines', 'flow-lines-suppressed'] })) {
      const properties = feature.properties as Record<string, unknown>;
      const value = properties['value'];
      seen.set(String(properties['id']), { id: String(properties['id']), from: String(properties['from']), to: String(properties['to']), value: value === null || value === undefined || value === 'null' ? null : Number(value), width: Number(properties['width']) });
    }
    return [...seen.values()];
  });
}

async function openFlows(page: Page): Promise<void> {
  await openApp(page);
  await page.getByTestId('view-tab-movement').click();
  await page.getByTestId('flows-panel').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('flow-map')).toBeVisible({ timeout: 30_000 });
}

test('draws the 25 largest flows of the latest year with widths by count, stubs for outside and a note of what is hidden', async ({ page, request }) => {
  const answer = await callApi<FlowsAnswer>(request, 'flows.compute', { layer: 'gemeinden', mode: 'gross', direction: 'all', top: 25 });
  expect(answer.flows).toHaveLength(25);
  await openFlows(page);
  await expect(page.locator('body')).toHaveAttribute('data-flow-map-ready', '25', { timeout: 30_000 });
  await page.getByTestId('flow-map').scrollIntoViewIfNeeded();

  const drawn = await drawnFlows(page);
  expect(drawn.map((flow) => flow.id).sort()).toEqual(answer.flows.map((flow) => `${flow.from}>${flow.to}`).sort());
  // Larger counts are drawn wider: ordering by value orders the widths the same way.
  const byValue = drawn.filter((flow) => flow.value !== null).sort((a, b) => (b.value as number) - (a.value as number));
  for (let index = 1; index < byValue.length; index += 1) expect(byValue[index]!.width).toBeLessThanOrEqual(byValue[index - 1]!.width);
  expect(byValue[0]!.width).toBeGreaterThan(3 * byValue[byValue.length - 1]!.width);

  // The lines are really on the canvas: many pixels in the flow colours.
  const coloured = await page.evaluate((colours) => {
    const canvas = (window as unknown as { kleinraumFlowMap: MapLibreMap }).kleinraumFlowMap.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d') as CanvasRenderingContext2D;
    context.drawImage(canvas, 0, 0);
    const data = context.getImageData(0, 0, copy.width, copy.height).data;
    const targets = colours.map((colour) => [1, 3, 5].map((index) => parseInt(colour.slice(index, index + 2), 16)));
    let count = 0;
    for (let index = 0; index < data.length; index += 4) {
      // Lines are drawn at 0.78 opacity on white or light grey: compare the hue direction loosely.
      if (targets.some((target) => Math.abs(data[index]! - (0.78 * target[0]! + 0.22 * 240)) < 40 && Math.abs(data[index + 1]! - (0.78 * target[1]! + 0.22 * 242)) < 40 && Math.abs(data[index + 2]! - (0.78 * target[2]! + 0.22 * 246)) < 40)) count += 1;
    }
    return count;
  }, [FLOW_COLOURS.line, FLOW_COLOURS.external]);
  expect(coloured).toBeGreaterThan(2000);

  // Hovering the largest flow names both ends and the count.
  const largest = answer.flows[0]!;
  const point = await page.evaluate((id) => {
    const map = (window as unknown as { kleinraumFlowMap: MapLibreMap }).kleinraumFlowMap;
    const feature = map.queryRenderedFeatures({ layers: ['flow-lines'] }).find((candidate) => candidate.properties?.['id'] === id);
    const coordinates = (feature?.geometry as { coordinates: [number, number][] } | undefined)?.coordinates ?? [];
    const middle = coordinates[Math.floor(coordinates.length / 2)] ?? [0, 0];
    const projected = map.project(middle);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + projected.x, y: box.top + projected.y };
  }, `${largest.from}>${largest.to}`);
  await page.mouse.move(point.x, point.y);
  const nameOf = (key: string) => answer.ends.find((end) => end.key === key)?.name.de ?? key;
  await expect(page.getByTestId('flow-tooltip')).toContainText(`${nameOf(largest.from)} → ${nameOf(largest.to)}`);
  await expect(page.getByTestId('flow-tooltip')).toContainText(new Intl.NumberFormat('de-DE').format(largest.value as number));
  await page.mouse.move(0, 0);

  for (const key of ['ext:umland', 'ext:niedersachsen', 'ext:bund', 'ext:ausland', 'ext:unbekannt']) await expect(page.getByTestId(`flow-stub-${key}`)).toBeVisible();
  await expect(page.getByTestId('flow-stub-ext:ausland')).toHaveText('Ausland');
  await expect(page.getByTestId('flows-hidden')).toContainText(String(answer.hidden.count));
  await expect(page.getByTestId('flows-source')).toContainText('31.12.2024');
  await expect(page.getByTestId('flows-table').locator('tbody tr')).toHaveCount(25);
  // The outside rows are seen from the region like the municipalities': arrivals from abroad into the areas.
  const abroad = answer.external.find((entry) => entry.key === 'ext:ausland')!;
  const row = page.getByTestId('flows-totals').locator('tr[data-key="ext:ausland"] td');
  await expect(row.nth(0)).toHaveText('Region ↔ Ausland');
  await expect(row.nth(1)).toHaveText(new Intl.NumberFormat('de-DE').format(abroad.inflow));
  await expect(row.nth(2)).toHaveText(new Intl.NumberFormat('de-DE').format(abroad.outflow));
  // The colours have a key, as the widths do.
  await expect(page.getByTestId('flows-colour-legend')).toContainText('zwischen Gebieten');
  await expect(page.getByTestId('flows-colour-legend')).toContainText('von oder nach außerhalb');
});

test('selecting a municipality and "Zuzüge" draws only the flows into it, and the totals row is highlighted', async ({ page, request }) => {
  await openFlows(page);
  await expect(page.locator('body')).toHaveAttribute('data-flow-map-ready', '25', { timeout: 30_000 });
  const before = await drawnFlows(page);
  const key = '03241001';
  await page.getByTestId('flows-totals').locator(`tr[data-key="${key}"]`).click();
  await expect(page.getByTestId('flows-totals').locator(`tr[data-key="${key}"]`)).toHaveClass(/selected/);
  await page.getByTestId('flows-direction').selectOption('in');
  const answer = await callApi<FlowsAnswer>(request, 'flows.compute', { layer: 'gemeinden', mode: 'gross', direction: 'in', area: key, top: 25 });
  expect(answer.flows.length).toBeGreaterThan(3);
  // The ready mark counts drawn flows, and Hannover's outgoing flows may be as many as its incoming ones:
  // wait for the drawn set itself.
  const expected = answer.flows.map((flow) => `${flow.from}>${flow.to}`).sort();
  await expect.poll(async () => (await drawnFlows(page)).map((flow) => flow.id).sort(), { timeout: 30_000 }).toEqual(expected);
  const after = await drawnFlows(page);
  expect(after.every((flow) => flow.to === key)).toBe(true);
  expect(after.map((flow) => flow.id).sort()).not.toEqual(before.map((flow) => flow.id).sort());
  // Net mode nets each pair: no pair is drawn in both directions.
  await page.getByTestId('flows-direction').selectOption('all');
  await page.getByTestId('flows-mode').selectOption('net');
  const net = await callApi<FlowsAnswer>(request, 'flows.compute', { layer: 'gemeinden', mode: 'net', direction: 'all', top: 25 });
  const netExpected = net.flows.map((flow) => `${flow.from}>${flow.to}`).sort();
  await expect.poll(async () => (await drawnFlows(page)).map((flow) => flow.id).sort(), { timeout: 30_000 }).toEqual(netExpected);
  const netDrawn = new Set((await drawnFlows(page)).map((flow) => flow.id));
  expect([...netDrawn].some((id) => netDrawn.has(id.split('>').reverse().join('>')))).toBe(false);
  await page.getByTestId('flows-direction').selectOption('out');
  // The committee figure of what is shown: a PNG named, like every export, after what it shows and its Stichtag.
  const download = page.waitForEvent('download');
  await page.getByTestId('flows-export-png').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Wanderungen – Hannover_2024-12-31.png');
  const png = fs.readFileSync(await file.path());
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
});

test('imports an origin–destination table from the tab: the report lists the unknown key, and the map shows the new period', async ({ page, request }) => {
  await openFlows(page);
  await expect(page.locator('body')).toHaveAttribute('data-flow-map-ready', '25', { timeout: 30_000 });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kleinraum-flows-e2e-')), 'wanderungen-2025.csv');
  fs.writeFileSync(file, ['von;nach;Jahr;Anzahl', '03241001;03241003;2025;140', '03241003;03241001;2025;35', 'Ausland;03241003;2025;60', '09162000;03241001;2025;12'].join('\n'));
  await page.getByTestId('flows-import').locator('summary').click();
  // Browser mode lists folders in the tab itself (the shared file chooser of the tab imports).
  await page.getByTestId('flows-import-browse').click();
  await expect(page.getByTestId('flows-import-files').getByRole('navigation')).toBeVisible();
  await page.getByTestId('flows-import-path').fill(file);
  await page.getByTestId('flows-import-source').fill('Wanderungsstatistik Test');
  // A Stichtag typed that is no date holds the import back (it would otherwise fall back to the file's own).
  await page.getByTestId('flows-import-period').fill('31.02.2025');
  await expect(page.getByTestId('flows-import-period-error')).toBeVisible();
  await expect(page.getByTestId('flows-import-run')).toBeDisabled();
  await page.getByTestId('flows-import-period').fill('');
  await expect(page.getByTestId('flows-import-run')).toBeEnabled();
  await page.getByTestId('flows-import-run').click();
  await expect(page.getByTestId('flows-import-report')).toContainText('3');
  await expect(page.getByTestId('flows-import-report')).toContainText('09162000');
  await expect(page.getByTestId('flows-period')).toHaveValue('2025-12-31');
  await expect(page.locator('body')).toHaveAttribute('data-flow-map-ready', '3', { timeout: 30_000 });
  const drawn = await drawnFlows(page);
  expect(drawn.map((flow) => [flow.id, flow.value]).sort()).toEqual([['03241001>03241003', 140], ['03241003>03241001', 35], ['ext:ausland>03241003', 60]]);
  await expect(page.getByTestId('flows-source')).toContainText('Wanderungsstatistik Test');
  const answer = await callApi<FlowsAnswer>(request, 'flows.compute', { layer: 'gemeinden', mode: 'gross', direction: 'all', period: '2025-12-31' });
  expect(answer.areas.find((area) => area.key === '03241003')?.inflow).toBe(200);
});
