/**
 * Writing a command's file (`--out`): the bytes a service returned, written next to the target and
 * renamed, so a failed or killed run never leaves half a file where the user expects the result.
 */
import { writeFileAtomically } from '../files/writeFileAtomically';

/** @example writeOutputFile('blatt.pdf', file.base64) */
export function writeOutputFile(outPath: string, base64: string): void {
  writeFileAtomically(outPath, Buffer.from(base64, 'base64'));
}
