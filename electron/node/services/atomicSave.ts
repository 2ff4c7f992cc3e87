/**
 * Saving a project so that killing the process at any moment never corrupts the target or loses the last
 * saved state: write a complete copy next to the target, flush it to disk, then rename it over the target
 * (atomic within one filesystem), then flush the directory entry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/contract/errors';
import type { SqliteDatabase } from '../storage/openDatabase';

/** Suffix of the temporary file written next to the target during a save. */
export const SAVE_TEMP_SUFFIX = '.kleinraum-tmp';

function fsyncPath(filePath: string, flags: string): void {
  const fd = fs.openSync(filePath, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
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
 * Writes a consistent snapshot of `db` to `targetPath` atomically.
 * @example saveDatabaseAtomically(workingCopy, '/home/planer/Projekte/Sozialmonitor.gpkg')
 */
export function saveDatabaseAtomically(db: SqliteDatabase, targetPath: string): void {
  const absoluteTarget = path.resolve(targetPath);
  const temporaryPath = absoluteTarget + SAVE_TEMP_SUFFIX;
  try {
    // A leftover from a save that was killed midway: it was never renamed, so it is not the saved state.
    fs.rmSync(temporaryPath, { force: true });
    db.prepare('VACUUM INTO ?').run(temporaryPath);
    fsyncPath(temporaryPath, 'r+');
    fs.renameSync(temporaryPath, absoluteTarget);
  } catch (error) {
    fs.rmSync(temporaryPath, { force: true });
    throw saveFailed(absoluteTarget, error);
  }
  try {
    // Make the rename itself durable. Directories cannot be fsynced on Windows; there the rename is enough.
    fsyncPath(path.dirname(absoluteTarget), 'r');
  } catch {
    // Best effort only, see above.
  }
}
