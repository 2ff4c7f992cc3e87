/**
 * "Amtliche Grenzen laden" against a local WFS on 127.0.0.1 serving a tiny hand-made fixture (no test needs
 * the internet): request parameters, Kreis filter even when the server ignores it, duplicate land/water
 * parts, EWZ/KFL as observations, BKG attribution, cache for offline use, and a clear offline message.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { UserError } from '../../../shared/contract/errors';
import { createCliBackend, type CliBackend } from '../../../electron/node/cli/backend';
import { repoRoot } from '../../helpers/repoRoot';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

const fixture = readFileSync(path.join(repoRoot, 'test/fixtures/wfs/vg250ew_gem_tiny.json'), 'utf8');
let server: http.Server;
let serviceUrl: string;
const requests: URL[] = [];
let temp: TempDir;
let backend: CliBackend;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    requests.push(new URL(request.url ?? '/', 'http://127.0.0.1'));
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(fixture);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wfs_vg250-ew`;
  temp = makeTempDir('kleinraum-wfs-');
  backend = await createCliBackend(temp.file('data'));
  await backend.call('project.new', {});
});
afterAll(async () => {
  backend.dispose();
  temp.remove();
  await new Promise((resolve) => server.close(resolve));
});

it('fetches the Kreis, filters it, merges land and water parts and imports EWZ and KFL with BKG attribution', async () => {
  const preview = await backend.call('import.fetchOfficialBoundaries', { kreis: '03241', serviceUrl });
  const query = requests[0]!.searchParams;
  expect(query.get('request')).toBe('GetFeature');
  expect(query.get('typeNames')).toBe('vg250-ew:vg250_gem');
  expect(query.get('outputFormat')).toBe('json');
  expect(query.get('srsName')).toBe('EPSG:4326');
  expect(query.get('filter')).toContain('03241*');
  expect(preview.fromCache).toBe(false);
  expect(preview.areas.map((area) => area.key)).toEqual(['03241001', '03241012']);
  expect(preview.report.duplicateKeys).toEqual([{ key: '03241012', featureCount: 2 }]);
  // Only the land part (GF 4) carries EWZ: 1000 + 300, Braunschweig's 5000 is outside the Kreis.
  expect(preview.population).toEqual({ stichtag: null, total: 1300 });
  expect(preview.source.attribution).toMatch(/^© GeoBasis-DE \/ BKG \d{4}$/);

  // The fixture states no Stichtag for EWZ: commit asks for it instead of guessing.
  const missing = await backend.call('import.commit', { importId: preview.importId }).catch((error: unknown) => error);
  expect(missing).toBeInstanceOf(UserError);
  expect((missing as UserError).text.de).toMatch(/--period/);
  const committed = await backend.call('import.commit', { importId: preview.importId, period: '2022-12-31' });
  expect(committed).toMatchObject({ kind: 'boundaries', features: 2, observations: 4 });
  expect(committed.variablesCreated.sort()).toEqual(['area_km2', 'population']);
  const source = committed.summary.sources.find((candidate) => candidate.id === committed.sourceId)!;
  expect(source.publisher).toMatch(/BKG/);
  expect(source.licence).toMatch(/dl-de\/by-2-0/);
});

it('answers from the cache when the service is gone, and says clearly when it was never reached', async () => {
  const stoppedServer = http.createServer();
  await new Promise<void>((resolve) => stoppedServer.listen(0, '127.0.0.1', resolve));
  const deadUrl = `http://127.0.0.1:${(stoppedServer.address() as AddressInfo).port}/wfs`;
  await new Promise((resolve) => stoppedServer.close(resolve));

  const cached = await backend.call('import.fetchOfficialBoundaries', { kreis: '03241', serviceUrl });
  expect(cached.fromCache).toBe(true);
  expect(cached.areas).toHaveLength(2);
  await backend.call('import.cancel', { importId: cached.importId });

  const offline = await backend.call('import.fetchOfficialBoundaries', { kreis: '03241', serviceUrl: deadUrl }).catch((error: unknown) => error);
  expect(offline).toBeInstanceOf(UserError);
  expect((offline as UserError).text.de).toMatch(/nicht erreichbar/);
  expect((offline as UserError).text.en).toMatch(/cannot be reached/);
});
