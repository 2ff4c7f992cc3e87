/**
 * Reading facility records from a file: CSV/TXT/XLSX through the import feature's table reader (encoding,
 * delimiter and header detection), GeoJSON with point geometries in WGS84, and point shapefiles (a .shp set
 * or a .zip of one) in any supported CRS, reprojected to WGS84 with shared/geo. The records go to the pure
 * `facilitiesFromRecords`, which decides what is a facility and reports what is not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../../shared/contract/errors';
import { detectDbfEncoding, readDbf } from '../../../../shared/formats/shapefile/read-dbf';
import { readShp } from '../../../../shared/formats/shapefile/read-shp';
import { decodeText, normaliseEncodingName } from '../../../../shared/formats/text/decode';
import { converterToWgs84, crsFromPrj, proposeCrsFromBounds } from '../../../../shared/geo/crs';
import type { FacilityRecord } from '../../../../shared/planning/facilityRecords';
import { readArchive } from '../../import/archive';
import { readTableFile } from '../../import/read-table';

type SiblingReader = (extension: string) => Uint8Array | null;

/** The files of one shapefile: from a .zip (exactly one .shp inside) or next to the chosen .shp. */
function shapefileSet(filePath: string): { name: string; read: SiblingReader } {
  const fileName = path.basename(filePath);
  if (filePath.toLowerCase().endsWith('.zip')) {
    const { files } = readArchive(new Uint8Array(readFileSync(filePath)), fileName);
    const layers = [...files.keys()].filter((name) => name.toLowerCase().endsWith('.shp'));
    if (layers.length !== 1) {
      throw new UserError('bad-input', {
        de: `„${fileName}“ enthält ${layers.length === 0 ? 'kein Shapefile' : `${layers.length} Shapefiles`}. Für Einrichtungen bitte ein Archiv mit genau einer Punkt-Ebene (.shp, .dbf, .prj) wählen.`,
        en: `"${fileName}" contains ${layers.length === 0 ? 'no shapefile' : `${layers.length} shapefiles`}. For facilities please choose an archive with exactly one point layer (.shp, .dbf, .prj).`,
      });
    }
    const base = layers[0]!.slice(0, -4).toLowerCase();
    const lower = new Map([...files.keys()].map((name) => [name.toLowerCase(), name]));
    return { name: fileName, read: (extension) => files.get(lower.get(`${base}${extension}`) ?? '') ?? null };
  }
  const directory = path.dirname(filePath);
  const base = fileName.slice(0, -4).toLowerCase();
  const lower = new Map(readdirSync(directory).map((name) => [name.toLowerCase(), name]));
  return {
    name: fileName,
    read: (extension) => {
      const actual = lower.get(`${base}${extension}`);
      return actual ? new Uint8Array(readFileSync(path.join(directory, actual))) : null;
    },
  };
}

function shapefileRecords(filePath: string): FacilityRecord[] {
  const { name, read } = shapefileSet(filePath);
  const shp = read('.shp');
  const dbf = read('.dbf');
  if (!shp || !dbf) {
    throw new UserError('bad-input', {
      de: `Zum Shapefile „${name}“ fehlt ${!shp ? '.shp' : '.dbf'}. Bitte alle Teile (.shp, .dbf, .prj) zusammen oder als .zip wählen.`,
      en: `The shapefile "${name}" is missing ${!shp ? '.shp' : '.dbf'}. Please choose all parts (.shp, .dbf, .prj) together or as a .zip.`,
    });
  }
  const geometry = readShp(shp, name);
  if (geometry.geometries.some((shape) => shape !== null && shape.type !== 'Point')) {
    throw new UserError('bad-input', {
      de: `„${name}“ enthält Flächen, keine Punkte. Einrichtungen brauchen eine Punkt-Ebene (eine Lage je Einrichtung).`,
      en: `"${name}" holds polygons, not points. Facilities need a point layer (one location per facility).`,
    });
  }
  const prj = read('.prj');
  const detected = prj ? crsFromPrj(decodeText(prj, 'windows-1252')) : proposeCrsFromBounds(geometry.bounds);
  // Without a recognised .prj only a confident guess from the coordinate range is used (e.g. UTM 32 numbers).
  const crs = detected.code !== null && (detected.how !== 'coordinate-range' || detected.confidence >= 0.9) ? detected.code : null;
  if (crs === null) {
    throw new UserError('bad-input', {
      de: `Das Koordinatensystem von „${name}“ ist unbekannt (keine oder unbekannte .prj-Datei). Bitte die .prj mitliefern oder die Punkte in EPSG:25832 oder EPSG:4326 speichern.`,
      en: `The coordinate system of "${name}" is unknown (no or an unknown .prj file). Please include the .prj or save the points in EPSG:25832 or EPSG:4326.`,
    });
  }
  const toWgs84 = converterToWgs84(crs);
  const cpg = read('.cpg');
  const encoding = (cpg ? normaliseEncodingName(decodeText(cpg, 'windows-1252')) : null) ?? detectDbfEncoding(dbf, name).encoding;
  const table = readDbf(dbf, encoding, name);
  if (table.records.length !== geometry.geometries.length) {
    throw new UserError('bad-input', {
      de: `Das Shapefile „${name}“ ist inkonsistent: ${geometry.geometries.length} Punkte, aber ${table.records.length} Datensätze. Bitte die Datei neu exportieren.`,
      en: `The shapefile "${name}" is inconsistent: ${geometry.geometries.length} points but ${table.records.length} records. Please export the file again.`,
    });
  }
  return table.records.map((fields, index) => {
    const record: FacilityRecord = { row: index + 1, fields: { ...fields } };
    const shape = geometry.geometries[index];
    if (shape?.type === 'Point') {
      const [longitude, latitude] = toWgs84(shape.coordinates);
      record.coordinates = [longitude!, latitude!];
    }
    return record;
  });
}

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
 * Facility records of a CSV, TXT, XLSX, GeoJSON or point-shapefile (.shp or .zip) file.
 * @example await readFacilityRecords('kitas.csv') // [{ row: 2, fields: { Art: 'KiTa', Name: '…', Plätze: '95', lon: '9,74', lat: '52,37' } }, …]
 */
export async function readFacilityRecords(filePath: string): Promise<FacilityRecord[]> {
  const extension = path.extname(filePath).toLowerCase();
  if (!existsSync(filePath)) {
    throw new UserError('not-found', {
      de: `Die Datei „${filePath}“ wurde nicht gefunden. Bitte den Pfad prüfen.`,
      en: `The file "${filePath}" was not found. Please check the path.`,
    });
  }
  if (extension === '.geojson' || extension === '.json') return geoJsonRecords(filePath);
  if (extension === '.shp' || extension === '.zip') return shapefileRecords(filePath);
  if (extension !== '.csv' && extension !== '.txt' && extension !== '.xlsx') {
    throw new UserError('unsupported', {
      de: `Einrichtungen lassen sich aus CSV, XLSX, GeoJSON oder einem Punkt-Shapefile (.shp, .zip) lesen, nicht aus „${extension || path.basename(filePath)}“. Bitte die Datei in eines dieser Formate umwandeln.`,
      en: `Facilities can be read from CSV, XLSX, GeoJSON or a point shapefile (.shp, .zip), not from "${extension || path.basename(filePath)}". Please convert the file to one of these formats.`,
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
