/**
 * Path helpers for the in-app file browser. The backend gives absolute paths; the renderer only splits them
 * for breadcrumbs and joins a typed file name to the current folder. Works for "/" and "C:\" style paths.
 */

export interface Breadcrumb {
  label: string;
  path: string;
}

/**
 * @example breadcrumbs('/home/anna/projekte') // [{label:'/',path:'/'},{label:'home',path:'/home'},…]
 * @example breadcrumbs('C:\\Daten\\Sozialplanung')[1] // { label: 'Daten', path: 'C:\\Daten' }
 */
export function breadcrumbs(dir: string): Breadcrumb[] {
  const separator = dir.includes('\\') && !dir.startsWith('/') ? '\\' : '/';
  const parts = dir.split(separator).filter((part) => part.length > 0);
  const crumbs: Breadcrumb[] = [];
  if (separator === '/') {
    crumbs.push({ label: '/', path: '/' });
    let current = '';
    for (const part of parts) {
      current = `${current}/${part}`;
      crumbs.push({ label: part, path: current });
    }
    return crumbs;
  }
  let current = '';
  parts.forEach((part, index) => {
    current = index === 0 ? `${part}\\` : `${current.endsWith('\\') ? current : `${current}\\`}${part}`;
    crumbs.push({ label: part, path: current });
  });
  return crumbs;
}

/**
 * Joins a typed file name to the folder and adds ".gpkg" when it is missing. Null for an empty name or one
 * containing a path separator (the user navigates folders in the list instead).
 * @example saveTarget('/home/anna', 'Bericht 2024') // "/home/anna/Bericht 2024.gpkg"
 */
export function saveTarget(dir: string, fileName: string): string | null {
  const name = fileName.trim();
  if (name.length === 0 || /[\\/]/.test(name)) return null;
  const withExtension = name.toLowerCase().endsWith('.gpkg') ? name : `${name}.gpkg`;
  const separator = dir.includes('\\') && !dir.startsWith('/') ? '\\' : '/';
  return dir.endsWith(separator) ? `${dir}${withExtension}` : `${dir}${separator}${withExtension}`;
}

/** The last part of a path ("/daten/bericht.gpkg" → "bericht.gpkg"). */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter((part) => part.length > 0).at(-1) ?? path;
}

/**
 * The folder a file lies in, shortened to its last two parts so a menu line stays short
 * ("/home/anna/projekte/2024/bericht.gpkg" → "…/projekte/2024").
 */
export function folderLabelOf(path: string): string {
  const separator = path.includes('\\') && !path.startsWith('/') ? '\\' : '/';
  const parts = path.split(/[\\/]/).filter((part) => part.length > 0);
  const folders = parts.slice(0, -1);
  if (folders.length <= 2) return path.slice(0, Math.max(0, path.length - (parts.at(-1)?.length ?? 0) - 1)) || separator;
  return `…${separator}${folders.slice(-2).join(separator)}`;
}

/** Characters Windows (and so a shared drive) refuses in file names, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const INVALID_FILE_NAME_CHARACTERS = /[<>:"/\\|?*\u0000-\u001f]/g;
/** Names Windows reserves for devices, with or without extension. */
const RESERVED_WINDOWS_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/**
 * The file name proposed for saving a project with this title: valid on Windows, macOS and Linux (no
 * ":" etc., no trailing dot or space, no device name), with ".gpkg".
 * @example defaultProjectFileName('Demo: Region Hannover') // "Demo - Region Hannover.gpkg"
 */
export function defaultProjectFileName(title: string): string {
  const cleaned = title
    .replace(/\s*:\s*/g, ' - ')
    .replace(INVALID_FILE_NAME_CHARACTERS, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 120);
  const base = cleaned.length === 0 || RESERVED_WINDOWS_NAMES.test(cleaned) ? `Projekt${cleaned.length > 0 ? `-${cleaned}` : ''}` : cleaned;
  return `${base}.gpkg`;
}
