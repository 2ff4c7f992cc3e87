/**
 * Browser mode next to a bare MapLibre page (test/bench/barePageServer.mjs) that draws the same GeoJSON
 * with the same colours at the same map size, each from the start of its server to the first drawn map,
 * in a fresh Debian Chromium — the peer rows of issue 16 for the demo and for the Germany layer.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { chromiumLaunchOptions } from '../helpers/chromium';
import { repoRoot } from '../helpers/repoRoot';
import { startServe, type RunningServe } from '../helpers/serveProcess';
import { makeTempDir, type TempDir } from '../helpers/tempDir';
import { millisecondsSince } from './benchmark';

const VIEWPORT = { width: 1400, height: 900 };
const MAP_READY_TIMEOUT_MS = 180_000;

/** Builds the renderer when there is none yet; not part of any figure. */
export function ensureRendererBuilt(): void {
  if (fs.existsSync(path.join(repoRoot, 'build', 'renderer', 'index.html'))) return;
  process.stderr.write('building the renderer first (vite build); not part of the figures\n');
  const result = spawnSync(path.join(repoRoot, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error('vite build failed, so there is no renderer to start');
}

/** A fresh Chromium profile and page; `close` removes both. */
export async function freshChromium(): Promise<{ context: BrowserContext; page: Page; launchMs: number; close: () => Promise<void> }> {
  const profile = makeTempDir('kleinraum-bench-chromium-');
  const start = performance.now();
  const context = await chromium.launchPersistentContext(profile.path, { ...chromiumLaunchOptions, viewport: VIEWPORT });
  const launchMs = millisecondsSince(start);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    launchMs,
    close: async () => {
      await context.close();
      profile.remove();
    },
  };
}

/**
 * Opens browser mode in `page` as a signed-in user. The printed start link is good for one use only, and
 * startServe already exchanged it for the session cookie, so the page gets that cookie instead.
 */
export async function openKleinraum(page: Page, server: RunningServe): Promise<void> {
  const separator = server.cookie.indexOf('=');
  await page.context().addCookies([{ name: server.cookie.slice(0, separator), value: server.cookie.slice(separator + 1), url: server.baseUrl }]);
  await page.goto(`${server.baseUrl}/`);
}

export async function waitForMapReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.mapReady === 'true', undefined, { timeout: MAP_READY_TIMEOUT_MS, polling: 50 });
}

/** What the Kleinraum page drew: the fill colour of each of `keys` (its feature state) and the map's size in px. */
export async function drawnMap(page: Page, keys: readonly string[]): Promise<{ colours: Record<string, string>; width: number; height: number }> {
  return page.evaluate((areaKeys) => {
    const map = (window as unknown as { kleinraumMap: MapLibreMap }).kleinraumMap;
    const colours: Record<string, string> = {};
    for (const key of areaKeys) {
      const fill = map.getFeatureState({ source: 'areas', id: key })['fill'];
      if (typeof fill === 'string') colours[key] = fill;
    }
    const box = map.getContainer().getBoundingClientRect();
    return { colours, width: Math.round(box.width), height: Math.round(box.height) };
  }, keys);
}

/** The keys of a layer's features as the server sends them. */
export function featureKeys(features: unknown): string[] {
  return (features as { features: { properties: { key: string } }[] }).features.map((feature) => feature.properties.key);
}

/**
 * Changes the map's classification method in the open Kleinraum page and returns the milliseconds until
 * the map is drawn again (data-map-ready back to "true").
 */
export async function recolourKleinraum(page: Page, method: string): Promise<number> {
  return page.evaluate(
    (value) =>
      new Promise<number>((resolve) => {
        const select = document.querySelector<HTMLSelectElement>('[data-testid="symbology-method"]');
        if (!select) throw new Error('no classification method picker');
        let sawRedraw = false;
        const start = performance.now();
        const observer = new MutationObserver(() => {
          const ready = document.body.dataset.mapReady;
          if (ready === 'false') sawRedraw = true;
          if (ready === 'true' && sawRedraw) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(document.body, { attributes: true, attributeFilter: ['data-map-ready'] });
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }),
    method,
  );
}

export interface BarePage {
  url: string;
  stop(): Promise<void>;
}

/** Starts the bare page's server on `areas` and `colourings` (first one drawn first). */
export async function startBarePage(directory: TempDir, areas: unknown, colourings: Record<string, Record<string, string>>): Promise<BarePage> {
  const areasPath = directory.file('bare-areas.geojson');
  const coloursPath = directory.file('bare-colours.json');
  fs.writeFileSync(areasPath, JSON.stringify(areas));
  fs.writeFileSync(coloursPath, JSON.stringify(colourings));
  const child = spawn(process.execPath, [path.join(repoRoot, 'test', 'bench', 'barePageServer.mjs'), areasPath, coloursPath], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) resolve(match[0]);
    });
    child.once('exit', (code) => reject(new Error(`the bare page server exited with ${code}`)));
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The first layer's areas as the Kleinraum server sends them to the page. */
export async function layerFeatures(server: RunningServe): Promise<{ layer: string; features: unknown }> {
  const project = await server.call<{ layers: { name: string }[] }>('project.current');
  const layer = project.layers[0]?.name;
  if (!layer) throw new Error('the project has no layer');
  return { layer, features: await server.call('layer.features', { layer }) };
}

export { startServe, VIEWPORT };
