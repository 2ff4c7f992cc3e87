/**
 * Writing a whole file so that nobody ever sees half of it: the bytes go to a temporary file beside the
 * target, which is then renamed over it. The temporary name is unique per call (process id and a random
 * part), so two processes writing the same file at once (two CLI runs, the app and a script sharing one
 * data folder) each rename a complete file of their own; the last rename wins, and neither fails.
 *
 * The bytes are flushed to disk before the rename, so a power cut after it leaves the new file, not an
 * empty one (ext4 and APFS may otherwise order the rename first). On Windows a rename over a file another
 * process has open for a moment (a virus scanner, the search indexer, Excel reading the CSV) fails with
 * EPERM/EBUSY; it is tried again for up to a second before the error reaches the planner.
 *
 * Every file the backend writes whole (exports, `--out` files, the recent-projects list, the WFS cache)
 * goes through here; saving a project (services/atomicSave.ts) copies a database instead of bytes and uses
 * `flushToDisk` and `renameOver` from here. Temporary files left by a killed process are removed by the
 * next write of the same file.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes `content` to `filePath` atomically, creating the folder if needed. `durable: false` skips the
 * flush for files whose loss in a power cut costs nothing (the recent-projects list; a flush is about
 * 10 ms, which every CLI command would pay). Throws the file system's error
 * (the caller words it for its user); a failed write leaves neither the temporary file nor a changed target.
 *
 * @example writeFileAtomically('blatt.pdf', pdfBytes)
 */
export function writeFileAtomically(filePath: string, content: Buffer | string, options: { durable?: boolean } = {}): void {
  const folder = path.dirname(filePath);
  const prefix = `.${path.basename(filePath)}.`;
  const temporary = path.join(folder, `${prefix}${process.pid}-${randomBytes(4).toString('hex')}.partial`);
  try {
    fs.mkdirSync(folder, { recursive: true });
    removeAbandonedPartials(folder, prefix);
    const fd = fs.openSync(temporary, 'w');
    try {
      fs.writeFileSync(fd, content);
      if (options.durable !== false) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    renameOver(temporary, filePath);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Flushes a file (flags 'r+') or a folder's entries (flags 'r') to disk. */
export function flushToDisk(filePath: string, flags: 'r' | 'r+'): void {
  const fd = fs.openSync(filePath, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

// Windows reports a target held open by another process as EPERM, EACCES or EBUSY; elsewhere these are final.
const TRANSIENT_ON_WINDOWS = new Set(['EPERM', 'EACCES', 'EBUSY']);
const RENAME_RETRY_MS = [10, 20, 40, 80, 160, 320, 400];

/**
 * Renames `from` over `to`. On Windows, tries again while another process briefly holds the target open
 * (graceful-fs does the same for its asynchronous rename).
 * @example renameOver('.blatt.pdf.123-ab.partial', 'blatt.pdf')
 */
export function renameOver(from: string, to: string, platform: NodeJS.Platform = process.platform, rename: (from: string, to: string) => void = fs.renameSync): void {
  for (let attempt = 0; ; attempt += 1) {
    try {
      rename(from, to);
      return;
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : '';
      const wait = RENAME_RETRY_MS[attempt];
      if (platform !== 'win32' || !TRANSIENT_ON_WINDOWS.has(code) || wait === undefined) throw error;
      // A synchronous pause: the callers write synchronously, and a second in all is the most it costs.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
    }
  }
}

// A write takes milliseconds; a partial file this old belongs to a process that was killed while writing.
const ABANDONED_AFTER_MS = 10 * 60_000;

/** Removes temporary files of earlier writes of the same target that never finished (a killed process). */
function removeAbandonedPartials(folder: string, prefix: string): void {
  for (const name of fs.readdirSync(folder)) {
    if (!name.startsWith(prefix) || !name.endsWith('.partial')) continue;
    const file = path.join(folder, name);
    try {
      if (Date.now() - fs.statSync(file).mtimeMs > ABANDONED_AFTER_MS) fs.rmSync(file, { force: true });
    } catch {
      // Renamed or removed meanwhile by its own writer: nothing to clean.
    }
  }
}
