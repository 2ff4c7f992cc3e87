/**
 * Issue 16, row 5: browser-mode start-up as a planner experiences it — from starting `kleinraum serve` to
 * the first drawn choropleth of the demo in Chromium (`data-map-ready`), split into its steps — next to a
 * bare MapLibre page drawing the same GeoJSON with the same colours at the same map size, from the start
 * of its own server (test/bench/barePageServer.mjs), in the same run. Goal: ≤ 1.3 × the bare page.
 * Like a planner's start (`kleinraum serve --open`), the measured interval holds the server start until
 * it prints its start link, the browser start, and the page opening that link; the bench itself asks the
 * server nothing in between.
 */
import { makeTempDir } from '../helpers/tempDir';
import { millisecondsSince, type Benchmark } from './benchmark';
import { drawnMap, ensureRendererBuilt, featureKeys, freshChromium, layerFeatures, startBarePage, waitForMapReady } from './browserPeer';
import { startServeUnopened } from '../helpers/serveProcess';
import { ratio } from './peers';

const browserStartup: Benchmark = {
  name: 'browser-startup',
  async run() {
    ensureRendererBuilt();
    const directory = makeTempDir('kleinraum-bench-startup-');
    try {
      const start = performance.now();
      // Ready when it prints its start link; the browser opens that link, as after `kleinraum serve --open`.
      const unopened = await startServeUnopened();
      const serverReadyMs = millisecondsSince(start);
      let kleinraum: Record<string, number>;
      let drawn: Awaited<ReturnType<typeof drawnMap>>;
      let areas: unknown;
      try {
        const browser = await freshChromium();
        try {
          const pageStart = performance.now();
          await browser.page.goto(unopened.url);
          const pageLoadedMs = millisecondsSince(pageStart);
          await waitForMapReady(browser.page);
          kleinraum = { serverReadyMs, chromiumLaunchMs: browser.launchMs, pageLoadedMs, pageToMapReadyMs: millisecondsSince(pageStart), totalToFirstMapMs: millisecondsSince(start) };
          // The bare page's data, asked for only after the measured start: before the page, this request
          // would make the server build the demo inside the measured interval, which no planner's start does
          // (the server builds it while the browser starts).
          const session = (await browser.context.cookies()).find((cookie) => cookie.httpOnly);
          if (!session) throw new Error('the start link gave the browser no session cookie');
          areas = (await layerFeatures(unopened.withCookie(`${session.name}=${session.value}`))).features;
          drawn = await drawnMap(browser.page, featureKeys(areas));
        } finally {
          await browser.close();
        }
      } finally {
        await unopened.stop();
      }

      const bareStart = performance.now();
      const bare = await startBarePage(directory, areas, { first: drawn.colours });
      const bareServerReadyMs = millisecondsSince(bareStart);
      try {
        const browser = await freshChromium();
        try {
          await browser.page.goto(`${bare.url}?width=${drawn.width}&height=${drawn.height}`);
          await waitForMapReady(browser.page);
          const bareTotalMs = millisecondsSince(bareStart);
          return {
            ...kleinraum,
            bareServerReadyMs,
            bareTotalToFirstMapMs: bareTotalMs,
            ratioFirstMapToBarePage: ratio(kleinraum.totalToFirstMapMs!, bareTotalMs),
            goalRatioFirstMapToBarePage: 1.3,
          };
        } finally {
          await browser.close();
        }
      } finally {
        await bare.stop();
      }
    } finally {
      directory.remove();
    }
  },
};

export default browserStartup;
