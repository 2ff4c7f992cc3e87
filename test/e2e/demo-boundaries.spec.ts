// The demo draws the real Region Hannover (BKG boundaries, no "Schematische Grenzen" banner), densities
// use the official land area, and the population pyramids draw unequal age groups honestly.
import { area } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { e2eToken } from '../helpers/e2eServer';
import { callApi, expect, loadAreas, openApp, test } from './fixtures';

test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

test('the demo map shows the real municipalities: Hannover covers about 204 km², and no schematic banner', async ({ page, request }, testInfo) => {
  const { layer } = await loadAreas(request);
  const collection = await callApi<FeatureCollection<Polygon | MultiPolygon, { key: string; name: string }>>(request, 'layer.features', { layer: layer.name });
  const hannover = collection.features.find((feature) => feature.properties.key === '03241001');
  expect(hannover?.properties.name).toBe('Hannover');
  // Official land area 204,30 km²; the simplified VG250 polygon must stay within a few per cent of it.
  const hannoverKm2 = area(hannover!.geometry) / 1e6;
  expect(Math.abs(hannoverKm2 / 204.3 - 1), `Hannover: ${hannoverKm2.toFixed(2)} km²`).toBeLessThan(0.03);
  const regionKm2 = collection.features.reduce((sum, feature) => sum + area(feature.geometry), 0) / 1e6;
  expect(Math.abs(regionKm2 / 2297.13 - 1), `region: ${regionKm2.toFixed(1)} km²`).toBeLessThan(0.03);

  await openApp(page);
  await expect(page.getByTestId('synthetic-badge')).toBeVisible();
  await expect(page.getByTestId('schematic-badge')).toHaveCount(0);
  await expect(page.getByText(/Schematische Grenzen/)).toHaveCount(0);
  const screenshot = await page.screenshot({ path: testInfo.outputPath('demo-map.png') });
  expect(screenshot.byteLength).toBeGreaterThan(10_000);

  // The map's own rendering of Hannover: its on-screen extent has the real city's proportions (about
  // 19 km east–west by 17 km north–south), which no Voronoi cell of the old demo had.
  const extent = await page.evaluate(() => {
    const map = (window as unknown as { kleinraumMap: MapLibreMap }).kleinraumMap;
    const features = map.queryRenderedFeatures().filter((feature) => String(feature.properties?.key) === '03241001');
    let west = Infinity;
    let east = -Infinity;
    let south = Infinity;
    let north = -Infinity;
    for (const feature of features) {
      const geometry = feature.geometry as Polygon | MultiPolygon;
      const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
      for (const [longitude, latitude] of rings.flat() as [number, number][]) {
        west = Math.min(west, longitude);
        east = Math.max(east, longitude);
        south = Math.min(south, latitude);
        north = Math.max(north, latitude);
      }
    }
    return { west, east, south, north };
  });
  const widthKm = (extent.east - extent.west) * 111.32 * Math.cos((52.37 * Math.PI) / 180);
  const heightKm = (extent.north - extent.south) * 111.32;
  expect(widthKm, 'Hannover east–west').toBeGreaterThan(17);
  expect(widthKm, 'Hannover east–west').toBeLessThan(22);
  expect(heightKm, 'Hannover north–south').toBeGreaterThan(15);
  expect(heightKm, 'Hannover north–south').toBeLessThan(19);
});

test('the details panel and the density legend use the official land area (KFL)', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('area-row-03241001').click();
  await expect(page.getByTestId('details-area')).toHaveText('204,30 km² (amtliche Fläche)');
  await page.getByTestId('indicator-select').selectOption('population_density');
  await expect(page.getByTestId('legend-area-note')).toHaveText('Fläche: amtliche Katasterfläche (KFL)');
});

test('the pyramid draws each age group as tall as the years it spans, with legend and values on hover', async ({ page }, testInfo) => {
  await openApp(page);
  await page.getByTestId('view-tab-profiles').click();
  const panel = page.getByTestId('profile-panel-03241001');
  await expect(panel).toBeVisible();
  const bars = await panel.locator('g.kr-bar[data-sex="male"] > rect:first-of-type').evaluateAll((rects) =>
    rects.map((rect) => ({ age: rect.parentElement?.getAttribute('data-age') ?? '', top: (rect as SVGRectElement).getBBox().y })),
  );
  expect(bars.map((entry) => entry.age)).toEqual(['0-2', '3-5', '6-9', '10-15', '16-17', '18-24', '25-44', '45-64', '65+']);
  // A group's height on screen: from the top of the next younger group's bar (its lower limit) to its own top.
  const pitch = (age: string) => {
    const index = bars.findIndex((entry) => entry.age === age);
    return (bars[index - 1]?.top ?? Number.NaN) - (bars[index]?.top ?? Number.NaN);
  };
  // 25–44 spans 20 years, 16–17 two, 3–5 three: heights in proportion.
  expect(pitch('25-44') / pitch('16-17')).toBeGreaterThan(9.5);
  expect(pitch('25-44') / pitch('16-17')).toBeLessThan(10.5);
  expect(pitch('25-44') / pitch('3-5')).toBeGreaterThan(6.3);
  expect(pitch('25-44') / pitch('3-5')).toBeLessThan(7);

  await page.screenshot({ path: testInfo.outputPath('profiles-pyramids.png') });
  const legend = page.getByTestId('profiles-legend');
  for (const label of ['Männer', 'Frauen', 'darunter Schutzsuchende', 'Referenz']) await expect(legend).toContainText(label);
  await expect(page.getByTestId('profiles-scale-description')).toContainText('je Altersjahr');

  const bar = panel.locator('g.kr-bar[data-age="25-44"][data-sex="female"]');
  await bar.hover();
  await expect(bar.locator('title')).toHaveText(/^Frauen 25–44 Jahre: [\d.]+ \([\d,]+ %\) · [\d.]+ je Altersjahr · darunter Schutzsuchende: /);

  await page.getByTestId('profiles-view-nationality').click();
  await expect(page.getByTestId('profiles-scale-description')).toContainText('Anteile in % der ausländischen Bevölkerung');
  await page.getByTestId('profiles-view-status').click();
  await expect(page.getByTestId('profiles-scale-description')).toContainText('Anteile in % aller Schutzsuchenden');
});
