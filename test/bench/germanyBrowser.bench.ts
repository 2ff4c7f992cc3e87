/**
 * Issue 16, row 6: browser mode with the Germany layer (10 990 municipalities): the first drawn map from
 * the start of `kleinraum serve --project`, a recolour after a change of classification method, and the
 * hover of an area until its table row is highlighted — next to a bare MapLibre page drawing the same
 * GeoJSON with the same colours at the same map size (first map from the start of its server; recolour
 * by setPaintProperty), in the same run. Goals: ≤ 1.2 × the bare page for first map and recolour; the
 * hover's script work within one frame (≤ 16 ms).
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { area, pointOnFeature } from '@turf/turf';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Page } from 'playwright-core';
import { makeTempDir } from '../helpers/tempDir';
import { millisecondsSince, type Benchmark } from './benchmark';
import { drawnMap, ensureRendererBuilt, featureKeys, freshChromium, layerFeatures, recolourKleinraum, startBarePage, startServe, waitForMapReady, openKleinraum } from './browserPeer';
import { ratio, rounded, writeGermanyProject } from './peers';

/**
 * Moves the mouse onto the area of the table's first row and measures, in the page, the milliseconds from
 * the mouse event to the row's highlight, and (Chrome's own counter) the script time the hover caused.
 */
async function hoverToTableRow(page: Page, features: { features: Feature[] }): Promise<{ latencyMs: number; scriptMs: number }> {
  // The largest area among the rows the table shows (it draws only the rows in view): a small municipality
  // first in the table (sorted by name, "Aach") covers less than a pixel of the Germany map, so the pointer
  // over it would hover a neighbour and the row would never light up.
  const shownKeys = new Set(await page.locator('[data-testid^="area-row-"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key') ?? '')));
  const feature = features.features
    .filter((candidate) => shownKeys.has(String((candidate.properties as { key?: string } | null)?.key)))
    .reduce<Feature | null>((largest, candidate) => (largest === null || area(candidate as Feature<Polygon | MultiPolygon>) > area(largest as Feature<Polygon | MultiPolygon>) ? (candidate as Feature) : largest), null);
  const key = (feature?.properties as { key?: string } | null)?.key;
  if (!key || !feature) throw new Error('no area for the table rows shown');
  const inside = pointOnFeature(feature as Feature).geometry.coordinates as [number, number];
  const point = await page.evaluate((lngLat) => {
    const map = (window as unknown as { kleinraumMap: MapLibreMap }).kleinraumMap;
    const projected = map.project(lngLat);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + projected.x, y: box.top + projected.y };
  }, inside);
  await page.evaluate((rowKey) => {
    const target = window as unknown as { hoverLatency: Promise<number> };
    target.hoverLatency = new Promise<number>((resolve, reject) => {
      // Never waits for good: a row that does not light up is a failure of the benchmark, named as such.
      setTimeout(() => reject(new Error(`the row of ${rowKey} did not light up within 10 s of the hover`)), 10_000);
      let start = 0;
      window.addEventListener('mousemove', () => (start ||= performance.now()), { capture: true });
      const row = document.querySelector(`[data-key="${rowKey}"]`);
      const observer = new MutationObserver(() => {
        if (row?.classList.contains('hovered')) {
          observer.disconnect();
          resolve(performance.now() - start);
        }
      });
      if (row) observer.observe(row, { attributes: true, attributeFilter: ['class'] });
    });
  }, key);
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const scriptSeconds = async () => ((await session.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0);
  const before = await scriptSeconds();
  await page.mouse.move(point.x, point.y);
  const latencyMs = await page.evaluate(() => (window as unknown as { hoverLatency: Promise<number> }).hoverLatency);
  const after = await scriptSeconds();
  return { latencyMs, scriptMs: (after - before) * 1000 };
}

const germanyBrowser: Benchmark = {
  name: 'germany-browser',
  async run() {
    ensureRendererBuilt();
    const directory = makeTempDir('kleinraum-bench-germany-browser-');
    try {
      const project = writeGermanyProject(directory.path);
      const start = performance.now();
      const server = await startServe(['--project', project, '--data-dir', directory.file('data')], 120_000);
      const serverReadyMs = millisecondsSince(start);
      const figures: Record<string, number> = { serverReadyMs };
      const colourings: Record<string, Record<string, string>> = {};
      let size = { width: 0, height: 0 };
      let areas: { features: Feature[] };
      try {
        const browser = await freshChromium();
        try {
          await openKleinraum(browser.page, server);
          await waitForMapReady(browser.page);
          figures['kleinraumFirstMapMs'] = millisecondsSince(start);
          areas = (await layerFeatures(server)).features as { features: Feature[] };
          const keys = featureKeys(areas);
          const first = await drawnMap(browser.page, keys);
          colourings['first'] = first.colours;
          size = { width: first.width, height: first.height };
          figures['kleinraumRecolourMs'] = rounded(await recolourKleinraum(browser.page, 'equal'));
          colourings['equal'] = (await drawnMap(browser.page, keys)).colours;
          const hover = await hoverToTableRow(browser.page, areas);
          figures['kleinraumHoverToRowMs'] = rounded(hover.latencyMs);
          figures['kleinraumHoverScriptMs'] = rounded(hover.scriptMs);
        } finally {
          await browser.close();
        }
      } finally {
        await server.stop();
      }

      const bareStart = performance.now();
      const bare = await startBarePage(directory, areas, colourings);
      try {
        const browser = await freshChromium();
        try {
          await browser.page.goto(`${bare.url}?width=${size.width}&height=${size.height}`);
          await waitForMapReady(browser.page);
          figures['bareFirstMapMs'] = millisecondsSince(bareStart);
          const recolourStart = performance.now();
          await browser.page.evaluate(() => (window as unknown as { recolour: (name: string) => Promise<void> }).recolour('equal'));
          figures['bareRecolourMs'] = millisecondsSince(recolourStart);
        } finally {
          await browser.close();
        }
      } finally {
        await bare.stop();
      }
      return {
        ...figures,
        ratioFirstMapToBarePage: ratio(figures['kleinraumFirstMapMs']!, figures['bareFirstMapMs']!),
        ratioRecolourToBarePage: ratio(figures['kleinraumRecolourMs']!, figures['bareRecolourMs']!),
        goalRatioToBarePage: 1.2,
        goalHoverScriptMs: 16,
      };
    } finally {
      directory.remove();
    }
  },
};

export default germanyBrowser;
