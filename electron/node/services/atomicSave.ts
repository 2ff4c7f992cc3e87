/**
 * Saving a project so that killing the process at any moment never corrupts the target or loses the last
 * saved state: write a complete copy next to the target, flush it to disk, then rename it over the target
 * (atomic within one filesystem), then flush the directory entry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/contract/errors';
import type { SqliteDatabase } from '../storage/openDatabase';
import { databaseFileFacts, vacuumInto } from '../storage/databaseCopy';
import { flushToDisk, renameOver } from '../files/writeFileAtomically';

/** Suffix of the temporary file written next to the target during a save (`<target>.<pid>.kleinraum-tmp`). */
export const SAVE_TEMP_SUFFIX = '.kleinraum-tmp';

/** The temporary file of this process's save of `targetPath`; the pid tells a later open whose it was. */
export function saveTemporaryPath(targetPath: string): string {
  return `${targetPath}.${process.pid}${SAVE_TEMP_SUFFIX}`;
}

/** True when a process with this id runs (also when it belongs to another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/**
 * Deletes what a killed save left next to `targetPath`: its temporary copy and that copy's SQLite journal
 * files, when the process that wrote them no longer runs (a save in progress in another window stays).
 * The project's own journal is never touched: it may be a hot journal SQLite needs to roll back.
 * @example removeAbandonedSaveFiles('/home/planer/Sozialmonitor.gpkg') // 2 after a killed save
 */
export function removeAbandonedSaveFiles(targetPath: string): number {
  const folder = path.dirname(targetPath);
  const base = path.basename(targetPath);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(`${base}.`)) continue;
    const match = /^\.(?:(\d+)\.)?kleinraum-tmp(-journal|-wal|-shm)?$/.exec(name.slice(base.length));
    if (!match || (match[1] !== undefined && isProcessAlive(Number(match[1])))) continue;
    fs.rmSync(path.join(folder, name), { force: true });
    removed += 1;
  }
  return removed;
}

function saveFailed(targetPath: string, error: unknown): UserError {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const why =
    code === 'ENOENT'
      ? { de: 'der Ordner existiert nicht', en: 'the folder does not exist' }
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? { de: 'keine Schreibrechte', en: 'no permission to write' }
        : code === 'ENOSPC'
          ? { de: 'der Datenträger ist voll', en: 'the disk is full' }
          : { de: 'Schreibfehler', en: 'write error' };
  return new UserError('bad-input', {
    de: `Speichern nach „${targetPath}“ nicht möglich (${why.de}). Die bisherige Datei ist unverändert; bitte einen anderen Speicherort wählen.`,
    en: `Cannot save to "${targetPath}" (${why.en}). The previous file is unchanged; please choose another location.`,
  });
}

/**
 * Writes a complete copy of `db` to `temporaryPath`. Outside a transaction, a rollback-journal database's
 * file is itself consistent and is copied as it is (for a Germany-wide layer 30 ms instead of 300 ms of
 * VACUUM INTO); VACUUM INTO is used when the file is in WAL mode, inside a transaction, or has many free
 * pages worth leaving out.
 */
function writeSnapshot(db: SqliteDatabase, temporaryPath: string): void {
  const { journalMode, pageCount, freePages } = databaseFileFacts(db);
  if (!db.inTransaction && journalMode !== 'wal' && !db.memory && freePages <= pageCount / 10) {
    // The copy would take the working copy's permissions; the saved file gets the ones a new file gets.
    fs.closeSync(fs.openSync(temporaryPath, 'w'));
    const newFileMode = fs.statSync(temporaryPath).mode;
    fs.copyFileSync(db.name, temporaryPath);
    fs.chmodSync(temporaryPath, newFileMode);
  } else {
    vacuumInto(db, temporaryPath);
  }
}

/**
 * Writes a consistent snapshot of `db` to `targetPath` atomically.
 * @example saveDatabaseAtomically(workingCopy, '/home/planer/Projekte/Sozialmonitor.gpkg')
 */
export function saveDatabaseAtomically(db: SqliteDatabase, targetPath: string): void {
  const absoluteTarget = path.resolve(targetPath);
  const temporaryPath = saveTemporaryPath(absoluteTarget);
  try {
    // Leftovers from saves that were killed midway: never renamed, so never the saved state.
    removeAbandonedSaveFiles(absoluteTarget);
    fs.rmSync(temporaryPath, { force: true });
    writeSnapshot(db, temporaryPath);
    flushToDisk(temporaryPath, 'r+');
    renameOver(temporaryPath, absoluteTarget);
  } catch (error) {
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(temporaryPath + suffix, { force: true });
    throw saveFailed(absoluteTarget, error);
  }
  try {
    // Make the rename itself durable. Directories cannot be fsynced on Windows; there the rename is enough.
    flushToDisk(path.dirname(absoluteTarget), 'r');
  } catch {
    // Best effort only, see above.
  }
}
