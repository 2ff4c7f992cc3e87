// Several sources for one figure, as a planner meets them on the demo: the Quellenvergleich tab shows the
// refugees of the AZR, the AsylbLG statistics and the bed count side by side per municipality, with the gap
// and the source the indicators use; the gap map and the CSV export agree with `sources.compare` (the
// engine of `kleinraum compare-sources`). On the map, the source picker switches the indicator to another
// source or priority order; legend, values and the exported figure follow.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { formatNumber } from '../../shared/format/number';
import { drawComparisonGap } from '../../shared/sources/comparisonDrawing';
import type { SourceComparison } from '../../shared/sources/compareSources';
import { e2eToken } from '../helpers/e2eServer';
import { sharedDataAvailable, sharedDataPath } from '../helpers/sharedData';
import { makeTempDir } from '../helpers/tempDir';
import { callApi, expect, expectNamedAreas, openApp, startImport, startTableImport, test } from './fixtures';

type Comparison = SourceComparison & { variableName: { de: string; en: string }; layer: string; chosenSources: string[] };
interface Values {
  period: string;
  indicator: { periods: string[] };
  values: { key: string; name: string; value: number | null; sourceId?: string | null; fallback?: boolean }[];
}

test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

async function openSources(page: Page): Promise<void> {
  await openApp(page);
  await page.getByTestId('view-tab-sources').click();
  await expect(page.getByTestId('sources-table')).toBeVisible({ timeout: 30_000 });
}

test('the Quellenvergleich shows each source per area with the gap, the metadata, a gap map and exports the table as CSV', async ({ page, request }, testInfo) => {
  await openSources(page);
  await expect(page.getByTestId('sources-variable')).toHaveValue('refugees');
  // The side panel is narrow: pointing at a drop-down shows its chosen entry in full.
  await page.getByTestId('sources-a').hover();
  await expect(page.getByTestId('sources-a')).toHaveAttribute('title', 'Ausländerzentralregister (AZR), Schutzsuchende');
  const expected = await callApi<Comparison>(request, 'sources.compare', { variable: 'refugees', layer: 'gemeinden', sources: ['demo-azr', 'demo-asylblg', 'demo-bettenzaehlung'], thresholdPercent: 10 });
  expect(expected.areas).toHaveLength(21);
  await expect(page.locator('[data-testid^="sources-row-0"]')).toHaveCount(21);

  // Every area's values and gap as the engine computed them, in German number format.
  for (const area of expected.areas.slice(0, 5)) {
    const row = page.getByTestId(`sources-row-${area.key}`);
    for (const source of expected.sources) {
      const value = area.values[source.id];
      await expect(row.locator(`td[data-source="${source.id}"]`)).toHaveText(value === null || value === undefined ? '–' : formatNumber(value, 0, 'de'));
    }
    if (area.gapPercent !== null) await expect(page.getByTestId(`sources-gap-${area.key}`)).toContainText(formatNumber(area.gapPercent, 1, 'de'));
  }
  // The indicators draw refugees from the AZR: column "Kennzahl nutzt" says A where the AZR has a value.
  const hannover = expected.areas.find((area) => area.name === 'Hannover')!;
  await expect(page.getByTestId(`sources-used-${hannover.key}`)).toHaveText(hannover.values['demo-azr'] === null ? /.+/ : 'A');
  await expect(page.getByTestId('sources-flagged')).toContainText(`${expected.flaggedCount} von 21`);
  // Each source with its definition ("wer wird gezählt"), publisher and licence.
  await expect(page.getByTestId('sources-card-demo-asylblg')).toContainText('Empfängerinnen und Empfänger von Regelleistungen nach AsylbLG');
  await expect(page.getByTestId('sources-card-demo-asylblg')).toContainText('Landesamt für Statistik Niedersachsen');
  await expect(page.getByTestId('sources-card-demo-azr')).toContainText('Beispieldaten, synthetisch');

  // The gap map draws the engine's gap with the shared diverging classes.
  const drawn = drawComparisonGap(expected, expected.variableName).drawn;
  for (const area of expected.areas.slice(0, 6)) {
    await expect(page.locator(`[data-testid="sources-gap-map"] path[data-key="${area.key}"]`)).toHaveAttribute('data-fill', drawn.colourByKey.get(area.key)!);
  }
  await expectNamedAreas(page, 'sources-gap-map', 21, 'Wennigsen (Deister)');
  await page.screenshot({ path: testInfo.outputPath('sources-tab.png') });
  // A against B on one scale: the 1:1 line runs from the plot's lower-left to its upper-right corner.
  const line = page.getByTestId('sources-scatter-regression');
  const plot = page.locator('[data-testid="sources-scatter"] clipPath rect');
  const read = async (element: typeof line, name: string) => Math.round(Number(await element.getAttribute(name)) * 10) / 10;
  const [left, top, width, height] = [await read(plot, 'x'), await read(plot, 'y'), await read(plot, 'width'), await read(plot, 'height')];
  expect([await read(line, 'x1'), await read(line, 'y1'), await read(line, 'x2'), await read(line, 'y2')]).toEqual([left, Math.round((top + height) * 10) / 10, Math.round((left + width) * 10) / 10, top]);
  await page.getByTestId('sources-gap-map').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('sources-tab-map.png') });
  await page.getByTestId('sources-trend').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('sources-tab-trend.png') });
  await page.getByTestId('sources-table').scrollIntoViewIfNeeded();

  // Another pair and threshold: the table follows the engine's answer.
  await page.getByTestId('sources-b').selectOption('demo-bettenzaehlung');
  await page.getByTestId('sources-threshold').fill('25');
  const pair = await callApi<Comparison>(request, 'sources.compare', { variable: 'refugees', layer: 'gemeinden', sources: ['demo-azr', 'demo-bettenzaehlung', 'demo-asylblg'], thresholdPercent: 25 });
  await expect(page.getByTestId('sources-flagged')).toContainText(`${pair.flaggedCount} von 21 verglichenen Gebieten weichen um mehr als 25 %`);
  const first = pair.areas.find((area) => area.gapPercent !== null)!;
  await expect(page.getByTestId(`sources-gap-${first.key}`)).toContainText(formatNumber(first.gapPercent!, 1, 'de'));

  // A row selects the area in the one selection (map and bars follow).
  await page.getByTestId(`sources-row-${first.key}`).click();
  await expect(page.getByTestId(`sources-row-${first.key}`)).toHaveClass(/selected/);
  await expect(page.locator(`[data-testid="sources-gap-map"] path[data-key="${first.key}"]`)).toHaveAttribute('data-marked', 'selected');

  // The comparison table as CSV: both sources named with their Stichtag, the values of the engine.
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('sources-export-csv').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^quellenvergleich_refugees_.*\.csv$/);
  const text = fs.readFileSync(await download.path()).toString('utf8');
  expect(text).toContain('Belegung kommunaler Unterkünfte (Bettenzählung)');
  expect(text).toContain('Ausländerzentralregister (AZR)');
  const valueOfFirst = first.values['demo-azr'];
  expect(text).toContain(first.name);
  expect(valueOfFirst).not.toBeNull();
  await page.screenshot({ path: testInfo.outputPath('sources-tab-bettenzaehlung.png') });
});

test('in English the tab speaks English', async ({ page }) => {
  await openApp(page);
  // The switch toggles DE ↔ EN.
  await page.getByTestId('language-switch').click();
  const tab = page.getByTestId('view-tab-sources');
  await expect(tab).toHaveText('Source comparison');
  await tab.click();
  await expect(page.getByTestId('sources-table')).toContainText('Sum of areas');
  await expect(page.getByTestId('sources-flagged')).toContainText('areas differ by more than 10 %');
});

test(`setting "A, sonst B" makes A the indicators' first source, and Ctrl+Z restores the order`, async ({ page }) => {
  await openApp(page);
  await page.getByTestId('view-tab-sources').click();
  await expect(page.getByTestId('sources-card-demo-azr')).toContainText('Rang 1');
  // The indicators draw from the AZR alone: B (AsylbLG) is no fallback yet, so the button is offered.
  await expect(page.getByTestId('sources-card-demo-asylblg')).toContainText('verwenden diese Quelle nicht');
  await expect(page.getByTestId('sources-set-order')).toBeEnabled();
  await expect(page.getByTestId('sources-order-in-effect')).toHaveCount(0);
  await page.getByTestId('sources-a').selectOption('demo-asylblg');
  await page.getByTestId('sources-b').selectOption('demo-azr');
  await page.getByTestId('sources-set-order').click();
  await expect(page.getByTestId('sources-card-demo-asylblg')).toContainText('Rang 1');
  await expect(page.getByTestId('sources-card-demo-azr')).toContainText('Rang 2');
  // Now greyed out because the order holds, and it says so.
  await expect(page.getByTestId('sources-set-order')).toBeDisabled();
  await expect(page.getByTestId('sources-order-in-effect')).toContainText('Gilt bereits');
  await page.locator('body').press('Control+z');
  await expect(page.getByTestId('sources-card-demo-azr')).toContainText('Rang 1');
  await expect(page.getByTestId('sources-card-demo-asylblg')).not.toContainText('Rang 1');
  await expect(page.getByTestId('sources-order-in-effect')).toHaveCount(0);
});

test('the map source picker switches the indicator to another source; legend, values and exported figure name it', async ({ page, request }, testInfo) => {
  await openApp(page);
  await expect(page.getByTestId('legend-source-choice')).toContainText('Quelle: Schutzsuchende: Ausländerzentralregister (AZR)');

  // Refugees from the AsylbLG statistics only.
  await page.getByTestId('source-select-refugees').selectOption(JSON.stringify(['demo-asylblg']));
  await expect(page.getByTestId('legend-source-choice')).toContainText('Schutzsuchende: Statistik der Asylbewerberleistungen (AsylbLG)');
  const asylblg = await callApi<Values>(request, 'indicator.values', { indicatorId: 'refugees_per_1000', layer: 'gemeinden', sources: ['demo-asylblg'] });
  const azr = await callApi<Values>(request, 'indicator.values', { indicatorId: 'refugees_per_1000', layer: 'gemeinden' });
  const differing = asylblg.values.find((entry, index) => entry.value !== null && entry.value !== azr.values[index]?.value)!;
  expect(differing, 'the AsylbLG values differ from the AZR ones somewhere').toBeTruthy();
  await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true');
  const row = page.getByTestId(`area-row-${differing.key}`);
  if ((await row.count()) > 0) await expect(row).toContainText(formatNumber(differing.value!, 1, 'de'));
  await page.screenshot({ path: testInfo.outputPath('map-source-asylblg.png') });

  // A priority order: AsylbLG, else AZR. AsylbLG has all 21 values at this Stichtag, so the legend names
  // it alone: a fallback that filled no gap is not named as a source of the map.
  const order = ['demo-asylblg', 'demo-azr', 'demo-bettenzaehlung'];
  await page.getByTestId('source-select-refugees').selectOption(JSON.stringify(order));
  const ordered = await callApi<Values>(request, 'indicator.values', { indicatorId: 'refugees_per_1000', layer: 'gemeinden', sources: order });
  expect(ordered.values.some((entry) => entry.fallback === true)).toBe(false);
  await expect(page.getByTestId('legend-source-choice')).toContainText('Quelle: Schutzsuchende: Statistik der Asylbewerberleistungen (AsylbLG); Bevölkerung');
  await expect(page.getByTestId('legend-source-choice')).not.toContainText('sonst');

  // Population from the real Zensus 2022: the map moves to the Zensus Stichtag.
  await page.getByTestId('indicator-select').selectOption('population_total');
  await page.getByTestId('source-select-population').selectOption(JSON.stringify(['zensus-2022-1000a-0000']));
  await expect(page.getByTestId('legend-source-choice')).toContainText('Quelle: Zensus 2022');
  await expect(page.getByTestId('legend-source-choice')).toContainText('Stichtag 15.05.2022');
  const zensus = await callApi<Values>(request, 'indicator.values', { indicatorId: 'population_total', layer: 'gemeinden', sources: ['zensus-2022-1000a-0000'] });
  expect(zensus.period).toBe('2022-05-15');
  expect(zensus.values.every((entry) => entry.value !== null)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('map-source-zensus.png') });

  // The exported figure draws the same view and names the source.
  await page.getByRole('button', { name: 'Karte exportieren …' }).click();
  await expect(page.getByTestId('export-preview')).toBeVisible();
  await expect(page.getByTestId('export-preview').locator('svg')).toContainText('Quelle: Zensus 2022');
  await page.screenshot({ path: testInfo.outputPath('export-source-zensus.png') });
});

test('a source without the shown Stichtag moves the map to one it has, says so, and the previous choice brings the Stichtag back', async ({ page }, testInfo) => {
  await openApp(page);
  const period = page.getByTestId('period-select');
  await expect(period).toHaveValue('2024-12-31');
  // The demo's bed count is dated the year's last Monday: with it, refugees per 1 000 meet the register's
  // population only on 31.12.2018 (a Monday).
  await page.getByTestId('source-select-refugees').selectOption(JSON.stringify(['demo-bettenzaehlung']));
  await expect(period).toHaveValue('2018-12-31');
  const notice = page.getByTestId('notice-toast');
  await expect(notice).toContainText('Anderer Stichtag');
  await expect(notice).toContainText('zum 31.12.2024 nicht berechnen');
  await expect(notice).toContainText('Gezeigt wird der 31.12.2018');
  await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true');
  await page.screenshot({ path: testInfo.outputPath('map-source-beds.png') });

  await page.getByTestId('source-select-refugees').selectOption('');
  await expect(period).toHaveValue('2024-12-31');
  await expect(page.getByTestId('legend-source-choice')).toContainText('Ausländerzentralregister (AZR)');
});

test('the same file imported again is recognised: its values are already a source, so it is not added a second time', async ({ page }) => {
  test.skip(!sharedDataAvailable(), '../shared/data is not present beside the checkout');
  await openApp(page);
  // The demo holds the real Zensus 2022 population; the planner imports the same Zensus file again.
  await startTableImport(page, sharedDataPath('population', 'zensus2022', 'zensus2022_1000A-0000_bevoelkerung_gemeinden.csv'), 21);
  await expect(page.getByTestId('import-mode-repeated')).toContainText('stehen schon unverändert in der Quelle „Zensus 2022');
  await expect(page.getByTestId('import-mode')).not.toContainText('empfohlen');
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  // Beside the greyed-out button, why it is greyed out and what to choose instead.
  await expect(page.getByTestId('import-commit-blocked')).toContainText('„Werte einer Quelle ersetzen“');
  // The warning says it once: no dry run repeats it as an error below.
  await expect(page.getByTestId('import-mode-preview')).toHaveCount(0);
  // Replacing stays possible (and changes nothing, as its preview says).
  await page.getByTestId('import-mode-replace').check();
  await page.getByTestId('import-mode-target').selectOption('zensus-2022-1000a-0000');
  await expect(page.getByTestId('import-mode-changes')).toContainText('21 unverändert', { timeout: 30_000 });
  // The demo's Zensus source also holds the Region's reported total, which the Gemeinde file lacks: the
  // preview names it instead of a bare "1 entfernt".
  await expect(page.getByTestId('import-mode-changes')).toContainText('1 entfernt');
  await expect(page.getByTestId('import-mode-changes')).toContainText('Entfernt werden die Werte von: gemeldete Gesamtzahl des übergeordneten Gebiets 03241.');
  await expect(page.getByTestId('import-mode-preview')).not.toContainText('ersetzt (');
  await expect(page.getByTestId('import-commit')).toBeEnabled();
  await expect(page.getByTestId('import-commit-blocked')).toHaveCount(0);
});

test('an import that overlaps existing values asks how they enter the project, previews it and says what it wrote', async ({ page, request }, testInfo) => {
  test.skip(!sharedDataAvailable(), '../shared/data is not present beside the checkout');
  // The Zensus file as a planner corrected it: Hannover's figure differs from the Zensus source in the demo.
  const folder = makeTempDir('kleinraum-import-corrected-');
  const corrected = folder.file('zensus2022_gemeinden_korrigiert.csv');
  const original = fs.readFileSync(sharedDataPath('population', 'zensus2022', 'zensus2022_1000A-0000_bevoelkerung_gemeinden.csv'), 'utf8');
  expect(original).toContain(';Hannover, Landeshauptstadt;Personen;Anzahl;513291;');
  fs.writeFileSync(corrected, original.replace(';Hannover, Landeshauptstadt;Personen;Anzahl;513291;', ';Hannover, Landeshauptstadt;Personen;Anzahl;513300;'));
  await openApp(page);
  await startTableImport(page, corrected, 21);

  // The demo already holds population from the register and the Zensus: the wizard asks.
  const section = page.getByTestId('import-mode');
  await expect(section).toContainText('Zensus 2022');
  // Each source with its own dates: the Zensus shares the file's, the register has others.
  await expect(section).toContainText('(gleiche Stichtage: 15.05.2022)');
  await expect(section).toContainText('Einwohnermelderegister – Beispieldaten, synthetisch (andere Stichtage: … 31.12.2022, 31.12.2023, 31.12.2024)');
  await expect(page.getByTestId('import-mode-new-source')).toBeChecked();
  await expect(page.getByTestId('import-mode-repeated')).toHaveCount(0);
  const preview = page.getByTestId('import-mode-preview');
  await expect(preview).toContainText('als Quelle', { timeout: 30_000 });
  await expect(preview).toContainText('füllt nur deren Lücken');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('import-mode.png') });

  // Replacing the Zensus source's values with the corrected file changes Hannover's alone: the dry run says so.
  await page.getByTestId('import-mode-replace').check();
  await page.getByTestId('import-mode-target').selectOption('zensus-2022-1000a-0000');
  await expect(page.getByTestId('import-mode-changes')).toContainText('1 geändert', { timeout: 30_000 });
  await expect(page.getByTestId('import-mode-changes')).toContainText('20 unverändert');
  // Extending the Zensus series with a Stichtag it has is refused before anything is written.
  await page.getByTestId('import-mode-extend').check();
  await page.getByTestId('import-mode-target').selectOption('zensus-2022-1000a-0000');
  await expect(preview).toContainText('schon Werte', { timeout: 30_000 });

  // As a further source with its definition: written, and the notice says what and where.
  await page.getByTestId('import-mode-new-source').check();
  await page.getByTestId('import-source-name').fill('Zensus 2022 Gemeinden (Import)');
  await page.getByTestId('import-source-definition').fill('Einwohner mit Hauptwohnsitz am 15.05.2022');
  await page.getByTestId('import-source-publisher').fill('Landesamt für Statistik Niedersachsen');
  await expect(preview).toContainText('Zensus 2022 Gemeinden (Import)', { timeout: 30_000 });
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 30_000 });
  const notice = page.getByTestId('notice-toast');
  await expect(notice).toContainText('Import abgeschlossen');
  await expect(notice).toContainText('als Quelle „Zensus 2022 Gemeinden (Import)“ gespeichert');
  await page.screenshot({ path: testInfo.outputPath('import-notice.png') });

  const project = await callApi<{ sources: { id: string; name: string; definition: string }[]; variables: { id: string; availableSources: { id: string }[] }[] }>(request, 'project.current');
  const added = project.sources.find((source) => source.name === 'Zensus 2022 Gemeinden (Import)');
  expect(added?.definition).toBe('Einwohner mit Hauptwohnsitz am 15.05.2022');
  expect((added as { publisher?: string } | undefined)?.publisher).toBe('Landesamt für Statistik Niedersachsen');
  expect(project.variables.find((variable) => variable.id === 'population')?.availableSources.map((source) => source.id)).toContain(added?.id);
  folder.remove();
});

test('a planner imports the real GV-ISys 31.12.2019 as a second source of population, compares it on table, map and scatter, shows it on the map and exports the comparison', async ({ page, request }, testInfo) => {
  test.skip(!sharedDataAvailable(), '../shared/data is not present beside the checkout');
  test.setTimeout(180_000);
  await openApp(page);
  await startImport(page, sharedDataPath('population', 'gv-isys', 'AuszugGV4QAktuell_2019-12-31_excel-umgewandelt.csv'));
  await expect(page.getByTestId('import-join-matched')).toContainText('21', { timeout: 60_000 });
  // No single key column: the AGS is put together from Land, RB, Kreis and Gemeinde, and the picker says so.
  await expect(page.getByTestId('import-key-column').locator('option:checked')).toContainText('zusammengesetzt aus');
  // The demo's register holds population on 31.12.2019 too: a further source is the default.
  await expect(page.getByTestId('import-mode-new-source')).toBeChecked();
  await page.getByTestId('import-source-name').fill('GV-ISys 31.12.2019');
  await expect(page.getByTestId('import-mode-preview')).toContainText('GV-ISys 31.12.2019', { timeout: 30_000 });
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 60_000 });
  await expect(page.getByTestId('notice-toast')).toContainText('als Quelle „GV-ISys 31.12.2019“ gespeichert');
  const project = await callApi<{ sources: { id: string; name: string }[] }>(request, 'project.current');
  const gvIsys = project.sources.find((source) => source.name === 'GV-ISys 31.12.2019')!.id;

  await page.getByTestId('view-tab-sources').click();
  await page.getByTestId('sources-variable').selectOption('population');
  await page.getByTestId('sources-a').selectOption('demo-melderegister');
  await page.getByTestId('sources-b').selectOption(gvIsys);
  // Both sources hold 31.12.2019: the comparison opens there, Hannover 536 925 by GV-ISys (PROVENANCE).
  const expected = await callApi<Comparison>(request, 'sources.compare', { variable: 'population', layer: 'gemeinden', sources: ['demo-melderegister', gvIsys, 'zensus-2022-1000a-0000'], thresholdPercent: 10 });
  expect(expected.period).toBe('2019-12-31');
  const hannover = page.getByTestId('sources-row-03241001');
  await expect(hannover.locator(`td[data-source="${gvIsys}"]`)).toHaveText('536.925', { timeout: 30_000 });
  await expect(hannover.locator('td[data-source="demo-melderegister"]')).toHaveText(formatNumber(expected.areas[0]!.values['demo-melderegister']!, 0, 'de'));
  await expect(page.getByTestId('sources-gap-03241001')).toContainText(formatNumber(expected.areas[0]!.gapPercent!, 1, 'de'));
  await expect(page.getByTestId('sources-row-sum').locator('td').nth(2)).toHaveText('1.157.115');
  await expect(page.getByTestId(`sources-card-${gvIsys}`)).toContainText('31.12.2019');
  await page.screenshot({ path: testInfo.outputPath('planner-gvisys-table.png') });
  const drawn = drawComparisonGap(expected, expected.variableName).drawn;
  await expect(page.locator('[data-testid="sources-gap-map"] path[data-key="03241001"]')).toHaveAttribute('data-fill', drawn.colourByKey.get('03241001')!);
  await expect(page.locator('[data-testid="sources-scatter"] [data-key="03241001"]').first()).toBeAttached();
  await page.getByTestId('sources-gap-map').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('planner-gvisys-map-scatter.png') });

  // The committee figure and the table, both sources named.
  const png = page.waitForEvent('download');
  await page.getByTestId('sources-export-png').click();
  const figure = await png;
  expect(figure.suggestedFilename()).toBe('quellenvergleich_population_2019-12-31.png');
  fs.copyFileSync(await figure.path(), testInfo.outputPath('planner-gvisys-figure.png'));
  const csv = page.waitForEvent('download');
  await page.getByTestId('sources-export-csv').click();
  const table = fs.readFileSync(await (await csv).path()).toString('utf8');
  expect(table).toContain('GV-ISys 31.12.2019 (31.12.2019)');
  expect(table).toContain('Einwohnermelderegister – Beispieldaten, synthetisch (31.12.2019)');

  // The map shows GV-ISys: A is what "Karte mit Quelle A zeigen" puts on the map.
  await page.getByTestId('sources-a').selectOption(gvIsys);
  await page.getByTestId('sources-show-on-map').click();
  // Its own count, not the first indicator drawing from population (the share under 18 has no ages from GV-ISys).
  await expect(page.getByTestId('indicator-select')).toHaveValue('population_total');
  await expect(page.getByTestId('legend-source-choice')).toContainText('GV-ISys 31.12.2019');
  await expect(page.getByTestId('legend-source-choice')).toContainText('31.12.2019');
  await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true');
  await expect(page.getByTestId('area-row-03241001')).toContainText('536.925');
  await page.screenshot({ path: testInfo.outputPath('planner-gvisys-on-map.png') });
  // A share of population in population has one source picker for it, not two.
  await page.getByTestId('indicator-select').selectOption('under18_share');
  await expect(page.getByTestId('source-select-population')).toHaveCount(1);
});

test('a notice goes away by itself after a few seconds, but one opened with "Mehr" stays until closed', async ({ page }) => {
  // Time flows as usual; fastForward jumps over the notice's lifetime instead of waiting for it.
  await page.clock.install();
  await openApp(page);
  const notice = page.getByTestId('notice-toast');
  const chooseBeds = () => page.getByTestId('source-select-refugees').selectOption(JSON.stringify(['demo-bettenzaehlung']));
  const chooseDefault = () => page.getByTestId('source-select-refugees').selectOption('');
  await chooseBeds();
  await expect(notice).toContainText('Anderer Stichtag');
  // A newer notice does not keep the older one up: each goes 12 s after it appeared. (Time also flows
  // while the page works: the jumps leave both notices about 5 s of margin.)
  await page.clock.fastForward(6_000);
  // Back to the register and to 31.12.2023, then the bed count again: a second notice, from 31.12.2023.
  await chooseDefault();
  await page.getByTestId('period-select').selectOption('2023-12-31');
  await chooseBeds();
  await expect(notice).toHaveCount(2);
  await expect(notice.nth(1)).toContainText('zum 31.12.2023 nicht berechnen');
  await page.clock.fastForward(6_500);
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('zum 31.12.2023 nicht berechnen');
  await page.clock.fastForward(8_000);
  await expect(notice).toHaveCount(0);

  // Opened to be read: it stays past its lifetime, until the planner closes it.
  await chooseDefault();
  await chooseBeds();
  await expect(notice).toContainText('Anderer Stichtag');
  await notice.getByTestId('notice-more').click();
  await page.clock.fastForward(30_000);
  await expect(notice).toBeVisible();
  await expect(notice.getByTestId('notice-text')).toContainText('Gezeigt wird der 31.12.2018');
  await notice.getByRole('button', { name: 'Meldung schließen' }).click();
  await expect(notice).toHaveCount(0);
});
