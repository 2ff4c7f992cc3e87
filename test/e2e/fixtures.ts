/**
 * The e2e test fixtures. Every test gets:
 * - an automatic guard that fails the test on any uncaught page error or console error (a broken page
 *   must not pass just because the assertions looked elsewhere, as in mapshaper's e2e tests);
 * - `app`: the app opened in browser mode with the demo project, map rendered, plus helpers to reach the
 *   map, the backend contract and the canvas pixels.
 */
import fs from 'node:fs';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { area } from '@turf/turf';
import { e2eAppUrl, e2eToken } from '../helpers/e2eServer';

/** One area of the demo layer as the backend describes it, with a point that lies inside it. */
export interface AreaOnMap {
  key: string;
  name: string;
  /** [longitude, latitude] of a point well inside the area's largest part (see interiorPoint). */
  insidePoint: [number, number];
}

/**
 * A point well inside an area, away from its border, so the map pixel there has the area's fill: on the
 * horizontal line through the middle of the largest part, the midpoint of the widest stretch inside it (as
 * GEOS' InteriorPoint does). Neither the centroid (outside concave shapes) nor turf's pointOnFeature (which
 * falls back to a vertex on the border, e.g. for Sehnde with its exclaves) is safe for reading colours.
 */
export function interiorPoint(geometry: Geometry): [number, number] {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') throw new Error(`no interior point for ${geometry.type}`);
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = parts.reduce((best, part) => (area({ type: 'Polygon', coordinates: part }) > area({ type: 'Polygon', coordinates: best }) ? part : best));
  const latitudes = largest[0]!.map((position) => position[1]!);
  // Halfway between the extremes, nudged off any vertex latitude so the line never passes through a vertex.
  const latitude = (Math.min(...latitudes) + Math.max(...latitudes)) / 2 + 1e-7;
  const crossings: number[] = [];
  for (const ring of largest) {
    ring.forEach((position: Position, index: number) => {
      const next = ring[(index + 1) % ring.length]!;
      const [x1, y1] = [position[0]!, position[1]!];
      const [x2, y2] = [next[0]!, next[1]!];
      if (y1 > latitude !== y2 > latitude) crossings.push(x1 + ((latitude - y1) / (y2 - y1)) * (x2 - x1));
    });
  }
  crossings.sort((a, b) => a - b);
  let best: [number, number] = [crossings[0] ?? 0, latitude];
  let widest = -1;
  for (let index = 0; index + 1 < crossings.length; index += 2) {
    const width = crossings[index + 1]! - crossings[index]!;
    if (width > widest) {
      widest = width;
      best = [(crossings[index]! + crossings[index + 1]!) / 2, latitude];
    }
  }
  return best;
}

/** Calls one method of the shared contract over browser mode's HTTP transport; throws on `{ ok: false }`. */
export async function callApi<T>(request: APIRequestContext, method: string, input: unknown = {}): Promise<T> {
  const response = await request.post(`/api/${method}`, {
    data: input,
    headers: { 'x-kleinraum-token': e2eToken },
  });
  expect(response.ok(), `POST /api/${method} answered HTTP ${response.status()}`).toBe(true);
  const result = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  expect(result.ok, `POST /api/${method} failed: ${JSON.stringify(result.error)}`).toBe(true);
  return result.value as T;
}

interface LayerSummary {
  name: string;
  keyField: string;
  nameField: string;
  featureCount: number;
}

interface ProjectSummary {
  layers: LayerSummary[];
}

/** The areas of the project's first layer, as the backend sees them (the map must agree with this). */
export async function loadAreas(request: APIRequestContext): Promise<{ layer: LayerSummary; areas: AreaOnMap[] }> {
  const project = await callApi<ProjectSummary>(request, 'project.current');
  const layer = project.layers[0];
  expect(layer, 'the demo project has at least one layer').toBeDefined();
  if (!layer) throw new Error('no layer');
  const collection = await callApi<FeatureCollection<Geometry, Record<string, unknown>>>(request, 'layer.features', {
    layer: layer.name,
  });
  const areas = collection.features.map((feature: Feature<Geometry, Record<string, unknown>>) => {
    const point = interiorPoint(feature.geometry);
    return {
      key: String(feature.properties?.[layer.keyField] ?? feature.id),
      name: String(feature.properties?.[layer.nameField] ?? ''),
      insidePoint: [point[0] ?? 0, point[1] ?? 0] as [number, number],
    };
  });
  return { layer, areas };
}

/** Screen position (CSS pixels, relative to the page) of a geographic point on the map. */
export async function screenPosition(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((point) => {
    const map = (window as unknown as { kleinraumMap: MapLibreMap }).kleinraumMap;
    const projected = map.project(point);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + projected.x, y: box.top + projected.y };
  }, lngLat);
}

/**
 * Colours of the map canvas at geographic points, as `#rrggbb`. Reads the WebGL canvas through a 2D canvas
 * while MapLibre draws a frame (the renderer does not preserve the drawing buffer, so after the frame is
 * shown its pixels are gone), so DOM overlays such as the tooltip or the legend do not hide the map.
 */
export async function canvasColoursAt(page: Page, points: [number, number][]): Promise<string[]> {
  return page.evaluate(
    (lngLats) =>
      new Promise<string[]>((resolve, reject) => {
        const map = (window as unknown as { kleinraumMap: MapLibreMap }).kleinraumMap;
        map.once('render', () => {
          const source = map.getCanvas();
          const copy = document.createElement('canvas');
          copy.width = source.width;
          copy.height = source.height;
          const context = copy.getContext('2d');
          if (!context) {
            reject(new Error('no 2D context'));
            return;
          }
          context.drawImage(source, 0, 0);
          const pixelsPerCssPixel = source.width / source.getBoundingClientRect().width;
          resolve(
            lngLats.map((lngLat) => {
              const point = map.project(lngLat);
              const x = Math.round(point.x * pixelsPerCssPixel);
              const y = Math.round(point.y * pixelsPerCssPixel);
              const [r = 0, g = 0, b = 0] = context.getImageData(x, y, 1, 1).data;
              return `#${[r, g, b].map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
            }),
          );
        });
        map.triggerRepaint();
      }),
    points,
  );
}

/**
 * Checks that a small SVG map (svgAreaMap.ts) names every one of its `count` areas, with `name` among them,
 * and that no two names overlap on screen.
 */
export async function expectNamedAreas(page: Page, mapTestId: string, count: number, name: string): Promise<void> {
  const labels = page.locator(`[data-testid="${mapTestId}-labels"] text`);
  await expect(labels).toHaveCount(count);
  await expect(page.getByTestId(`${mapTestId}-labels`)).toContainText(name);
  const boxes = await labels.evaluateAll((texts) => texts.map((text) => text.getBoundingClientRect().toJSON() as { left: number; right: number; top: number; bottom: number }));
  const overlapping: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b, offset) => {
      // Half a pixel of slack: glyph boxes include side bearings the placement leaves out.
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) overlapping.push(`${i}/${i + 1 + offset}`);
    }),
  );
  expect(overlapping, `overlapping names in ${mapTestId}`).toEqual([]);
}

/** Opens the app in browser mode and waits until the choropleth is rendered and the map is idle. */
export async function openApp(page: Page): Promise<void> {
  await page.goto(e2eAppUrl);
  await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true', { timeout: 30_000 });
}

/** Opens the import dialog from the project menu and reads the file at `filePath` (typed, as a planner pastes a path). */
export async function startImport(page: Page, filePath: string): Promise<void> {
  await page.getByTestId('project-menu').click();
  await page.getByTestId('menu-import').click();
  await page.getByTestId('import-path-input').fill(filePath);
  await page.getByTestId('import-path-confirm').click();
}

/** Reads the table at `filePath` in the import wizard and waits until `matchedRows` of its rows are joined to areas. */
export async function startTableImport(page: Page, filePath: string, matchedRows: number): Promise<void> {
  await startImport(page, filePath);
  await expect(page.getByTestId('import-join-matched')).toContainText(`${matchedRows} Zeilen`, { timeout: 30_000 });
}

/**
 * Writes a hand-made list of KiTa places per municipality to `filePath`, as a Jugendamt sends it: key, name
 * and places of each area of the demo layer; no title, no publisher, no Stichtag. `placesOf` gives an area's
 * places, or null to leave its row out.
 */
export async function writeKitaList(request: APIRequestContext, filePath: string, placesOf: (area: AreaOnMap, index: number) => number | null): Promise<void> {
  const { areas } = await loadAreas(request);
  const rows = areas.flatMap((area, index) => {
    const places = placesOf(area, index);
    return places === null ? [] : [`${area.key};${area.name};${places}`];
  });
  fs.writeFileSync(filePath, ['AGS;Gemeinde;Kita-Plätze', ...rows].join('\n'));
}

/**
 * Holds the page's calls of one backend method until `release()`: the state while an answer is awaited (a
 * preview being made) can be looked at, and acted on (stopped), before the answer arrives.
 */
export async function holdCalls(page: Page, method: string): Promise<{ release: () => void }> {
  let holding = true;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/${method}`, async (route) => {
    if (holding) await held;
    await route.continue();
  });
  return {
    release: () => {
      holding = false;
      release();
    },
  };
}

interface Fixtures {
  /** Collected page errors and console errors; the test fails at its end if any were seen. */
  pageProblems: string[];
}

export const test = base.extend<Fixtures>({
  pageProblems: [
    async ({ page }, use, testInfo) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const where = message.location().url;
        problems.push(`console error: ${message.text()}${where ? ` (at ${where})` : ''}`);
      });
      // The console line for a failed load does not name the address; this does.
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
      });
      await use(problems);
      if (testInfo.status === testInfo.expectedStatus) {
        expect(problems, 'the page logged errors').toEqual([]);
      }
    },
    { auto: true },
  ],
});

export { expect };
