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
