/**
 * Reading the feature tables of any GeoPackage (made by QGIS, GDAL or Kleinraum) for import: which tables
 * there are, and the rows of one as attributes plus GeoJSON geometry in the file's SRS. Storage owns every
 * opening of a GeoPackage and all SQL; the importer only sees plain features. Nothing is written.
 */
import path from 'node:path';
import type { Geometry } from 'geojson';
import { UserError } from '../../../shared/contract/errors';
import { decodeGeoPackageGeometry } from './geopackageBinary';
import { hasGeoPackageCore, quoteIdentifier } from './geopackageCore';
import { openDatabase, type SqliteDatabase } from './openDatabase';

export interface GeoPackageFeature {
  properties: Record<string, string | number | boolean | null>;
  /** Null for an empty or missing geometry. */
  geometry: Geometry | null;
}

export interface GeoPackageLayer {
  table: string;
  /** The layer's SRS as registered in gpkg_spatial_ref_sys, or null when the row is missing. */
  srs: { organization: string; code: number; definition: string } | null;
  features: GeoPackageFeature[];
}

function notReadable(filePath: string, de: string, en: string): UserError {
  return new UserError('bad-input', {
    de: `${path.basename(filePath)} ist kein lesbares GeoPackage (${de}). Bitte die Datei in QGIS prüfen oder neu exportieren.`,
    en: `${path.basename(filePath)} is not a readable GeoPackage (${en}). Please check the file in QGIS or export it again.`,
  });
}

function withGeoPackage<T>(filePath: string, work: (db: SqliteDatabase) => T): T {
  let db: SqliteDatabase;
  try {
    db = openDatabase(filePath, { readonly: true });
  } catch {
    throw notReadable(filePath, 'keine SQLite-Datei', 'not an SQLite file');
  }
  try {
    let isGeoPackage: boolean;
    try {
      isGeoPackage = hasGeoPackageCore(db);
    } catch {
      throw notReadable(filePath, 'keine SQLite-Datei oder beschädigt', 'not an SQLite file, or damaged');
    }
    if (!isGeoPackage) throw notReadable(filePath, 'die gpkg_-Tabellen fehlen', 'the gpkg_ tables are missing');
    return work(db);
  } finally {
    db.close();
  }
}

/**
 * Feature tables registered in gpkg_contents, sorted by name.
 * @example listGeoPackageFeatureTables('stadtteile.gpkg') // ['stadtteile']
 */
export function listGeoPackageFeatureTables(filePath: string): string[] {
  return withGeoPackage(filePath, (db) => (db.prepare("SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name").pluck().all() as string[]));
}

/**
 * All rows of one feature table. A row whose geometry blob cannot be decoded is a UserError naming the row;
 * a table registered but missing, or without a geometry-columns row, too.
 * @example readGeoPackageLayer('stadtteile.gpkg', 'stadtteile').features.length // 51
 */
export function readGeoPackageLayer(filePath: string, table: string): GeoPackageLayer {
  const fileName = path.basename(filePath);
  return withGeoPackage(filePath, (db) => {
    const column = db.prepare('SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?').get(table) as { column_name: string; srs_id: number } | undefined;
    if (!column) {
      throw new UserError('bad-input', {
        de: `In ${fileName} ist für die Ebene „${table}“ keine Geometriespalte eingetragen (gpkg_geometry_columns). Bitte die Ebene in QGIS oder mit ogr2ogr neu als GeoPackage speichern.`,
        en: `${fileName} registers no geometry column for the layer "${table}" (gpkg_geometry_columns). Please save the layer again as a GeoPackage in QGIS or with ogr2ogr.`,
      });
    }
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?").get(table);
    if (!exists) {
      throw new UserError('bad-input', {
        de: `In ${fileName} ist die Ebene „${table}“ eingetragen, ihre Tabelle fehlt aber. Bitte eine andere Ebene wählen oder die Datei neu exportieren.`,
        en: `${fileName} lists the layer "${table}", but its table is missing. Please choose another layer or export the file again.`,
      });
    }
    const srsRow = db.prepare('SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?').get(column.srs_id) as
      | { organization: string; organization_coordsys_id: number; definition: string }
      | undefined;
    const features: GeoPackageFeature[] = [];
    let rowNumber = 0;
    for (const row of db.prepare(`SELECT * FROM ${quoteIdentifier(table)}`).iterate() as Iterable<Record<string, unknown>>) {
      rowNumber += 1;
      const properties: GeoPackageFeature['properties'] = {};
      let geometry: Geometry | null = null;
      for (const [key, value] of Object.entries(row)) {
        if (key === column.column_name) {
          if (value instanceof Uint8Array) geometry = decodeRowGeometry(value, rowNumber, table, fileName);
        } else if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
          properties[key] = value;
        } else if (typeof value === 'bigint') {
          properties[key] = String(value);
        }
      }
      features.push({ properties, geometry });
    }
    return { table, srs: srsRow ? { organization: srsRow.organization, code: srsRow.organization_coordsys_id, definition: srsRow.definition } : null, features };
  });
}

function decodeRowGeometry(blob: Uint8Array, rowNumber: number, table: string, fileName: string): Geometry | null {
  try {
    const geometry = decodeGeoPackageGeometry(blob);
    return 'coordinates' in geometry && Array.isArray(geometry.coordinates) && geometry.coordinates.length === 0 ? null : geometry;
  } catch {
    throw new UserError('bad-input', {
      de: `In ${fileName}, Ebene „${table}“, ist die Geometrie in Zeile ${rowNumber} beschädigt und lässt sich nicht lesen. Bitte die Ebene in QGIS prüfen („Geometrie prüfen“) und neu speichern.`,
      en: `In ${fileName}, layer "${table}", the geometry in row ${rowNumber} is damaged and cannot be read. Please check the layer in QGIS ("Check validity") and save it again.`,
    });
  }
}
