// The Zeitreihen & Bilanz tab as a planner uses it on the demo: the turnover of the persons seeking
// protection over ten years for one municipality against the region, the small multiples of all 21
// municipalities (drawn pixels checked, not only elements), hover with value, Stichtag and source,
// selection shared with the map, the account that closes, and exports of the chart and the account.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { AREA_COLOUR } from '../../shared/movement/seriesChart';
import { e2eToken } from '../helpers/e2eServer';
import { BALANCE_COLOURS } from '../../renderer/movement/balanceOverlay';
import { callApi, canvasColoursAt, expect, loadAreas, openApp, startImport, test } from './fixtures';
import { makeTempDir } from '../helpers/tempDir';

interface SeriesAnswer {
  periods: string[];
  series: { key: string; name: string; values: { value: number | null }[] }[];
}

test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

async function openMovement(page: Page): Promise<void> {
  await openApp(page);
  await page.getByTestId('view-tab-movement').click();
  await expect(page.getByTestId('movement-multiples').locator('svg .series-panel')).toHaveCount(21, { timeout: 30_000 });
}

/** Counts pixels of the area line's colour in the rendered SVG of a chart (drawn into a canvas as the browser renders it). */
async function lineColourPixels(page: Page, testId: string, region?: { x: number; y: number; width: number; height: number }): Promise<number> {
  return page.evaluate(
    async ({ testId, colour, region }) => {
      const svg = document.querySelector(`[data-testid="${testId}"] svg`) as SVGSVGElement;
      const [, , width, height] = (svg.getAttribute('viewBox') ?? '0 0 1 1').split(' ').map(Number) as [number, number, number, number];
      const text = new XMLSerializer().serializeToString(svg);
      const image = new Image();
      image.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      context.drawImage(image, 0, 0, width, height);
      const box = region ?? { x: 0, y: 0, width, height };
      const data = context.getImageData(box.x, box.y, box.width, box.height).data;
      const target = [1, 3, 5].map((index) => parseInt(colour.slice(index, index + 2), 16));
      let count = 0;
      for (let index = 0; index < data.length; index += 4) {
        if (Math.abs(data[index]! - target[0]!) < 30 && Math.abs(data[index + 1]! - target[1]!) < 30 && Math.abs(data[index + 2]! - target[2]!) < 30) count += 1;
      }
      return count;
    },
    { testId, colour: AREA_COLOUR, region },
  );
}

test('shows the turnover of every municipality over ten years with the region line, and hover names value, Stichtag and source', async ({ page, request }) => {
  await openMovement(page);
  const answer = await callApi<SeriesAnswer>(request, 'timeseries.compute', { indicatorId: 'movement.turnover_per_1000', layer: 'gemeinden' });
  expect(answer.periods).toHaveLength(10);
  // Every panel has its area line and the reference line drawn, and every panel's line is really painted.
  await expect(page.getByTestId('movement-multiples').locator('svg .area-line')).toHaveCount(21);
  await expect(page.getByTestId('movement-multiples').locator('svg .region-line')).toHaveCount(21);
  const panelWidth = 1100 / 6;
  for (const column of [0, 3, 5]) {
    const pixels = await lineColourPixels(page, 'movement-multiples', { x: Math.round(column * (panelWidth + 8 * 5 / 6)), y: 0, width: Math.round(panelWidth - 4), height: 120 });
    expect(pixels, `line pixels in panel column ${column}`).toBeGreaterThan(100);
  }
  expect(await lineColourPixels(page, 'movement-area-chart')).toBeGreaterThan(300);

  // Hover over the area chart at the right end: the last Stichtag, its value and the source.
  const chart = page.getByTestId('movement-area-chart');
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width - 12, box.y + box.height / 2);
  const tooltip = page.getByTestId('movement-tooltip');
  await expect(tooltip).toBeVisible();
  const hannover = answer.series.find((series) => series.key === '03241001')!;
  const last = hannover.values.at(-1)!.value!;
  await expect(tooltip).toContainText('31.12.2024');
  await expect(tooltip).toContainText(last.toFixed(1).replace('.', ','));
  await expect(tooltip).toContainText('Ausländerzentralregister');
  await expect(tooltip).toContainText('Beispieldaten, synthetisch');
  await page.screenshot({ path: test.info().outputPath('movement-tab.png'), fullPage: false });
});

test('selecting a municipality in the small multiples selects it on the map, and its account closes', async ({ page }) => {
  await openMovement(page);
  await expect(page.getByTestId('movement-balance-summary')).toContainText('geht in allen 21 Gebieten auf');
  // Burgdorf is the third panel (layer order): click into it.
  const multiples = page.getByTestId('movement-multiples');
  const box = (await multiples.boundingBox())!;
  const scale = box.width / 1100;
  const panelWidth = (1100 - 5 * 8) / 6;
  await page.mouse.click(box.x + (2 * (panelWidth + 8) + panelWidth / 2) * scale, box.y + 60 * scale);
  await expect(page.getByTestId('movement-area-title')).toContainText('Burgdorf');
  await expect(page.getByTestId('movement-balance')).toContainText('Burgdorf');
  const residuals = await page.getByTestId('movement-residual').allTextContents();
  expect(residuals).toEqual(Array(9).fill('0'));
  await expect(page.getByTestId('movement-balance-sources')).toContainText('Ausländerzentralregister');
  await page.screenshot({ path: test.info().outputPath('movement-burgdorf.png'), fullPage: false });
  await page.getByTestId('view-tab-map').click();
  await expect(page.getByTestId('details-panel')).toContainText('Burgdorf');
});

test('exports the small multiples as PNG and the account as CSV', async ({ page }) => {
  await openMovement(page);
  const downloadPng = page.waitForEvent('download');
  await page.getByTestId('movement-export-multiples-png').click();
  const pngPath = await (await downloadPng).path();
  const png = fs.readFileSync(pngPath);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.length).toBeGreaterThan(50_000);
  fs.copyFileSync(pngPath, test.info().outputPath('movement-export.png'));
  const downloadCsv = page.waitForEvent('download');
  await page.getByTestId('movement-export-balance-csv').click();
  const csv = fs.readFileSync(await (await downloadCsv).path(), 'utf8');
  expect(csv).toContain('Bestandskorrektur / nicht erklärt');
  expect(csv.split('\r\n').filter((line) => line.startsWith('03241001;'))).toHaveLength(9);
});

test('the English interface names the tab and the account', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('language-switch').click();
  await page.getByTestId('view-tab-movement').click();
  await expect(page.getByTestId('movement-balance-summary')).toContainText('closes in all 21 areas', { timeout: 30_000 });
  await expect(page.getByText('Arrangement')).toBeVisible();
  await expect(page.getByTestId('movement-layout').locator('option[value="grid"]')).toHaveText('like the map');
  await expect(page.getByText('Balance of the area: figure or data')).toBeVisible();
});

test('shows on the map which municipalities’ accounts close', async ({ page, request }) => {
  // The header's height on the map with the indicator shown (the pickers show with the map only).
  await openApp(page);
  const headerHeight = await page.locator('header.topbar').evaluate((element) => element.getBoundingClientRect().height);
  await openMovement(page);
  await page.getByTestId('movement-balance-map').click();
  const { areas } = await loadAreas(request);
  const burgdorf = areas.find((area) => area.key === '03241003')!;
  // Every demo account closes: the map paints the "closes" colour, not the indicator's classes.
  await expect.poll(async () => (await canvasColoursAt(page, [burgdorf.insidePoint]))[0], { timeout: 15_000 }).toBe(BALANCE_COLOURS.closes);
  await expect(page.getByText('Bilanz geht auf').first()).toBeVisible();
  // The header keeps its height (the note that the map shows the account, not the indicator, once
  // squeezed it until the project and export buttons wrapped), and the table shows its values: its long
  // heading wraps instead of pushing the value column out of the panel.
  await expect(page.getByTestId('indicator-picker-note')).toBeVisible();
  expect(await page.locator('header.topbar').evaluate((element) => element.getBoundingClientRect().height)).toBe(headerHeight);
  const table = await page.locator('.table-scroll').first().evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
  expect(table.scrollWidth, `table ${table.scrollWidth} px in ${table.clientWidth} px`).toBeLessThanOrEqual(table.clientWidth);
  await page.screenshot({ path: test.info().outputPath('movement-map.png'), fullPage: false });
});

test('stored scenario results continue the series dashed after the last observed Stichtag, labelled Projektion with the scenario', async ({ page, request }) => {
  await callApi(request, 'planning.storeResults', { scenarioId: 'mittel' });
  await openMovement(page);
  await page.getByTestId('movement-indicator').selectOption('refugees_total');
  await expect(page.getByTestId('movement-projection')).toHaveValue('mittel');
  const chart = page.getByTestId('movement-area-chart');
  const dashed = chart.locator('svg path.area-line.projected');
  await expect(dashed).toHaveCount(1);
  // Drawn dashed (a real dash pattern), the observed part solid, and a rule with the label at the last observed Stichtag.
  expect(await dashed.getAttribute('stroke-dasharray')).toMatch(/^[\d.]+ [\d.]+$/);
  expect(await chart.locator('svg path.area-line:not(.projected)').getAttribute('stroke-dasharray')).toBeNull();
  await expect(chart.locator('svg text.projection-label').last()).toHaveText(/^Projektion – Szenario /);
  const ruleX = Number(await chart.locator('svg line.projection-rule').getAttribute('x1'));
  const solidXs = [...((await chart.locator('svg path.area-line:not(.projected)').getAttribute('d')) ?? '').matchAll(/[ML]([\d.]+) /g)].map((match) => Number(match[1]));
  const dashedXs = [...((await dashed.getAttribute('d')) ?? '').matchAll(/[ML]([\d.]+) /g)].map((match) => Number(match[1]));
  expect(Math.max(...solidXs)).toBeCloseTo(ruleX, 1);
  expect(Math.min(...dashedXs)).toBeCloseTo(ruleX, 1);
  // The dashed part is really painted right of the rule (pixels of the line colour there).
  expect(await lineColourPixels(page, 'movement-area-chart', { x: Math.ceil(ruleX) + 4, y: 0, width: Math.floor(720 - ruleX - 8), height: 300 })).toBeGreaterThan(20);
  await expect(page.getByTestId('movement-projection-note')).toContainText('Durchgezogen: beobachtete Werte bis 31.12.');
  await expect(page.getByTestId('movement-projection-note')).toContainText('Gestrichelt mit offenen Punkten: Projektion, Szenario');
  await expect(page.getByTestId('movement-multiples').locator('svg path.area-line.projected')).toHaveCount(21);
  await page.screenshot({ path: test.info().outputPath('movement-projection.png'), fullPage: true });

  // The exported figure draws the same: dashed projected lines, the legend entry and the note.
  const download = page.waitForEvent('download');
  await page.getByTestId('movement-export-area-svg').click();
  const svg = fs.readFileSync(await (await download).path(), 'utf8');
  expect(svg).toMatch(/class="area-line projected" d="M[^"]+"[^>]*stroke-dasharray/);
  expect(svg).toMatch(/class="legend-projection"[^>]*stroke-dasharray/);
  expect(svg).toContain('Projektion – Szenario');

  // "keine" shows the observed values only.
  await page.getByTestId('movement-projection').selectOption('none');
  await expect(chart.locator('svg path.area-line.projected')).toHaveCount(0);
  await expect(page.getByTestId('movement-projection-note')).toHaveCount(0);
});

test('Anordnung "wie die Karte" places the municipalities’ panels roughly where they lie on the map', async ({ page }) => {
  await openMovement(page);
  await page.getByTestId('movement-layout').selectOption('grid');
  await expect(page.getByTestId('movement-sort')).toBeDisabled();
  const multiples = page.getByTestId('movement-multiples');
  const titleAt = async (key: string) => {
    const title = multiples.locator(`svg g.series-panel[data-key="${key}"] > text`).first();
    return { x: Number(await title.getAttribute('x')), y: Number(await title.getAttribute('y')) };
  };
  await expect.poll(async () => (await titleAt('03241010')).y < (await titleAt('03241001')).y).toBe(true);
  const hannover = await titleAt('03241001');
  expect((await titleAt('03241009')).y).toBeGreaterThan(hannover.y); // Laatzen south
  expect((await titleAt('03241011')).x).toBeGreaterThan(hannover.x); // Lehrte east
  expect((await titleAt('03241005')).x).toBeLessThan(hannover.x); // Garbsen west
  // Each panel is painted where its title says: line pixels inside Hannover's and Lehrte's cells, none in an empty cell.
  const cell = async (key: string) => {
    const { x, y } = await titleAt(key);
    return { x: Math.round(x), y: Math.round(y), width: 120, height: 90 };
  };
  expect(await lineColourPixels(page, 'movement-multiples', await cell('03241001'))).toBeGreaterThan(100);
  expect(await lineColourPixels(page, 'movement-multiples', await cell('03241011'))).toBeGreaterThan(100);
  const positions = await Promise.all(['03241001', '03241010', '03241011', '03241009', '03241005'].map(titleAt));
  expect(new Set(positions.map((position) => `${position.x},${position.y}`)).size).toBe(5);
  await page.screenshot({ path: test.info().outputPath('movement-grid.png'), fullPage: true });
});

test('small numbers are shown as "< N", not drawn as points, in the chart and the account', async ({ page, request }) => {
  await callApi(request, 'project.setSetting', { key: 'smallNumberThreshold', value: 400 });
  await openMovement(page);
  await page.getByTestId('movement-indicator').selectOption('movement.arrivals');
  // Burgdorf, the third panel in layer order.
  const multiples = page.getByTestId('movement-multiples');
  const box = (await multiples.boundingBox())!;
  const scale = box.width / 1100;
  const panelWidth = (1100 - 5 * 8) / 6;
  await page.mouse.click(box.x + (2 * (panelWidth + 8) + panelWidth / 2) * scale, box.y + 60 * scale);
  await expect(page.getByTestId('movement-area-title')).toContainText('Burgdorf');
  const chart = page.getByTestId('movement-area-chart');
  const labels = chart.locator('svg text.small-number-label');
  await expect.poll(() => labels.count()).toBeGreaterThan(0);
  await expect(labels.first()).toHaveText('< 400');
  // No point and no line where a small number stands: no pixels of the line colour in a narrow column above its label.
  const x = Number(await labels.first().getAttribute('x'));
  const labelY = Number(await labels.first().getAttribute('y'));
  expect(await lineColourPixels(page, 'movement-area-chart', { x: Math.round(x) - 3, y: 30, width: 6, height: Math.round(labelY) - 45 })).toBe(0);
  await expect(page.getByTestId('movement-small-numbers')).toContainText('Kleine Fallzahlen (unter 400)');
  // The account shows small flows as "< 400"; a row with one withholds its remainder too (it would give the
  // count away), the other rows' remainders stay 0.
  await expect(page.getByTestId('movement-balance-inflow').filter({ hasText: '< 400' }).first()).toBeVisible();
  const rows = page.getByTestId('movement-balance-row');
  await expect(rows).toHaveCount(9);
  for (const row of await rows.all()) {
    const small = (await row.textContent())!.includes('< 400');
    await expect(row.getByTestId('movement-residual')).toHaveText(small ? 'geschützt' : '0');
  }
  await expect(page.getByTestId('movement-balance-small-numbers')).toContainText('„< 400“');
  await page.screenshot({ path: test.info().outputPath('movement-small-numbers.png'), fullPage: false });
});

test('exports the selected municipality’s account as a committee figure (SVG and PDF)', async ({ page }) => {
  await openMovement(page);
  await expect(page.getByTestId('movement-balance')).toContainText('Hannover');
  const downloadSvg = page.waitForEvent('download');
  await page.getByTestId('movement-export-balance-svg').click();
  const svgPath = await (await downloadSvg).path();
  const svg = fs.readFileSync(svgPath, 'utf8');
  expect(svg).toContain('Bilanz): Hannover');
  expect(svg).toContain('Stichtage 31.12.2015 bis 31.12.2024');
  expect(svg).toContain('Ausländerzentralregister');
  // Nine periods drawn as table rows, and the stock line painted by the time-series engine.
  expect(svg.match(/>20\d\d–20\d\d</g)).toHaveLength(9);
  expect(svg).toMatch(/id="balance-stock-chart"[\s\S]*class="area-line" d="M[\d.]+ [\d.]+L/);
  const downloadPdf = page.waitForEvent('download');
  await page.getByTestId('movement-export-balance-pdf').click();
  const pdfPath = await (await downloadPdf).path();
  expect(fs.readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  fs.copyFileSync(pdfPath, test.info().outputPath('bilanz-hannover.pdf'));
});

test('exports every municipality\'s account for a chosen period as one committee figure', async ({ page }) => {
  await openMovement(page);
  const period = page.getByTestId('movement-balance-all-period');
  // Nine periods, the last chosen; the planner picks 2020–2021.
  await expect(period.locator('option')).toHaveCount(9);
  await expect(period).toHaveValue('2024-12-31');
  await period.selectOption('2021-12-31');
  const download = page.waitForEvent('download');
  await page.getByTestId('movement-export-balanceAll-svg').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Bilanz – Schutzsuchende – alle Gebiete_2021-12-31.svg');
  const svg = fs.readFileSync((await file.path())!, 'utf8');
  expect(svg).toContain('Bilanz aller Gebiete vom 31.12.2020 bis 31.12.2021');
  for (const name of ['Hannover', 'Burgdorf', 'Wunstorf', 'Region']) expect(svg).toContain(`>${name}<`);
  const downloadPdf = page.waitForEvent('download');
  await page.getByTestId('movement-export-balanceAll-pdf').click();
  const pdfPath = await (await downloadPdf).path();
  expect(fs.readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  fs.copyFileSync(pdfPath, test.info().outputPath('bilanz-alle-gebiete.pdf'));
});

test('a planner imports a stock with its arrivals and departures, names the column the wizard did not recognise, and sees that stock\'s balance', async ({ page, request }) => {
  const folder = makeTempDir('kleinraum-movement-import-');
  try {
    const { areas } = await loadAreas(request);
    // Two Stichtage in one file. Beside two columns that could each be the stock, the wizard cannot tell
    // which is the movement (with one stock it proposes "Zugänge"/"Abgänge" itself): the planner says.
    const file = folder.file('wohnungslose_gemeinden.csv');
    const rows = areas.flatMap((area, index) => [`${area.key};${area.name};31.12.2023;${100 + index};0;0`, `${area.key};${area.name};31.12.2024;${100 + index + 12 - 5};12;5`]);
    fs.writeFileSync(file, ['AGS;Gemeinde;Stichtag;Wohnungslose;Neu gemeldet;Abgänge', ...rows].join('\n'));
    await openApp(page);
    await startImport(page, file);
    await expect(page.getByTestId('import-join-matched')).toContainText('42 Zeilen', { timeout: 30_000 });
    for (const id of ['wohnungslose', 'neu_gemeldet', 'abgaenge']) await expect(page.getByTestId(`import-variable-kind-${id}`)).toHaveValue('stock');
    // The planner says what the columns are: they become the stock's arrivals and departures and keep their names.
    await page.getByTestId('import-variable-kind-neu_gemeldet').selectOption(JSON.stringify(['wohnungslose', 'inflow']));
    await expect(page.getByTestId('import-variable-kind-wohnungslose_arrivals')).toHaveValue(JSON.stringify(['wohnungslose', 'inflow']));
    await expect(page.getByTestId('import-variable-name-wohnungslose_arrivals')).toHaveValue('Neu gemeldet');
    await page.getByTestId('import-variable-kind-abgaenge').selectOption(JSON.stringify(['wohnungslose', 'outflow']));
    await expect(page.getByTestId('import-variable-kind-wohnungslose_departures')).toHaveValue(JSON.stringify(['wohnungslose', 'outflow']));
    // Changed their mind: "Bestand" gives the column its own id back, and again the movement.
    await page.getByTestId('import-variable-kind-wohnungslose_departures').selectOption('stock');
    await expect(page.getByTestId('import-variable-kind-abgaenge')).toHaveValue('stock');
    await page.getByTestId('import-variable-kind-abgaenge').selectOption(JSON.stringify(['wohnungslose', 'outflow']));
    await expect(page.getByTestId('import-variable-kind-wohnungslose_departures')).toHaveValue(JSON.stringify(['wohnungslose', 'outflow']));
    await page.getByTestId('import-new-source').getByTestId('import-new-source-name').fill('Wohnungslosenstatistik der Stadt');
    await page.screenshot({ path: 'build/test-results/import-movements.png' });
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-dialog')).toBeHidden({ timeout: 30_000 });

    await page.getByTestId('view-tab-movement').click();
    // The demo's persons seeking protection come first; the planner picks the imported stock.
    await page.getByTestId('movement-balance-stock').selectOption('wohnungslose');
    await expect(page.getByTestId('movement-balance')).toContainText('Wohnungslose');
    await expect(page.getByTestId('movement-balance-summary')).toContainText('Die Bilanz geht in allen 21 Gebieten auf');
    // The movement figure beside it follows the chosen stock.
    await expect(page.getByTestId('movement-area-title')).toContainText('Wohnungslose');
    await page.screenshot({ path: 'build/test-results/movement-imported-balance.png' });
    // Shown on the map and back: the tab still shows the chosen stock, so its export is that stock's.
    await page.getByTestId('movement-balance-map').click();
    await expect(page.getByTestId('legend')).toContainText('Wohnungslosenstatistik der Stadt');
    await expect(page.getByTestId('legend')).toContainText('zwischen 31.12.2023 und 31.12.2024');
    // The table's quality column describes the balance of the planner's counted data, not the demo
    // indicator the overlay hides ("synthetisch" stood there).
    await expect(page.getByTestId('area-row-03241001').locator('.quality')).toHaveText('–');
    await page.getByTestId('view-tab-movement').click();
    await expect(page.getByTestId('movement-balance-stock')).toHaveValue('wohnungslose');
    await expect(page.getByTestId('movement-balance')).toContainText('Wohnungslose');
    // Saved and opened again (here: the page reloaded), the tab shows the chosen stock, not the first one.
    await callApi(request, 'files.list', { dir: folder.path, extensions: ['gpkg'] });
    await page.getByTestId('project-menu').click();
    await page.getByTestId('menu-save-as').click();
    await page.getByTestId('file-name-input').fill('Wohnungslose');
    await page.getByTestId('file-dialog-confirm').click();
    await expect(page.getByTestId('save-state')).toHaveAttribute('title', /Wohnungslose\.gpkg$/);
    await page.reload();
    await page.getByTestId('view-tab-movement').click();
    await expect(page.getByTestId('movement-balance-stock')).toHaveValue('wohnungslose');
    await expect(page.getByTestId('movement-balance')).toContainText('Wohnungslose');
  } finally {
    folder.remove();
  }
});
