/**
 * Writing a whole file so that nobody ever sees half of it: the bytes go to a temporary file beside the
 * target, which is then renamed over it. The temporary name is unique per call (process id and a random
 * part), so two processes writing the same file at once (two CLI runs, the app and a script sharing one
 * data folder) each rename a complete file of their own; the last rename wins, and neither fails.
 *
 * Every file the backend writes whole (exports, `--out` files, the recent-projects list, the WFS cache)
 * goes through here; saving a project has its own path (services/atomicSave.ts) because it also fsyncs.
 * Temporary files left by a killed process are removed by the next write of the same file.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes `content` to `filePath` atomically, creating the folder if needed. Throws the file system's error
 * (the caller words it for its user); a failed write leaves neither the temporary file nor a changed target.
 *
 * @example writeFileAtomically('blatt.pdf', pdfBytes)
 */
export function writeFileAtomically(filePath: string, content: Buffer | string): void {
  const folder = path.dirname(filePath);
  const prefix = `.${path.basename(filePath)}.`;
  const temporary = path.join(folder, `${prefix}${process.pid}-${randomBytes(4).toString('hex')}.partial`);
  try {
    fs.mkdirSync(folder, { recursive: true });
    removeAbandonedPartials(folder, prefix);
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, filePath);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
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
