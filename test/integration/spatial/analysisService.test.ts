/**
 * The Analyse backend through the contract's dispatch (as the app and the CLI call it): on the demo, and on
 * a project with the real 51 Stadtteile of Hannover (../shared/data) and counts where some Stadtteile have
 * no value, where a Stadtteil loses all its neighbours, and where an indicator is constant.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clusterCategory, clusterCategoryColour } from '../../../shared/analysis/clusterColours';
import { significanceLegendRows } from '../../../shared/analysis/legendRows';
import type { MethodOutput } from '../../../shared/contract/api';
import { dispatch } from '../../../shared/contract/dispatch';
import { createDemoRandom } from '../../../shared/demo/random';
import type { Observation, ProjectContent } from '../../../shared/model/project';
import { contiguityWeights } from '../../../shared/spatial/contiguityWeights';
import { spatialAnalysis } from '../../../shared/spatial/spatialAnalysis';
import { neighbourLists } from '../../../shared/spatial/spatialWeights';
import { createKleinraumApi, disposeKleinraumApi } from '../../../electron/node/services/createKleinraumApi';
import { hannoverStadtteile } from '../../golden/spatial/goldenCases';
import { sharedDataAvailable } from '../../helpers/sharedData';
import { skipWithReason } from '../../helpers/skipWithReason';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

function backendWith(content?: ProjectContent) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kleinraum-analysis-'));
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

function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

/** The 51 Stadtteile with synthetic counts over populations; `missing` Stadtteile have no count. */
async function stadtteileProject(missing: readonly string[], constant = false): Promise<ProjectContent> {
  const areas = await hannoverStadtteile();
  const random = createDemoRandom(3, 'analysis-service-test');
  const period = '2024-12-31';
  const observations: Observation[] = areas.flatMap((area, index) => {
    const population = Math.round(random.uniform(3000, 30_000));
    const count = constant ? population / 100 : Math.round(population * (0.01 + 0.03 * (index / areas.length)) * random.factor(0.2));
    const base = { areaKey: area.key, dimensions: {}, period, sourceId: 'test', quality: 'counted' as const };
    return [
      { ...base, variable: 'population', value: population },
      { ...base, variable: 'cases', value: missing.includes(area.key) ? null : count, missing: missing.includes(area.key) ? ('.' as const) : null },
    ];
  });
  return {
    title: 'Stadtteile',
    layers: [{ info: { name: 'stadtteile', title: { de: 'Stadtteile der LH Hannover', en: 'Districts of Hannover' }, keyField: 'key', nameField: 'name', featureCount: areas.length, sourceCrs: 'EPSG:4326', sourceId: 'geometry', schematic: false }, areas }],
    sources: [
      { id: 'test', name: 'Testzählung', publisher: 'Test', stichtag: period, licence: '', licenceUrl: null, attribution: 'Testdaten', notes: '', synthetic: true, definition: '', quality: 'synthetic' },
      { id: 'geometry', name: 'Stadtteile', publisher: 'LH Hannover', stichtag: null, licence: '', licenceUrl: null, attribution: 'Bereich Geoinformation – LH Hannover', notes: '', synthetic: false, definition: '', quality: 'counted' },
    ],
    dimensions: [],
    variables: [
      { id: 'population', name: { de: 'Einwohner', en: 'Population' }, unit: 'Personen', dimensions: [], kind: 'stock', sources: [] },
      { id: 'cases', name: { de: 'Fälle', en: 'Cases' }, unit: 'Personen', dimensions: [], kind: 'stock', sources: [] },
    ],
    indicators: [
      { id: 'cases_per_1000', name: { de: 'Fälle je 1.000 Einwohner', en: 'Cases per 1,000 inhabitants' }, numerator: { variable: 'cases' }, denominator: { variable: 'population' }, scale: 'per1000', unit: { de: 'je 1.000 Einw.', en: 'per 1,000' }, decimals: 1, description: { de: '', en: '' } },
    ],
    observations,
    settings: { smallNumberThreshold: 3 },
  };
}

const MORAN = { indicatorId: 'refugees_per_1000', weights: { type: 'queen' }, permutations: 199, seed: 11, correction: 'fdr' };

describe('analysis service on the demo', () => {
  it("computes Moran's I from the indicator service's values and the layer's queen weights, finite everywhere", async () => {
    const call = backendWith();
    const moran = await call('analysis.moran', MORAN);
    expect(moran.areas).toHaveLength(21);
    expect(allFinite(moran)).toBe(true);
    // One engine: the same result as the pure core on the values the map shows and the weights of the geometry.
    const values = await call('indicator.values', { indicatorId: 'refugees_per_1000', layer: moran.layer });
    const features = await call('layer.features', { layer: moran.layer });
    const weights = contiguityWeights(features.features.map((feature) => ({ key: feature.properties.key, geometry: feature.geometry as never })), 'queen');
    const direct = spatialAnalysis(values.values.map((value) => ({ key: value.key, name: value.name, value: value.value })), weights, { permutations: 199, seed: 11, correction: 'fdr', significanceLevel: 0.05 });
    expect(moran.global.I).toBe(direct.global.I);
    expect(moran.areas.map((area) => area.cluster)).toEqual(direct.areas.map((area) => area.cluster));
    expect(moran.synthetic).toBe(true);
    // The demo draws the real (simplified) BKG boundaries, so nothing is marked schematic.
    expect(moran.schematicBoundaries).toBe(false);
  });

  it('keeps the weights: the second request for the same layer is served from the store', async () => {
    const call = backendWith();
    await call('analysis.weights', { weights: { type: 'rook' } });
    const again = await call('analysis.weights', { weights: { type: 'rook' } });
    expect(again.cached).toBe(true);
    expect(again.summary.areas).toBe(21);
    expect(Object.keys(again.neighbours)).toHaveLength(21);
  });

  it('smoothed rates lie between the raw rate and the region, and scatter gives r', async () => {
    const call = backendWith();
    const rates = await call('analysis.rates', { indicatorId: 'refugees_per_1000' });
    expect(rates.eligible).toBe(true);
    for (const area of rates.areas) {
      const low = Math.min(area.raw as number, rates.regionRate as number);
      const high = Math.max(area.raw as number, rates.regionRate as number);
      expect(area.globalSmoothed as number).toBeGreaterThanOrEqual(low - 1e-9);
      expect(area.globalSmoothed as number).toBeLessThanOrEqual(high + 1e-9);
    }
    const density = await call('analysis.rates', { indicatorId: 'population_density' });
    expect(density.eligible).toBe(false);
    expect(density.reason?.de).toContain('keine Rate');
    const scatter = await call('analysis.scatter', { xIndicatorId: 'foreign_share', yIndicatorId: 'refugees_per_1000' });
    expect(scatter.points).toHaveLength(21);
    expect(scatter.fit.correlation).toBeGreaterThanOrEqual(-1);
    expect(scatter.fit.correlation).toBeLessThanOrEqual(1);
  });

  it('exports the cluster map as PNG at the asked resolution and the table as CSV with the method notes', async () => {
    const call = backendWith();
    const png = await call('analysis.export', { ...MORAN, view: 'clusterMap', format: 'png', dpi: 100 });
    const bytes = Buffer.from(png.base64, 'base64');
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.fileName).toBe('Schutzsuchende je 1.000 Einwohner – Cluster-Karte (LISA)_2024-12-31.png');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([Math.round((297 / 25.4) * 100), Math.round((210 / 25.4) * 100)]);
    const svg = Buffer.from((await call('analysis.export', { ...MORAN, view: 'clusterMap', format: 'svg' })).base64, 'base64').toString('utf8');
    expect(svg).toContain('Beispieldaten, synthetisch');
    expect(svg).not.toContain('Schematische Grenzen');
    expect(svg).toContain('© GeoBasis-DE / BKG');
    expect((svg.match(/data-key="0324\d{4}"/g) ?? []).length).toBe(21);
    // Every area in its cluster's colour, as the tab draws it.
    const moran = await call('analysis.moran', MORAN);
    const fills = new Map([...svg.matchAll(/<path d="[^"]*" fill="([^"]+)"[^>]*data-key="(\d+)"/g)].map((match) => [match[2], match[1]]));
    for (const area of moran.areas) expect(fills.get(area.key), area.name).toBe(clusterCategoryColour(clusterCategory(area)));
    const csv = Buffer.from((await call('analysis.export', { ...MORAN, view: 'moranScatter', format: 'csv' })).base64, 'base64').toString('utf8');
    expect(csv.split('\r\n')[0]).toContain('Schlüssel;Gebiet');
    expect(csv).toContain('Falscherkennungsrate');
  });
});

describe('analysis service on the real Stadtteile of Hannover', () => {
  it('leaves out Stadtteile without a value, says which, and never returns NaN', async (context) => {
    if (!sharedDataAvailable()) skipWithReason(context, '../shared/data is not present beside the checkout');
    const call = backendWith(await stadtteileProject(['01', '02', '33']));
    const moran = await call('analysis.moran', { ...MORAN, indicatorId: 'cases_per_1000' });
    expect(moran.analysedCount).toBe(48);
    expect(moran.leftOut.map((area) => area.name).sort()).toEqual(['Calenberger Neustadt', 'Linden-Nord', 'Mitte']);
    const leftOut = moran.areas.filter((area) => !area.analysed);
    expect(leftOut.every((area) => area.localI === null && area.pValue === null && area.cluster === 'ns')).toBe(true);
    expect(allFinite(moran)).toBe(true);
  });

  it('reports a Stadtteil whose neighbours all lack values as an island, with no local test', async (context) => {
    if (!sharedDataAvailable()) skipWithReason(context, '../shared/data is not present beside the checkout');
    const areas = await hannoverStadtteile();
    const queen = neighbourLists(contiguityWeights(areas, 'queen'));
    const target = areas.findIndex((area) => area.key === '53');
    const neighbourKeys = queen[target]!.map((index) => areas[index]!.key);
    const call = backendWith(await stadtteileProject(neighbourKeys));
    const moran = await call('analysis.moran', { ...MORAN, indicatorId: 'cases_per_1000' });
    expect(moran.islands.map((area) => area.key)).toEqual(['53']);
    const island = moran.areas.find((area) => area.key === '53')!;
    expect(island).toMatchObject({ island: true, pValue: null, cluster: 'ns', spatialLag: 0 });
    // The significance map's legend (tab and figure) counts every area once: p classes, the island, the areas without a value.
    const legend = significanceLegendRows(moran, 'de');
    expect(legend.find((row) => row.label === 'ohne Nachbarn (Insel)')?.count).toBe(1);
    expect(legend.find((row) => row.label === 'keine Daten')?.count).toBe(neighbourKeys.length);
    expect(legend.reduce((sum, row) => sum + (row.count ?? 0), 0)).toBe(areas.length);
    const knn = await call('analysis.moran', { ...MORAN, indicatorId: 'cases_per_1000', weights: { type: 'knn', k: 4 } });
    expect(knn.islands).toEqual([]);
  });

  it('refuses a constant indicator with a message in both languages that says what to do', async (context) => {
    if (!sharedDataAvailable()) skipWithReason(context, '../shared/data is not present beside the checkout');
    const call = backendWith(await stadtteileProject([], true));
    await expect(call('analysis.moran', { ...MORAN, indicatorId: 'cases_per_1000' })).rejects.toMatchObject({
      payload: { code: 'bad-input', message: { de: expect.stringContaining('denselben Wert'), en: expect.stringContaining('same value') } },
    });
  });

  it('refuses fewer than 3 areas with values', async (context) => {
    if (!sharedDataAvailable()) skipWithReason(context, '../shared/data is not present beside the checkout');
    const keys = (await hannoverStadtteile()).map((area) => area.key);
    const call = backendWith(await stadtteileProject(keys.slice(2)));
    await expect(call('analysis.moran', { ...MORAN, indicatorId: 'cases_per_1000' })).rejects.toMatchObject({ payload: { message: { de: expect.stringContaining('Nur 2 von 51') } } });
  });
});
