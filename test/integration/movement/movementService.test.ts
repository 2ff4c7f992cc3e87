/**
 * The Zeitreihen/Bilanz backend through the contract's dispatch (as the app and the CLI call it): on the
 * demo (the account closes, movement series name their source), on a demo whose departures were broken
 * (flagged, not hidden), and its exports (SVG with one panel per area, PNG, CSV, XLSX).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../shared/contract/api';
import { dispatch } from '../../../shared/contract/dispatch';
import { createDemoProject } from '../../../shared/demo/createDemoProject';
import { DEMO_SOURCE_IDS } from '../../../shared/demo/dataDictionary';
import type { ProjectContent } from '../../../shared/model/project';
import { createKleinraumApi, disposeKleinraumApi } from '../../../electron/node/services/createKleinraumApi';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

function backendWith(content?: ProjectContent) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kleinraum-movement-'));
  const api = createKleinraumApi({ dataDir, host: { mode: 'browser', version: '0.0.0-test' }, emit: () => {}, ...(content ? { createDemoContent: () => content } : {}) });
  cleanups.push(() => {
    disposeKleinraumApi(api);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return async <M extends Parameters<typeof dispatch>[1] & string>(method: M, input: unknown) => {
    const result = await dispatch(api, method, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message.en), { payload: result.error });
    return result.value as M extends keyof typeof api ? MethodOutput<M> : never;
  };
}

const BROKEN_AREA = '03241003';

function brokenDemo(): ProjectContent {
  const demo = createDemoProject();
  demo.observations = demo.observations.map((o) =>
    o.variable === 'refugee_arrivals' && o.areaKey === BROKEN_AREA && o.period === '2021-12-31' && o.dimensions['sex'] === 'm' ? { ...o, value: (o.value ?? 0) + 100 } : o,
  );
  return demo;
}

describe('balance.compute', () => {
  it('closes for every demo municipality, names the register as the source of every term', async () => {
    const call = backendWith();
    const balance = await call('balance.compute', {});
    expect(balance.variables).toEqual({ stock: 'refugees', flows: { inflow: 'refugee_arrivals', outflow: 'refugee_departures' } });
    expect(balance.areas).toHaveLength(21);
    expect(balance.periods).toHaveLength(9);
    expect(balance.areas.every((area) => !area.flagged && area.periods.every((period) => period.residual === 0))).toBe(true);
    expect(balance.sources.map((source) => source.id)).toEqual([DEMO_SOURCE_IDS.refugeeRegister]);
    expect(balance.synthetic).toBe(true);
  });

  it('flags the municipality whose arrivals were broken, with the remainder and its share', async () => {
    const call = backendWith(brokenDemo());
    const balance = await call('balance.compute', { thresholdPercent: 1 });
    const flagged = balance.areas.filter((area) => area.flagged);
    expect(flagged.map((area) => area.key)).toEqual([BROKEN_AREA]);
    const period = flagged[0]!.periods.find((candidate) => candidate.period === '2021-12-31')!;
    expect(period.residual).toBe(-100);
    expect(period.residualPercent).toBeCloseTo((-100 / period.stockStart.value!) * 100, 10);
    // With a threshold above the remainder the period is still reported, only not flagged.
    const tolerant = await call('balance.compute', { thresholdPercent: 100 });
    expect(tolerant.areas.find((area) => area.key === BROKEN_AREA)!.periods.find((candidate) => candidate.period === '2021-12-31')!.residual).toBe(-100);
    expect(tolerant.areas.some((area) => area.flagged)).toBe(false);
  });

  it('explains a stock variable without flows', async () => {
    const call = backendWith();
    await expect(call('balance.compute', { variable: 'population' })).rejects.toThrow(/population/);
  });
});

describe('timeseries.compute', () => {
  it('gives turnover per 1.000 for every municipality and Stichtag, with source and the region line', async () => {
    const call = backendWith();
    const series = await call('timeseries.compute', { indicatorId: 'movement.turnover_per_1000' });
    expect(series.kind).toBe('movement');
    expect(series.stockVariable?.id).toBe('refugees');
    expect(series.periods).toHaveLength(10);
    expect(series.series).toHaveLength(21);
    for (const area of series.series) {
      expect(area.values).toHaveLength(10);
      for (const point of area.values) {
        expect(point.value).toBeGreaterThan(0);
        expect(point.sourceId).toBe(DEMO_SOURCE_IDS.refugeeRegister);
      }
    }
    expect(series.region.every((point) => point.value !== null && point.value > 0)).toBe(true);
    // Turnover lies between the smallest and largest municipality each year (it is a weighted mean).
    series.periods.forEach((_, index) => {
      const values = series.series.map((area) => area.values[index]!.value!);
      expect(series.region[index]!.value!).toBeGreaterThanOrEqual(Math.min(...values));
      expect(series.region[index]!.value!).toBeLessThanOrEqual(Math.max(...values));
    });
  });

  it('recognises movement indicators by their "movement." prefix: an unknown one lists the valid ids', async () => {
    const call = backendWith();
    await expect(call('timeseries.compute', { indicatorId: 'movement.births' })).rejects.toThrow(/movement\.arrivals_per_1000.*movement\.turnover/);
    expect((await call('timeseries.compute', { indicatorId: 'movement.departures' })).kind).toBe('movement');
  });

  it('gives a project indicator over all Stichtage with the values the map shows', async () => {
    const call = backendWith();
    const series = await call('timeseries.compute', { indicatorId: 'refugees_per_1000' });
    expect(series.kind).toBe('indicator');
    const map = await call('indicator.values', { indicatorId: 'refugees_per_1000', layer: 'gemeinden', period: '2019-12-31' });
    const index = series.periods.indexOf('2019-12-31');
    expect(index).toBeGreaterThanOrEqual(0);
    for (const value of map.values) expect(series.series.find((area) => area.key === value.key)!.values[index]!.value).toBe(value.value);
    expect(series.region[index]!.value).toBe(map.regionValue);
  });
});

describe('timeseries.compute with stored scenario results', () => {
  it('continues an observed count after its last Stichtag with the scenario\'s projection, marked and named', async () => {
    const call = backendWith();
    const before = await call('timeseries.compute', { indicatorId: 'refugees_total' });
    expect(before.projection).toBeNull();
    expect(before.scenarios).toEqual([]);
    const stored = await call('planning.storeResults', { scenarioId: 'mittel' });
    const run = await call('planning.run', { scenarioId: 'mittel' });
    const series = await call('timeseries.compute', { indicatorId: 'refugees_total' });
    expect(series.scenarios.map((scenario) => scenario.id)).toEqual(['mittel']);
    expect(series.projection).not.toBeNull();
    const lastObserved = before.periods.at(-1)!;
    expect(series.projection!.lastObserved).toBe(lastObserved);
    expect(series.projection!.sourceId).toBe(stored.sourceId);
    // The observed part is unchanged and unmarked; every added Stichtag lies after it and is marked projected.
    expect(series.periods.slice(0, before.periods.length)).toEqual(before.periods);
    const added = series.periods.slice(before.periods.length);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((period) => period > lastObserved)).toBe(true);
    expect(series.projection!.firstPeriod).toBe(added[0]);
    const hannover = series.series.find((area) => area.key === '03241001')!;
    const hannoverBefore = before.series.find((area) => area.key === '03241001')!;
    expect(hannover.values.slice(0, before.periods.length)).toEqual(hannoverBefore.values);
    for (const point of hannover.values.slice(before.periods.length)) {
      expect(point.projected).toBe(true);
      expect(point.quality).toBe('projected');
      expect(point.sourceId).toBe(stored.sourceId);
      const year = run.areas.find((area) => area.key === '03241001')!.years.find((entry) => `${entry.year}-12-31` === point.period)!;
      expect(point.value).toBeCloseTo(year.refugees, 6);
    }
    expect(series.sources.map((source) => source.id)).toContain(stored.sourceId);
    // A rate of two projected variables is projected too; a share of an age group is not.
    const rate = await call('timeseries.compute', { indicatorId: 'refugees_per_1000' });
    expect(rate.projection?.scenarioId).toBe('mittel');
    const share = await call('timeseries.compute', { indicatorId: 'under18_share' });
    expect(share.projection).toBeNull();
    expect(share.series[0]!.values.some((point) => point.projected)).toBe(false);
    // 'none' shows the observed values only; an unknown scenario is explained.
    const none = await call('timeseries.compute', { indicatorId: 'refugees_total', scenario: 'none' });
    expect(none.periods).toEqual(before.periods);
    await expect(call('timeseries.compute', { indicatorId: 'refugees_total', scenario: 'gibt-es-nicht' })).rejects.toThrow(/mittel/);
  });
});

describe('small-number protection', () => {
  it('flags counts below the project\'s threshold in the series and the account, with totals from the exact counts', async () => {
    const call = backendWith();
    const exact = await call('timeseries.compute', { indicatorId: 'movement.arrivals' });
    expect(exact.smallNumberThreshold).toBe(3);
    // A threshold that makes some arrivals "small": the median over all areas and Stichtage.
    const all = exact.series.flatMap((area) => area.values.map((point) => point.value!)).sort((a, b) => a - b);
    const threshold = Math.round(all[Math.floor(all.length / 2)]!);
    await call('project.setSetting', { key: 'smallNumberThreshold', value: threshold });
    const series = await call('timeseries.compute', { indicatorId: 'movement.arrivals' });
    expect(series.smallNumberThreshold).toBe(threshold);
    let small = 0;
    series.series.forEach((area, areaIndex) =>
      area.values.forEach((point, index) => {
        const value = exact.series[areaIndex]!.values[index]!.value!;
        expect(point.smallNumber).toBe(value > 0 && value < threshold);
        if (point.smallNumber) small += 1;
      }),
    );
    expect(small).toBeGreaterThan(0);
    // The region is the sum of the exact counts, never of what is shown; it is withheld where, beside the
    // areas shown, it would give the withheld counts back (one of them, or all at 1 or at threshold − 1).
    series.region.forEach((point, index) => {
      const smallCounts = exact.series.map((area) => area.values[index]!.value!).filter((value) => value > 0 && value < threshold);
      const sum = smallCounts.reduce((total, value) => total + value, 0);
      const settled = smallCounts.length === 1 || (smallCounts.length > 1 && (sum === smallCounts.length || sum === smallCounts.length * (threshold - 1)));
      expect(point.withheld === true).toBe(settled);
      expect(point.value).toBe(settled ? null : exact.region[index]!.value);
    });
    const svg = Buffer.from((await call('timeseries.export', { indicatorId: 'movement.arrivals', format: 'svg' })).base64, 'base64').toString('utf8');
    expect(svg.match(/class="small-number-label"/g)).toHaveLength(small);
    expect(svg).toContain(`Kleine Fallzahlen (unter ${threshold})`);
    const balance = await call('balance.compute', {});
    expect(balance.smallNumberThreshold).toBe(threshold);
    // A remainder beside a withheld arrival count would give it away: exactly those rows withhold it.
    const periods = balance.areas.flatMap((area) => area.periods);
    const smallRow = (period: (typeof periods)[number]) => [period.stockStart, period.stockEnd, ...Object.values(period.flows)].some((term) => term !== undefined && term.value !== null && term.value > 0 && term.value < threshold);
    expect(periods.some(smallRow)).toBe(true);
    for (const period of periods) expect(period.remainderWithheld ? period.residual : 'shown').toBe(smallRow(period) ? null : 'shown');
    const csv = Buffer.from((await call('balance.export', { format: 'csv' })).base64, 'base64').toString('utf8');
    expect(csv.split('\r\n').some((line) => line.split(';').includes('.'))).toBe(true);
    expect(csv).toContain(`Werte unter ${threshold}`);
    expect(csv).toContain('der Rest der Zeile, die Summe der Region');
  });
});

describe('exports', () => {
  it('writes the small multiples as SVG with one panel per area and the region line in each; PNG and PDF render', async () => {
    const call = backendWith();
    const svgFile = await call('timeseries.export', { indicatorId: 'movement.net_per_1000', format: 'svg' });
    const svg = Buffer.from(svgFile.base64, 'base64').toString('utf8');
    expect(svg.match(/class="series-panel"/g)).toHaveLength(21);
    expect(svg.match(/class="region-line"/g)).toHaveLength(21);
    expect(svg).toContain('Beispieldaten');
    // Named in the demo variables' words (Zugänge/Abgänge Schutzsuchender), not as migration.
    expect(svg).toContain('Saldo (Zugänge − Abgänge)');
    const png = await call('timeseries.export', { indicatorId: 'movement.net_per_1000', format: 'png', dpi: 96 });
    expect(png.fileName).toMatch(/^Zeitreihe – .+_\d{4}-12-31\.png$/);
    expect(Buffer.from(png.base64, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
    const pdf = await call('timeseries.export', { indicatorId: 'refugees_total', view: 'area', areas: ['03241001'], format: 'pdf' });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('draws the account as a committee figure: the broken period flagged with its remainder, sources and Stichtage named; PNG and PDF render', async () => {
    const call = backendWith(brokenDemo());
    const svg = Buffer.from((await call('balance.export', { format: 'svg', areaKey: BROKEN_AREA })).base64, 'base64').toString('utf8');
    expect(svg).toContain('Bilanz): Burgdorf');
    expect(svg).toContain('Stichtage 31.12.2015 bis 31.12.2024');
    expect(svg).toContain('Bestandskorrektur / nicht');
    // One flagged row (2020–2021), its remainder −100 in the flag colour, and the summary naming Burgdorf.
    expect(svg.match(/class="balance-flagged-row"/g)).toHaveLength(1);
    expect(svg).toMatch(/fill="#b2182b"[^>]*>[-−]100</);
    expect(svg).toMatch(/class="balance-summary"[^>]*>1 von 21 Gebieten/);
    expect(svg).toContain('Ausländerzentralregister');
    expect(svg).toContain('Beispieldaten');
    const region = Buffer.from((await call('balance.export', { format: 'svg', locale: 'en' })).base64, 'base64').toString('utf8');
    expect(region).toContain('Stock and flows (balance): Region');
    const png = await call('balance.export', { format: 'png', dpi: 96, areaKey: BROKEN_AREA });
    expect(Buffer.from(png.base64, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
    const pdf = await call('balance.export', { format: 'pdf', areaKey: BROKEN_AREA });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Named by what it shows, as every export is (it was "bilanz-refugees-03241003.pdf").
    expect(pdf.fileName).toMatch(/^Bilanz – Schutzsuchende – Burgdorf_\d{4}-12-31\.pdf$/);
  });

  it('draws every area\'s account for one period on one page, the broken area flagged, and refuses a period the account has not', async () => {
    const call = backendWith(brokenDemo());
    const svg = Buffer.from((await call('balance.export', { format: 'svg', allAreas: true, period: '2021-12-31' })).base64, 'base64').toString('utf8');
    expect(svg).toContain('Bilanz aller Gebiete vom 31.12.2020 bis 31.12.2021');
    const table = svg.slice(svg.indexOf('id="balance-table"'), svg.indexOf('</g>', svg.indexOf('id="balance-table"')));
    for (const name of ['Hannover', 'Burgdorf', 'Wunstorf', 'Region']) expect(table).toContain(`>${name}<`);
    // Burgdorf's remainder of 100 in 2021 (and only there) marks its row.
    expect(table.match(/class="balance-flagged-row"/g)).toHaveLength(1);
    expect(table).toMatch(/fill="#b2182b"[^>]*>[-−]100</);
    // The footer names this period's two Stichtage, not all ten.
    expect(svg).toContain('Stichtage 31.12.2020 und 31.12.2021');
    const other = Buffer.from((await call('balance.export', { format: 'svg', allAreas: true, period: '2022-12-31' })).base64, 'base64').toString('utf8');
    expect(other).not.toContain('class="balance-flagged-row"');
    const csv = Buffer.from((await call('balance.export', { format: 'csv', allAreas: true, period: '2021-12-31' })).base64, 'base64').toString('utf8');
    // 21 areas and the region, one row each, for that period only.
    expect(csv.split('\r\n').filter((line) => line.includes(';31.12.2020;31.12.2021;'))).toHaveLength(22);
    expect(csv).not.toContain(';31.12.2021;31.12.2022;');
    const pdf = await call('balance.export', { format: 'pdf', allAreas: true });
    expect(pdf.fileName).toMatch(/^Bilanz – Schutzsuchende – alle Gebiete_2024-12-31\.pdf$/);
    await expect(call('balance.export', { format: 'svg', allAreas: true, period: '2021-06-30' })).rejects.toThrow(/No period of the balance ends on .*2021.*Possible: .*2016/);
    await expect(call('balance.export', { format: 'svg', allAreas: true, areaKey: BROKEN_AREA })).rejects.toThrow(/not both/);
  });

  it('writes the series and the account as CSV and XLSX', async () => {
    const call = backendWith(brokenDemo());
    const csv = Buffer.from((await call('timeseries.export', { indicatorId: 'movement.arrivals', format: 'csv' })).base64, 'base64').toString('utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toContain('31.12.2015');
    expect(lines.filter((line) => /^0324100\d|^032410[12]\d/.test(line))).toHaveLength(21);
    const balanceCsv = Buffer.from((await call('balance.export', { format: 'csv', areaKey: BROKEN_AREA })).base64, 'base64').toString('utf8');
    expect(balanceCsv).toContain('Bestandskorrektur / nicht erklärt');
    const row2021 = balanceCsv.split('\r\n').find((line) => line.includes(';31.12.2021;'))!;
    expect(row2021.split(';')).toContain('-100');
    expect(row2021).toContain('auffällig');
    // Each term's source by its name, as the figure names it, not by its id.
    expect(row2021).toContain('Ausländerzentralregister (AZR), Schutzsuchende');
    expect(row2021).not.toContain(DEMO_SOURCE_IDS.refugeeRegister);
    expect(balanceCsv.split('\n')[0]).not.toMatch(/;'?[+=−]/);
    const xlsx = await call('balance.export', { format: 'xlsx' });
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
