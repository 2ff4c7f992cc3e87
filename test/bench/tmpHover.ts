import fs from 'node:fs';
import { freshChromium, startServe, waitForMapReady } from './browserPeer';
import type { Map as MapLibreMap } from 'maplibre-gl';
const server = await startServe(['--project', '/tmp/tmp.gGZVmKWna8/de.gpkg', '--data-dir', '/tmp/hov/data'], 120000);
const browser = await freshChromium();
try {
  const t0 = performance.now();
  await browser.page.goto(server.url);
  await waitForMapReady(browser.page);
  console.log('first map', performance.now() - t0);
  const session = await browser.page.context().newCDPSession(browser.page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  const centre = await browser.page.evaluate(() => { const map = (window as unknown as { kleinraumMap: MapLibreMap }).kleinraumMap; const b = map.getCanvas().getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; });
  await browser.page.mouse.move(centre.x - 40, centre.y);
  await new Promise((r) => setTimeout(r, 1500));
  await session.send('Profiler.start');
  for (let i = 0; i < 5; i++) { await browser.page.mouse.move(centre.x + i * 7, centre.y + i * 5); await new Promise((r) => setTimeout(r, 400)); }
  const { profile } = await session.send('Profiler.stop');
  fs.writeFileSync('/tmp/hov/hover.cpuprofile', JSON.stringify(profile));
  await session.send('Profiler.start');
  const t1 = performance.now();
  await browser.page.evaluate(() => new Promise<void>((resolve) => { const s = document.querySelector<HTMLSelectElement>('[data-testid="symbology-method"]')!; let saw = false; const o = new MutationObserver(() => { const r = document.body.dataset.mapReady; if (r === 'false') saw = true; if (r === 'true' && saw) { o.disconnect(); resolve(); } }); o.observe(document.body, { attributes: true }); s.value = 'equal'; s.dispatchEvent(new Event('change', { bubbles: true })); }));
  console.log('recolour', performance.now() - t1);
  const { profile: p2 } = await session.send('Profiler.stop');
  fs.writeFileSync('/tmp/hov/recolour.cpuprofile', JSON.stringify(p2));
} finally {
  await browser.close();
  await server.stop();
}
