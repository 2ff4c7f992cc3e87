// Two imports as a planner would try them, through the wizard: Hannover's Stadtteile (unnamed slivers left out
// by proposal) dissolved into the 13 Stadtbezirke, and the Zensus Gemeinden table against the demo's 21
// municipalities, whose ~10 800 other rows are summarised by reason with the full list on demand.
import fs from 'node:fs';
import path from 'node:path';
import { callApi, expect, holdCalls, openApp, startImport, startTableImport, test, writeKitaList } from './fixtures';
import { makeTempDir } from '../helpers/tempDir';
import { e2eToken } from '../helpers/e2eServer';
import { sharedDataAvailable, sharedDataPath } from '../helpers/sharedData';

test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

test('Stadtteile: 51 areas without the slivers, then dissolved into 13 Stadtbezirke', async ({ page, request }) => {
  test.skip(!sharedDataAvailable(), '../shared/data is not present beside the checkout');
  await openApp(page);
  await startImport(page, sharedDataPath('hannover_stadt', 'stadtteile', 'stadtteile_hannover_skh5000_qgis2web_crs84.geojson'));
  await expect(page.getByTestId('import-area-count')).toContainText('51 Gebiete', { timeout: 30_000 });
  await expect(page.getByTestId('import-drop-unnamed')).toBeChecked();
  await expect(page.getByTestId('import-boundary-report')).toContainText('ohne Namen');
  await page.getByTestId('import-dissolve-field').selectOption('STADTBZNR');
  await expect(page.getByTestId('import-area-count')).toContainText('13 Gebiete', { timeout: 30_000 });
  await expect(page.getByTestId('import-preview-map').locator('path')).toHaveCount(13);
  await page.screenshot({ path: path.join('build', 'test-results', 'import-stadtbezirke.png') });
  await page.getByTestId('import-layer-name').fill('stadtbezirke');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('layer-select')).toHaveValue('stadtbezirke');
  await expect(page.locator('[data-testid^="area-row-"]')).toHaveCount(13);
  const project = await callApi<{ layers: { name: string; featureCount: number }[] }>(request, 'project.current');
  expect(project.layers.find((layer) => layer.name === 'stadtbezirke')?.featureCount).toBe(13);
});

test('boundaries: a stopped preview of a changed choice is not imported as the older one; "Vorschau neu laden" asks again', async ({ page, request }) => {
  test.skip(!sharedDataAvailable(), '../shared/data is not present beside the checkout');
  await openApp(page);
  await startImport(page, sharedDataPath('hannover_stadt', 'stadtteile', 'stadtteile_hannover_skh5000_qgis2web_crs84.geojson'));
  await expect(page.getByTestId('import-area-count')).toContainText('51 Gebiete', { timeout: 30_000 });
  // The preview of the dissolve is held back until the test lets it through.
  const held = await holdCalls(page, 'import.previewBoundaries');
  await page.getByTestId('import-dissolve-field').selectOption('STADTBZNR');
  await page.getByTestId('import-stop').click();
  // On screen are still the 51 Stadtteile, no longer what was chosen: they must not be imported.
  await expect(page.getByTestId('import-commit-blocked')).toContainText('Vorschau neu laden');
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  held.release();
  await page.getByTestId('import-reload-preview').click();
  await expect(page.getByTestId('import-area-count')).toContainText('13 Gebiete', { timeout: 30_000 });
  await expect(page.getByTestId('import-commit')).toBeEnabled();
  await page.getByTestId('import-layer-name').fill('stadtbezirke');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 30_000 });
  const project = await callApi<{ layers: { name: string; featureCount: number }[] }>(request, 'project.current');
  expect(project.layers.find((layer) => layer.name === 'stadtbezirke')?.featureCount).toBe(13);
});

test('Zensus Gemeinden against 21 municipalities: unmatched rows summarised, full list on demand', async ({ page }) => {
  test.skip(!sharedDataAvailable(), '../shared/data is not present beside the checkout');
  await openApp(page);
  await startTableImport(page, sharedDataPath('population', 'zensus2022', 'zensus2022_1000A-0000_bevoelkerung_gemeinden.csv'), 21);
  // The values as the import reads them, in German number format (the file writes 82719540).
  const values = await page.getByTestId('import-observations-preview').locator('td.numeric').allTextContents();
  expect(values.length).toBeGreaterThan(0);
  expect(values.filter((value) => /^\d{1,3}(\.\d{3})+$/.test(value)), values.join(' | ')).not.toHaveLength(0);
  expect(values.filter((value) => /^\d{4,}$/.test(value)), values.join(' | ')).toHaveLength(0);
  const outside = page.getByTestId('import-join-unmatched-other-region');
  await expect(outside).toContainText('10.765 Zeilen außerhalb des Gebiets 03241');
  await expect(outside).toContainText('andere Kreise');
  // Closed, the 10 765 rows are not even rendered; opened, all of them are listed.
  await expect(page.getByTestId('import-join-unmatched-list')).toHaveCount(0);
  await outside.locator('summary').click();
  await expect(page.getByTestId('import-join-unmatched-list').locator('li')).toHaveCount(10_765);
  await page.screenshot({ path: path.join('build', 'test-results', 'import-zensus-summary.png') });
});

test('a table none of whose rows matches an area says why, and there is nothing to import', async ({ page }) => {
  const folder = makeTempDir('kleinraum-import-nomatch-');
  try {
    // Another region's list: München and Köln against Region Hannover's 21 municipalities.
    const file = folder.file('andere_staedte.csv');
    fs.writeFileSync(file, ['AGS;Gemeinde;Einwohner', '09162000;München;1510378', '05315000;Köln;1084831'].join('\n'));
    await openApp(page);
    await startImport(page, file);
    await expect(page.getByTestId('import-dialog')).toContainText('Keine Zeile passt zu den Gebieten der Ebene', { timeout: 30_000 });
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    // Nothing would enter the project, so neither a source to name nor a way to merge is asked for.
    await expect(page.getByTestId('import-new-source')).toHaveCount(0);
    await expect(page.getByTestId('import-dialog')).not.toContainText('CLI:');
  } finally {
    folder.remove();
  }
});

test('a table that names no source is not filed under its file name: the wizard asks for the source, the project keeps what the planner typed, and the next Stichtag continues that source', async ({ page, request }) => {
  const folder = makeTempDir('kleinraum-import-source-');
  try {
    // A hand-made list, as a Jugendamt sends it: key, name, KiTa places; no title, no publisher.
    const file = folder.file('kitaplaetze_2024.csv');
    await writeKitaList(request, file, (_area, index) => 100 + index * 7);
    await openApp(page);
    await startTableImport(page, file, 21);
    const section = page.getByTestId('import-new-source');
    await expect(section.getByTestId('import-source-hint')).toContainText('nennt keine Quelle');
    await expect(section.getByTestId('import-new-source-name')).toHaveValue('kitaplaetze_2024.csv');
    // Without a name nothing could say where the values come from: the import waits for one.
    await section.getByTestId('import-new-source-name').fill('');
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    await expect(section.getByTestId('import-source-hint')).toContainText('Bitte die Quelle benennen');
    await section.getByTestId('import-new-source-name').fill('Kita-Bedarfsplanung 2024');
    await expect(section.getByTestId('import-source-hint')).toContainText('Steht in Legende');
    await section.getByTestId('import-new-source-publisher').fill('Jugendamt Region Hannover');
    // The Jugendamt's figures are its planning estimate, and stay labelled as one.
    await expect(section.getByTestId('import-new-source-quality')).toHaveValue('counted');
    await section.getByTestId('import-new-source-quality').selectOption('estimated');
    // The list has no Stichtag column: the planner gives one for all rows.
    // Until it has one (a day that exists, written as German planners write it), nothing can be imported.
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    await expect(page.getByTestId('import-commit-blocked')).toContainText('Die Datei nennt keinen Stichtag');
    await page.getByTestId('import-period-date').fill('31.02.2024');
    await expect(page.getByTestId('import-period-date-error')).toContainText('TT.MM.JJJJ');
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    await expect(page.getByTestId('import-commit-blocked')).toContainText('kein gültiges Datum');
    // The notice above the values says the same, not that the file names no Stichtag.
    await expect(page.getByTestId('import-period-needed')).toContainText('kein gültiges Datum', { timeout: 15_000 });
    await page.getByTestId('import-period-date').fill('01.03.2024');
    await expect(page.getByTestId('import-period-date-error')).toHaveCount(0);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join('build', 'test-results', 'import-new-source.png') });
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 30_000 });
    const project = await callApi<{ sources: { name: string; publisher: string; quality: string }[] }>(request, 'project.current');
    expect(project.sources).toContainEqual(expect.objectContaining({ name: 'Kita-Bedarfsplanung 2024', publisher: 'Jugendamt Region Hannover', quality: 'estimated' }));
    expect(project.sources.map((source) => source.name)).not.toContain('kitaplaetze_2024.csv');

    // A year later the Jugendamt sends the same list again: the wizard proposes continuing that source's series.
    await startTableImport(page, file, 21);
    await page.getByTestId('import-period-date').fill('01.03.2025');
    await expect(page.getByTestId('import-mode-continued')).toContainText('setzt offenbar die Quelle „Kita-Bedarfsplanung 2024“ fort', { timeout: 30_000 });
    await expect(page.getByTestId('import-mode-extend')).toBeChecked();
    await expect(page.getByTestId('import-mode-target')).toHaveValue(/^kita_bedarfsplanung/);
    await expect(page.getByTestId('import-mode-preview')).toContainText('21 Werte', { timeout: 30_000 });
    await page.getByTestId('import-mode').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join('build', 'test-results', 'import-continued-source.png') });
    // A further source under the same name could not be told apart in any menu: the import waits for another name.
    await page.getByTestId('import-mode-new-source').check();
    // A further source is named and attributed like a first one: its publisher too.
    await expect(page.getByTestId('import-source-publisher')).toBeVisible();
    await page.getByTestId('import-source-name').fill('Kita-Bedarfsplanung 2024');
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    await expect(page.getByTestId('import-commit-blocked')).toContainText('Eine Quelle „Kita-Bedarfsplanung 2024“ gibt es schon');
    await expect(page.getByTestId('import-source-name')).toHaveAttribute('aria-invalid', 'true');
    // No preview of another choice stays on screen meanwhile (it named the file's proposed source).
    await expect(page.getByTestId('import-mode-preview')).toHaveCount(0);
    await page.getByTestId('import-mode-extend').check();
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 30_000 });
    // The map shows the Stichtag just added.
    await expect(page.getByTestId('period-select')).toHaveValue('2025-03-01');
    const continued = await callApi<{ sources: { name: string; stichtag: string }[] }>(request, 'project.current');
    expect(continued.sources.filter((source) => source.name.startsWith('Kita-Bedarfsplanung'))).toEqual([expect.objectContaining({ stichtag: '2025-03-01' })]);

    // The next year's list comes under another file name: known by its columns and areas, it continues the series too.
    const renamed = folder.file('kita_maerz_2026.csv');
    await writeKitaList(request, renamed, (_area, index) => 120 + index * 7);
    await startTableImport(page, renamed, 21);
    await page.getByTestId('import-period-date').fill('01.03.2026');
    await expect(page.getByTestId('import-mode-continued')).toContainText('eine Tabelle mit diesen Spalten ging schon in diese Quelle', { timeout: 30_000 });
    await expect(page.getByTestId('import-mode-extend')).toBeChecked();
    await page.getByTestId('import-mode').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join('build', 'test-results', 'import-renamed-file.png') });
    // Abbrechen beside Zurück closes the wizard and writes nothing.
    await page.getByTestId('import-cancel').click();
    await expect(page.getByTestId('import-dialog')).toBeHidden();
    const cancelled = await callApi<{ variables: { periods: string[] }[] }>(request, 'project.current');
    expect(cancelled.variables.some((variable) => variable.periods.includes('2026-03-01'))).toBe(false);
  } finally {
    folder.remove();
  }
});

test('while the preview of a typed Stichtag is made, "Importieren" says so; stopped, it offers to load the preview again instead of importing the older one', async ({ page, request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
  const folder = makeTempDir('kleinraum-import-stale-');
  try {
    const file = folder.file('kita_2025.csv');
    await writeKitaList(request, file, (_area, index) => 300 + index);
    await openApp(page);
    await startTableImport(page, file, 21);
    await page.getByTestId('import-new-source').getByTestId('import-new-source-name').fill('Kita-Liste 2025');
    // The previews of the typed Stichtag are held back until the test lets them through.
    const held = await holdCalls(page, 'import.previewTable');
    await page.getByTestId('import-period-date').fill('31.12.2025');
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    await expect(page.getByTestId('import-commit-blocked')).toContainText('Die Vorschau wird aktualisiert');
    // It stops reading, not the wizard: named apart from the wizard's own "Abbrechen".
    await expect(page.getByTestId('import-stop')).toHaveText('Einlesen abbrechen');
    await page.getByTestId('import-stop').click();
    // The preview on screen is the one without the Stichtag: it must not be imported, and the way on is named.
    await expect(page.getByTestId('import-commit-blocked')).toContainText('Vorschau neu laden');
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    held.release();
    await page.getByTestId('import-reload-preview').click();
    await expect(page.getByTestId('import-commit')).toBeEnabled({ timeout: 30_000 });
    await expect(page.getByTestId('import-commit-blocked')).toHaveCount(0);
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 30_000 });
    const project = await callApi<{ variables: { id: string; periods: string[] }[] }>(request, 'project.current');
    expect(project.variables.find((variable) => variable.id === 'kita_plaetze')?.periods).toEqual(['2025-12-31']);
  } finally {
    folder.remove();
  }
});

test('a message about a mistyped path goes away when the path is edited, so old errors never pile up', async ({ page }) => {
  const folder = makeTempDir('kleinraum-import-typo-');
  try {
    await openApp(page);
    await page.getByTestId('project-menu').click();
    await page.getByTestId('menu-import').click();
    const input = page.getByTestId('import-path-input');
    const errors = page.getByTestId('import-dialog').getByRole('alert');
    // A folder outside the folders browser mode may read, then a file that does not exist.
    await input.fill('/etc');
    await page.getByTestId('import-path-confirm').click();
    await expect(errors).toHaveCount(1);
    await input.fill(folder.file('gibt-es-nicht.csv'));
    await expect(errors).toHaveCount(0);
    await page.getByTestId('import-path-confirm').click();
    await expect(errors).toHaveCount(1);
    await expect(errors).toContainText('gibt-es-nicht.csv');
    await input.fill(folder.file('gibt-es-nicht.cs'));
    await expect(errors).toHaveCount(0);
  } finally {
    folder.remove();
  }
});

test('a Kreis table chosen for the municipalities is called what it is, not only counted', async ({ page }) => {
  test.skip(!sharedDataAvailable(), '../shared/data is not present beside the checkout');
  await openApp(page);
  await startImport(page, sharedDataPath('population', 'regionalstatistik_kreise', '12411-01-01-4_bevoelkerung_geschlecht_kreise_2018-12-31.csv'));
  const warning = page.getByTestId('import-join-coarser');
  await expect(warning).toContainText('gröberen Ebene', { timeout: 30_000 });
  await expect(warning).toContainText('sind Kreise');
  // The layer as the planner knows it, by its title, not by its table name ("gemeinden").
  await expect(warning).toContainText('Ebene „Städte und Gemeinden der Region Hannover“');
  // Most likely another layer was meant: the values go in only once the planner says so.
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await page.getByTestId('import-coarser-confirm').locator('input').check();
  await expect(page.getByTestId('import-commit')).toBeEnabled();
  // The preview counts what the import writes: Hannover's values and the Region's reported totals, said as
  // such (it counted 1 while the confirmation said 2); men and women each, as they add up to Insgesamt.
  const summary = page.getByTestId('import-observations-summary');
  await expect(summary).toContainText('4 Werte');
  await expect(summary).toContainText('Davon bleiben 2 Werte beim übergeordneten Gebiet');
  // The values list names the variable as the planner reads it, and only rows that go in.
  const values = page.getByTestId('import-observations-preview');
  await expect(values).toContainText('Bevölkerung');
  await expect(values).not.toContainText('population');
  await expect(values).not.toContainText('Deutschland');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('notice-toast')).toContainText('4 Werte', { timeout: 30_000 });
});

test('a dBASE table on its own (the VG250-EW 2016 attributes without their .shp) is read as a table and joins the 21 municipalities', async ({ page }) => {
  test.skip(!sharedDataAvailable(), '../shared/data is not present beside the checkout');
  await openApp(page);
  await startTableImport(page, sharedDataPath('boundaries', 'vg250-ew_2016-12-31_utm32_pk_points_and_gem_dbf', 'gem_attributes_only_no_shp', 'VG250_GEM.dbf'), 21);
  // The encoding can be chosen as for text files (DOS tables in CP850 exist); the delimiter cannot.
  await expect(page.getByTestId('import-table-encoding')).toBeVisible();
  await expect(page.getByTestId('import-delimiter')).toHaveCount(0);
  // The values as the import reads them, of the rows matched to the region first (the file begins with
  // Flensburg): Hannover's population in German number format.
  await expect(page.getByTestId('import-observations-preview').locator('tbody tr').first()).toContainText('Hannover');
  await expect(page.getByTestId('import-observations-preview')).toContainText('532.163');
  await expect(page.getByTestId('import-observations-preview')).not.toContainText('Flensburg');
  // No Stichtag in the file: the wizard says so where the planner looks for the values.
  await expect(page.getByTestId('import-period-needed')).toContainText('Stichtag für alle Zeilen');
  // Only EWZ and KFL are proposed as values: the code fields ADE, GF, BSG and IBZ are not.
  const newVariables = page.locator('[data-testid^="import-new-variable-"]');
  await expect(newVariables).toHaveCount(2);
  // Known by the file's headings, not by their ids (the id is the tooltip).
  await expect(page.getByTestId('import-variable-columns-kfl')).toHaveText('KFL');
  await expect(page.getByTestId('import-variable-columns-kfl')).toHaveAttribute('title', 'Merkmal (Kennung): kfl');
  // The planner names them; the area (values with fractions) is proposed without a unit and given km².
  await expect(page.getByTestId('import-variable-unit-ewz')).toHaveValue('Personen');
  await expect(page.getByTestId('import-variable-unit-kfl')).toHaveValue('');
  // What the unit means for a region total is shown beside it, and follows what is typed.
  await expect(page.getByTestId('import-variable-region-ewz')).toHaveText('Summe der Gebiete');
  await expect(page.getByTestId('import-variable-region-kfl')).toHaveText('keiner: Anteil, Quote oder Mittelwert');
  await page.getByTestId('import-variable-name-ewz').fill('Einwohner (VG250-EW)');
  await page.getByTestId('import-variable-name-kfl').fill('Katasterfläche');
  await page.getByTestId('import-variable-unit-kfl').fill('km²');
  await expect(page.getByTestId('import-variable-region-kfl')).toHaveText('Summe der Gebiete');
  await page.getByTestId('import-period-date').fill('31.12.2016');
  await expect(page.getByTestId('import-period-needed')).toHaveCount(0);
  await page.getByTestId('import-new-source-name').fill('VG250-EW 2016');
  await page.screenshot({ path: path.join('build', 'test-results', 'import-dbf.png') });
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 30_000 });
  // What the planner typed is what the app shows: the indicator's name, and its unit in the legend.
  const indicator = page.getByTestId('indicator-select');
  const option = indicator.locator('option', { hasText: 'Katasterfläche' });
  await expect(option).toHaveCount(1);
  await indicator.selectOption((await option.getAttribute('value'))!);
  await expect(page.locator('.legend-title')).toHaveText('Katasterfläche');
  await expect(page.locator('.legend-subtitle')).toContainText('km²');
  await expect(page.getByTestId('legend')).toContainText('VG250-EW 2016');
  await expect(indicator.locator('option', { hasText: 'Einwohner (VG250-EW)' })).toHaveCount(1);
});

test('the unit typed for a new column decides the totals check: a count whose Kreis row differs is checked until it is typed as "%"', async ({ page, request }) => {
  const folder = makeTempDir('kleinraum-import-unit-');
  try {
    // A Jugendamt's list with the Region's row: the areas add up to 11 + 12 + … + 31 = 441, the Kreis row says 500.
    const file = folder.file('hortversorgung.csv');
    await writeKitaList(request, file, (_area, index) => 11 + index);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Kita-Plätze', 'Hortversorgung') + '\n03241;Region Hannover;500');
    await openApp(page);
    await startTableImport(page, file, 21);
    const totals = page.getByTestId('import-join-totals');
    await expect(totals.locator('.import-warning')).toContainText('Region Hannover');
    await expect(totals.getByTestId('import-join-totals-not-additive')).toHaveCount(0);
    // It is a share of children with a place: typed as "%", the areas are not added up, and the report says why.
    await page.getByTestId('import-variable-unit-hortversorgung').fill('%');
    await expect(totals.getByTestId('import-join-totals-not-additive')).toContainText('Hortversorgung');
    await expect(totals.locator('.import-warning')).toHaveCount(0);
    // Counted after all: the check is back.
    await page.getByTestId('import-variable-unit-hortversorgung').fill('Kinder');
    await expect(totals.locator('.import-warning')).toContainText('Region Hannover');
    await expect(totals.getByTestId('import-join-totals-not-additive')).toHaveCount(0);
    await page.getByTestId('import-period-date').fill('31.12.2024');
    await expect(page.getByTestId('import-commit')).toBeEnabled();
  } finally {
    folder.remove();
  }
});

test('Escape after a table is read asks before the mapping is thrown away; a second Escape keeps working', async ({ page, request }) => {
  const folder = makeTempDir('kleinraum-import-escape-');
  try {
    const file = folder.file('kitaplaetze_2025.csv');
    await writeKitaList(request, file, (_area, index) => 90 + index);
    await openApp(page);
    // Before a file is read there is nothing to lose: Escape closes the wizard.
    await page.getByTestId('project-menu').click();
    await page.getByTestId('menu-import').click();
    await expect(page.getByTestId('import-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('import-dialog')).toBeHidden();

    await startTableImport(page, file, 21);
    const sourceName = page.getByTestId('import-new-source').getByTestId('import-new-source-name');
    await sourceName.fill('Kita-Bedarfsplanung 2025');
    await page.keyboard.press('Escape');
    const confirm = page.getByTestId('import-escape-confirm');
    await expect(confirm).toContainText('Import abbrechen?');
    await expect(page.getByTestId('import-dialog')).toBeVisible();
    await expect(page.getByTestId('import-escape-keep')).toBeFocused();
    // A second Escape is "keep editing": the question goes, the mapping stays as typed.
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(sourceName).toHaveValue('Kita-Bedarfsplanung 2025');
    // Asked again and answered "Import abbrechen": the wizard closes and the project has no new source.
    await page.keyboard.press('Escape');
    await page.getByTestId('import-escape-discard').click();
    await expect(page.getByTestId('import-dialog')).toBeHidden();
    const project = await callApi<{ sources: { name: string }[] }>(request, 'project.current');
    expect(project.sources.map((source) => source.name)).not.toContain('Kita-Bedarfsplanung 2025');
  } finally {
    folder.remove();
  }
});

test('Escape while the import is written says it can no longer be called off; the wizard closes when it is done', async ({ page, request }) => {
  const folder = makeTempDir('kleinraum-import-writing-');
  try {
    const file = folder.file('kitaplaetze_2026.csv');
    await writeKitaList(request, file, (_area, index) => 95 + index);
    await openApp(page);
    await startTableImport(page, file, 21);
    await page.getByTestId('import-new-source').getByTestId('import-new-source-name').fill('Kita-Bedarfsplanung 2026');
    await page.getByTestId('import-period-date').fill('01.03.2026');
    // The real commit (not the wizard's dry runs) is held until the question has been asked; the first
    // attempt then fails as the backend answers a failed write, the second goes through.
    let release: (outcome: 'fail' | 'write') => void = () => undefined;
    let held = new Promise<'fail' | 'write'>((resolve) => (release = resolve));
    const failed = { ok: false, error: { code: 'conflict', message: { de: 'Die Projektdatei ist gerade gesperrt.', en: 'The project file is locked.' } } };
    await page.route('**/api/import.commit', async (route) => {
      if ((route.request().postDataJSON() as { dryRun?: boolean }).dryRun) return route.continue();
      return (await held) === 'fail' ? route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(failed) }) : route.continue();
    });
    await expect(page.getByTestId('import-commit')).toBeEnabled({ timeout: 15_000 });
    await page.getByTestId('import-commit').click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('import-escape-confirm')).toContainText('lässt sich nicht mehr abbrechen');
    await expect(page.getByTestId('import-escape-discard')).toHaveCount(0);
    await expect(page.getByTestId('import-close')).toBeDisabled();
    await expect(page.getByTestId('import-dialog')).toBeVisible();
    // A failed write leaves the wizard open with its message, not with a question nobody asked.
    release('fail');
    await expect(page.getByTestId('import-commit-error')).toContainText('Die Projektdatei ist gerade gesperrt.', { timeout: 15_000 });
    await expect(page.getByTestId('import-escape-confirm')).toHaveCount(0);
    await expect(page.getByTestId('import-close')).toBeEnabled();
    held = Promise.resolve('write');
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 30_000 });
    const project = await callApi<{ sources: { name: string }[] }>(request, 'project.current');
    expect(project.sources.map((source) => source.name)).toContain('Kita-Bedarfsplanung 2026');
  } finally {
    folder.remove();
  }
});
