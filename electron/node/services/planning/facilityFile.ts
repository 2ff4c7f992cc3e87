/**
 * Reading facility records from a file: CSV/TXT/XLSX through the import feature's table reader (encoding,
 * delimiter and header detection), GeoJSON with point geometries in WGS84. The records go to the pure
 * `facilitiesFromRecords`, which decides what is a facility and reports what is not.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../../shared/contract/errors';
import type { FacilityRecord } from '../../../../shared/planning/facilityRecords';
import { readTableFile } from '../../import/read-table';

interface GeoJsonFeature {
  type?: string;
  geometry?: { type?: string; coordinates?: unknown } | null;
  properties?: Record<string, string | number | null> | null;
}

function geoJsonRecords(filePath: string): FacilityRecord[] {
  let parsed: { type?: string; features?: GeoJsonFeature[] };
  try {
    parsed = JSON.parse(readFileSync(filePath, 'utf8')) as typeof parsed;
  } catch (error) {
    throw new UserError('bad-input', {
      de: `„${path.basename(filePath)}“ ist kein lesbares GeoJSON (${error instanceof Error ? error.message : String(error)}). Bitte die Datei prüfen.`,
      en: `"${path.basename(filePath)}" is not readable GeoJSON (${error instanceof Error ? error.message : String(error)}). Please check the file.`,
    });
  }
  if (parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    throw new UserError('bad-input', {
      de: `„${path.basename(filePath)}“ enthält keine FeatureCollection. Bitte Einrichtungen als Punkte (WGS84) speichern.`,
      en: `"${path.basename(filePath)}" holds no FeatureCollection. Please save facilities as points (WGS84).`,
    });
  }
  return parsed.features.map((feature, index) => {
    const record: FacilityRecord = { row: index + 1, fields: { ...(feature.properties ?? {}) } };
    const coordinates = feature.geometry?.coordinates;
    if (feature.geometry?.type === 'Point' && Array.isArray(coordinates) && typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number') {
      record.coordinates = [coordinates[0], coordinates[1]];
    }
    return record;
  });
}

/**
 * Facility records of a CSV, TXT, XLSX or GeoJSON file.
 * @example await readFacilityRecords('kitas.csv') // [{ row: 2, fields: { Art: 'KiTa', Name: '…', Plätze: '95', lon: '9,74', lat: '52,37' } }, …]
 */
export async function readFacilityRecords(filePath: string): Promise<FacilityRecord[]> {
  const extension = path.extname(filePath).toLowerCase();
  if (extension === '.geojson' || extension === '.json') return geoJsonRecords(filePath);
  if (extension !== '.csv' && extension !== '.txt' && extension !== '.xlsx') {
    throw new UserError('unsupported', {
      de: `Einrichtungen lassen sich aus CSV, XLSX oder GeoJSON lesen, nicht aus „${extension || path.basename(filePath)}“. Bitte die Datei in eines dieser Formate umwandeln.`,
      en: `Facilities can be read from CSV, XLSX or GeoJSON, not from "${extension || path.basename(filePath)}". Please convert the file to one of these formats.`,
    });
  }
  const table = await readTableFile(filePath);
  const names = table.columns.map((column) => column.label);
  return table.rows.map((row) => {
    const fields: Record<string, string> = {};
    names.forEach((name, index) => {
      fields[name] = row.cells[index] ?? '';
    });
    return { row: row.lineNumber, fields };
  });
}
