// Several processes share one data folder (two CLI runs, a script beside the app); each remembers the
// project it opened. Their writes of the recent list must never fail the command nor leave a broken list.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { listRecentProjects, MAX_RECENT_PROJECTS } from '../../../electron/node/services/recentProjects';
import { repoRoot } from '../../helpers/repoRoot';
import { makeTempDir } from '../../helpers/tempDir';

const directory = makeTempDir('kleinraum-recent-');
afterAll(() => directory.remove());

const childScript = path.join(repoRoot, 'test/integration/services/rememberLoopChild.ts');

function rememberLoop(dataDir: string, name: string, count: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, dataDir, name, String(count)], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

it('four processes remembering projects in one data folder at once all succeed and leave a valid list', async () => {
  const dataDir = directory.file('data');
  const runs = await Promise.all(['a', 'b', 'c', 'd'].map((name) => rememberLoop(dataDir, name, 300)));
  for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 });
  const stored: unknown = JSON.parse(fs.readFileSync(path.join(dataDir, 'recent-projects.json'), 'utf8'));
  expect(Array.isArray(stored) && stored.length).toBe(MAX_RECENT_PROJECTS);
  // Each process's last project was remembered after all its others, so the newest entry is one of those.
  expect((stored as { path: string }[])[0]?.path).toMatch(/-299\.gpkg$/);
  expect(fs.readdirSync(dataDir).filter((name) => name !== 'recent-projects.json')).toEqual([]);
  // The paths do not exist, so the list the app shows filters them all out.
  expect(listRecentProjects(dataDir)).toEqual([]);
}, 90_000);
