// The profile methods through the contract's dispatch, on a real project working copy (SQLite): what the tab
// and the CLI receive, with the project's small-number threshold and bad periods answered as UserErrors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KleinraumApi, MethodName, MethodOutput } from '../../../shared/contract/api';
import { dispatch } from '../../../shared/contract/dispatch';
import type { ProjectContent } from '../../../shared/model/project';
import { createKleinraumApi, disposeKleinraumApi } from '../../../electron/node/services/createKleinraumApi';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { FIXTURE_COMPARE_PERIOD, FIXTURE_PERIOD, fixtureAreas, fixtureDimensions, fixtureObservations, fixtureSources } from './profileFixtures';

const square = (west: number) => ({ type: 'Polygon' as const, coordinates: [[[west, 52], [west + 0.1, 52], [west + 0.1, 52.1], [west, 52.1], [west, 52]]] });

/** The profile fixture as a project; its age groups are the defaults' under-18 ids renamed, so "under 18" is the first group. */
function fixtureProject(): ProjectContent {
  return {
    title: 'Profile fixture',
    layers: [
      {
        info: { name: 'gemeinden', title: { de: 'Gemeinden', en: 'Municipalities' }, keyField: 'key', nameField: 'name', featureCount: 2, sourceCrs: 'EPSG:4326', sourceId: 'fixture', schematic: false },
        areas: fixtureAreas.map((area, index) => ({ ...area, geometry: square(9 + index * 0.2) })),
      },
    ],
    sources: fixtureSources,
    dimensions: fixtureDimensions,
    variables: [
      { id: 'population', name: { de: 'Bevölkerung', en: 'Population' }, unit: 'Personen', dimensions: ['sex', 'age'], kind: 'stock', sources: [] },
      { id: 'refugees', name: { de: 'Schutzsuchende', en: 'Refugees' }, unit: 'Personen', dimensions: ['sex', 'age', 'status'], kind: 'stock', sources: [] },
      { id: 'foreign_population', name: { de: 'Ausländer', en: 'Foreign' }, unit: 'Personen', dimensions: ['nationality'], kind: 'stock', sources: [] },
    ],
    indicators: [],
    observations: fixtureObservations(),
    settings: {},
  };
}

let directory: TempDir;
let api: KleinraumApi;

async function call<M extends MethodName>(method: M, input: unknown = {}): Promise<MethodOutput<M>> {
  const result = await dispatch(api, method, input, (error) => {
    throw error;
  });
  if (!result.ok) throw Object.assign(new Error(result.error.message.en), { payload: result.error });
  return result.value as MethodOutput<M>;
}

beforeEach(() => {
  directory = makeTempDir('kleinraum-profiles-');
  api = createKleinraumApi({ dataDir: directory.file('data'), host: { mode: 'browser', version: '0.1.0-test' }, emit: () => {}, createDemoContent: fixtureProject });
});

afterEach(() => {
  disposeKleinraumApi(api);
  directory.remove();
});

describe('profiles.compute', () => {
  it('defaults to the first layer and the latest period, lists the periods, and applies the default threshold 3', async () => {
    const set = await call('profiles.compute', {});
    expect(set.layer).toBe('gemeinden');
    expect(set.period).toBe(FIXTURE_PERIOD);
    expect(set.periods).toEqual([FIXTURE_COMPARE_PERIOD, FIXTURE_PERIOD]);
    expect(set.smallNumberThreshold).toBe(3);
    expect(set.areas.map((area) => area.key)).toEqual(['01', '02']);
    expect(set.areas[1]?.refugees).toBeNull();
    expect(set.region.population).toBe(1200);
  });

  it('follows the project setting smallNumberThreshold', async () => {
    await call('project.setSetting', { key: 'smallNumberThreshold', value: 15 });
    const set = await call('profiles.compute', {});
    expect(set.smallNumberThreshold).toBe(15);
    // Town refugees by status: pending 20, granted 30, tolerated 10 — the 10 are suppressed at 15, not at 3,
    // and with them the 20 pending (60 refugees minus the shown statuses would give the 10 back) and the
    // 30 granted (the region's 32 granted minus them would give the village's 2 back).
    expect(set.areas[0]?.status.map((cell) => cell.count)).toEqual([null, null, null]);
    expect(set.areas[0]?.status[0]).toMatchObject({ suppressed: true, complementary: true });
    expect(set.areas[0]?.status[1]).toMatchObject({ suppressed: true, complementary: true });
    // Male refugee minors in the town: 5 + 10 = 15, exactly the threshold: no small count, but the smallest
    // further cell of the town's refugees (60 printed) beside its small ones, so it is withheld to protect them.
    expect(set.areas[0]?.pyramid[0]?.refugeesMale).toMatchObject({ count: null, suppressed: true, complementary: true });
    // 9 Ukrainians in the village: suppressed at 15.
    expect(set.areas[1]?.nationality[1]?.suppressed).toBe(true);
  });

  it('answers a period without data with a UserError naming the available periods', async () => {
    const result = await dispatch(api, 'profiles.compute', { period: '2030-12-31' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('not-found');
    expect(result.error.message.de).toContain(FIXTURE_PERIOD);
  });
});

describe('profiles.export', () => {
  it('returns the figure as SVG bytes with the panel count and a file name', async () => {
    const result = await call('profiles.export', { format: 'svg', view: 'status', areas: ['02', '01'] });
    expect(result).toMatchObject({ fileName: `Profile – Schutzstatus_${FIXTURE_PERIOD}.svg`, mimeType: 'image/svg+xml', panels: 2 });
    const svg = Buffer.from(result.base64, 'base64').toString('utf8');
    // The given order is kept: the village's panel comes first.
    expect(svg.indexOf('data-key="02"')).toBeLessThan(svg.indexOf('data-key="01"'));
  });

  it('returns the deviation chart, and its data as CSV', async () => {
    const svg = await call('profiles.export', { format: 'svg', view: 'deviation', indicatorId: 'foreignShare', measure: 'percentagePoints' });
    expect(Buffer.from(svg.base64, 'base64').toString('utf8')).toContain('Abweichung in Prozentpunkten');
    const csv = await call('profiles.export', { format: 'csv', view: 'deviation' });
    expect(Buffer.from(csv.base64, 'base64').toString('utf8').split('\r\n').filter((line) => /^(01|02|region);/.test(line))).toHaveLength(3);
  });

  it('exports "A gegen B" with both areas: A with B as its outline, and a table of A, B and A − B', async () => {
    // The export held A alone (its age pyramid, "Referenz: B" in small print, B missing from the CSV).
    const svg = Buffer.from((await call('profiles.export', { format: 'svg', view: 'compare', areas: ['01'], reference: '02' })).base64, 'base64').toString('utf8');
    // The three charts of the tab with B's outline, and the indicator rows (it held A's age pyramid alone).
    expect(svg).toContain('Stadt gegen Dorf');
    for (const title of ['Bevölkerung nach Alter und Geschlecht', 'Ausländische Bevölkerung nach Staatsangehörigkeit', 'Schutzsuchende nach Schutzstatus', 'Bevölkerung (Personen)']) expect(svg).toContain(title);
    expect(svg).toContain('+800');
    const csv = Buffer.from((await call('profiles.export', { format: 'csv', view: 'compare', areas: ['01'], reference: '02' })).base64, 'base64').toString('utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    const header = lines.find((line) => line.startsWith('Kennzahl;'))!;
    expect(header.split(';').slice(3, 5)).toEqual(['A − B', 'Einheit der Differenz']);
    expect(header.split(';').slice(1, 3)).toEqual(['Stadt', 'Dorf']);
    expect(lines.find((line) => line.startsWith('Bevölkerung'))).toBe('Bevölkerung (Personen);1000;200;800;Personen');
    expect(lines.find((line) => line.startsWith('Ausländeranteil'))?.split(';')[4]).toBe('Prozentpunkte');
    // B as the region, by its display name; an unknown B is refused rather than replaced by the region.
    const regional = Buffer.from((await call('profiles.export', { format: 'csv', view: 'compare', areas: ['01'], reference: 'region' })).base64, 'base64').toString('utf8');
    expect(regional).toContain('Bevölkerung (Personen);1000;1200;-200;Personen');
    await expect(call('profiles.export', { format: 'csv', view: 'compare', areas: ['01'], reference: '99' })).rejects.toThrow(/Area B "99" does not exist/);
    // Where B has no value (withheld small counts), neither has the difference.
    expect(lines.find((line) => line.startsWith('Schutzsuchende (Personen)'))).toBe('Schutzsuchende (Personen);60;;;Personen');
  });
});
