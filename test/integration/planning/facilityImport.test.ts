// Facilities from point shapefiles (a real BKG point layer in UTM 32 and a written .zip), through the contract on the
// demo: records read, rows without capacity or location reported, points outside all areas named.
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KleinraumApi, MethodName, MethodOutput } from '../../../shared/contract/api';
import { dispatch } from '../../../shared/contract/dispatch';
import type { ErrorPayload } from '../../../shared/contract/errors';
import { createKleinraumApi, disposeKleinraumApi } from '../../../electron/node/services/createKleinraumApi';
import { readFacilityRecords } from '../../../electron/node/services/planning/facilityFile';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { pointShp, textDbf, UTM32_PRJ, type PointRow } from './pointShapefile';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const pointLayer = path.resolve(repoRoot, '../shared/data/boundaries/vg250-ew_2016-12-31_utm32_pk_points_and_gem_dbf/VG250_PK.shp');

let directory: TempDir;
let api: KleinraumApi;

async function call<M extends MethodName>(method: M, input: unknown = {}): Promise<MethodOutput<M>> {
  const result = await dispatch(api, method, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message.en), { payload: result.error });
  return result.value as MethodOutput<M>;
}

async function callError(method: MethodName, input: unknown = {}): Promise<ErrorPayload> {
  const result = await dispatch(api, method, input);
  if (result.ok) throw new Error(`${method} unexpectedly succeeded`);
  return result.error;
}

beforeAll(async () => {
  directory = makeTempDir('kleinraum-facility-import-');
  api = createKleinraumApi({ dataDir: path.join(directory.path, 'data'), host: { mode: 'browser', version: 'test' }, emit: () => {} });
  await call('project.openDemo');
});

afterAll(() => {
  disposeKleinraumApi(api);
  directory.remove();
});

describe('facilities from point shapefiles', () => {
  it('reprojects the BKG municipality points (UTM 32, .prj without EPSG code) to the degrees stored beside them', async () => {
    const records = await readFacilityRecords(pointLayer);
    expect(records).toHaveLength(11271);
    for (const ags of ['03241001', '03241011', '09162000']) {
      const record = records.find((candidate) => candidate.fields.AGS === ags)!;
      expect(record.coordinates![0]).toBeCloseTo(Number(record.fields.LON_DEZ), 5);
      expect(record.coordinates![1]).toBeCloseTo(Number(record.fields.LAT_DEZ), 5);
    }
  });

  it('reports every record of a layer without capacities as skipped for capacity, and takes over nothing', async () => {
    const before = (await call('planning.supply')).facilities.length;
    const answer = await call('planning.importFacilities', { path: pointLayer, kind: 'kita' });
    expect(answer.read).toBe(11271);
    expect(answer.imported).toBe(0);
    expect(answer.skipped.filter((entry) => entry.problem === 'capacity')).toHaveLength(11271);
    expect(answer.listing.facilities).toHaveLength(before);
  });

  it('imports a zipped point shapefile: places count in their municipality, a point in Berlin is named as outside', async () => {
    // UTM 32 coordinates of: Hannover (Kröpcke), Langenhagen centre, Berlin (Alexanderplatz, far outside), a row without capacity.
    const rows: PointRow[] = [
      { x: 550420, y: 5803310, fields: { NAME: 'KiTa Kröpcke', ART: 'KiTa', PLAETZE: '500' } },
      { x: 551300, y: 5812700, fields: { NAME: 'KiTa Langenhagen', ART: 'Kindertagesstätte', PLAETZE: '80' } },
      { x: 802300, y: 5829700, fields: { NAME: 'KiTa Berlin', ART: 'KiTa', PLAETZE: '60' } },
      { x: 550500, y: 5803400, fields: { NAME: 'KiTa ohne Plätze', ART: 'KiTa', PLAETZE: '' } },
    ];
    const zipPath = path.join(directory.path, 'kitas.zip');
    fs.writeFileSync(zipPath, zipSync({ 'kitas/kitas.shp': pointShp(rows), 'kitas/kitas.dbf': textDbf(rows, ['NAME', 'ART', 'PLAETZE']), 'kitas/kitas.prj': new TextEncoder().encode(UTM32_PRJ) }));
    const before = await call('planning.supply');
    const kitaOf = (listing: typeof before, key: string) => listing.areas.find((area) => area.key === key)!.supply.kita!;

    const answer = await call('planning.importFacilities', { path: zipPath });
    expect(answer.read).toBe(4);
    expect(answer.imported).toBe(3);
    expect(answer.skipped).toEqual([expect.objectContaining({ row: 4, problem: 'capacity' })]);
    expect(answer.outside).toEqual(['kitas-3']);
    expect(answer.listing.unassigned).toContain('kitas-3');
    expect(kitaOf(answer.listing, '03241001') - kitaOf(before, '03241001')).toBe(500);
    expect(kitaOf(answer.listing, '03241010') - kitaOf(before, '03241010')).toBe(80);
    const hannover = answer.listing.facilities.find((facility) => facility.id === 'kitas-1')!;
    expect(hannover.longitude).toBeCloseTo(9.74, 1);
    expect(hannover.latitude).toBeCloseTo(52.37, 1);
  });

  it('refuses a polygon layer and a shapefile of unknown coordinate system with a message saying what to do', async () => {
    const polygons = path.resolve(repoRoot, '../shared/data/boundaries/vg5000_2021-01-01_gk3/VG5000_GEM.shp');
    expect((await callError('planning.importFacilities', { path: polygons, kind: 'kita' })).message.de).toContain('Punkt-Ebene');
    const rows: PointRow[] = [{ x: 550420, y: 5803310, fields: { NAME: 'A', PLAETZE: '5' } }];
    const base = path.join(directory.path, 'ohne-prj');
    fs.writeFileSync(`${base}.shp`, pointShp(rows));
    fs.writeFileSync(`${base}.dbf`, textDbf(rows, ['NAME', 'PLAETZE']));
    expect((await callError('planning.importFacilities', { path: `${base}.shp`, kind: 'kita' })).message.de).toContain('.prj');
  });
});

describe('catchment: nearest area by straight line', () => {
  it('keeps every facility assigned and is stored with the project', async () => {
    const listing = await call('planning.setSupply', { catchmentMode: 'nearest' });
    expect(listing.catchmentMode).toBe('nearest');
    expect(listing.unassigned).toEqual([]);
    expect((await call('planning.supply')).catchmentMode).toBe('nearest');
    const buffer = await call('planning.setSupply', { catchmentMode: 'buffer', catchmentKm: 0 });
    expect(buffer.unassigned.length).toBeGreaterThan(0);
  });
});
