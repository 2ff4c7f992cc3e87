/**
 * Writing a whole file so that nobody ever sees half of it: the bytes go to a temporary file beside the
 * target, which is then renamed over it. The temporary name is unique per call (process id and a random
 * part), so two processes writing the same file at once (two CLI runs, the app and a script sharing one
 * data folder) each rename a complete file of their own; the last rename wins, and neither fails.
 *
 * Every file the backend writes whole (exports, `--out` files, the recent-projects list, the WFS cache)
 * goes through here; saving a project has its own path (services/atomicSave.ts) because it also fsyncs.
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
  const temporary = path.join(folder, `.${path.basename(filePath)}.${process.pid}-${randomBytes(4).toString('hex')}.partial`);
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, filePath);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
