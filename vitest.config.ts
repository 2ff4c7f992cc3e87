import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const TEST_FOLDERS = ['test/unit', 'test/integration'];

function testFilesBelow(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return testFilesBelow(full);
    return entry.name.endsWith('.test.ts') ? [full.split(path.sep).join('/')] : [];
  });
}

/**
 * Test files that replace a module (vi.mock): they need a module graph of their own, or a module another
 * file already loaded in the same worker would stay unmocked (and the mock would leak into later files).
 */
const mockingFiles = TEST_FOLDERS.flatMap(testFilesBelow).filter((file) => /\bvi\.(?:mock|doMock)\(/.test(fs.readFileSync(file, 'utf8')));

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'shared-modules',
          include: TEST_FOLDERS.map((folder) => `${folder}/**/*.test.ts`),
          exclude: mockingFiles,
          // The files of one worker share loaded modules instead of importing the backend again for each
          // file (about 45 s of imports in a full run, 15 s without): tests hold no module-level state of
          // their own, each makes its temporary folders and backends.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'module-mocks', include: mockingFiles, isolate: true } },
    ],
  },
});
