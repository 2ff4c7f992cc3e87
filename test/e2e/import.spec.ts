// The import wizard end to end: a BKG-style shapefile zip (several layers in a folder, made here from the
// real VG5000 set) is filtered to Region Hannover and imported, then a GENESIS CSV (Latin-1, title lines,
// three header rows) is mapped and joined to it as a further source of the population. The test sees the
// check report, the join report and the result on the map, and checks the written values through the contract.
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { callApi, expect, openApp, test } from './fixtures';
import { e2eToken } from '../helpers/e2eServer';
import { sharedDataAvailable, sharedDataPath } from '../helpers/sharedData';
import { makeTempDir, type TempDir } from '../helpers/tempDir';

/** A zip in BKG's layout: one folder with the GEM and KRS shapefile sets, so the wizard must offer a layer choice. */
function writeVg5000Zip(directory: TempDir): string {
  const files: Record<string, Uint8Array> = {};
  for (const layer of ['VG5000_GEM', 'VG5000_KRS']) {
    for (const extension of ['shp', 'shx', 'dbf', 'prj', 'cpg']) {
      files[`vg5000_ebenen_0101/${layer}.${extension}`] = new Uint8Array(fs.readFileSync(sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3', `${layer}.${extension}`)));
    }
  }
  const zipPath = directory.file('vg5000_ebenen.zip');
  fs.writeFileSync(zipPath, zipSync(files, { level: 1 }));
  return zipPath;
}

interface ProjectLayers {
  layers: { name: string; featureCount: number }[];
  indicators: { id: string; periods: string[] }[];
  sources: { id: string; name: string }[];
}

test('imports a shapefile zip and a GENESIS table through the wizard and shows them on the map', async ({ page, request }) => {
  test.skip(!sharedDataAvailable(), '../shared/data is not present beside the checkout');
  // Reading the whole VG5000 set (10 997 polygons) twice, with reprojection, takes a while on two cores.
  test.setTimeout(240_000);
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
  const directory = makeTempDir('kleinraum-e2e-import-');
  try {
    const zipPath = writeVg5000Zip(directory);
    await openApp(page);

    // Boundaries: choose the zip, keep the preselected GEM layer, filter to Region Hannover.
    await page.getByTestId('project-menu').click();
    await page.getByTestId('menu-import').click();
    const dialog = page.getByTestId('import-dialog');
    await expect(dialog).toBeVisible();
    await page.getByTestId('import-path-input').fill(zipPath);
    await page.getByTestId('import-path-confirm').click();
    await expect(page.getByTestId('import-layer-select')).toHaveValue(/VG5000_GEM$/);
    await expect(page.getByTestId('import-area-count')).toContainText('10.997 Objekte', { timeout: 30_000 });
    await page.getByTestId('import-filter-prefix').fill('03241');
    await page.getByTestId('import-apply-filter').click();
    await expect(page.getByTestId('import-area-count')).toContainText('21 Gebiete', { timeout: 30_000 });
    await expect(page.getByTestId('import-boundary-report')).toContainText('EPSG:31467');
    await expect(page.getByTestId('import-encoding-preview')).toContainText('Rübenberge');
    await expect(page.getByTestId('import-preview-map').locator('path')).toHaveCount(21);
    await page.getByTestId('import-layer-name').fill('gemeinden_rh');
    await page.getByTestId('import-commit').click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(page.getByTestId('layer-select')).toHaveValue('gemeinden_rh');
    await expect(page.getByTestId('area-row-03241012')).toContainText('Neustadt am Rübenberge');
    await expect(page.locator('[data-testid^="area-row-"]')).toHaveCount(21);

    // Table: the GENESIS export is Kreis level; only Hannover city (03241001) is a municipality of the layer.
    await page.getByTestId('project-menu').click();
    await page.getByTestId('menu-import').click();
    const csvPath = sharedDataPath('population', 'regionalstatistik_kreise', '12411-01-01-4_bevoelkerung_geschlecht_kreise_2018-12-31.csv');
    await page.getByTestId('import-path-input').fill(csvPath);
    await page.getByTestId('import-path-confirm').click();
    await expect(page.getByTestId('import-join-layer')).toHaveValue('gemeinden_rh');
    await expect(page.getByTestId('import-preview-grid')).toContainText('Flensburg', { timeout: 30_000 });
    await expect(page.getByTestId('import-encoding-preview')).toContainText('Bevölkerung');
    await expect(page.getByTestId('import-observations-preview')).toContainText('31.12.2018');
    const joinReport = page.getByTestId('import-join-report');
    await expect(page.getByTestId('import-join-matched')).toContainText(/(^|\D)1 Zeile einem Gebiet zugeordnet/);
    await expect(page.getByTestId('import-join-aggregates')).toContainText('03241');
    await expect(page.getByTestId('import-join-without-data')).toContainText('20 Gebiete ohne Daten');
    await expect(page.getByTestId('import-join-unmatched')).toContainText('Zeilen ohne passendes Gebiet');
    await expect(joinReport).toBeVisible();
    // A Kreis table onto municipalities goes in only once the planner confirms it.
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    await page.getByTestId('import-coarser-confirm').locator('input').check();
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 30_000 });

    // "Bevölkerungsstand (Anzahl)" over "Stichtag / 31.12.2018 / Insgesamt" is the population: the figures
    // join the demo's variable as a further source (not a new variable named after the word "Stichtag").
    await expect(page.getByTestId('notice-toast')).toContainText('weitere Quelle');
    const project = await callApi<ProjectLayers>(request, 'project.current');
    expect(project.layers.find((layer) => layer.name === 'gemeinden_rh')?.featureCount).toBe(21);
    expect(project.indicators.map((indicator) => indicator.id)).not.toContain('stichtag');
    const genesis = project.sources.find((source) => source.name.includes('12411-01-01-4'));
    expect(genesis).toBeDefined();
    // With that source alone, Hannover has its value and the other 20 municipalities none.
    const values = await callApi<{ values: { key: string; value: number | null }[] }>(request, 'indicator.values', { indicatorId: 'population_total', layer: 'gemeinden_rh', period: '2018-12-31', sources: [genesis!.id] });
    expect(values.values.find((entry) => entry.key === '03241001')?.value).toBe(538068);
    expect(values.values.filter((entry) => entry.value !== null)).toHaveLength(1);
    // The map shows it when the planner picks the indicator, the Stichtag and that source.
    await page.getByTestId('indicator-select').selectOption('population_total');
    await page.getByTestId('period-select').selectOption('2018-12-31');
    await page.getByTestId('source-select-population').selectOption(JSON.stringify([genesis!.id]));
    // The map's legend and table show the new source's figures: one class with Hannover's value, 20 areas without data.
    await expect(page.getByTestId('legend')).toContainText('538.068');
    await expect(page.getByTestId('legend-no-data')).toContainText('20');
    // The map itself is drawn (not only legend and table): ready, with the new layer's 21 areas in its source.
    await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true');
    const keysOnMap = await page.evaluate(() => {
      type AreasSource = { serialize(): { data: { features: { properties: { key: string } }[] } } };
      const map = (window as unknown as { kleinraumMap?: { getSource(id: string): unknown } }).kleinraumMap;
      const source = map?.getSource('areas') as AreasSource | undefined;
      return source?.serialize().data.features.map((feature) => feature.properties.key) ?? [];
    });
    expect(keysOnMap).toHaveLength(21);
    expect(keysOnMap).toContain('03241012');
    await expect(page.getByTestId('area-row-03241001')).toContainText('538.068');
    await page.screenshot({ path: path.join('build', 'test-results', 'import-after-table.png') });
  } finally {
    directory.remove();
  }
});
