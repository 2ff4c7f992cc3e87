/**
 * The map services behind `kleinraum classify`, called in-process through the CLI's backend (the contract's
 * dispatch, as every transport does) on the built-in demo project: indicator.values with and without the
 * new derivation fields, indicator.allPeriodValues, and map.classify with classes fixed across periods.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliBackend, type CliBackend } from '../../../electron/node/cli/backend';
import { UserError } from '../../../shared/contract/errors';
import { roundForDisplay } from '../../../shared/format/number';

let workDir: string;
let backend: CliBackend;
const indicatorId = 'refugees_per_1000';
const layer = 'gemeinden';

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kleinraum-classify-services-'));
  backend = await createCliBackend(workDir);
  const current = await backend.call('project.current', {});
  if (!current.isDemo) await backend.call('project.openDemo', {});
}, 60_000);

afterAll(() => {
  backend.dispose();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('map services', () => {
  it('indicator.values keeps its old input and output, and marks the derivation', async () => {
    const values = await backend.call('indicator.values', { indicatorId, layer });
    expect(values.values).toHaveLength(21);
    expect(values.mode).toBe('value');
    expect(values.comparePeriod).toBeNull();
    expect(values.values.every((value) => value.smallDenominator === false)).toBe(true);
  });

  it('index values are area value / region value × 100, and the region is 100', async () => {
    const plain = await backend.call('indicator.values', { indicatorId, layer });
    const index = await backend.call('indicator.values', { indicatorId, layer, mode: 'index' });
    expect(index.regionValue).toBe(100);
    index.values.forEach((value, position) => {
      const original = plain.values[position]?.value as number;
      expect(value.value).toBeCloseTo((original / (plain.regionValue as number)) * 100, 9);
    });
  });

  it('change defaults to the period before, and allPeriodValues leaves out the first period', async () => {
    const change = await backend.call('indicator.values', { indicatorId, layer, mode: 'change' });
    const periods = change.indicator.periods;
    expect(change.period).toBe(periods.at(-1));
    expect(change.comparePeriod).toBe(periods.at(-2));
    const all = await backend.call('indicator.allPeriodValues', { indicatorId, layer, mode: 'change' });
    expect(all.periods).toEqual(periods.slice(1));
    expect(all.series.at(-1)?.values.map((value) => value.value)).toEqual(change.values.map((value) => value.value));
  });

  it('allPeriodValues gives the same values as one call per period', async () => {
    const all = await backend.call('indicator.allPeriodValues', { indicatorId, layer });
    expect(all.periods.length).toBeGreaterThan(1);
    for (const period of [all.periods[0] as string, all.periods.at(-1) as string]) {
      const single = await backend.call('indicator.values', { indicatorId, layer, period });
      expect(all.series[all.periods.indexOf(period)]?.values).toEqual(single.values);
    }
  });

  it('map.classify with fixed classes uses the same breaks for every period', async () => {
    const all = await backend.call('indicator.allPeriodValues', { indicatorId, layer });
    const first = await backend.call('map.classify', { view: { indicatorId, layer, period: all.periods[0] as string, symbology: { method: 'equal', classes: 5, fixedClasses: true } } });
    const last = await backend.call('map.classify', { view: { indicatorId, layer, symbology: { method: 'equal', classes: 5, fixedClasses: true } } });
    expect(first.breaks).toEqual(last.breaks);
    const pooled = all.series.flatMap((entry) => entry.values.map((value) => value.value)).filter((value): value is number => value !== null);
    // Classes are made from the values as shown (one decimal).
    expect(last.breaks[0]).toBe(roundForDisplay(Math.min(...pooled), 1));
    expect(last.breaks.at(-1)).toBe(roundForDisplay(Math.max(...pooled), 1));
    expect(first.classes.reduce((sum, classInterval) => sum + classInterval.count, 0)).toBe(21);
  });

  it('percentOf needs a known denominator variable and says which field', async () => {
    await expect(backend.call('indicator.values', { indicatorId: 'refugees_total', layer, mode: 'percentOf' })).rejects.toThrow(/denominatorVariable/);
    await expect(backend.call('indicator.values', { indicatorId: 'refugees_total', layer, mode: 'percentOf', denominatorVariable: 'nope' })).rejects.toBeInstanceOf(UserError);
    const share = await backend.call('indicator.values', { indicatorId: 'refugees_total', layer, mode: 'percentOf', denominatorVariable: 'population' });
    const rate = await backend.call('indicator.values', { indicatorId, layer, period: share.period });
    // The same numerator over the same denominator: percent = per 1 000 / 10.
    share.values.forEach((value, position) => expect(value.value).toBeCloseTo((rate.values[position]?.value as number) / 10, 9));
    // Per 1 000 of the population: the demo's own rate indicator, computed from the count.
    const perThousand = await backend.call('indicator.values', { indicatorId: 'refugees_total', layer, mode: 'per1000Of', denominatorVariable: 'population', period: share.period });
    perThousand.values.forEach((value, position) => expect(value.value).toBeCloseTo(rate.values[position]?.value as number, 9));
    expect(perThousand.indicator.unit.de).toBe('je 1.000 Einw.');
    expect(perThousand.indicator.name.de).toBe('Schutzsuchende je 1.000 Einwohner');
    // A part of a variable as a share of the whole is no share of itself: children 0–5 in % of the population.
    const children = await backend.call('indicator.values', { indicatorId: 'children_kita_age', layer, mode: 'percentOf', denominatorVariable: 'population' });
    expect(children.values.every((value) => value.value !== null && value.value > 0 && value.value < 15)).toBe(true);
    // A share of itself would be 100 % everywhere: refused with what to choose instead.
    await expect(backend.call('indicator.values', { indicatorId: 'refugees_total', layer, mode: 'percentOf', denominatorVariable: 'refugees' })).rejects.toThrow(/100 % or 1,000 per 1,000.*another denominator variable/);
  });

  it('a Stichtag the chosen sources cannot give is refused with the Stichtage of each part, never a map of empty areas', async () => {
    // The demo's bed count is dated the year's last Monday; only 31.12.2018 (a Monday) meets the register's 31.12.
    const beds = ['demo-bettenzaehlung'];
    const latest = await backend.call('indicator.values', { indicatorId, layer, sources: beds });
    expect(latest.indicator.periods).toEqual(['2018-12-31']);
    expect(latest.values.some((value) => value.value !== null)).toBe(true);
    const refused = backend.call('indicator.values', { indicatorId, layer, period: '2024-12-31', sources: beds });
    await expect(refused).rejects.toBeInstanceOf(UserError);
    await expect(refused).rejects.toThrow(/31\/12\/2024.*"Persons seeking protection": [^;]*30\/12\/2024; "Population": [^)]*31\/12\/2024\).*Computable for: 31\/12\/2018\.$/);
  });

  it('a compare period without values is refused, naming the date and the flag that chooses another', async () => {
    await expect(backend.call('indicator.values', { indicatorId, layer, mode: 'change', comparePeriod: '1990-12-31' })).rejects.toThrow(/31\/12\/1990.*--compare-period/);
  });
});
