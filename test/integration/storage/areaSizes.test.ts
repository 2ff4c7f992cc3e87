// Indicators need each area's key, name and size, not its outline: readAreaSizes reads those without
// decoding geometry, and must describe exactly the areas readAreas returns, in the same order.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { applyMigrations } from '../../../electron/node/storage/migrations';
import { openDatabase } from '../../../electron/node/storage/openDatabase';
import { readAreas, readAreaSizes } from '../../../electron/node/storage/projectReader';
import { writeProjectContent } from '../../../electron/node/storage/projectWriter';
import { createDemoProject } from '../../../shared/demo/createDemoProject';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

let directory: TempDir;
beforeEach(() => {
  directory = makeTempDir('kleinraum-area-sizes-');
});
afterEach(() => directory.remove());

it('reads the same areas as readAreas, without their geometry', () => {
  const db = openDatabase(directory.file('demo.gpkg'));
  try {
    applyMigrations(db);
    const content = createDemoProject();
    writeProjectContent(db, content);
    const layer = content.layers[0]!.info.name;
    const sizes = readAreaSizes(db, layer);
    expect(sizes).toHaveLength(21);
    expect(sizes).toEqual(readAreas(db, layer).map(({ key, name, areaKm2, parentKey }) => ({ key, name, areaKm2, parentKey })));
    expect(sizes.find((area) => area.key === '03241001')?.areaKm2).toBeGreaterThan(100);
    expect(sizes.every((area) => !('geometry' in area))).toBe(true);
    expect(() => readAreaSizes(db, 'gibt_es_nicht')).toThrow(/gibt_es_nicht/);
  } finally {
    db.close();
  }
});
