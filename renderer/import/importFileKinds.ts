/**
 * Which files the wizard offers and what it does with them: boundaries (shapes) or a statistics table.
 * Decided by the extension only, as the file browser lists them; the backend checks the content.
 */

export type ImportFileKind = 'boundaries' | 'table';

const BOUNDARY_EXTENSIONS = ['zip', 'shp', 'geojson', 'json', 'gpkg'] as const;
const TABLE_EXTENSIONS = ['csv', 'txt', 'tsv', 'xlsx', 'dbf'] as const;

/** Extensions (without dot) the file browser lists in the import wizard. */
export const IMPORT_FILE_EXTENSIONS: readonly string[] = [...BOUNDARY_EXTENSIONS, ...TABLE_EXTENSIONS];

/**
 * The kind of an import file from its name, or null when the wizard cannot import it.
 * @example importFileKind('/daten/VG250_GEM.zip') // "boundaries"
 * @example importFileKind('C:\\Daten\\12411-0018.CSV') // "table"
 */
export function importFileKind(filePath: string): ImportFileKind | null {
  const match = /\.([^./\\]+)$/.exec(filePath.trim());
  const extension = match?.[1]?.toLowerCase();
  if (!extension) return null;
  if ((BOUNDARY_EXTENSIONS as readonly string[]).includes(extension)) return 'boundaries';
  if ((TABLE_EXTENSIONS as readonly string[]).includes(extension)) return 'table';
  return null;
}

/**
 * The last part of a path, for headings.
 * @example fileNameOf('/home/anna/VG5000_GEM.shp') // "VG5000_GEM.shp"
 */
export function fileNameOf(filePath: string): string {
  return filePath.split(/[/\\]/).filter((part) => part.length > 0).pop() ?? filePath;
}
