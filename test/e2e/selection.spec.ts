// Linked views: hovering and selecting on the map and in the table is one selection, seen by all views.
import type { Locator, Page } from '@playwright/test';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { expect, loadAreas, openApp, screenPosition, test, type AreaOnMap } from './fixtures';

/** A table row counts as selected when it says so to assistive technology or by a marker attribute/class. */
async function isRowSelected(row: Locator): Promise<boolean> {
  return row.evaluate(
    (element) =>
      element.getAttribute('aria-selected') === 'true' ||
      element.getAttribute('data-selected') === 'true' ||
      /(^|[\s_-])(selected|is-selected)($|[\s_-])/i.test(element.className),
  );
}

/**
 * Keys of the areas the map outlines as `role` (hover, selected): the outlines drawn above the map
 * (MapHighlight), counted only when they have a path that lies on the map.
 */
async function keysOutlined(page: Page, role: 'hover' | 'selected'): Promise<string[]> {
  return page.evaluate((wanted) => {
    const map = (window as unknown as { kleinraumMap: MapLibreMap }).kleinraumMap;
    const canvas = map.getCanvas().getBoundingClientRect();
    const paths = [...document.querySelectorAll<SVGPathElement>(`[data-testid="map-highlight"] path[data-role="${wanted}"]`)];
    return paths
      .filter((path) => {
        const box = path.getBoundingClientRect();
        return (path.getAttribute('d') ?? '').length > 0 && box.width > 0 && box.right > canvas.left && box.left < canvas.right && box.bottom > canvas.top && box.top < canvas.bottom;
      })
      .map((path) => path.dataset['key'] ?? '')
      .sort();
  }, role);
}

const keysSelectedOnMap = (page: Page) => keysOutlined(page, 'selected');

function findArea(areas: AreaOnMap[], key: string): AreaOnMap {
  const area = areas.find((candidate) => candidate.key === key);
  if (!area) throw new Error(`no area with key ${key}`);
  return area;
}

test('hovering a municipality shows a tooltip with its name and value', async ({ page, request }) => {
  const { areas } = await loadAreas(request);
  await openApp(page);
  const hannover = findArea(areas, '03241001');
  const position = await screenPosition(page, hannover.insidePoint);
  await page.mouse.move(position.x, position.y);
  const tooltip = page.getByTestId('tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(hannover.name);
  // A value in German format (digits, maybe separators) or the explicit no-data text.
  await expect(tooltip).toContainText(/\d|keine Daten/);
  // The map outlines the area under the pointer, and only that one; leaving the map clears it.
  await expect.poll(() => keysOutlined(page, 'hover')).toEqual([hannover.key]);
  await page.mouse.move(1, 1);
  await expect.poll(() => keysOutlined(page, 'hover')).toEqual([]);
});

test('clicking a municipality on the map selects it in the details panel and the table', async ({ page, request }) => {
  const { areas } = await loadAreas(request);
  await openApp(page);
  const target = findArea(areas, '03241001');
  const position = await screenPosition(page, target.insidePoint);
  await page.mouse.click(position.x, position.y);

  await expect(page.getByTestId('details-panel')).toContainText(target.name);
  // A register's series is dated by its Stichtage, not called "ohne Stichtag".
  await expect(page.locator('.details-sources')).toContainText('10 Stichtage, 31.12.2015 – 31.12.2024');
  const row = page.getByTestId(`area-row-${target.key}`);
  await expect.poll(() => isRowSelected(row)).toBe(true);
  await expect.poll(() => keysSelectedOnMap(page)).toEqual([target.key]);

  // The outline is drawn above the map: it must follow the map when the map moves, not stay behind.
  const outline = page.locator('[data-testid="map-highlight"] path[data-role="selected"]');
  const before = await outline.boundingBox();
  await page.evaluate(() => (window as unknown as { kleinraumMap: MapLibreMap }).kleinraumMap.panBy([80, 40], { animate: false }));
  await expect.poll(async () => {
    const after = await outline.boundingBox();
    return after && before ? [Math.round(after.x - before.x), Math.round(after.y - before.y)] : null;
  }).toEqual([-80, -40]);
});

test('the tooltip leaves with a drag of the map and stays whole at the map\'s right edge', async ({ page, request }) => {
  const { areas } = await loadAreas(request);
  await openApp(page);
  const tooltip = page.getByTestId('tooltip');
  const hannover = findArea(areas, '03241001');
  const start = await screenPosition(page, hannover.insidePoint);
  await page.mouse.move(start.x, start.y);
  await expect(tooltip).toBeVisible();
  // Dragging reports no mouse moves to the map: the tooltip must not stay behind naming an area that moved.
  await page.mouse.down();
  await page.mouse.move(start.x + 60, start.y + 30, { steps: 6 });
  await page.mouse.up();
  await expect(tooltip).toBeHidden();

  // The area drawn furthest right: hovered at its right end, the tooltip opens to the pointer's left.
  const mapBox = await page.getByTestId('map').boundingBox();
  if (!mapBox) throw new Error('no map');
  const positions = await Promise.all(areas.map(async (area) => ({ area, position: await screenPosition(page, area.insidePoint) })));
  const inMap = positions.filter(({ position }) => position.x < mapBox.x + mapBox.width - 20 && position.y > mapBox.y + 40 && position.y < mapBox.y + mapBox.height - 200);
  const rightmost = inMap.sort((a, b) => b.position.x - a.position.x)[0];
  if (!rightmost) throw new Error('no area on the map');
  await page.mouse.move(rightmost.position.x, rightmost.position.y);
  await expect(tooltip).toContainText(rightmost.area.name);
  const box = await tooltip.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x + box!.width).toBeLessThanOrEqual(mapBox.x + mapBox.width + 1);
  // Whole lines, not a word per line: the name fits on one line of the tooltip.
  const nameLines = await tooltip.locator('.tooltip-name').evaluate((name) => {
    const text = document.createRange();
    text.selectNodeContents(name);
    return new Set([...text.getClientRects()].map((line) => Math.round(line.top))).size;
  });
  expect(nameLines).toBe(1);
});

/** Whether the table shows the row of `key` between its sticky header and its sticky region row. */
async function rowShownInTable(page: Page, key: string): Promise<boolean> {
  return page.getByTestId(`area-row-${key}`).evaluate((row) => {
    const container = row.closest('.table-scroll');
    if (!container) return false;
    const view = container.getBoundingClientRect();
    const top = view.top + (container.querySelector('thead')?.getBoundingClientRect().height ?? 0);
    const bottom = view.bottom - (container.querySelector('tfoot')?.getBoundingClientRect().height ?? 0);
    const box = row.getBoundingClientRect();
    return box.top >= top - 1 && box.bottom <= bottom + 1;
  });
}

test('an area clicked on the map keeps its table row in view when the details panel opens below the table', async ({ page, request }) => {
  const { areas } = await loadAreas(request);
  await openApp(page);
  // The last row by name: the details panel that opens below the table takes away the rows it stood in.
  const last = [...areas].sort((a, b) => a.name.localeCompare(b.name, 'de')).at(-1);
  if (!last) throw new Error('the demo has no areas');
  const position = await screenPosition(page, last.insidePoint);
  await page.mouse.click(position.x, position.y);
  await expect(page.getByTestId('details-panel')).toContainText(last.name);
  await expect.poll(() => rowShownInTable(page, last.key)).toBe(true);
});

test('clicking a table row selects the municipality on the map, and Escape clears it', async ({ page, request }) => {
  const { areas } = await loadAreas(request);
  await openApp(page);
  const first = areas[0];
  const second = areas.find((area) => area.key !== first?.key && area.name !== first?.name);
  if (!first || !second) throw new Error('the demo needs at least two areas');

  await page.getByTestId(`area-row-${first.key}`).click();
  await expect.poll(() => keysSelectedOnMap(page)).toEqual([first.key]);

  // Selecting another row moves the selection everywhere: one selection, not one per view.
  const secondRow = page.getByTestId(`area-row-${second.key}`);
  await secondRow.click();
  await expect.poll(() => keysSelectedOnMap(page)).toEqual([second.key]);
  await expect(page.getByTestId('details-panel')).toContainText(second.name);
  await expect.poll(() => isRowSelected(secondRow)).toBe(true);
  expect(await isRowSelected(page.getByTestId(`area-row-${first.key}`))).toBe(false);

  await page.keyboard.press('Escape');
  await expect.poll(() => keysSelectedOnMap(page)).toEqual([]);
  await expect.poll(() => isRowSelected(secondRow)).toBe(false);
});

test('a table row whose area lies outside the zoomed map brings the area into view', async ({ page, request }) => {
  const { areas } = await loadAreas(request);
  await openApp(page);
  const hannover = findArea(areas, '03241001');
  const springe = areas.find((area) => area.name.startsWith('Springe'));
  if (!springe) throw new Error('the demo has Springe');
  await page.evaluate((centre) => (window as unknown as { kleinraumMap: MapLibreMap }).kleinraumMap.jumpTo({ center: centre, zoom: 12 }), hannover.insidePoint);
  await page.getByTestId(`area-row-${springe.key}`).click();
  // Outlined on the map and inside its view, not selected somewhere off-screen.
  await expect.poll(() => keysSelectedOnMap(page)).toEqual([springe.key]);
  // Zoomed out only as far as Springe needs to fit, not back to the whole region (about zoom 9 here).
  const zoom = await page.evaluate(() => (window as unknown as { kleinraumMap: MapLibreMap }).kleinraumMap.getZoom());
  expect(zoom).toBeLessThanOrEqual(12);
  expect(zoom).toBeGreaterThan(10);
});

