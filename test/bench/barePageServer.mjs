// The peer of browser mode in the benchmarks: a bare MapLibre page that draws the same GeoJSON with the
// same colours, served by a plain Node server (as small as a server can be), so the benchmark compares
// Kleinraum's start-up and redraws with what MapLibre itself needs in the same Chromium.
//
// Usage: node test/bench/barePageServer.mjs AREAS.geojson COLOURS.json
//   COLOURS.json: { "<name>": { "<area key>": "#rrggbb", … }, … } — the first colouring is drawn first;
//   `window.recolour(name)` draws another and resolves when the map is idle again.
// Prints the page's URL on stdout, then serves until killed. Query: ?width=W&height=H (map size in px).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [areasPath, coloursPath] = process.argv.slice(2);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const maplibreDist = path.join(repoRoot, 'node_modules', 'maplibre-gl', 'dist');

const page = `<!doctype html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="/maplibre-gl.css">
<style>html, body { margin: 0; } #map { position: absolute; left: 0; top: 0; }</style></head>
<body><div id="map"></div>
<script type="module">
import * as maplibregl from '/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
const query = new URLSearchParams(location.search);
const container = document.getElementById('map');
container.style.width = (query.get('width') ?? '800') + 'px';
container.style.height = (query.get('height') ?? '600') + 'px';
const [areas, colourings] = await Promise.all([fetch('/areas.geojson').then((r) => r.json()), fetch('/colours.json').then((r) => r.json())]);
const expression = (colours) => ['match', ['to-string', ['get', 'key']], ...Object.entries(colours).flat(), '#d9d9d9'];
const bounds = [[Infinity, Infinity], [-Infinity, -Infinity]];
const visit = (c) => { if (typeof c[0] === 'number') { bounds[0][0] = Math.min(bounds[0][0], c[0]); bounds[0][1] = Math.min(bounds[0][1], c[1]); bounds[1][0] = Math.max(bounds[1][0], c[0]); bounds[1][1] = Math.max(bounds[1][1], c[1]); } else c.forEach(visit); };
for (const feature of areas.features) visit(feature.geometry.coordinates);
const map = new maplibregl.Map({
  container,
  style: {
    version: 8,
    sources: { areas: { type: 'geojson', data: areas } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#ffffff' } },
      { id: 'fill', type: 'fill', source: 'areas', paint: { 'fill-color': expression(Object.values(colourings)[0]) } },
      { id: 'border', type: 'line', source: 'areas', paint: { 'line-color': '#ffffff', 'line-width': 0.8 } },
    ],
  },
  bounds,
  fitBoundsOptions: { padding: 24 },
  attributionControl: false,
});
map.once('idle', () => { document.body.dataset.mapReady = 'true'; });
window.recolour = (name) => new Promise((resolve) => { map.setPaintProperty('fill', 'fill-color', expression(colourings[name])); map.once('idle', resolve); });
</script></body></html>`;

const files = {
  '/maplibre-gl.mjs': [path.join(maplibreDist, 'maplibre-gl.mjs'), 'text/javascript'],
  '/maplibre-gl-worker.mjs': [path.join(maplibreDist, 'maplibre-gl-worker.mjs'), 'text/javascript'],
  '/maplibre-gl.css': [path.join(maplibreDist, 'maplibre-gl.css'), 'text/css'],
  '/areas.geojson': [areasPath, 'application/geo+json'],
  '/colours.json': [coloursPath, 'application/json'],
};

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
    return;
  }
  const file = files[url.pathname];
  if (!file) {
    response.writeHead(404);
    response.end();
    return;
  }
  response.writeHead(200, { 'content-type': file[1] });
  fs.createReadStream(file[0]).pipe(response);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${server.address().port}/\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
