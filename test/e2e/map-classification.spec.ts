// The map and its legend change together: after a change of method, classes or palette, every legend
// class's swatch colour is the colour the canvas shows inside exactly as many areas as the row counts;
// the time slider changes the Stichtag, the legend and the map.
import type { Page } from '@playwright/test';
import { e2eToken } from '../helpers/e2eServer';
import { canvasColoursAt, expect, loadAreas, openApp, test, type AreaOnMap } from './fixtures';

interface LegendRowRead {
  colour: string;
  count: number;
  label: string;
}

/** The legend's class rows: swatch colour as #rrggbb, count and bounds label. */
async function legendRows(page: Page): Promise<LegendRowRead[]> {
  return page.locator('[data-testid^="legend-class-"]').evaluateAll((rows) =>
    rows.map((row) => {
      const swatch = row.querySelector('.swatch');
      const rgb = (swatch ? getComputedStyle(swatch).backgroundColor : '').match(/\d+/g) ?? [];
      const colour = `#${rgb
        .slice(0, 3)
        .map((channel) => Number(channel).toString(16).padStart(2, '0'))
        .join('')}`;
      return { colour, count: Number(row.getAttribute('data-count')), label: row.querySelector('.legend-label')?.textContent ?? '' };
    }),
  );
}

/** Waits until the map has drawn, then checks that legend and canvas agree class by class. */
async function expectLegendMatchesMap(page: Page, areas: AreaOnMap[]): Promise<{ rows: LegendRowRead[]; canvas: string[] }> {
  await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true');
  let rows: LegendRowRead[] = [];
  let canvas: string[] = [];
  // Pixels that are no class colour at all (outlines, antialiasing) would show up as a mismatch here.
  await expect
    .poll(
      async () => {
        rows = await legendRows(page);
        canvas = await canvasColoursAt(
          page,
          areas.map((area) => area.insidePoint),
        );
        return rows
          .map((row) => ({ row, onMap: canvas.filter((colour) => colour === row.colour).length }))
          .filter(({ row, onMap }) => row.count !== onMap)
          .map(({ row, onMap }) => `${row.colour}: legend ${row.count}, map ${onMap} (canvas: ${canvas.join(' ')})`);
      },
      { message: 'each legend swatch colour appears inside as many areas as its row counts' },
    )
    .toEqual([]);
  expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(areas.length);
  return { rows, canvas };
}

test.beforeEach(async ({ request }) => {
  await request.post('/api/project.openDemo', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
});

test('changing method, classes and palette changes the map pixels and the legend together', async ({ page, request }) => {
  const { areas } = await loadAreas(request);
  await openApp(page);
  const before = await expectLegendMatchesMap(page, areas);

  await page.getByTestId('symbology-method').selectOption('equal');
  await page.getByTestId('symbology-classes').selectOption('4');
  await page.getByTestId('palette-Reds').click();
  // ColorBrewer Reds, 4 classes: the legend shows these colours once the change has been applied.
  await expect.poll(async () => (await legendRows(page)).map((row) => row.colour)).toEqual(['#fee5d9', '#fcae91', '#fb6a4a', '#cb181d']);
  const after = await expectLegendMatchesMap(page, areas);

  expect(after.rows).toHaveLength(4);
  expect(after.rows.map((row) => row.label)).not.toEqual(before.rows.map((row) => row.label));
  expect(after.canvas).not.toEqual(before.canvas);

  // Reversed: the same classes, the colours in the opposite order, on the map as in the legend.
  await page.getByTestId('symbology-reverse').check();
  await expect.poll(async () => (await legendRows(page)).map((row) => row.colour)).toEqual(['#cb181d', '#fb6a4a', '#fcae91', '#fee5d9']);
  const reversed = await expectLegendMatchesMap(page, areas);
  expect(reversed.rows.map((row) => row.count)).toEqual(after.rows.map((row) => row.count));
});

test('the symbology is kept in the project: reloading the page shows the same classes', async ({ page, request }) => {
  const { areas } = await loadAreas(request);
  await openApp(page);
  await page.getByTestId('symbology-method').selectOption('ckmeans');
  await page.getByTestId('symbology-classes').selectOption('3');
  await page.getByTestId('palette-Greens').click();
  await expect.poll(async () => (await legendRows(page)).map((row) => row.colour)).toEqual(['#e5f5e0', '#a1d99b', '#31a354']);
  // The setting reaches the backend before the reload (project.changed comes back with it).
  await expect.poll(async () => {
    const response = await request.post('/api/project.current', { headers: { 'x-kleinraum-token': e2eToken }, data: {} });
    const body = (await response.json()) as { value: { settings: Record<string, string> } };
    return Object.keys(body.value.settings).some((key) => key.startsWith('map.symbology.'));
  }).toBe(true);
  await page.reload();
  await openApp(page);
  await expect(page.getByTestId('symbology-method')).toHaveValue('ckmeans');
  await expect.poll(async () => (await legendRows(page)).map((row) => row.colour)).toEqual(['#e5f5e0', '#a1d99b', '#31a354']);
  await expectLegendMatchesMap(page, areas);
});

test('the time slider changes the Stichtag, the legend and the map', async ({ page, request }) => {
  const { areas } = await loadAreas(request);
  await openApp(page);
  await expect(page.getByTestId('time-slider')).toBeVisible();
  const before = await expectLegendMatchesMap(page, areas);
  const stichtagBefore = await page.getByTestId('time-label').textContent();

  await page.getByTestId('time-previous').click();
  await expect(page.getByTestId('time-label')).not.toHaveText(stichtagBefore ?? '');
  await expect(page.getByTestId('period-select')).toHaveValue('2023-12-31');
  await expect(page.getByTestId('legend')).toContainText('31.12.2023');
  const after = await expectLegendMatchesMap(page, areas);
  // Classes per period: other values give other bounds.
  expect(after.rows.map((row) => row.label)).not.toEqual(before.rows.map((row) => row.label));

  // Classes fixed across all Stichtage: the bounds no longer change with the period.
  await page.getByTestId('symbology-fix-periods').check();
  await expect(page.getByTestId('legend-fixed-classes')).toBeVisible();
  const fixedA = await expectLegendMatchesMap(page, areas);
  await page.getByTestId('time-next').click();
  await expect(page.getByTestId('legend')).toContainText('31.12.2024');
  const fixedB = await expectLegendMatchesMap(page, areas);
  expect(fixedB.rows.map((row) => row.label)).toEqual(fixedA.rows.map((row) => row.label));
});

interface Classification {
  classes: { color: string; count: number }[];
  legendDecimals: number;
  breaks: number[];
  midpoint: number | null;
}

/**
 * One view, one drawing (issue 11): what the user set on the map is what `kleinraum classify` (the service
 * `map.classify`, given only the indicator, so the rest comes from what the project remembers) and the
 * exported figure draw — the same class colours with the same counts, the same printed bounds. Standard
 * deviations are the case that once differed (map centred on the region's value, CLI on the mean).
 */
for (const [method, classes, midpoint] of [
  ['stddev', null, null],
  // The median midpoint (the example option of the map view spec): chosen in the panel, drawn alike everywhere.
  ['stddev', null, 'median'],
  ['quantile', '5', null],
  ['ckmeans', '4', null],
] as const) {
  test(`map, classify and figure draw the same classes (${method}${midpoint ? `, midpoint ${midpoint}` : ''})`, async ({ page, request }) => {
    const { areas } = await loadAreas(request);
    await openApp(page);
    await page.getByTestId('symbology-method').selectOption(method);
    if (classes) await page.getByTestId('symbology-classes').selectOption(classes);
    if (midpoint) {
      await page.getByTestId('palette-RdBu').click();
      await page.getByTestId('symbology-midpoint').selectOption(midpoint);
      await expect(page.getByTestId('symbology-midpoint').locator('option:checked')).toHaveText('Median der Gebiete');
    }
    const indicatorId = await page.getByTestId('indicator-select').inputValue();
    await expectLegendMatchesMap(page, areas);
    // Wait until the choice is saved: the service reads it from the project, as the CLI does.
    const classifyOnce = async (): Promise<Classification> => {
      const response = await request.post('/api/map.classify', { headers: { 'x-kleinraum-token': e2eToken }, data: { view: { indicatorId } } });
      return ((await response.json()) as { value: Classification }).value;
    };
    await expect.poll(async () => (await classifyOnce()).classes.map((entry) => entry.color)).toEqual((await legendRows(page)).map((row) => row.colour));
    const classified = await classifyOnce();
    const rows = await legendRows(page);
    expect(classified.classes.map((entry) => entry.count)).toEqual(rows.map((row) => row.count));

    // The printed bounds: every inner break the service computed appears in the legend's labels as printed.
    const legendText = rows.map((row) => row.label).join(' | ');
    for (const bound of classified.breaks.slice(1, -1)) {
      const printed = bound.toLocaleString('de-DE', { minimumFractionDigits: classified.legendDecimals, maximumFractionDigits: classified.legendDecimals });
      expect(legendText, `bound ${printed} in the legend`).toContain(printed);
    }

    // The figure: its legend swatches are the same colours in the same order.
    const preview = await request.post('/api/export.preview', { headers: { 'x-kleinraum-token': e2eToken }, data: { view: { indicatorId } } });
    const svg = ((await preview.json()) as { value: { svg: string } }).value.svg;
    const legendGroup = /<g id="legend">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    const swatches = [...legendGroup.matchAll(/<rect[^>]*fill="(#[0-9a-fA-F]{6})"/g)].map((match) => match[1]!.toLowerCase());
    expect(swatches.slice(0, classified.classes.length)).toEqual(classified.classes.map((entry) => entry.color.toLowerCase()));
    if (midpoint === 'median') {
      const values = ((await (await request.post('/api/indicator.values', { headers: { 'x-kleinraum-token': e2eToken }, data: { indicatorId, layer: 'gemeinden' } })).json()) as { value: { values: { value: number | null }[] } }).value.values
        .map((entry) => entry.value)
        .filter((value): value is number => value !== null)
        .sort((a, b) => a - b);
      const median = values.length % 2 === 1 ? values[(values.length - 1) / 2]! : (values[values.length / 2 - 1]! + values[values.length / 2]!) / 2;
      expect(classified.midpoint).toBeCloseTo(median, 9);
    }
  });
}

/** "1.234,5" → 1234.5 */
function germanValue(text: string): number {
  return Number(text.replace(/\./g, '').replace(',', '.').replace('−', '-'));
}

// Issue 15, item 4: "22,6" in the table sat in the class "bis unter 22,6". Every value the table shows lies
// inside the bounds its class prints in the legend (the class found by the swatch colour both wear).
for (const [method, classes] of [
  ['quantile', '5'],
  ['equal', '4'],
  ['jenks', '5'],
  ['pretty', '5'],
] as const) {
  test(`every value in the table lies inside its class as the legend prints it (${method})`, async ({ page }) => {
    await openApp(page);
    await page.getByTestId('symbology-method').selectOption(method);
    await page.getByTestId('symbology-classes').selectOption(classes);
    await expect(page.locator('body')).toHaveAttribute('data-map-ready', 'true');
    await expect.poll(async () => (await legendRows(page)).reduce((sum, row) => sum + row.count, 0)).toBe(21);
    const rows = await legendRows(page);
    const cells = await page.locator('[data-testid^="area-value-"]').evaluateAll((elements) =>
      elements.map((cell) => {
        const swatch = cell.querySelector('.table-swatch');
        const rgb = (swatch ? getComputedStyle(swatch).backgroundColor : '').match(/\d+/g) ?? [];
        return { text: (cell.textContent ?? '').trim(), colour: `#${rgb.slice(0, 3).map((channel) => Number(channel).toString(16).padStart(2, '0')).join('')}` };
      }),
    );
    expect(cells.length).toBeGreaterThan(15);
    for (const cell of cells) {
      const row = rows.find((entry) => entry.colour === cell.colour);
      expect(row, `legend class for ${cell.text} (${cell.colour})`).toBeDefined();
      const value = germanValue(cell.text.match(/-?[\d.,−]+/)![0]);
      const bounds = /(-?[\d.,−]+) bis (unter )?(-?[\d.,−]+)/.exec(row!.label);
      // A class of one value (Jenks puts Hannover alone) prints just that value.
      if (!bounds) {
        expect(row!.label.trim(), `${cell.text} is its one-value class`).toBe(cell.text.match(/-?[\d.,−]+/)![0]);
        continue;
      }
      const low = germanValue(bounds[1]!);
      const high = germanValue(bounds[3]!);
      expect(value, `${cell.text} in "${row!.label}"`).toBeGreaterThanOrEqual(low);
      if (bounds[2]) expect(value, `${cell.text} in "${row!.label}"`).toBeLessThan(high);
      else expect(value, `${cell.text} in "${row!.label}"`).toBeLessThanOrEqual(high);
    }
  });
}
