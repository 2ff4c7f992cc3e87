// A planner's first steps in a new project: the empty project offers the import, boundaries come in
// without any table yet, and every view then says what is missing instead of failing or waiting forever
// (the monitoring view used to crash on a definition without indicators, profiles and planning spun).
import { e2eAppUrl, e2eToken } from '../helpers/e2eServer';
import { sharedDataAvailable, sharedDataPath } from '../helpers/sharedData';
import { expect, test } from './fixtures';

test.beforeEach(async ({ request }) => {
  await request.post('/api/project.new', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

test('a new project with boundaries only: table lists the areas, every view says what is missing', async ({ page }) => {
  test.skip(!sharedDataAvailable(), '../shared/data is not present beside the checkout');
  test.setTimeout(120_000);
  await page.goto(e2eAppUrl);

  // The empty project offers the import next to open and demo.
  await page.getByTestId('empty-import').click();
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  // A typed folder is opened, not refused for lacking a file extension.
  await page.getByTestId('import-path-input').fill(sharedDataPath('hannover_stadt'));
  await expect(page.getByTestId('import-path-confirm')).toHaveText('Ordner öffnen');
  await page.getByTestId('import-path-confirm').click();
  await expect(page.getByTestId('import-file-stadtteile')).toBeVisible();
  await page.screenshot({ path: 'build/test-results/import-folder-typed.png' });
  await page.getByTestId('import-path-input').fill(sharedDataPath('hannover_stadt', 'stadtteile', 'stadtteile_hannover_skh5000_qgis2web_crs84.geojson'));
  await page.getByTestId('import-path-confirm').click();
  await expect(page.getByTestId('import-area-count')).toContainText('51 Gebiete', { timeout: 30_000 });
  await expect(page.getByTestId('import-name-source')).toContainText('Namen: aus');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 30_000 });

  // The table lists what the map shows, with no values yet.
  await expect(page.locator('[data-testid^="area-row-"]')).toHaveCount(51);

  await page.getByTestId('view-tab-monitoring').click();
  await expect(page.getByText('noch keine Kennzahlen mit Werten')).toBeVisible();

  await page.getByTestId('view-tab-profiles').click();
  await expect(page.getByTestId('profiles-error')).toContainText('Bevölkerung', { timeout: 30_000 });

  await page.getByTestId('view-tab-planning').click();
  await expect(page.getByText('Noch keine Szenarien')).toBeVisible();
  await expect(page.getByText('Berechne Projektion')).toHaveCount(0);
  // The first scenario starts from the preset; its run names the missing population.
  await page.getByTestId('planning-new-scenario').click();
  await expect(page.getByTestId('planning-error')).toContainText('Bevölkerung nach Geschlecht und Alter', { timeout: 30_000 });

  // Without arrivals and departures the Zeitreihen tab says what to import (it said "Die Antwort des
  // Kleinraum-Dienstes war unerwartet", reading the message it had as an unknown error).
  await page.getByTestId('view-tab-movement').click();
  await expect(page.getByTestId('movement-error')).toContainText('Bitte eine Tabelle mit Zu- und Fortzügen importieren', { timeout: 30_000 });
  await expect(page.getByTestId('movement-error')).not.toContainText('unerwartet');
  // The movement figures are listed but not offered: there is nothing to compute them from.
  await expect(page.getByTestId('movement-indicator').locator('option[value="movement.net"]')).toBeDisabled();
  await expect(page.getByTestId('movement-indicator').locator('optgroup').first()).toHaveAttribute('label', 'Bewegungen (keine Zu- und Fortzüge im Projekt)');

  for (const view of ['analysis', 'sources', 'movement', 'map']) {
    await page.getByTestId(`view-tab-${view}`).click();
    await expect(page.getByTestId('part-unavailable')).toHaveCount(0);
  }
});

test('boundaries without names (the Zensus VG250 has only ARS) take the names of the table imported onto them', async ({ page }) => {
  test.skip(!sharedDataAvailable(), '../shared/data is not present beside the checkout');
  test.setTimeout(120_000);
  await page.goto(e2eAppUrl);
  await page.getByTestId('empty-import').click();
  await page.getByTestId('import-path-input').fill(sharedDataPath('boundaries', 'vg250_gem_2022-05-15_simplified_utm32', 'VG250_GEM_simplified.zip'));
  await page.getByTestId('import-path-confirm').click();
  await expect(page.getByTestId('import-area-count')).toContainText('10.990', { timeout: 60_000 });
  // The check says before the import that the areas will be named by their keys, and how names come.
  await expect(page.getByTestId('import-name-source')).toContainText('Kein Namensfeld gefunden');
  await page.getByTestId('import-filter-prefix').fill('03241');
  await page.getByTestId('import-apply-filter').click();
  await expect(page.getByTestId('import-area-count')).toContainText('21 Gebiete', { timeout: 30_000 });
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('area-row-03241001')).toContainText('03241001');

  await page.getByTestId('project-menu').click();
  await page.getByTestId('menu-import').click();
  await page.getByTestId('import-path-input').fill(sharedDataPath('population', 'zensus2022', 'zensus2022_1000A-0000_bevoelkerung_gemeinden.csv'));
  await page.getByTestId('import-path-confirm').click();
  await expect(page.getByTestId('import-join-matched')).toContainText('21', { timeout: 30_000 });
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('notice-toast')).toContainText('21 Gebiete heißen jetzt wie in der Tabelle');
  // Table and map read the layer again: the areas carry the table's names.
  await expect(page.getByTestId('area-row-03241001')).toContainText('Hannover, Landeshauptstadt');
});
