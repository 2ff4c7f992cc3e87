/**
 * Reading .zip archives of boundary data (BKG ships shapefiles in zips with folders and many layers).
 * Only the central directory is read up front; an entry is inflated when it is asked for, never beyond its
 * declared size or the archive's budget of expanded bytes (a UserError says which) — so a zip bomb costs a
 * few megabytes, not gigabytes. Entries that would escape the target (`../`,
 * absolute paths) make the whole archive a UserError: such a zip is either broken or hostile.
 */
import { inflateRawSync } from 'node:zlib';
import { UserError } from '../../../shared/contract/errors';

/** At most this many bytes are expanded from one archive in total (all entries read). */
export const DEFAULT_MAX_EXPANDED_BYTES = 1024 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;
const MAX_RATIO = 500;
const SUSPICIOUS_MIN_BYTES = 16 * 1024 * 1024;

export interface ArchiveEntry {
  /** Entry path with forward slashes, e.g. "vg250_ebenen_0101/VG250_GEM.shp". */
  name: string;
  compressedSize: number;
  /** Size after inflating, as the archive declares it. */
  size: number;
}

export interface Archive {
  /** File entries (no folders, no macOS resource forks). */
  entries: ArchiveEntry[];
  /** Inflates one entry. Throws a UserError when it is damaged, encrypted or larger than declared or allowed. */
  read(name: string): Uint8Array;
  /** Inflates one entry and hands it to `consume` in chunks (for streaming decoders); `consume` returns false to stop early. */
  stream(name: string, consume: (chunk: Uint8Array) => boolean | void): void;
}

export interface ArchiveLimits {
  /** Budget of expanded bytes over all entries read (default 1 GiB). */
  maxExpandedBytes?: number;
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

function unreadable(archiveName: string, de: string, en: string): UserError {
  return new UserError('bad-input', {
    de: `${archiveName} ist kein lesbares ZIP-Archiv (${de}). Bitte die Datei erneut herunterladen oder das Archiv mit einem Packprogramm prüfen.`,
    en: `${archiveName} is not a readable ZIP archive (${en}). Please download the file again or check the archive with an archive tool.`,
  });
}

function tooLarge(archiveName: string, entryName: string, limitBytes: number): UserError {
  const megabytes = Math.round(limitBytes / 1024 / 1024);
  return new UserError('bad-input', {
    de: `${archiveName}: Der Eintrag „${entryName}“ wird beim Entpacken größer als erlaubt (${megabytes} MB) oder größer als angegeben; das Archiv ist beschädigt oder eine „ZIP-Bombe“. Bitte nur die benötigte Ebene entpackt (.shp, .shx, .dbf, .prj) wählen.`,
    en: `${archiveName}: the entry "${entryName}" expands beyond the allowed size (${megabytes} MB) or beyond its declared size; the archive is damaged or a "zip bomb". Please choose only the layer needed, unpacked (.shp, .shx, .dbf, .prj).`,
  });
}

interface DirectoryEntry extends ArchiveEntry {
  flags: number;
  method: number;
  localHeaderOffset: number;
}

/** Finds the end-of-central-directory record (it may be followed by a comment of up to 64 KiB). */
function findEndOfDirectory(view: DataView): number {
  for (let offset = view.byteLength - 22; offset >= Math.max(0, view.byteLength - 22 - 65535); offset -= 1) {
    if (view.getUint32(offset, true) === 0x06054b50) return offset;
  }
  return -1;
}

function readDirectory(bytes: Uint8Array, archiveName: string): DirectoryEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  if (end < 0) throw unreadable(archiveName, 'kein Inhaltsverzeichnis, vielleicht abgeschnitten', 'no central directory, perhaps cut off');
  let count = view.getUint16(end + 10, true);
  let directoryOffset = view.getUint32(end + 16, true);
  if (directoryOffset === 0xffffffff || count === 0xffff) {
    // ZIP64: the real values sit in the ZIP64 end record, found through its locator just before.
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) throw unreadable(archiveName, 'ZIP64-Verzeichnis fehlt', 'ZIP64 directory missing');
    const zip64End = Number(view.getBigUint64(locator + 8, true));
    if (zip64End + 56 > bytes.length || view.getUint32(zip64End, true) !== 0x06064b50) throw unreadable(archiveName, 'ZIP64-Verzeichnis beschädigt', 'ZIP64 directory damaged');
    count = Number(view.getBigUint64(zip64End + 32, true));
    directoryOffset = Number(view.getBigUint64(zip64End + 48, true));
  }
  const entries: DirectoryEntry[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw unreadable(archiveName, 'Inhaltsverzeichnis beschädigt', 'central directory damaged');
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    let compressedSize = view.getUint32(offset + 20, true);
    let size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    let localHeaderOffset = view.getUint32(offset + 42, true);
    if (offset + 46 + nameLength + extraLength > bytes.length) throw unreadable(archiveName, 'Inhaltsverzeichnis abgeschnitten', 'central directory cut off');
    const nameBytes = bytes.subarray(offset + 46, offset + 46 + nameLength);
    // Bit 11: the name is UTF-8; otherwise CP437, of which Kleinraum only needs the ASCII part.
    const name = new TextDecoder((flags & 0x800) !== 0 ? 'utf-8' : 'latin1').decode(nameBytes).replace(/\\/g, '/');
    let extra = offset + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = view.getUint16(extra, true);
      const length = view.getUint16(extra + 2, true);
      if (id === 0x0001) {
        let field = extra + 4;
        if (size === 0xffffffff) {
          size = Number(view.getBigUint64(field, true));
          field += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(view.getBigUint64(field, true));
          field += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(view.getBigUint64(field, true));
      }
      extra += 4 + length;
    }
    entries.push({ name, flags, method, compressedSize, size, localHeaderOffset });
    offset = extraEnd + commentLength;
  }
  return entries;
}

/** Largest single output chunk of the inflater; bigger entries are inflated in chunks of this size. */
const MAX_INFLATE_CHUNK = 64 * 1024 * 1024;

/**
 * One entry's bytes (a stored entry's as a copy). Stops with a UserError when the entry grows beyond its
 * declared size or the budget, which it is charged.
 */
function expandEntry(bytes: Uint8Array, entry: DirectoryEntry, archiveName: string, budget: { remaining: number; limit: number }): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw unreadable(archiveName, `Eintrag ${entry.name} beschädigt`, `entry ${entry.name} damaged`);
  const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw unreadable(archiveName, `Eintrag ${entry.name} abgeschnitten`, `entry ${entry.name} cut off`);
  const limit = Math.min(entry.size, budget.remaining);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw unreadable(archiveName, `Größe von ${entry.name} widersprüchlich`, `size of ${entry.name} inconsistent`);
    if (entry.size > budget.remaining) throw tooLarge(archiveName, entry.name, budget.limit);
    budget.remaining -= entry.size;
    return bytes.slice(dataStart, dataEnd);
  }
  // Node's native inflate (zlib) is several times faster than a JavaScript inflater on a Germany-wide
  // layer; maxOutputLength keeps a zip bomb from expanding beyond the entry's declared size or the budget.
  // One output chunk of the declared size (capped): zlib's default 16 KiB chunks are joined afterwards,
  // which took half of the 28 ms of inflating VG250_GEM.shp (3 MB).
  let expanded: Buffer;
  try {
    expanded = inflateRawSync(bytes.subarray(dataStart, dataEnd), { maxOutputLength: limit + 1, chunkSize: Math.min(Math.max(limit + 1, 64), MAX_INFLATE_CHUNK) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(archiveName, entry.name, entry.size > budget.limit ? budget.limit : entry.size);
    throw unreadable(archiveName, `Eintrag ${entry.name}: ${(error as Error).message}`, `entry ${entry.name}: ${(error as Error).message}`);
  }
  if (expanded.length > limit) throw tooLarge(archiveName, entry.name, entry.size > budget.limit ? budget.limit : entry.size);
  budget.remaining -= expanded.length;
  if (expanded.length !== entry.size) throw unreadable(archiveName, `Eintrag ${entry.name} hat ${expanded.length} statt ${entry.size} Bytes`, `entry ${entry.name} has ${expanded.length} instead of ${entry.size} bytes`);
  // A plain Uint8Array over zlib's buffer, not a copy: copying the 3 MB of a Germany-wide .shp took 15 ms.
  return new Uint8Array(expanded.buffer, expanded.byteOffset, expanded.length);
}

/**
 * Opens a zip held in memory. Names are checked at once; contents are inflated entry by entry on `read`.
 * @example openArchive(bytes, 'VG250_GEM_simplified.zip').entries.map((entry) => entry.name) // ['VG250_GEM.shp', …]
 */
export function openArchive(bytes: Uint8Array, archiveName: string, limits: ArchiveLimits = {}): Archive {
  const directory = readDirectory(bytes, archiveName);
  for (const entry of directory) assertSafeEntryPath(entry.name, archiveName);
  const files = directory.filter((entry) => !entry.name.endsWith('/') && !entry.name.startsWith('__MACOSX/') && !entry.name.split('/').pop()!.startsWith('._'));
  const byName = new Map(files.map((entry) => [entry.name, entry]));
  const limit = limits.maxExpandedBytes ?? DEFAULT_MAX_EXPANDED_BYTES;
  const budget = { remaining: limit, limit };
  const checkedEntry = (name: string): DirectoryEntry => {
    const entry = byName.get(name);
    if (!entry) throw unreadable(archiveName, `Eintrag ${name} fehlt`, `entry ${name} missing`);
    if ((entry.flags & 0x01) !== 0) {
      throw new UserError('unsupported', {
        de: `${archiveName} ist mit einem Passwort geschützt (verschlüsselt). Bitte das Archiv mit dem Passwort entpacken und die entpackten Dateien wählen.`,
        en: `${archiveName} is password-protected (encrypted). Please unpack the archive with its password and choose the unpacked files.`,
      });
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw new UserError('unsupported', {
        de: `${archiveName} nutzt ein nicht unterstütztes Packverfahren (Methode ${entry.method}) für ${entry.name}. Bitte das Archiv entpacken und als normales ZIP neu packen oder die entpackten Dateien wählen.`,
        en: `${archiveName} uses an unsupported compression (method ${entry.method}) for ${entry.name}. Please unpack it and pack it again as a normal ZIP, or choose the unpacked files.`,
      });
    }
    // Deflate cannot exceed about 1032:1; real shapefiles and spreadsheets stay far below 500:1 while bombs sit near the maximum.
    if (entry.size > SUSPICIOUS_MIN_BYTES && entry.size > MAX_RATIO * Math.max(1, entry.compressedSize)) throw tooLarge(archiveName, entry.name, budget.limit);
    return entry;
  };
  return {
    entries: files.map(({ name, compressedSize, size }) => ({ name, compressedSize, size })),
    read(name) {
      const entry = checkedEntry(name);
      if (entry.size > budget.remaining) throw tooLarge(archiveName, entry.name, budget.limit);
      return expandEntry(bytes, entry, archiveName, budget);
    },
    stream(name, consume) {
      const expanded = expandEntry(bytes, checkedEntry(name), archiveName, budget);
      for (let start = 0; start < expanded.length; start += CHUNK_BYTES) {
        if (consume(expanded.subarray(start, Math.min(expanded.length, start + CHUNK_BYTES))) === false) return;
      }
    },
  };
}
