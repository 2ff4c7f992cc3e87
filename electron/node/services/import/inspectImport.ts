/**
 * `import.inspect`: what a file is, before any choice is made — boundaries (with the layers of a zip or
 * GeoPackage) or a table (with its sheets and how the first sheet would be read).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../../shared/contract/errors';
import type { InspectResult } from '../../../../shared/contract/methods/import';
import { listBoundaryLayers } from '../../import/readBoundaries';
import { listXlsxSheets } from '../../import/readTable';
import { runOffThread } from './offThread';
import { tablePreviewDto } from './tablePreview';

const BOUNDARY_FORMATS: Record<string, InspectResult['format']> = { '.zip': 'shapefile-zip', '.shp': 'shapefile', '.geojson': 'geojson', '.json': 'geojson', '.gpkg': 'geopackage' };
// A .dbf is a dBASE table: read as one, also the attribute table of a shapefile (its preview says where the boundaries are).
const TABLE_FORMATS: Record<string, InspectResult['format']> = { '.csv': 'csv', '.txt': 'csv', '.tsv': 'csv', '.xlsx': 'xlsx', '.dbf': 'dbf' };

/** The other files of a shapefile set: chosen alone, they are either beside their .shp or without one. */
const SHAPEFILE_MEMBERS = new Set(['.shx', '.prj', '.cpg', '.sbn', '.sbx', '.qix']);

function shapefileMemberError(filePath: string): UserError {
  const fileName = path.basename(filePath);
  const base = fileName.slice(0, -path.extname(fileName).length);
  const shp = readdirSync(path.dirname(filePath)).find((name) => name.toLowerCase() === `${base.toLowerCase()}.shp`);
  if (shp) {
    return new UserError('bad-input', {
      de: `${fileName} gehört zum Shapefile ${base}. Bitte dessen Hauptdatei ${shp} wählen; die übrigen Dateien (.dbf, .shx, .prj, .cpg) liest Kleinraum von selbst mit.`,
      en: `${fileName} belongs to the shapefile ${base}. Please choose its main file ${shp}; Kleinraum reads the other files (.dbf, .shx, .prj, .cpg) along with it.`,
    });
  }
  return new UserError('bad-input', {
    de: `${fileName} gehört zu einem Shapefile, aber die Geometrie ${base}.shp fehlt daneben. Bitte alle Dateien des Shapefiles (.shp, .shx, .dbf, .prj, .cpg) zusammen in einen Ordner kopieren oder als .zip wählen; die Sachdaten allein lassen sich als Tabelle importieren: dazu die ${base}.dbf wählen.`,
    en: `${fileName} belongs to a shapefile, but its geometry ${base}.shp is missing beside it. Please copy all files of the shapefile (.shp, .shx, .dbf, .prj, .cpg) into one folder together or choose them as a .zip; the attributes alone can be imported as a table: choose ${base}.dbf for that.`,
  });
}

/** @example await inspectImportFile('../shared/data/refugees/schutzsuchende_….csv') // { kind: 'table', format: 'csv', table: { delimiter: ';', … } } */
export async function inspectImportFile(filePath: string, sheet?: string): Promise<InspectResult> {
  let sizeBytes: number;
  try {
    const stat = statSync(filePath);
    if (!stat.isFile()) throw new Error('not a file');
    sizeBytes = stat.size;
  } catch {
    throw new UserError('not-found', { de: `${filePath} wurde nicht gefunden. Bitte den Pfad prüfen.`, en: `${filePath} was not found. Please check the path.` });
  }
  const extension = path.extname(filePath).toLowerCase();
  const fileName = path.basename(filePath);
  const boundaryFormat = BOUNDARY_FORMATS[extension];
  if (boundaryFormat) {
    return { path: filePath, fileName, sizeBytes, kind: 'boundaries', format: boundaryFormat, layers: listBoundaryLayers(filePath), sheets: [], table: null };
  }
  const tableFormat = TABLE_FORMATS[extension];
  if (tableFormat) {
    const sheets = tableFormat === 'xlsx' ? await listXlsxSheets(filePath) : [];
    const table = await runOffThread('readTableFile', [filePath, { sheet }]);
    return { path: filePath, fileName, sizeBytes, kind: 'table', format: tableFormat, layers: [], sheets, table: tablePreviewDto(table) };
  }
  if (SHAPEFILE_MEMBERS.has(extension)) throw shapefileMemberError(filePath);
  throw new UserError('unsupported', {
    de: `${fileName}: dieses Format kann Kleinraum nicht importieren. Möglich sind Grenzen (Shapefile als .shp oder .zip, GeoJSON, GeoPackage) und Tabellen (CSV/TXT, XLSX, dBASE .dbf). Alte .xls-Dateien bitte in Excel als .xlsx speichern.`,
    en: `${fileName}: Kleinraum cannot import this format. Possible are boundaries (shapefile as .shp or .zip, GeoJSON, GeoPackage) and tables (CSV/TXT, XLSX, dBASE .dbf). Please save old .xls files as .xlsx in Excel.`,
  });
}
