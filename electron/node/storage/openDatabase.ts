/**
 * The one way Kleinraum opens an SQLite database. Centralised so that the Electron main process can point
 * better-sqlite3 at a native build for Electron's ABI while tests, the CLI and browser mode use the
 * default Node build, and so that every connection gets the same pragmas and SQL functions.
 */
import Database from 'better-sqlite3';
import { registerGeoPackageSqlFunctions } from './geopackageSqlFunctions';

let sqliteNativeBinding: string | undefined;

/**
 * Sets the path of the better-sqlite3 native addon used by every later `openDatabase` call.
 * `undefined` restores the default (the build in node_modules for the running Node).
 * @example setSqliteNativeBinding(path.join(resourcesPath, 'better_sqlite3.electron.node'))
 */
export function setSqliteNativeBinding(nativeBindingPath: string | undefined): void {
  sqliteNativeBinding = nativeBindingPath;
}

export interface OpenDatabaseOptions {
  /** Open read-only (the file must exist). Default false. */
  readonly?: boolean;
  /** Fail instead of creating a new file when the path does not exist. Default false. */
  fileMustExist?: boolean;
}

/**
 * Opens (or creates) the SQLite file at `databasePath` with foreign keys on and the SQL functions
 * GDAL-made GeoPackages call from their triggers (ST_IsEmpty, ST_MinX, …) registered.
 * @example const db = openDatabase('/tmp/project.gpkg', { fileMustExist: true });
 */
export function openDatabase(databasePath: string, options: OpenDatabaseOptions = {}): Database.Database {
  const db = new Database(databasePath, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ? true : (options.fileMustExist ?? false),
    nativeBinding: sqliteNativeBinding,
  });
  db.pragma('foreign_keys = ON');
  registerGeoPackageSqlFunctions(db);
  return db;
}

export type SqliteDatabase = Database.Database;
