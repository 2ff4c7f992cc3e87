/**
 * Coordinate reference systems of German boundary data: recognising them from a .prj (ESRI WKT, OGC WKT1,
 * WKT2), proposing one from coordinate ranges when the .prj is missing, and reprojecting to WGS84.
 * Kleinraum stores every geometry in EPSG:4326 and keeps the original CRS in the layer metadata.
 */
import proj4 from 'proj4';
import type { Geometry, Position } from 'geojson';
import { UserError } from '../contract/errors';

const DHDN_TO_WGS84 = '+towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7';

/** The CRS Kleinraum knows by code, with the proj4 definitions of epsg.io. */
export const KNOWN_CRS: Record<string, { name: string; proj4: string }> = {
  'EPSG:4326': { name: 'WGS 84 (Längen-/Breitengrad)', proj4: '+proj=longlat +datum=WGS84 +no_defs' },
  'EPSG:4258': { name: 'ETRS89 (Längen-/Breitengrad)', proj4: '+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs' },
  'EPSG:25832': { name: 'ETRS89 / UTM Zone 32N', proj4: '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs' },
  'EPSG:25833': { name: 'ETRS89 / UTM Zone 33N', proj4: '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs' },
  'EPSG:31466': { name: 'DHDN / Gauß-Krüger Zone 2', proj4: `+proj=tmerc +lat_0=0 +lon_0=6 +k=1 +x_0=2500000 +y_0=0 +ellps=bessel ${DHDN_TO_WGS84} +units=m +no_defs` },
  'EPSG:31467': { name: 'DHDN / Gauß-Krüger Zone 3', proj4: `+proj=tmerc +lat_0=0 +lon_0=9 +k=1 +x_0=3500000 +y_0=0 +ellps=bessel ${DHDN_TO_WGS84} +units=m +no_defs` },
  'EPSG:31468': { name: 'DHDN / Gauß-Krüger Zone 4', proj4: `+proj=tmerc +lat_0=0 +lon_0=12 +k=1 +x_0=4500000 +y_0=0 +ellps=bessel ${DHDN_TO_WGS84} +units=m +no_defs` },
  'EPSG:31469': { name: 'DHDN / Gauß-Krüger Zone 5', proj4: `+proj=tmerc +lat_0=0 +lon_0=15 +k=1 +x_0=5500000 +y_0=0 +ellps=bessel ${DHDN_TO_WGS84} +units=m +no_defs` },
  'EPSG:32632': { name: 'WGS 84 / UTM Zone 32N', proj4: '+proj=utm +zone=32 +datum=WGS84 +units=m +no_defs' },
  'EPSG:32633': { name: 'WGS 84 / UTM Zone 33N', proj4: '+proj=utm +zone=33 +datum=WGS84 +units=m +no_defs' },
  'EPSG:3035': { name: 'ETRS89 / LAEA Europe', proj4: '+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs' },
  'EPSG:3857': { name: 'Web Mercator', proj4: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs' },
};

for (const [code, definition] of Object.entries(KNOWN_CRS)) proj4.defs(code, definition.proj4);

/** Normalises "25832", "epsg:25832", "EPSG 25832", "urn:ogc:def:crs:EPSG::25832", "CRS84" to "EPSG:N"; null when unknown. */
export function normaliseCrsCode(text: string): string | null {
  const trimmed = text.trim();
  if (/crs84$/i.test(trimmed) || /^wgs ?84$/i.test(trimmed)) return 'EPSG:4326';
  const match = /(?:epsg)?\D*?(\d{4,5})$/i.exec(trimmed);
  if (!match) return null;
  const code = `EPSG:${match[1]}`;
  return code in KNOWN_CRS ? code : null;
}

export interface CrsDetection {
  /** "EPSG:N", or null when not recognised. */
  code: string | null;
  how: 'authority' | 'parameters' | 'coordinate-range' | 'given' | 'none';
  confidence: number;
  /** Other plausible codes (for coordinate-range guesses), best first. */
  alternatives: string[];
}

function parameter(wkt: string, names: string[]): number | null {
  for (const name of names) {
    const match = new RegExp(`PARAMETER\\[\\s*"${name}"\\s*,\\s*(-?[\\d.eE+-]+)`, 'i').exec(wkt);
    if (match) return Number(match[1]);
  }
  return null;
}

function near(value: number | null, expected: number, tolerance = 1e-6): boolean {
  return value !== null && Math.abs(value - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

/**
 * Recognises a CRS from a .prj text: the outermost AUTHORITY / ID first, otherwise by projection parameters.
 * @example crsFromPrj(prjOfVg250).code // "EPSG:25832"
 */
export function crsFromPrj(wkt: string): CrsDetection {
  const text = wkt.trim();
  const authorities = [...text.matchAll(/(?:AUTHORITY|ID)\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
  // The outermost authority is the last one in WKT1 (ESRI and OGC); WKT2 puts it last as well.
  const outermost = authorities.at(-1)?.[1];
  if (outermost && `EPSG:${outermost}` in KNOWN_CRS) return { code: `EPSG:${outermost}`, how: 'authority', confidence: 1, alternatives: [] };
  const upper = text.toUpperCase();
  const isProjected = /^(PROJCS|PROJCRS)/.test(upper);
  const bessel = upper.includes('BESSEL');
  const grs80 = upper.includes('GRS_1980') || upper.includes('GRS 1980') || upper.includes('GRS80') || upper.includes('ETRS');
  const wgs84 = upper.includes('WGS_1984') || upper.includes('WGS 84') || upper.includes('WGS_84') || upper.includes('WGS84');
  if (!isProjected) {
    if (/^(GEOGCS|GEOGCRS|GEODCRS)/.test(upper) && (wgs84 || grs80)) return { code: 'EPSG:4326', how: 'parameters', confidence: 0.95, alternatives: [] };
    return { code: null, how: 'none', confidence: 0, alternatives: [] };
  }
  const centralMeridian = parameter(text, ['central_meridian', 'longitude of natural origin', 'longitude_of_center', 'longitude of center']);
  const falseEasting = parameter(text, ['false_easting', 'false easting']);
  const scale = parameter(text, ['scale_factor', 'scale factor at natural origin']);
  const centreLatitude = parameter(text, ['latitude_of_center', 'latitude of natural origin', 'latitude_of_origin']);
  if (upper.includes('LAMBERT_AZIMUTHAL') || upper.includes('LAMBERT AZIMUTHAL')) {
    if (near(centreLatitude, 52) && near(centralMeridian, 10) && near(falseEasting, 4321000)) return { code: 'EPSG:3035', how: 'parameters', confidence: 0.95, alternatives: [] };
  }
  if (upper.includes('MERCATOR') || upper.includes('GAUSS') || upper.includes('UTM')) {
    if (bessel && near(scale, 1)) {
      for (const [zone, code] of [[2, 'EPSG:31466'], [3, 'EPSG:31467'], [4, 'EPSG:31468'], [5, 'EPSG:31469']] as const) {
        if (near(centralMeridian, zone * 3) && near(falseEasting, zone * 1_000_000 + 500_000)) return { code, how: 'parameters', confidence: 0.95, alternatives: [] };
      }
    }
    if (near(scale, 0.9996) && near(falseEasting, 500000)) {
      const zone = near(centralMeridian, 9) ? 32 : near(centralMeridian, 15) ? 33 : null;
      if (zone && grs80) return { code: `EPSG:258${zone}`, how: 'parameters', confidence: 0.95, alternatives: [] };
      if (zone && wgs84) return { code: `EPSG:326${zone}`, how: 'parameters', confidence: 0.95, alternatives: [] };
    }
  }
  return { code: null, how: 'none', confidence: 0, alternatives: [] };
}

/** Bounding box [minX, minY, maxX, maxY] in the file's own coordinates. */
export type BoundingBox = [number, number, number, number];

/**
 * Proposes a CRS from the range of coordinates alone (for a shapefile without .prj). German data only:
 * the proposal must be confirmed by the user (CLI: `--crs`).
 * @example proposeCrsFromBounds([3_520_000, 5_780_000, 3_560_000, 5_820_000]).code // "EPSG:31467"
 */
export function proposeCrsFromBounds(bounds: BoundingBox): CrsDetection {
  const [minX, minY, maxX, maxY] = bounds;
  if (minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90) return { code: 'EPSG:4326', how: 'coordinate-range', confidence: 0.9, alternatives: [] };
  const germanNorthing = minY > 5_150_000 && maxY < 6_150_000;
  if (germanNorthing && minX >= 2_000_000 && maxX < 6_000_000) {
    const zone = Math.floor(minX / 1_000_000);
    if (zone === Math.floor(maxX / 1_000_000) && zone >= 2 && zone <= 5) return { code: `EPSG:3146${4 + zone}`, how: 'coordinate-range', confidence: 0.85, alternatives: [] };
  }
  if (germanNorthing && minX > 100_000 && maxX < 1_000_000) {
    // UTM: 32N covers most of Germany (and is used Germany-wide by BKG); data only east of 12° E is often 33N.
    // Eastings beyond 700 km in zone 32 mean data east of 12° E kept in 32N, as BKG does; otherwise less sure.
    const spansEast = maxX > 700_000;
    return { code: 'EPSG:25832', how: 'coordinate-range', confidence: spansEast ? 0.7 : 0.5, alternatives: ['EPSG:25833', 'EPSG:32632', 'EPSG:32633'] };
  }
  if (minX > 3_900_000 && maxX < 4_800_000 && minY > 2_600_000 && maxY < 3_700_000) return { code: 'EPSG:3035', how: 'coordinate-range', confidence: 0.7, alternatives: [] };
  return { code: null, how: 'none', confidence: 0, alternatives: [] };
}

// One converter per CRS for the whole session: building one parses both definitions (proj4), which for a
// Germany-wide layer done per geometry cost more than the reprojection itself.
const overwritersToWgs84 = new Map<string, (position: Position) => void>();

/** A function converting one position from `crs` to WGS84 longitude/latitude (a new array). */
export function converterToWgs84(crs: string): (position: Position) => Position {
  const overwrite = overwriterToWgs84(crs);
  return (position) => {
    const converted = [position[0]!, position[1]!];
    overwrite(converted);
    return converted;
  };
}

/**
 * Whether positions in `crs` reach WGS84 by proj4's inverse projection alone (`directInverseToWgs84`); for
 * tests, which hold that path to proj4's numbers and notice when a proj4 upgrade switches it off.
 */
export function reprojectsByInverseAlone(crs: string): boolean {
  const definition = KNOWN_CRS[crs];
  return crs !== 'EPSG:4326' && definition !== undefined && directInverseToWgs84(definition.proj4, () => {}) !== null;
}

/** A function overwriting a position in `crs` with its WGS84 longitude/latitude (a Z value is dropped). */
function overwriterToWgs84(crs: string): (position: Position) => void {
  let overwrite = overwritersToWgs84.get(crs);
  if (!overwrite) {
    overwrite = createOverwriterToWgs84(crs);
    overwritersToWgs84.set(crs, overwrite);
  }
  return overwrite;
}

function createOverwriterToWgs84(crs: string): (position: Position) => void {
  if (crs === 'EPSG:4326') return (position) => void (position.length = 2);
  const definition = KNOWN_CRS[crs];
  if (!definition) {
    throw new UserError('unsupported', {
      de: `Das Koordinatensystem ${crs} wird nicht unterstützt. Unterstützt: ${Object.keys(KNOWN_CRS).join(', ')}. Bitte die Daten in EPSG:25832 oder EPSG:4326 umwandeln.`,
      en: `The coordinate system ${crs} is not supported. Supported: ${Object.keys(KNOWN_CRS).join(', ')}. Please convert the data to EPSG:25832 or EPSG:4326.`,
    });
  }
  const converter = proj4(definition.proj4, KNOWN_CRS['EPSG:4326']!.proj4);
  const viaProj4 = (position: Position) => {
    const converted = converter.forward([position[0]!, position[1]!]);
    position[0] = converted[0]!;
    position[1] = converted[1]!;
    position.length = 2;
  };
  return directInverseToWgs84(definition.proj4, viaProj4) ?? viaProj4;
}

/** The parts of a parsed proj4 definition that decide whether its transform to WGS84 is the inverse alone. */
interface ProjInternals {
  projName?: string;
  to_meter?: number;
  from_greenwich?: number;
  datum?: { datum_type: number; a: number; es: number };
  inverse?: (point: { x: number; y: number }) => { x: number; y: number } | undefined;
}

// proj4's constants (lib/constants/values.js): "same as WGS84" datum type, radians to degrees.
const PJD_WGS84 = 4;
const R2D = 57.29577951308232;

/**
 * The inverse projection alone, with one reused point, where proj4's own transform to WGS84 does nothing
 * else: no unit factor, no prime meridian, a datum proj4 treats as WGS84 (ETRS89/GRS80 with zero shift, as
 * in UTM 32N). proj4's transform builds four objects per position, which for a Germany-wide layer was
 * 180 000 positions' worth of garbage. The results are the same numbers (a test compares every known CRS
 * against proj4); other positions (non-finite ones, which proj4 refuses) go through proj4.
 */
function directInverseToWgs84(definition: string, viaProj4: (position: Position) => void): ((position: Position) => void) | null {
  const source = new proj4.Proj(definition) as unknown as ProjInternals;
  const target = new proj4.Proj(KNOWN_CRS['EPSG:4326']!.proj4) as unknown as ProjInternals;
  const inverse = source.inverse;
  const sameDatum =
    source.datum?.datum_type === PJD_WGS84 &&
    target.datum?.datum_type === PJD_WGS84 &&
    source.datum.a === target.datum.a &&
    Math.abs(source.datum.es - target.datum.es) <= 5e-11;
  const plain = source.projName !== 'longlat' && (source.to_meter ?? 1) === 1 && !source.from_greenwich && !target.from_greenwich;
  if (!inverse || !sameDatum || !plain) return null;
  const point = { x: 0, y: 0 };
  return (position) => {
    const x = position[0]!;
    const y = position[1]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return viaProj4(position);
    point.x = x;
    point.y = y;
    const inverted = inverse.call(source, point);
    position[0] = inverted ? inverted.x * R2D : Number.NaN;
    position[1] = inverted ? inverted.y * R2D : Number.NaN;
    position.length = 2;
  };
}

/**
 * Reprojects a copy of a geometry to WGS84 (longitude, latitude); the geometry itself stays as it was.
 * @example reprojectToWgs84({ type: 'Point', coordinates: [550000, 5800000] }, 'EPSG:25832') // ≈ [9.73, 52.34]
 */
export function reprojectToWgs84<T extends Geometry>(geometry: T, crs: string): T {
  return reprojectToWgs84InPlace(structuredClone(geometry), crs);
}

/**
 * Reprojects a geometry to WGS84 by overwriting its positions (a third value, Z, is dropped). For
 * geometries the caller owns and no longer needs in the source CRS, such as a reader's fresh features:
 * a Germany-wide layer then does not hold its coordinates twice (about 12 MB).
 */
export function reprojectToWgs84InPlace<T extends Geometry>(geometry: T, crs: string): T {
  forEachPosition(geometry, overwriterToWgs84(crs));
  return geometry;
}

function forEachPosition(geometry: Geometry, visit: (position: Position) => void): void {
  switch (geometry.type) {
    case 'Point':
      visit(geometry.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      geometry.coordinates.forEach(visit);
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const ring of geometry.coordinates) ring.forEach(visit);
      return;
    case 'MultiPolygon':
      for (const polygon of geometry.coordinates) for (const ring of polygon) ring.forEach(visit);
      return;
    case 'GeometryCollection':
      for (const part of geometry.geometries) forEachPosition(part, visit);
  }
}

/** True when WGS84 bounds lie where German (or at least European) data can be; catches a wrong .prj. */
export function isPlausibleWgs84Bounds(bounds: BoundingBox): boolean {
  const [minX, minY, maxX, maxY] = bounds;
  return [minX, minY, maxX, maxY].every(Number.isFinite) && minX >= -32 && maxX <= 45 && minY >= 27 && maxY <= 72;
}
