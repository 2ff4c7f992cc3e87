// The Analyse tab as a planner uses it on the demo: see Moran's I and the cluster map drawn, pick an area
// in the Moran scatter plot and find it selected on the maps and the Karte tab, brush several areas, show
// the clusters on the main map, and export the cluster map and its table.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { formatNumber } from '../../shared/format/number';
import { CLUSTER_COLOURS } from '../../shared/analysis/clusterColours';
import { e2eToken } from '../helpers/e2eServer';
import { callApi, canvasColoursAt, expect, loadAreas, openApp, test } from './fixtures';

interface MoranAnswer {
  global: { I: number; pseudoPValue: number | null };
  clusterCounts: Record<'HH' | 'LL' | 'HL' | 'LH' | 'ns', number>;
  areas: { key: string; name: string; cluster: string; standardisedValue: number | null; spatialLag: number | null }[];
}

// The tab's defaults: queen, 999 permutations, seed 123456789, no correction, 5 %.
const DEFAULTS = { indicatorId: 'refugees_per_1000', weights: { type: 'queen', k: 4 }, permutations: 999, seed: 123456789, correction: 'none', significanceLevel: 0.05 };

test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

async function openAnalysis(page: Page): Promise<void> {
  await openApp(page);
  await page.getByTestId('view-tab-analysis').click();
  await expect(page.getByTestId('analysis-global')).toBeVisible({ timeout: 30_000 });
}

/**
 * The rendered colour of one area of an SVG map in the tab: the SVG is drawn into a canvas exactly as the
 * browser renders it, and the pixel is read at a point inside the area's path.
 */
async function renderedAreaColour(page: Page, mapTestId: string, key: string): Promise<string> {
  return page.evaluate(
    async ({ mapTestId, key }) => {
      const svg = document.querySelector(`[data-testid="${mapTestId}"] svg`) as SVGSVGElement;
      const path = svg.querySelector(`path[data-key="${key}"]`) as SVGPathElement;
      const box = path.getBBox();
      let inside: DOMPoint | null = null;
      for (let step = 1; step < 40 && !inside; step++) {
        for (let column = 1; column < 40 && !inside; column++) {
          const point = new DOMPoint(box.x + (box.width * column) / 40, box.y + (box.height * step) / 40);
          // Well inside: the point and its neighbours 3 units away are in the fill, away from the outline.
          const around = [point, new DOMPoint(point.x + 3, point.y), new DOMPoint(point.x - 3, point.y), new DOMPoint(point.x, point.y + 3), new DOMPoint(point.x, point.y - 3)];
          if (around.every((candidate) => path.isPointInFill(candidate))) inside = point;
        }
      }
      if (!inside) throw new Error(`no inside point for ${key}`);
      const [, , width, height] = (svg.getAttribute('viewBox') ?? '0 0 1 1').split(' ').map(Number) as [number, number, number, number];
      const text = new XMLSerializer().serializeToString(svg);
      const image = new Image();
      image.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.drawImage(image, 0, 0, width, height);
      const [r = 0, g = 0, b = 0] = context.getImageData(Math.round(inside.x), Math.round(inside.y), 1, 1).data;
      return `#${[r, g, b].map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
    },
    { mapTestId, key },
  );
}

test("shows Moran's I of the backend and draws every area of the cluster map in its cluster's colour", async ({ page, request }) => {
  const moran = await callApi<MoranAnswer>(request, 'analysis.moran', DEFAULTS);
  await openAnalysis(page);
  await expect(page.getByTestId('analysis-moran-i')).toHaveText(formatNumber(moran.global.I, 3, 'de'));
  await expect(page.getByTestId('analysis-pseudo-p')).toHaveText(formatNumber(moran.global.pseudoPValue ?? Number.NaN, 3, 'de'));
  await expect(page.getByTestId('analysis-explanation')).toContainText('Schutzsuchende je 1.000 Einwohner');
  const paths = page.locator('[data-testid="analysis-cluster-map"] path[data-key]');
  await expect(paths).toHaveCount(21);
  const significant = moran.areas.filter((area) => area.cluster !== 'ns');
  expect(significant.length, 'the demo has at least one significant area to look at').toBeGreaterThan(0);
  for (const area of significant) {
    expect(await renderedAreaColour(page, 'analysis-cluster-map', area.key)).toBe(CLUSTER_COLOURS[area.cluster as 'HH']);
  }
  const quiet = moran.areas.find((area) => area.cluster === 'ns')!;
  expect(await renderedAreaColour(page, 'analysis-cluster-map', quiet.key)).toBe(CLUSTER_COLOURS.ns);
  // The significance map has a fill for every area and the Moran scatter a point for every area.
  await expect(page.locator('[data-testid="analysis-significance-map"] path[data-key]')).toHaveCount(21);
  await expect(page.locator('[data-testid="analysis-moran-scatter"] circle[data-key]')).toHaveCount(21);
  await expect(page.getByTestId('analysis-moran-scatter-regression')).toBeVisible();
  // A rate: no warning about absolute numbers; a count: the warning the map's legend gives too.
  await expect(page.getByTestId('analysis-absolute')).toHaveCount(0);
  await page.getByTestId('analysis-indicator').selectOption('population_total');
  await expect(page.getByTestId('analysis-absolute')).toContainText('Absolute Zahlen');
});

test('a point picked in the Moran scatter plot is the selection of the maps and the Karte tab; a brush picks several', async ({ page, request }) => {
  const moran = await callApi<MoranAnswer>(request, 'analysis.moran', DEFAULTS);
  await openAnalysis(page);
  // Not the layer's first area, so the test cannot pass by accident.
  const chosen = moran.areas[4]!;
  await page.locator(`[data-testid="analysis-moran-scatter"] circle[data-key="${chosen.key}"]`).click();
  await expect(page.locator(`[data-testid="analysis-cluster-map"] path[data-key="${chosen.key}"]`)).toHaveAttribute('data-marked', 'selected');
  await expect(page.getByTestId('analysis-brush-status')).toContainText(chosen.name);

  // Brush the right half of the plot: every area above the mean.
  const zeroLine = await page.locator('[data-testid="analysis-moran-scatter"] line[stroke-dasharray]').first().boundingBox();
  const plot = await page.getByTestId('analysis-moran-scatter').boundingBox();
  if (!zeroLine || !plot) throw new Error('no scatter plot');
  await page.mouse.move(zeroLine.x + 3, plot.y + 4);
  await page.mouse.down();
  await page.mouse.move(plot.x + plot.width - 4, plot.y + plot.height / 2, { steps: 5 });
  await page.mouse.move(plot.x + plot.width - 4, plot.y + plot.height - 4, { steps: 5 });
  await page.mouse.up();
  const aboveMean = moran.areas.filter((area) => (area.standardisedValue ?? 0) > 0).map((area) => area.key).sort();
  await expect(page.getByTestId('analysis-brush-status')).toContainText(`${aboveMean.length} Gebiete ausgewählt`);
  const marked = await page.locator('[data-testid="analysis-cluster-map"] path[data-marked]').evaluateAll((paths) => paths.map((path) => path.getAttribute('data-key')).sort());
  expect(marked).toEqual(aboveMean);

  await page.getByTestId('view-tab-map').click();
  const first = moran.areas.find((area) => area.key === aboveMean[0]);
  await expect(page.getByTestId('details-panel')).toContainText(first?.name ?? '—');
});

test('the clusters on the main map and the exports of the cluster map', async ({ page, request }) => {
  const moran = await callApi<MoranAnswer>(request, 'analysis.moran', DEFAULTS);
  const { areas } = await loadAreas(request);
  await openAnalysis(page);

  const downloadPng = page.waitForEvent('download');
  await page.getByTestId('analysis-export-clusterMap-png').click();
  const png = fs.readFileSync(await (await downloadPng).path());
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(Math.round((297 / 25.4) * 300));
  const downloadCsv = page.waitForEvent('download');
  await page.getByTestId('analysis-export-clusterMap-csv').click();
  const csv = fs.readFileSync(await (await downloadCsv).path(), 'utf8');
  expect(csv).toContain('Schlüssel;Gebiet');
  expect(csv.split('\r\n').filter((line) => /^03241\d{3};/.test(line))).toHaveLength(21);

  await page.getByTestId('analysis-show-on-map').click();
  await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true', { timeout: 30_000 });
  const hot = moran.areas.find((area) => area.cluster !== 'ns')!;
  const point = areas.find((area) => area.key === hot.key)!.insidePoint;
  await expect.poll(async () => (await canvasColoursAt(page, [point]))[0]).toBe(CLUSTER_COLOURS[hot.cluster as 'HH']);
});
