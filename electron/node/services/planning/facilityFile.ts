/**
 * Reading facility records from a file: CSV/TXT/XLSX through the import feature's table reader (encoding,
 * delimiter and header detection), GeoJSON with point geometries in WGS84, and point shapefiles (a .shp set
 * or a .zip of one) in any supported CRS, reprojected to WGS84 with shared/geo. The records go to the pure
 * `facilitiesFromRecords`, which decides what is a facility and reports what is not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../../shared/contract/errors';
import { converterToWgs84, crsFromPrj, proposeCrsFromBounds } from '../../../../shared/geo/crs';
import type { FacilityRecord } from '../../../../shared/planning/facilityRecords';
import { openArchive } from '../../import/archive';
import { jsonSyntaxLine } from '../../import/readBoundaries';
import { readShapefile, type ShapefileMemberReader } from '../../import/readShapefile';
import { readTableFile } from '../../import/readTable';
import { readFileBytes } from '../../import/readFileBytes';

/** The files of one shapefile: from a .zip (exactly one .shp inside) or next to the chosen .shp. */
function shapefileSet(filePath: string): { name: string; read: ShapefileMemberReader } {
  const fileName = path.basename(filePath);
  if (filePath.toLowerCase().endsWith('.zip')) {
    const archive = openArchive(readFileBytes(filePath), fileName);
    const layers = archive.entries.map((entry) => entry.name).filter((name) => name.toLowerCase().endsWith('.shp'));
    if (layers.length !== 1) {
      throw new UserError('bad-input', {
        de: `„${fileName}“ enthält ${layers.length === 0 ? 'kein Shapefile' : `${layers.length} Shapefiles`}. Für Einrichtungen bitte ein Archiv mit genau einer Punkt-Ebene (.shp, .dbf, .prj) wählen.`,
        en: `"${fileName}" contains ${layers.length === 0 ? 'no shapefile' : `${layers.length} shapefiles`}. For facilities please choose an archive with exactly one point layer (.shp, .dbf, .prj).`,
      });
    }
    const base = layers[0]!.slice(0, -4).toLowerCase();
    const lower = new Map(archive.entries.map((entry) => [entry.name.toLowerCase(), entry.name]));
    return {
      name: fileName,
      read: (extension) => {
        const actual = lower.get(`${base}${extension}`);
        return actual ? archive.read(actual) : null;
      },
    };
  }
  const directory = path.dirname(filePath);
  const base = fileName.slice(0, -4).toLowerCase();
  const lower = new Map(readdirSync(directory).map((name) => [name.toLowerCase(), name]));
  return {
    name: fileName,
    read: (extension) => {
      const actual = lower.get(`${base}${extension}`);
      return actual ? readFileBytes(path.join(directory, actual)) : null;
    },
  };
}

async function shapefileRecords(filePath: string): Promise<FacilityRecord[]> {
  const { name, read } = shapefileSet(filePath);
  const shapefile = await readShapefile(read, name.replace(/\.(shp|zip)$/i, ''));
  if (shapefile.shp.kind !== 'point') {
    throw new UserError('bad-input', {
      de: `„${name}“ enthält Flächen, keine Punkte. Einrichtungen brauchen eine Punkt-Ebene (eine Lage je Einrichtung).`,
      en: `"${name}" holds polygons, not points. Facilities need a point layer (one location per facility).`,
    });
  }
  const detected = shapefile.prj ? crsFromPrj(shapefile.prj) : proposeCrsFromBounds(shapefile.shp.bounds);
  // Without a recognised .prj only a confident guess from the coordinate range is used (e.g. UTM 32 numbers).
  const crs = detected.code !== null && (detected.how !== 'coordinate-range' || detected.confidence >= 0.9) ? detected.code : null;
  if (crs === null) {
    throw new UserError('bad-input', {
      de: `Das Koordinatensystem von „${name}“ ist unbekannt (keine oder unbekannte .prj-Datei). Bitte die .prj mitliefern oder die Punkte in EPSG:25832 oder EPSG:4326 speichern.`,
      en: `The coordinate system of "${name}" is unknown (no or an unknown .prj file). Please include the .prj or save the points in EPSG:25832 or EPSG:4326.`,
    });
  }
  const toWgs84 = converterToWgs84(crs);
  return shapefile.features.map((feature, index) => {
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(feature.properties)) fields[key] = value ?? '';
    const record: FacilityRecord = { row: index + 1, fields };
    if (feature.geometry?.type === 'Point') {
      const [longitude, latitude] = toWgs84(feature.geometry.coordinates);
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
  const text = readFileSync(filePath, 'utf8');
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch (error) {
    const line = jsonSyntaxLine(text, error);
    throw new UserError('bad-input', {
      de: `„${path.basename(filePath)}“ ist kein lesbares GeoJSON (Syntaxfehler${line ? ` in Zeile ${line}` : ''}). Bitte die Datei prüfen.`,
      en: `"${path.basename(filePath)}" is not readable GeoJSON (syntax error${line ? ` in line ${line}` : ''}). Please check the file.`,
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
