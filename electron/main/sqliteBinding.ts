/**
 * better-sqlite3 is a native module built for one ABI. Tests, the CLI and browser mode run under plain
 * Node and use the build in node_modules; Electron has a different ABI and needs its own build:
 * - packaged app: electron-builder (`npmRebuild: true`) rebuilds node_modules/better-sqlite3 for
 *   Electron, so the default binding is already right;
 * - development checkout: a separately built Electron-ABI addon may sit at
 *   build/native/electron/better_sqlite3.node (e.g. made with `npx @electron/rebuild` on a machine with
 *   internet, then copied there); it is used when present.
 * storage/openDatabase.ts takes the path through setSqliteNativeBinding before any database is opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setSqliteNativeBinding } from '../node/storage/openDatabase';

/** Relative to the app root (the folder with package.json). */
export const DEV_ELECTRON_SQLITE_BINDING = path.join('build', 'native', 'electron', 'better_sqlite3.node');

/**
 * Chooses the better-sqlite3 addon for this Electron process and returns its path (undefined = default).
 * @example selectSqliteBinding(app.getAppPath(), app.isPackaged)
 */
export function selectSqliteBinding(appRoot: string, isPackaged: boolean): string | undefined {
  const candidate = path.join(appRoot, DEV_ELECTRON_SQLITE_BINDING);
  const binding = !isPackaged && fs.existsSync(candidate) ? candidate : undefined;
  setSqliteNativeBinding(binding);
  return binding;
}
