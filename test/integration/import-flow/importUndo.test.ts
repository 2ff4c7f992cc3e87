/**
 * An import is undone and redone as a whole: the commit keeps a checkpoint of the project before it, and
 * `project.restoreCheckpoint` brings that state back and hands out a checkpoint of the state it replaced.
 * Through the contract (dispatch validates inputs and outputs), on real files from ../shared/data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/contract/errors';
import { createCliBackend, type CliBackend } from '../../../electron/node/cli/backend';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { sharedDataPath } from '../../helpers/sharedData';

const VG5000_GEM = sharedDataPath('boundaries', 'vg5000_2021-01-01_gk3', 'VG5000_GEM.shp');
const ZENSUS_GEMEINDEN = sharedDataPath('population', 'zensus2022', 'zensus2022_1000A-0000_bevoelkerung_gemeinden.csv');

let temp: TempDir;
let backend: CliBackend;

/** Files in the folder of working copies (checkpoints are kept there too). */
function workingFiles(): string[] {
  const folder = path.join(temp.file('data'), 'working');
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.endsWith('.gpkg')) : [];
}

beforeAll(async () => {
  temp = makeTempDir('kleinraum-import-undo-');
  backend = await createCliBackend(temp.file('data'));
  await backend.call('project.new', {});
});
afterAll(() => {
  backend.dispose();
  temp.remove();
});

describe('undo and redo of imports', () => {
  it('undoes a table import, then the boundary import before it, and redoes both', async () => {
    const boundaries = await backend.call('import.previewBoundaries', { path: VG5000_GEM, filterKeyPrefix: '03241' });
    const layerCommit = await backend.call('import.commit', { importId: boundaries.importId });
    expect(layerCommit.checkpoint).not.toBeNull();
    const table = await backend.call('import.previewTable', { path: ZENSUS_GEMEINDEN, layer: 'vg5000_gem' });
    const tableCommit = await backend.call('import.commit', { importId: table.importId });
    expect(tableCommit.summary.sources.length).toBeGreaterThan(layerCommit.summary.sources.length);
    const imported = await backend.call('project.current', {});

    // Undo the table: the project is the one after the boundary import, to the last source and indicator.
    const tableUndone = await backend.call('project.restoreCheckpoint', { checkpoint: tableCommit.checkpoint! });
    expect(tableUndone.summary.sources).toEqual(layerCommit.summary.sources);
    expect(tableUndone.summary.indicators).toEqual(layerCommit.summary.indicators);
    expect(tableUndone.summary.dirty).toBe(true);
    // Undo the boundaries: an empty project again.
    const layerUndone = await backend.call('project.restoreCheckpoint', { checkpoint: layerCommit.checkpoint! });
    expect(layerUndone.summary.layers).toEqual([]);

    // Redo both, in order: the project is as it was after the imports.
    await backend.call('project.restoreCheckpoint', { checkpoint: layerUndone.checkpoint });
    const redone = await backend.call('project.restoreCheckpoint', { checkpoint: tableUndone.checkpoint });
    expect(redone.summary.layers).toEqual(imported.layers);
    expect(redone.summary.sources).toEqual(imported.sources);
    expect(redone.summary.indicators).toEqual(imported.indicators);
    const values = await backend.call('indicator.values', { indicatorId: tableCommit.indicatorsCreated[0]!, layer: 'vg5000_gem' });
    expect(values.values.filter((entry) => entry.value !== null)).toHaveLength(21);
  });

  it('a used or unknown checkpoint is refused with a message and leaves the project unchanged', async () => {
    const before = await backend.call('project.current', {});
    const error = await backend.call('project.restoreCheckpoint', { checkpoint: 'working-1-unknown' }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).text.de).toMatch(/nicht mehr verfügbar/);
    expect(await backend.call('project.current', {})).toEqual(before);
  });

  it('a refused import leaves no checkpoint behind and keeps the undo of the imports before it', async () => {
    const files = workingFiles();
    const ownCheckpoints: string[] = [];
    // Five imports (the number of checkpoints kept) as layers of their own, each undoable.
    for (let index = 0; index < 5; index += 1) {
      const preview = await backend.call('import.previewBoundaries', { path: VG5000_GEM, filterKeyPrefix: '03241' });
      ownCheckpoints.push((await backend.call('import.commit', { importId: preview.importId, layerName: `gemeinden_${index}` })).checkpoint!);
    }
    const before = workingFiles();
    // The same layer name again: refused, nothing written, no checkpoint file left.
    const refused = await backend.call('import.previewBoundaries', { path: VG5000_GEM, filterKeyPrefix: '03241' });
    await expect(backend.call('import.commit', { importId: refused.importId, layerName: 'gemeinden_4' })).rejects.toBeInstanceOf(UserError);
    expect(workingFiles()).toEqual(before);
    expect(before.length).toBeGreaterThan(files.length);
    // The oldest of the five can still be undone (a refused import used to push it out).
    const undone = await backend.call('project.restoreCheckpoint', { checkpoint: ownCheckpoints[0]! });
    expect(undone.summary.layers.map((layer) => layer.name)).not.toContain('gemeinden_0');
  });

  it('the command line commits without a checkpoint, and closing the project removes the checkpoints', async () => {
    expect(workingFiles().length).toBeGreaterThan(1);
    const preview = await backend.call('import.previewBoundaries', { path: VG5000_GEM, filterKeyPrefix: '03241' });
    const committed = await backend.call('import.commit', { importId: preview.importId, layerName: 'gemeinden_cli', undoable: false });
    expect(committed.checkpoint).toBeNull();
    await backend.call('project.new', {});
    expect(workingFiles()).toHaveLength(1);
  });
});
