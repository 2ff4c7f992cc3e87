/**
 * Writing a command's file (`--out`): the bytes a service returned, written next to the target and
 * renamed, so a failed or killed run never leaves half a file where the user expects the result.
 */
import fs from 'node:fs';

/** @example writeOutputFile('blatt.pdf', file.base64) */
export function writeOutputFile(outPath: string, base64: string): void {
  const temporary = `${outPath}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, Buffer.from(base64, 'base64'));
    fs.renameSync(temporary, outPath);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
