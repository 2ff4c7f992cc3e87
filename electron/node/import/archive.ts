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

/** Entries that are never data: folders and macOS resource forks (__MACOSX/…, ._name) that look like shapefiles. */
function isDataEntry(name: string): boolean {
  return !name.endsWith('/') && !name.startsWith('__MACOSX/') && !name.split('/').pop()!.startsWith('._');
}

/**
 * Inflates the entries for which `wanted` (given the entry name with forward slashes) is true. Every name
 * is checked for safety before anything is inflated.
 */
function unzipEntries(bytes: Uint8Array, archiveName: string, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        assertSafeEntryPath(file.name, archiveName);
        const name = file.name.replace(/\\/g, '/');
        return isDataEntry(name) && wanted(name);
      },
    });
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('bad-input', {
      de: `${archiveName} ist kein lesbares ZIP-Archiv (${(error as Error).message}). Bitte die Datei erneut herunterladen.`,
      en: `${archiveName} is not a readable ZIP archive (${(error as Error).message}). Please download the file again.`,
    });
  }
  return new Map(Object.entries(entries).map(([name, content]) => [name.replace(/\\/g, '/'), content]));
}

/**
 * The file names in a zip (forward slashes, no folders, no macOS resource forks), read from its directory
 * without inflating anything: listing the layers of a 100 MB BKG archive takes milliseconds.
 * @example listArchive(bytes, 'VG250_GEM_simplified.zip') // ['VG250_GEM.dbf', 'VG250_GEM.prj', 'VG250_GEM.shp', …]
 */
export function listArchive(bytes: Uint8Array, archiveName: string): string[] {
  const names: string[] = [];
  unzipEntries(bytes, archiveName, (name) => {
    names.push(name);
    return false;
  });
  return names;
}

/**
 * Unpacks a zip in memory: every data entry, or those `wanted` says (e.g. one layer of a BKG archive).
 * @example readArchive(bytes, 'VG250_GEM_simplified.zip').files.has('VG250_GEM.shp') // true
 */
export function readArchive(bytes: Uint8Array, archiveName: string, wanted: (name: string) => boolean = () => true): ArchiveEntries {
  return { files: unzipEntries(bytes, archiveName, wanted) };
}
