// Monitoring through the contract (dispatch, as every transport) on the real demo: definitions saved as
// project settings survive Save and reopen, bad ones are refused, and the CLI reads a saved definition.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KleinraumApi, MethodName, MethodOutput } from '../../../shared/contract/api';
import { dispatch } from '../../../shared/contract/dispatch';
import { createKleinraumApi, disposeKleinraumApi } from '../../../electron/node/services/createKleinraumApi';
import { STATUS_CLASSES } from '../../../shared/monitoring/monitoringDefinition';
import { readFamilySetting } from '../../../shared/settings/projectSettings';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { runKleinraum } from '../cli/runKleinraum';

let directory: TempDir;
let api: KleinraumApi;

async function call<M extends MethodName>(method: M, input: unknown = {}): Promise<MethodOutput<M>> {
  const result = await dispatch(api, method, input, (error) => {
    throw error;
  });
  if (!result.ok) throw Object.assign(new Error(result.error.message.en), { payload: result.error });
  return result.value as MethodOutput<M>;
}

beforeAll(() => {
  directory = makeTempDir('kleinraum-monitoring-');
  api = createKleinraumApi({ dataDir: path.join(directory.path, 'data'), host: { mode: 'browser', version: 'test' }, emit: () => {} });
});

afterAll(() => {
  disposeKleinraumApi(api);
  directory.remove();
});

const definition = {
  name: 'Soziale Lage 2024',
  indicators: [
    { id: 'refugees_per_1000', direction: '+' },
    { id: 'under18_share', direction: '+' },
  ],
  dynamicsYears: 2,
  minPopulation: 15000,
  rules: [{ type: 'fences', indicator: 'refugees_per_1000', factor: 1.5 }, { type: 'worseClass' }],
};

describe('monitoring through the API', () => {
  it('saves a named definition in the project, and it survives Save and reopen', async () => {
    const summary = await call('project.setSetting', { key: 'monitoring.definition.lage', value: definition });
    expect(readFamilySetting(summary.settings, 'monitoring.definition.', 'lage')).toMatchObject({ name: 'Soziale Lage 2024', minPopulation: 15000, statusCuts: [-1, 1, 1.5] });
    const file = path.join(directory.path, 'monitoring.gpkg');
    await call('project.saveAs', { path: file });
    await call('project.openDemo');
    const reopened = await call('project.open', { path: file });
    expect(readFamilySetting(reopened.settings, 'monitoring.definition.', 'lage')?.rules).toHaveLength(2);
    const cli = await runKleinraum(['monitor', file, '--definition', 'lage', '--json'], path.join(directory.path, 'cli'));
    expect(cli.exitCode, cli.stderr).toBe(0);
    const document = JSON.parse(cli.stdout) as { minPopulation: number; dynamicsStart: string; areas: { scored: boolean; population: number }[] };
    expect(document.minPopulation).toBe(15000);
    expect(document.dynamicsStart).toBe('2022-12-31');
    expect(document.areas.filter((area) => !area.scored).every((area) => area.population < 15000)).toBe(true);
  });

  it('refuses a definition without indicators with a message naming the setting', async () => {
    const result = await dispatch(api, 'project.setSetting', { key: 'monitoring.definition.leer', value: { name: 'leer', indicators: [] } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.de).toMatch(/monitoring\.definition\.leer/);
  });

  it('computes the same result through monitoring.compute as the definition says', async () => {
    const result = await call('monitoring.compute', { ...definition, period: '2024-12-31' });
    expect(result.dynamicsStart).toBe('2022-12-31');
    expect(result.previousPeriod).toBe('2023-12-31');
    expect(result.areas.filter((area) => area.scored)).toHaveLength(result.scoredCount);
    for (const alert of result.alerts.filter((entry) => entry.rule === 'worseClass')) {
      const area = result.areas.find((entry) => entry.key === alert.key)!;
      expect(area.previousStatusClass).toBe(alert.fromClass);
      expect(area.statusClass).toBe(alert.toClass);
    }
    expect(result.synthetic).toBe(true);
  });

  it('exports the committee sheet with the class map, every alert and the local assessment', async () => {
    const assessment = 'Garbsen: Lage vor Ort mit dem Quartiersmanagement geprüft.';
    const input = { ...definition, period: '2024-12-31', rules: [{ type: 'above', indicator: 'refugees_per_1000', threshold: 25 }] };
    const result = await call('monitoring.compute', input);
    expect(result.alerts.length).toBeGreaterThan(0);
    // The sparkline's series: every Stichtag up to this one, ending in the alert's value.
    const periods = (await call('project.current')).indicators.find((indicator) => indicator.id === 'refugees_per_1000')!.periods.filter((period) => period <= '2024-12-31');
    for (const alert of result.alerts) {
      expect(alert.trend.map((point) => point.period)).toEqual(periods);
      expect(alert.trend.at(-1)!.value).toBeCloseTo(alert.value as number, 10);
    }
    const file = await call('monitoring.export', { ...input, format: 'svg', assessment });
    const svg = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(svg).toContain('id="monitoring-map"');
    expect(svg).toContain('id="monitoring-legend"');
    expect(svg).toContain(assessment);
    for (const alert of result.alerts.slice(0, 12)) expect(svg).toContain(alert.name);
    expect(svg).toContain('Beispieldaten, synthetisch');
    expect(svg).toContain('31.12.2024');
    // Areas that moved into a worse status class since the previous Stichtag are outlined dashed, whatever the rules.
    const worse = result.areas.filter((area) => area.statusClass !== null && area.previousStatusClass !== null && STATUS_CLASSES.indexOf(area.statusClass) > STATUS_CLASSES.indexOf(area.previousStatusClass));
    expect(worse.length).toBeGreaterThan(0);
    const outlined = /<g id="monitoring-map-emphasised">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect([...outlined.matchAll(/data-key="([^"]+)"/g)].map((match) => match[1]).sort()).toEqual(worse.map((area) => area.key).sort());
    expect(svg).toContain(`in schlechtere Statusklasse seit 31.12.2023 (${worse.length})`);
    const pdf = await call('monitoring.export', { ...input, format: 'pdf' });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('withholds values resting on small counts in the table, but scores them', async () => {
    await call('project.openDemo');
    // Persons seeking protection per 1 000: with a threshold above every municipality's count, every value is withheld.
    await call('project.setSetting', { key: 'smallNumberThreshold', value: 10_000_000 });
    const input = { ...definition, indicators: [{ id: 'refugees_per_1000', direction: '+' }], period: '2024-12-31', rules: [{ type: 'above', indicator: 'refugees_per_1000', threshold: 0 }] };
    const result = await call('monitoring.compute', input);
    expect(result.areas.every((area) => area.smallNumbers.includes('refugees_per_1000'))).toBe(true);
    expect(result.areas.filter((area) => area.scored).every((area) => area.statusClass !== null)).toBe(true);
    expect(result.alerts.every((alert) => alert.smallNumber)).toBe(true);
    const csv = Buffer.from((await call('monitoring.export', { ...input, format: 'csv' })).base64, 'base64').toString('utf8');
    const hannover = result.areas.find((area) => area.key === '03241001')!;
    const row = csv.split('\r\n').find((line) => line.startsWith('03241001'))!;
    expect(row.split(';')[3]).toBe('');
    // So are its z-score (with the mean and spread of two other areas it would give the value back) and the
    // area's indices (the status index is the mean of its z-scores): not even sent to the page. The class stays.
    expect(hannover.values['refugees_per_1000']).toBeNull();
    expect(hannover.z['refugees_per_1000']).toBeNull();
    expect(hannover.status).toBeNull();
    expect(hannover.statusScore).toBeNull();
    expect(hannover.indexWithheld).toBe(true);
    expect(hannover.statusClass).not.toBeNull();
    expect(row.split(';')[4]).toBe('');
    expect(csv).toContain('nicht ausgewiesen');
    expect(csv).toContain('Status- und Dynamikindex aller Gebiete nicht ausgewiesen');
    // Every area's index (their sum over the scored areas is zero) and the indicator's moments too.
    expect(result.areas.every((area) => area.status === null && area.statusScore === null)).toBe(true);
    expect(result.indicators[0]!.mean).toBeNull();
    expect(result.indicators[0]!.regionValue).toBeNull();
    expect(result.alerts.every((alert) => alert.value === null)).toBe(true);
    await call('project.setSetting', { key: 'smallNumberThreshold', value: 3 });
  });

  it('needs a population only for the floor and the weights, and then names its source', async () => {
    const withFloor = await call('monitoring.compute', { indicators: [{ id: 'accommodation_occupancy', direction: '+' }], period: '2024-12-31', minPopulation: 300 });
    const withoutFloor = await call('monitoring.compute', { indicators: [{ id: 'accommodation_occupancy', direction: '+' }], period: '2024-12-31', minPopulation: 0 });
    const added = withFloor.sources.map((source) => source.id).filter((id) => !withoutFloor.sources.some((source) => source.id === id));
    expect(added).toEqual(['demo-melderegister']);
    const base = { indicators: [{ id: 'refugees_per_1000', direction: '+' }], populationIndicator: 'no_such_population', period: '2024-12-31' };
    const unweighted = await call('monitoring.compute', { ...base, minPopulation: 0 });
    expect(unweighted.scoredCount).toBe(21);
    const refused = await dispatch(api, 'monitoring.compute', { ...base, minPopulation: 300 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message.de).toMatch(/no_such_population/);
  });
});
