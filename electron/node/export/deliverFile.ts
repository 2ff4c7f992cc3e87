/**
 * Handing an export to the user: written to a path (Electron's save dialog, the CLI) next to the target
 * first and renamed, so a failed export never leaves half a file; or returned as base64 for the browser to
 * download. Shared by every feature that exports files.
 */
import path from 'node:path';
import type { z } from 'zod';
import { UserError } from '../../../shared/contract/errors';
import type { exportedFile } from '../../../shared/contract/methods/export';
import { writeFileAtomically } from '../files/writeFileAtomically';
import { safeFileName } from '../../../shared/export/fileNamePattern';
import { MIME_TYPES, type FigureFormat, type TableFormat } from './renderFiles';

type ExportedFile = z.output<typeof exportedFile>;
type ExportFormat = FigureFormat | TableFormat;

/** The target path with the format's extension; a different extension is a mistake worth stopping for. */
export function targetPath(givenPath: string, format: ExportFormat): string {
  const extension = path.extname(givenPath).toLowerCase();
  if (extension === '') return `${givenPath}.${format}`;
  if (extension !== `.${format}`) {
    throw new UserError('bad-input', {
      de: `Die Datei „${path.basename(givenPath)}“ passt nicht zum Format ${format.toUpperCase()}: bitte die Endung .${format} verwenden oder das Format wechseln.`,
      en: `The file "${path.basename(givenPath)}" does not match the format ${format.toUpperCase()}: use the extension .${format} or change the format.`,
    });
  }
  return givenPath;
}

/** Writes next to the target first and renames, so a failed export never leaves half a file. */
export function writeAtomically(filePath: string, bytes: Buffer): void {
  try {
    writeFileAtomically(filePath, bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError('bad-input', {
      de: `Die Datei „${filePath}“ konnte nicht geschrieben werden (${reason}). Bitte einen anderen Ordner wählen.`,
      en: `Could not write "${filePath}" (${reason}). Please choose another folder.`,
    });
  }
}

/** Writes `bytes` to `filePath` (atomically) or returns them as base64 when there is no path. */
export function deliver(bytes: Buffer, fileName: string, format: ExportFormat, filePath: string | null): ExportedFile {
  // The written name loses bidirectional controls too (a path from a page or a typed --out), so the name shown is the name it has.
  const written = filePath ? path.join(path.dirname(filePath), safeFileName(path.basename(filePath))) : null;
  if (written) writeAtomically(written, bytes);
  return { path: written, fileName: safeFileName(fileName), mimeType: MIME_TYPES[format], base64: written ? null : bytes.toString('base64'), sizeBytes: bytes.length };
}

