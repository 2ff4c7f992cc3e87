// Killing the app at any moment of a save must never corrupt the project file or lose the last saved state.
// A child process saves in a loop; we SIGKILL it at random moments (bounded: a few rounds) and then check
// that the target is a complete, valid project from one of the saves.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAVE_TEMP_SUFFIX } from '../../../electron/node/services/atomicSave';

/** Temporary save files (and their journals) beside `target`. */
const leftovers = (target: string) => fs.readdirSync(path.dirname(target)).filter((name) => name.startsWith(`${path.basename(target)}.`) && name.includes(SAVE_TEMP_SUFFIX));
import { ProjectSession, removeAbandonedWorkingCopies } from '../../../electron/node/services/projectSession';
import { openDatabase } from '../../../electron/node/storage/openDatabase';
import { readObservations, readSettings } from '../../../electron/node/storage/projectReader';
import { repoRoot } from '../../helpers/repoRoot';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';
import { createCrashTestContent } from './crashTestContent';

const childScript = path.join(repoRoot, 'test/integration/services/saveLoopChild.ts');
const rounds = 4;

/** Starts the save loop, waits until at least `minimumSaves` saves completed, then kills it after a random delay. */
function runAndKill(workDir: string, targetPath: string, minimumSaves: number, killDelayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, workDir, targetPath], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let lastSaved = 0;
    let stderr = '';
    let killScheduled = false;
    const giveUp = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`save loop did not reach ${minimumSaves} saves in time; stderr: ${stderr}`));
    }, 45_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const matches = [...chunk.matchAll(/saved (\d+)/g)];
      const last = matches.at(-1);
      if (last) lastSaved = Number(last[1]);
      if (!killScheduled && lastSaved >= minimumSaves) {
        killScheduled = true;
        setTimeout(() => child.kill('SIGKILL'), killDelayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('exit', (code, signal) => {
      clearTimeout(giveUp);
      if (signal === 'SIGKILL') resolve(lastSaved);
      else reject(new Error(`save loop exited by itself (code ${code}); stderr: ${stderr}`));
    });
  });
}

describe('atomic save', () => {
  let directory: TempDir;
  beforeAll(() => {
    directory = makeTempDir('kleinraum-crash-');
  });
  afterAll(() => directory.remove());

  it(`leaves a complete, valid project after the saving process is killed at random moments (${rounds} rounds)`, async () => {
    const targetPath = directory.file('projekt.gpkg');
    const expectedObservations = createCrashTestContent().observations.length;
    let previousCounter = 0;
    for (let round = 0; round < rounds; round += 1) {
      const killDelayMs = Math.floor(Math.random() * 400);
      const lastReported = await runAndKill(directory.file(`work-${round}`), targetPath, 1, killDelayMs);

      // The open path validates the file (SQLite, GeoPackage, Kleinraum tables, schema) before copying it,
      // and removes what the killed save left beside it.
      const session = ProjectSession.open(directory.file('check'), targetPath);
      expect(leftovers(targetPath)).toEqual([]);
      try {
        expect(readObservations(session.db)).toHaveLength(expectedObservations);
        const counter = Number(readSettings(session.db)['demoSeed']);
        // The file holds the last reported save or the one after it (finished but not yet reported).
        expect([lastReported, lastReported + 1]).toContain(counter);
        expect(counter).toBeGreaterThanOrEqual(1);
        previousCounter = counter;
      } finally {
        session.close();
      }
      const db = openDatabase(targetPath, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
    expect(previousCounter).toBeGreaterThanOrEqual(1);
    expect(leftovers(targetPath)).toEqual([]);
  }, 120_000);
});

describe('what a killed save leaves beside the project', () => {
  it('is removed when the project is opened next (the temporary copy and its journals), while a save still running keeps its files', () => {
    const directory = makeTempDir('kleinraum-leftovers-');
    try {
      const target = directory.file('projekt.gpkg');
      const session = ProjectSession.createNew(directory.file('work'));
      session.saveAs(target);
      session.close();
      // A process id that no longer runs: a child that has exited.
      const gone = spawnSync(process.execPath, ['-e', '']).pid!;
      expect(gone).toBeGreaterThan(0);
      const abandoned = [`projekt.gpkg.${gone}${SAVE_TEMP_SUFFIX}`, `projekt.gpkg.${gone}${SAVE_TEMP_SUFFIX}-journal`, `projekt.gpkg.${gone}${SAVE_TEMP_SUFFIX}-wal`, `projekt.gpkg${SAVE_TEMP_SUFFIX}`];
      const running = [`projekt.gpkg.${process.pid}${SAVE_TEMP_SUFFIX}`, `projekt.gpkg.${process.pid}${SAVE_TEMP_SUFFIX}-journal`];
      const unrelated = ['projekt.gpkg.bak', 'anderes.gpkg.1.kleinraum-tmp'];
      for (const name of [...abandoned, ...running, ...unrelated]) fs.writeFileSync(directory.file(name), 'partial save');
      const reopened = ProjectSession.open(directory.file('work'), target);
      reopened.close();
      expect(fs.readdirSync(path.dirname(target)).filter((name) => name !== 'work').sort()).toEqual(['projekt.gpkg', ...running, ...unrelated].sort());
    } finally {
      directory.remove();
    }
  });
});

describe('working copies of killed processes', () => {
  it('are removed on the next start, while those of running processes stay', async () => {
    const directory = makeTempDir('kleinraum-abandoned-');
    try {
      const workDir = directory.file('work');
      await runAndKill(workDir, directory.file('projekt.gpkg'), 1, 0);
      const own = ProjectSession.createNew(workDir);
      const before = fs.readdirSync(workDir);
      expect(before.length).toBeGreaterThanOrEqual(2);
      expect(removeAbandonedWorkingCopies(workDir)).toBeGreaterThanOrEqual(1);
      expect(fs.readdirSync(workDir).every((name) => name.startsWith(`working-${process.pid}-`))).toBe(true);
      own.close();
      expect(fs.readdirSync(workDir)).toEqual([]);
    } finally {
      directory.remove();
    }
  }, 60_000);
});
