/**
 * Issue 16, row 5: browser-mode start-up as a planner experiences it — from starting `kleinraum serve` to
 * the first drawn choropleth of the demo in Chromium (`data-map-ready`), split into its steps — next to a
 * bare MapLibre page drawing the same GeoJSON with the same colours at the same map size, from the start
 * of its own server (test/bench/barePageServer.mjs), in the same run. Goal: ≤ 1.3 × the bare page.
 * Like a planner's start (`kleinraum serve --open`), the measured interval holds the server start until
 * it prints its start link, the browser start, and the page opening that link; the bench itself asks the
 * server nothing in between. Figures are medians of three start-ups of each, alternating.
 */
import { makeTempDir, type TempDir } from '../helpers/tempDir';
import { median, millisecondsSince, type Benchmark } from './benchmark';
import { drawnMap, ensureRendererBuilt, featureKeys, freshChromium, layerFeatures, startBarePage, waitForMapReady } from './browserPeer';
import { startServeUnopened } from '../helpers/serveProcess';
import { ratio, rounded } from './peers';

/** Start-ups measured of each page, alternating Kleinraum and the bare page: Chromium's own launch varies by ±0.3 s. */
const REPETITIONS = 3;

/** One Kleinraum start-up, split into its steps; also what the bare page needs to draw the same map. */
async function kleinraumStartup() {
  const start = performance.now();
  // Ready when it prints its start link; the browser opens that link, as after `kleinraum serve --open`.
  const unopened = await startServeUnopened();
  const serverReadyMs = millisecondsSince(start);
  try {
    const browser = await freshChromium();
    try {
      const pageStart = performance.now();
      await browser.page.goto(unopened.url);
      const pageLoadedMs = millisecondsSince(pageStart);
      await waitForMapReady(browser.page);
      const figures = { serverReadyMs, chromiumLaunchMs: browser.launchMs, pageLoadedMs, pageToMapReadyMs: millisecondsSince(pageStart), totalToFirstMapMs: millisecondsSince(start) };
      // The bare page's data, asked for only after the measured start: before the page, this request
      // would make the server build the demo inside the measured interval, which no planner's start does
      // (the server builds it while the browser starts).
      const session = (await browser.context.cookies()).find((cookie) => cookie.httpOnly);
      if (!session) throw new Error('the start link gave the browser no session cookie');
      const areas = (await layerFeatures(unopened.withCookie(`${session.name}=${session.value}`))).features;
      const drawn = await drawnMap(browser.page, featureKeys(areas));
      return { figures, areas, drawn };
    } finally {
      await browser.close();
    }
  } finally {
    await unopened.stop();
  }
}

/** One start-up of the bare page, from the start of its own server to its first drawn map. */
async function bareStartup(directory: TempDir, areas: unknown, drawn: Awaited<ReturnType<typeof drawnMap>>) {
  const bareStart = performance.now();
  const bare = await startBarePage(directory, areas, { first: drawn.colours });
  const bareServerReadyMs = millisecondsSince(bareStart);
  try {
    const browser = await freshChromium();
    try {
      await browser.page.goto(`${bare.url}?width=${drawn.width}&height=${drawn.height}`);
      await waitForMapReady(browser.page);
      return { bareServerReadyMs, bareTotalToFirstMapMs: millisecondsSince(bareStart) };
    } finally {
      await browser.close();
    }
  } finally {
    await bare.stop();
  }
}

const browserStartup: Benchmark = {
  name: 'browser-startup',
  async run() {
    ensureRendererBuilt();
    const directory = makeTempDir('kleinraum-bench-startup-');
    try {
      const kleinraumRuns: Record<string, number>[] = [];
      const bareRuns: Record<string, number>[] = [];
      for (let repetition = 0; repetition < REPETITIONS; repetition += 1) {
        const kleinraum = await kleinraumStartup();
        kleinraumRuns.push(kleinraum.figures);
        bareRuns.push(await bareStartup(directory, kleinraum.areas, kleinraum.drawn));
      }
      const medianOf = (runs: Record<string, number>[]) => Object.fromEntries(Object.keys(runs[0] ?? {}).map((key) => [key, rounded(median(runs.map((run) => run[key] ?? 0)))]));
      const kleinraum = medianOf(kleinraumRuns);
      const bare = medianOf(bareRuns);
      return {
        ...kleinraum,
        ...bare,
        ratioFirstMapToBarePage: ratio(kleinraum.totalToFirstMapMs!, bare.bareTotalToFirstMapMs!),
        goalRatioFirstMapToBarePage: 1.3,
      };
    } finally {
      directory.remove();
    }
  },
};

export default browserStartup;
