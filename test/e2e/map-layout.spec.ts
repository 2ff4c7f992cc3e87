// Issue 15, item 5: at 1400 × 900 the legend must not cover any municipality (the map is fitted to the
// area the legend leaves free), labels stay clear of it, and the "Darstellung" panel fits its width.
import type { Page } from '@playwright/test';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { callApi, expect, openApp, test } from './fixtures';
import { e2eToken } from '../helpers/e2eServer';

test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Vertices of the layer's areas that the map draws under the legend or outside the map, and label boxes under the legend. */
async function overlaps(page: Page, coordinates: [number, number][]): Promise<{ underLegend: number; outsideMap: number; labelsUnderLegend: string[]; legend: Box | null }> {
  return page.evaluate((points) => {
    const map = (window as unknown as { kleinraumMap: MapLibreMap }).kleinraumMap;
    const canvas = map.getCanvas().getBoundingClientRect();
    const legendElement = document.querySelector('[data-testid="legend"]');
    if (!legendElement) return { underLegend: 0, outsideMap: 0, labelsUnderLegend: [], legend: null };
    const legend = legendElement.getBoundingClientRect();
    const inside = (x: number, y: number, box: DOMRect) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
    let underLegend = 0;
    let outsideMap = 0;
    for (const point of points) {
      const projected = map.project(point);
      const x = canvas.left + projected.x;
      const y = canvas.top + projected.y;
      if (inside(x, y, legend)) underLegend++;
      if (!inside(x, y, canvas)) outsideMap++;
    }
    const labelsUnderLegend = [...document.querySelectorAll('.map-label')]
      .filter((label) => {
        const box = label.getBoundingClientRect();
        return box.width > 0 && box.left < legend.right && box.right > legend.left && box.top < legend.bottom && box.bottom > legend.top;
      })
      .map((label) => label.textContent ?? '');
    return { underLegend, outsideMap, labelsUnderLegend, legend: { left: legend.left, top: legend.top, right: legend.right, bottom: legend.bottom } };
  }, coordinates);
}

async function layerVertices(request: Parameters<typeof callApi>[0]): Promise<[number, number][]> {
  const project = await callApi<{ layers: { name: string }[] }>(request, 'project.current');
  const collection = await callApi<GeoJSON.FeatureCollection>(request, 'layer.features', { layer: project.layers[0]!.name });
  const vertices: [number, number][] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') vertices.push([value[0] as number, value[1] as number]);
    else if (Array.isArray(value)) value.forEach(walk);
  };
  for (const feature of collection.features) if (feature.geometry && 'coordinates' in feature.geometry) walk(feature.geometry.coordinates);
  return vertices;
}

test('at 1400 × 900 the legend covers no municipality and no label, and the whole layer is on the map', async ({ page, request }) => {
  const vertices = await layerVertices(request);
  expect(vertices.length).toBeGreaterThan(100);
  await openApp(page);
  const check = async () => {
    await expect
      .poll(async () => {
        const result = await overlaps(page, vertices);
        return { underLegend: result.underLegend, outsideMap: result.outsideMap, labelsUnderLegend: result.labelsUnderLegend, hasLegend: result.legend !== null };
      })
      .toEqual({ underLegend: 0, outsideMap: 0, labelsUnderLegend: [], hasLegend: true });
  };
  await check();
  await page.screenshot({ path: test.info().outputPath('map-1400x900.png') });

  // A legend of another size (index mode: other rows and a note) refits the map too.
  await page.getByTestId('mode-select').selectOption('index');
  await expect(page.locator('.legend-subtitle')).toContainText('Index');
  await check();

  // Back to values: the legend shrinks again, the map still keeps clear of it.
  await page.getByTestId('mode-select').selectOption('value');
  await check();
});

test('the Darstellung panel fits its width, also after a palette is picked', async ({ page }) => {
  await openApp(page);
  const panel = page.getByTestId('symbology-panel');
  const widths = () => panel.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
  const before = await widths();
  expect(before.scrollWidth, `content ${before.scrollWidth} px in a ${before.clientWidth} px panel`).toBeLessThanOrEqual(before.clientWidth);
  await page.getByTestId('palette-Greens').click();
  await expect(page.getByTestId('palette-Greens')).toHaveAttribute('aria-checked', 'true');
  const after = await widths();
  expect(after.scrollWidth).toBeLessThanOrEqual(after.clientWidth);
  expect(await panel.evaluate((element) => element.scrollLeft)).toBe(0);
  // Every palette name is shown whole: no name is cut off inside its button.
  const cut = await panel.locator('.palette-name').evaluateAll((names) => names.filter((name) => name.scrollWidth > name.clientWidth + 1).map((name) => name.textContent));
  expect(cut).toEqual([]);
});

/** Width in px of the layer as the map draws it now. */
async function drawnWidth(page: Page, coordinates: [number, number][]): Promise<number> {
  return page.evaluate((points) => {
    const map = (window as unknown as { kleinraumMap: MapLibreMap }).kleinraumMap;
    const xs = points.map((point) => map.project(point).x);
    return Math.max(...xs) - Math.min(...xs);
  }, coordinates);
}

test('a taller legend (change mode, English wording) keeps the layer nearly as large as before', async ({ page, request }) => {
  // The bounding box fitted beside the legend drew the region a sixth smaller and off to the right as soon
  // as the legend grew by two lines; the fit now lets the legend sit in the box's empty corner. Since the
  // legend takes the empty bottom-right corner, value mode draws the region about a tenth larger than with
  // the legend bottom-left, and the change mode's legend (two lines taller) costs it at most a seventh.
  const vertices = await layerVertices(request);
  await openApp(page);
  const clear = async () => expect.poll(async () => (await overlaps(page, vertices)).underLegend).toBe(0);
  await clear();
  const valueWidth = await drawnWidth(page, vertices);
  await page.getByTestId('mode-select').selectOption('change');
  await expect(page.locator('.legend-title')).toContainText('Veränderung');
  await expect.poll(async () => (await drawnWidth(page, vertices)) / valueWidth, { message: 'change mode: layer width relative to value mode' }).toBeGreaterThan(0.85);
  await clear();
  await page.screenshot({ path: test.info().outputPath('map-change-1400x900.png') });
  await page.getByTestId('mode-select').selectOption('value');
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('legend')).toContainText('per 1,000');
  await expect.poll(async () => (await drawnWidth(page, vertices)) / valueWidth, { message: 'English: layer width relative to German' }).toBeGreaterThan(0.88);
  await clear();
});

test('in a laptop window (1280 × 800) the legend is compact, folds on request, and the map grows into the room it frees', async ({ page, request }) => {
  // The full legend (about 300 × 275 px) covered half of the 595 × 519 px map there, and the region was
  // fitted into the strip beside it. Compact: the notes and the chosen-sources line fold away.
  const vertices = await layerVertices(request);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  const legend = page.getByTestId('legend');
  await expect(legend).toHaveAttribute('data-compact', 'true');
  await expect(page.getByTestId('legend-class-0')).toBeVisible();
  await expect(page.getByTestId('legend-source-choice')).toHaveCount(0);
  await expect(page.getByTestId('legend-region')).toHaveCount(0);
  // What licences and data honesty ask to be shown with the map stays.
  await expect(legend).toContainText('GeoBasis-DE / BKG');
  await expect(legend).toContainText('Beispieldaten, synthetisch');
  const clear = async () => expect.poll(async () => (await overlaps(page, vertices)).underLegend).toBe(0);
  await clear();

  const toggle = page.getByTestId('legend-details-toggle');
  await expect(toggle).toHaveText('Quellen und Hinweise ▸');
  await toggle.click();
  await expect(page.getByTestId('legend-source-choice')).toContainText('Ausländerzentralregister');
  await expect(page.getByTestId('legend-region')).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await clear();
  await toggle.click();
  await expect(page.getByTestId('legend-source-choice')).toHaveCount(0);

  await clear();
  const compactWidth = await drawnWidth(page, vertices);
  await page.getByTestId('legend-fold').click();
  await expect(legend).toHaveAttribute('data-folded', 'true');
  await expect(page.getByTestId('legend-class-0')).toHaveCount(0);
  await expect(legend).toContainText('Schutzsuchende je 1.000 Einwohner');
  await expect(legend).toContainText('GeoBasis-DE / BKG');
  await expect(legend.locator('.legend-subtitle')).toContainText('Stichtag 31.12.2024');
  await expect(page.getByTestId('legend-fold')).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(async () => (await drawnWidth(page, vertices)) / compactWidth, { message: 'folded legend: layer width relative to compact' }).toBeGreaterThan(1.05);
  await clear();
  await page.screenshot({ path: test.info().outputPath('map-1280x800-folded.png') });
  await page.getByTestId('legend-fold').click();
  await expect(page.getByTestId('legend-class-0')).toBeVisible();
  await clear();

  // The change mode in English (a taller legend, a smaller region): no two leader lines cross and none
  // runs through another name — of the layouts tried, one with a crossing cost more (it had one).
  await page.getByTestId('mode-select').selectOption('change');
  await page.getByTestId('language-switch').click();
  await expect(page.locator('.legend-title')).toContainText('change since');
  await expect.poll(() => leaderTangles(page)).toEqual({ crossings: 0, throughNames: [] });
});

/** Leader lines of the screen map that cross another one, and names a leader of another area runs through. */
async function leaderTangles(page: Page): Promise<{ crossings: number; throughNames: string[] }> {
  return page.evaluate(() => {
    type Point = [number, number];
    const lines = [...document.querySelectorAll('.map-label-leaders line')].map((line) => ({
      key: (line.parentElement as HTMLElement).dataset['key'],
      from: [Number(line.getAttribute('x1')), Number(line.getAttribute('y1'))] as Point,
      to: [Number(line.getAttribute('x2')), Number(line.getAttribute('y2'))] as Point,
    }));
    const side = (p: Point, q: Point, r: Point) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
    let crossings = 0;
    lines.forEach((a, index) => {
      for (const b of lines.slice(index + 1)) if (side(a.from, a.to, b.from) * side(a.from, a.to, b.to) < 0 && side(b.from, b.to, a.from) * side(b.from, b.to, a.to) < 0) crossings++;
    });
    const origin = document.querySelector('.map-labels')!.getBoundingClientRect();
    const throughNames: string[] = [];
    for (const label of document.querySelectorAll<HTMLElement>('.map-label')) {
      const box = label.getBoundingClientRect();
      const [left, top, right, bottom] = [box.left - origin.left + 2, box.top - origin.top + 2, box.right - origin.left - 2, box.bottom - origin.top - 2];
      for (const line of lines) {
        if (line.key === label.dataset['key']) continue;
        for (let t = 0.05; t < 1; t += 0.05) {
          const x = line.from[0] + (line.to[0] - line.from[0]) * t;
          const y = line.from[1] + (line.to[1] - line.from[1]) * t;
          if (x > left && x < right && y > top && y < bottom) {
            throughNames.push(`${line.key} through ${label.textContent}`);
            break;
          }
        }
      }
    }
    return { crossings, throughNames };
  });
}

test('in a narrow window (1100 px) the Darstellung panel starts closed, opens with one click and follows the window across 1 200 px', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 800 });
  await openApp(page);
  await expect(page.getByTestId('symbology-panel')).toHaveCount(0);
  await page.getByTestId('symbology-open').click();
  await expect(page.getByTestId('symbology-panel')).toBeVisible();
  // Made wider across 1 200 px and narrower again: the panel follows. Each width is held until the page has
  // dispatched its resize event: browsers fire one per frame, so 1 400 and back to 1 100 within one frame is
  // no crossing at all (the CI run that set them back to back saw only 1 100, and the panel rightly stayed).
  await page.evaluate(() => {
    const seen = window as unknown as { kleinraumTestWidthSeen: number };
    seen.kleinraumTestWidthSeen = window.innerWidth;
    window.addEventListener('resize', () => (seen.kleinraumTestWidthSeen = window.innerWidth));
  });
  const resizeTo = async (width: number) => {
    await page.setViewportSize({ width, height: 800 });
    // Listeners run in the order they were added, so the app's own resize listener has run when this one has.
    await page.waitForFunction((expected) => (window as unknown as { kleinraumTestWidthSeen: number }).kleinraumTestWidthSeen === expected, width);
  };
  await resizeTo(1400);
  await expect(page.getByTestId('symbology-panel')).toBeVisible();
  await resizeTo(1100);
  await expect(page.getByTestId('symbology-panel')).toHaveCount(0);
  await resizeTo(1300);
  await expect(page.getByTestId('symbology-panel')).toBeVisible();
});
