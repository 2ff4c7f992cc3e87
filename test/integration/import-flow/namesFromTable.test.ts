/**
 * Boundaries without a name field (the Zensus-2022 VG250 keeps only ARS) show their keys as names; the
 * Zensus table imported onto them names the areas, says so, and leaves named areas alone. Undo brings the
 * keys back with the rest of the import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliBackend, type CliBackend } from '../../../electron/node/cli/backend';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { sharedDataAvailable, sharedDataPath } from '../../helpers/sharedData';

const VG250_GEM_SIMPLIFIED = sharedDataPath('boundaries', 'vg250_gem_2022-05-15_simplified_utm32', 'VG250_GEM_simplified.zip');
const ZENSUS_GEMEINDEN = sharedDataPath('population', 'zensus2022', 'zensus2022_1000A-0000_bevoelkerung_gemeinden.csv');
const VG5000_GEM = sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3', 'VG5000_GEM.shp');

let temp: TempDir;
let backend: CliBackend;

beforeAll(async () => {
  temp = makeTempDir('kleinraum-names-from-table-');
  backend = await createCliBackend(temp.file('data'));
});
afterAll(() => {
  backend.dispose();
  temp.remove();
});

async function areaNames(layer: string): Promise<Map<string, string>> {
  const features = await backend.call('layer.features', { layer });
  return new Map(features.features.map((feature) => [feature.properties.key, feature.properties.name]));
}

async function importZensus(layer: string) {
  const preview = await backend.call('import.previewTable', { path: ZENSUS_GEMEINDEN, layer });
  return backend.call('import.commit', { importId: preview.importId });
}

describe.skipIf(!sharedDataAvailable())('area names from a table', () => {
  it('names the 21 municipalities of the ARS-only VG250 from the Zensus table, and says so; undo brings the keys back', async () => {
    await backend.call('project.new', {});
    const boundaries = await backend.call('import.previewBoundaries', { path: VG250_GEM_SIMPLIFIED, filterKeyPrefix: '03241' });
    await backend.call('import.commit', { importId: boundaries.importId });
    expect((await areaNames('vg250_gem')).get('03241001')).toBe('03241001');

    const committed = await importZensus('vg250_gem');
    expect(committed.message.de).toContain('Die Grenzen hatten keine Namen: 21 Gebiete heißen jetzt wie in der Tabelle.');
    const names = await areaNames('vg250_gem');
    expect(names.get('03241001')).toBe('Hannover, Landeshauptstadt');
    expect(names.get('03241010')).toBe('Langenhagen, Stadt');
    expect(committed.summary.layers.find((layer) => layer.name === 'vg250_gem')?.nameField).toMatch(/zensus2022_1000A-0000/);

    await backend.call('project.restoreCheckpoint', { checkpoint: committed.checkpoint! });
    expect((await areaNames('vg250_gem')).get('03241001')).toBe('03241001');
  });

  it('leaves areas that have names alone (VG5000 names its municipalities)', async () => {
    await backend.call('project.new', {});
    const boundaries = await backend.call('import.previewBoundaries', { path: VG5000_GEM, filterKeyPrefix: '03241' });
    await backend.call('import.commit', { importId: boundaries.importId });
    const before = await areaNames('vg5000_gem');
    const committed = await importZensus('vg5000_gem');
    expect(committed.message.de).not.toContain('hatten keine Namen');
    expect(await areaNames('vg5000_gem')).toEqual(before);
    expect(before.get('03241001')).toBe('Hannover');
  });
});
