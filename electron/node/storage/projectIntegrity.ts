/**
 * Checks a project's own structure when it is opened, so that a file changed by another program fails with
 * a message at once instead of an internal error somewhere later: every Kleinraum layer must have its
 * feature table with the columns Kleinraum writes. Kleinraum's own GeoPackage registrations of a layer
 * (gpkg_contents, gpkg_geometry_columns) are restored in the working copy when another program removed them,
 * because without them GDAL and QGIS no longer see the layer; the saved file changes only on the next save.
 */
import path from 'node:path';
import { UserError } from '../../../shared/contract/errors';
import { quoteIdentifier, WGS84_SRS_ID } from './geopackageCore';
import type { SqliteDatabase } from './openDatabase';

const LAYER_COLUMNS = ['geom', 'key', 'name'];

function damaged(fileName: string, de: string, en: string): UserError {
  return new UserError('bad-input', {
    de: `„${fileName}“ ist beschädigt: ${de} Vermutlich wurde die Datei mit einem anderen Programm verändert. Bitte eine Sicherungskopie öffnen.`,
    en: `"${fileName}" is damaged: ${en} The file was probably changed with another program. Please open a backup copy.`,
  });
}

/**
 * Checks every Kleinraum layer of an opened (migrated) working copy and restores missing registrations.
 * @example checkProjectStructure(workingCopy, 'Sozialmonitor.gpkg') // throws a UserError when a layer table is gone
 */
export function checkProjectStructure(db: SqliteDatabase, filePath: string): void {
  const fileName = path.basename(filePath);
  const layers = db.prepare('SELECT table_name, title_de FROM kleinraum_layers').all() as { table_name: string; title_de: string }[];
  for (const layer of layers) {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(layer.table_name);
    if (!table) {
      throw damaged(fileName, `Die Tabelle der Ebene „${layer.table_name}“ fehlt.`, `the table of the layer "${layer.table_name}" is missing.`);
    }
    const columns = (db.prepare(`PRAGMA table_info(${quoteIdentifier(layer.table_name)})`).all() as { name: string }[]).map((column) => column.name);
    const missing = LAYER_COLUMNS.filter((column) => !columns.includes(column));
    if (missing.length > 0) {
      throw damaged(fileName, `Der Tabelle der Ebene „${layer.table_name}“ fehlen die Spalten ${missing.join(', ')}.`, `the table of the layer "${layer.table_name}" lacks the columns ${missing.join(', ')}.`);
    }
    db.prepare(
      `INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, last_change, srs_id) VALUES (?, 'features', ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?)`,
    ).run(layer.table_name, layer.table_name, layer.title_de, WGS84_SRS_ID);
    if (!db.prepare('SELECT 1 FROM gpkg_geometry_columns WHERE table_name = ?').get(layer.table_name)) {
      db.prepare("INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES (?, 'geom', 'MULTIPOLYGON', ?, 0, 0)").run(layer.table_name, WGS84_SRS_ID);
    }
  }
}
