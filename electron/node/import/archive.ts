/**
 * Reading .zip archives of boundary data (BKG ships shapefiles in zips with folders and many layers).
 * Entries that would escape the target (`../`, absolute paths) make the whole archive a UserError: such a
 * zip is either broken or hostile, and Kleinraum never writes its entries anywhere anyway.
 */
import { unzipSync } from 'fflate';
import { UserError } from '../../../shared/contract/errors';

export interface ArchiveEntries {
  /** Entry path (forward slashes) → bytes. Directories are left out. */
  files: Map<string, Uint8Array>;
}

/** Rejects paths with `..` segments, absolute paths and drive letters. */
export function assertSafeEntryPath(entryPath: string, archiveName: string): void {
  const normalised = entryPath.replace(/\\/g, '/');
  if (normalised.startsWith('/') || /^[a-zA-Z]:/.test(normalised) || normalised.split('/').includes('..')) {
    throw new UserError('bad-input', {
      de: `Das Archiv ${archiveName} enthält einen unzulässigen Pfad („${entryPath}“, zeigt aus dem Archiv hinaus). Es wird nicht gelesen. Bitte das Archiv aus der ursprünglichen Quelle neu herunterladen.`,
      en: `The archive ${archiveName} contains an unsafe path ("${entryPath}", pointing outside the archive). It is not read. Please download the archive again from its original source.`,
    });
  }
}

/**
 * Unpacks a zip in memory.
 * @example readArchive(bytes, 'VG250_GEM_simplified.zip').files.has('VG250_GEM.shp') // true
 */
export function readArchive(bytes: Uint8Array, archiveName: string): ArchiveEntries {
  let entries: Record<string, Uint8Array>;
  try {
    // Check every name before any content is inflated.
    entries = unzipSync(bytes, {
      filter: (file) => {
        assertSafeEntryPath(file.name, archiveName);
        return !file.name.endsWith('/');
      },
    });
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('bad-input', {
      de: `${archiveName} ist kein lesbares ZIP-Archiv (${(error as Error).message}). Bitte die Datei erneut herunterladen.`,
      en: `${archiveName} is not a readable ZIP archive (${(error as Error).message}). Please download the file again.`,
    });
  }
  const files = new Map<string, Uint8Array>();
  for (const [name, content] of Object.entries(entries)) {
    // macOS adds resource forks (__MACOSX/…) that look like shapefiles but are not.
    if (name.startsWith('__MACOSX/') || name.split('/').pop()!.startsWith('._')) continue;
    files.set(name.replace(/\\/g, '/'), content);
  }
  return { files };
}
