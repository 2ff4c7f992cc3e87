/**
 * Checking that a file is a Kleinraum project before anything else touches it, with messages that tell the
 * planner what the file is instead and what to do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/contract/errors';
import { hasGeoPackageCore } from './geopackageCore';
import { openDatabase, type SqliteDatabase } from './openDatabase';

const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

export type ProjectFileKind = 'kleinraum-project' | 'plain-geopackage';

function notAProject(fileName: string, reasonDe: string, reasonEn: string): UserError {
  return new UserError('bad-input', {
    de: `„${fileName}“ ist kein Kleinraum-Projekt: ${reasonDe}`,
    en: `"${fileName}" is not a Kleinraum project: ${reasonEn}`,
  });
}

/**
 * Inspects the file at `filePath` without changing it. Throws a UserError when it is missing, empty, not
 * SQLite or not a GeoPackage; returns whether it is a Kleinraum project or a GeoPackage without
 * Kleinraum tables (e.g. made by QGIS).
 */
export function inspectProjectFile(filePath: string): ProjectFileKind {
  const fileName = path.basename(filePath);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch {
    throw new UserError('not-found', {
      de: `Die Datei „${filePath}“ gibt es nicht (mehr). Bitte den Pfad prüfen oder die Datei erneut auswählen.`,
      en: `The file "${filePath}" does not exist (any more). Please check the path or choose the file again.`,
    });
  }
  if (stat.isDirectory()) throw notAProject(fileName, 'das ist ein Ordner. Bitte eine .gpkg-Datei wählen.', 'it is a folder. Please choose a .gpkg file.');
  if (stat.size === 0) throw notAProject(fileName, 'die Datei ist leer (0 Byte). Bitte eine gespeicherte Projektdatei wählen.', 'the file is empty (0 bytes). Please choose a saved project file.');
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(filePath, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) {
    throw notAProject(
      fileName,
      'die Datei ist keine GeoPackage-/SQLite-Datei (vielleicht eine umbenannte Text- oder Shapefile-Datei). Grenzen und Tabellen bitte über „Importieren“ laden.',
      'the file is not a GeoPackage/SQLite file (perhaps a renamed text or shapefile). Please load boundaries and tables with "Import".',
    );
  }
  let db: SqliteDatabase | null = null;
  try {
    db = openDatabase(filePath, { readonly: true });
    if (!hasGeoPackageCore(db)) {
      throw notAProject(
        fileName,
        'es ist eine SQLite-Datenbank, aber kein GeoPackage (die gpkg_-Tabellen fehlen).',
        'it is an SQLite database but not a GeoPackage (the gpkg_ tables are missing).',
      );
    }
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kleinraum_meta'").get();
    return hasMeta ? 'kleinraum-project' : 'plain-geopackage';
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw notAProject(
      fileName,
      'die Datei ist beschädigt oder unvollständig und lässt sich nicht lesen. Bitte eine Sicherungskopie öffnen.',
      'the file is damaged or incomplete and cannot be read. Please open a backup copy.',
    );
  } finally {
    db?.close();
  }
}

/** The UserError for a GeoPackage that has no Kleinraum tables (e.g. exported from QGIS). */
export function plainGeoPackageError(filePath: string): UserError {
  const fileName = path.basename(filePath);
  return new UserError('unsupported', {
    de: `„${fileName}“ ist ein GeoPackage, aber kein Kleinraum-Projekt. Bitte ein neues Projekt anlegen und die Ebenen daraus über „Importieren“ laden.`,
    en: `"${fileName}" is a GeoPackage but not a Kleinraum project. Please create a new project and load its layers with "Import".`,
  });
}
