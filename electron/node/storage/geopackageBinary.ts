/**
 * The GeoPackage geometry BLOB (GeoPackage 1.4, clause 2.1.3): a small header ("GP", version, flags,
 * srs_id, optional envelope) followed by standard WKB. We always write little-endian with an XY envelope,
 * which is what GDAL writes and what QGIS reads fastest.
 *
 * Two-dimensional geometries are encoded and decoded here directly (one pass over a DataView): for a
 * Germany-wide layer that is several times faster than wkx, whose encoder also calls Node's deprecated
 * `new Buffer()` for every geometry. wkx remains for what this does not cover (Z and M coordinates); it is
 * required on first use, from node_modules, so the commands that never meet such a geometry (nearly all)
 * do not parse its 60 kB at start.
 */
import { createRequire } from 'node:module';
import type WkxModule from 'wkx';
import type { Geometry, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';

let wkxModule: typeof WkxModule | null = null;
function wkx(): typeof WkxModule {
  wkxModule ??= createRequire(import.meta.url)('wkx') as typeof WkxModule;
  return wkxModule;
}

const MAGIC_G = 0x47;
const MAGIC_P = 0x50;

export interface GeometryEnvelope {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** The XY bounding box of a GeoJSON geometry, or null when it has no coordinates. */
export function geometryEnvelope(geometry: Geometry): GeometryEnvelope | null {
  const envelope = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  const visit = (coordinates: unknown): void => {
    if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') {
      const [x, y] = coordinates as number[];
      if (x === undefined || y === undefined) return;
      envelope.minX = Math.min(envelope.minX, x);
      envelope.maxX = Math.max(envelope.maxX, x);
      envelope.minY = Math.min(envelope.minY, y);
      envelope.maxY = Math.max(envelope.maxY, y);
    } else if (Array.isArray(coordinates)) {
      for (const part of coordinates) visit(part);
    }
  };
  if (geometry.type === 'GeometryCollection') {
    for (const member of geometry.geometries) {
      const memberEnvelope = geometryEnvelope(member);
      if (memberEnvelope) visit([[memberEnvelope.minX, memberEnvelope.minY], [memberEnvelope.maxX, memberEnvelope.maxY]]);
    }
  } else {
    visit(geometry.coordinates);
  }
  return Number.isFinite(envelope.minX) ? envelope : null;
}

/**
 * Encodes a GeoJSON geometry as a GeoPackage geometry BLOB in the given SRS.
 * @example encodeGeoPackageGeometry({ type: 'Point', coordinates: [9.7, 52.4] }, 4326) // Buffer starting "GP"
 */
export function encodeGeoPackageGeometry(geometry: Geometry, srsId: number): Buffer {
  if (geometry.type === 'MultiPolygon' || geometry.type === 'Polygon') return encodePolygonal(geometry, srsId);
  const envelope = geometryEnvelope(geometry);
  const size = wkbSize(geometry);
  if (size !== null) {
    const bytes = Buffer.alloc((envelope === null ? 8 : 40) + size);
    writeHeader(bytes, srsId, envelope);
    writeWkb(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), envelope === null ? 8 : 40, geometry);
    return bytes;
  }
  return encodeThroughWkx(geometry, srsId);
}

/**
 * Boundary geometries, the bulk of every project: size and envelope in one pass over the coordinates,
 * then one pass writing them (a Germany-wide layer of 11 000 areas in a few tens of milliseconds).
 */
function encodePolygonal(geometry: Polygon | MultiPolygon, srsId: number): Buffer {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let size = geometry.type === 'Polygon' ? 9 : 9 + polygons.length * 9;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const rings of polygons) {
    for (const ring of rings) {
      size += 4 + ring.length * 16;
      for (const position of ring) {
        if (position.length !== 2) return encodeThroughWkx(geometry, srsId);
        const x = position[0]!;
        const y = position[1]!;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  const envelope = minX <= maxX ? { minX, maxX, minY, maxY } : null;
  const headerSize = envelope === null ? 8 : 40;
  // Every byte is written below.
  const bytes = Buffer.allocUnsafe(headerSize + size);
  writeHeader(bytes, srsId, envelope);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = headerSize;
  const header = (type: number, count: number) => {
    view.setUint8(at, 1);
    view.setUint32(at + 1, type, true);
    view.setUint32(at + 5, count, true);
    at += 9;
  };
  if (geometry.type === 'MultiPolygon') header(WKB_TYPE.MultiPolygon, polygons.length);
  for (const rings of polygons) {
    header(WKB_TYPE.Polygon, rings.length);
    for (const ring of rings) {
      view.setUint32(at, ring.length, true);
      at += 4;
      for (const position of ring) {
        view.setFloat64(at, position[0]!, true);
        view.setFloat64(at + 8, position[1]!, true);
        at += 16;
      }
    }
  }
  return bytes;
}

function encodeThroughWkx(geometry: Geometry, srsId: number): Buffer {
  const envelope = geometryEnvelope(geometry);
  const header = Buffer.alloc(envelope === null ? 8 : 40);
  writeHeader(header, srsId, envelope);
  return Buffer.concat([header, wkx().Geometry.parseGeoJSON(geometry).toWkb()]);
}

function writeHeader(bytes: Buffer, srsId: number, envelope: GeometryEnvelope | null): void {
  bytes[0] = MAGIC_G;
  bytes[1] = MAGIC_P;
  bytes[2] = 0;
  // flags: bit 0 little-endian, bits 1-3 envelope kind (1 = XY), bit 4 empty geometry.
  bytes[3] = 0x01 | (envelope === null ? 0x10 : 0x02);
  bytes.writeInt32LE(srsId, 4);
  if (envelope) {
    bytes.writeDoubleLE(envelope.minX, 8);
    bytes.writeDoubleLE(envelope.maxX, 16);
    bytes.writeDoubleLE(envelope.minY, 24);
    bytes.writeDoubleLE(envelope.maxY, 32);
  }
}

const WKB_TYPE = { Point: 1, LineString: 2, Polygon: 3, MultiPoint: 4, MultiLineString: 5, MultiPolygon: 6, GeometryCollection: 7 } as const;

/** Bytes of the little-endian XY WKB of `geometry`, or null when a position has more than two coordinates. */
function wkbSize(geometry: Geometry): number | null {
  const points = (positions: readonly Position[]): number | null => (positions.every((position) => position.length === 2) ? 4 + positions.length * 16 : null);
  const sum = (sizes: (number | null)[]): number | null => (sizes.includes(null) ? null : sizes.reduce<number>((total, size) => total + (size ?? 0), 0));
  switch (geometry.type) {
    case 'Point':
      return geometry.coordinates.length === 2 ? 21 : null;
    case 'LineString':
    case 'MultiPoint': {
      const size = points(geometry.coordinates);
      return size === null ? null : 5 + (geometry.type === 'MultiPoint' ? 4 + (size - 4) + geometry.coordinates.length * 5 : size);
    }
    case 'Polygon':
    case 'MultiLineString': {
      const size = sum(geometry.coordinates.map(points));
      return size === null ? null : 9 + size + (geometry.type === 'MultiLineString' ? geometry.coordinates.length * 5 : 0);
    }
    case 'MultiPolygon': {
      const size = sum(geometry.coordinates.map((polygon) => sum(polygon.map(points))));
      return size === null ? null : 9 + size + geometry.coordinates.length * 9;
    }
    case 'GeometryCollection': {
      const size = sum(geometry.geometries.map(wkbSize));
      return size === null ? null : 9 + size;
    }
  }
}

/** Writes little-endian XY WKB at `offset`; returns the offset after it. Sizes come from wkbSize. */
function writeWkb(view: DataView, offset: number, geometry: Geometry): number {
  let at = offset;
  const header = (type: number) => {
    view.setUint8(at, 1);
    view.setUint32(at + 1, type, true);
    at += 5;
  };
  const count = (value: number) => {
    view.setUint32(at, value, true);
    at += 4;
  };
  const position = (coordinates: Position) => {
    view.setFloat64(at, coordinates[0]!, true);
    view.setFloat64(at + 8, coordinates[1]!, true);
    at += 16;
  };
  const positions = (list: readonly Position[]) => {
    count(list.length);
    for (const coordinates of list) position(coordinates);
  };
  header(WKB_TYPE[geometry.type]);
  switch (geometry.type) {
    case 'Point':
      position(geometry.coordinates);
      break;
    case 'LineString':
      positions(geometry.coordinates);
      break;
    case 'Polygon':
      count(geometry.coordinates.length);
      for (const ring of geometry.coordinates) positions(ring);
      break;
    case 'MultiPoint':
      count(geometry.coordinates.length);
      for (const point of geometry.coordinates) {
        header(WKB_TYPE.Point);
        position(point);
      }
      break;
    case 'MultiLineString':
      count(geometry.coordinates.length);
      for (const line of geometry.coordinates) {
        header(WKB_TYPE.LineString);
        positions(line);
      }
      break;
    case 'MultiPolygon':
      count(geometry.coordinates.length);
      for (const polygon of geometry.coordinates) {
        header(WKB_TYPE.Polygon);
        count(polygon.length);
        for (const ring of polygon) positions(ring);
      }
      break;
    case 'GeometryCollection':
      count(geometry.geometries.length);
      for (const member of geometry.geometries) at = writeWkb(view, at, member);
      break;
  }
  return at;
}

/**
 * Reads XY WKB (either byte order, ISO or extended type codes without Z/M) at `offset`; returns the
 * geometry and the offset after it, or null for geometries with Z or M coordinates.
 */
function readWkb(view: DataView, offset: number): { geometry: Geometry; end: number } | null {
  let at = offset;
  let littleEndian = true;
  const readHeader = (): number => {
    littleEndian = view.getUint8(at) === 1;
    const type = view.getUint32(at + 1, littleEndian);
    at += 5;
    return type;
  };
  const count = () => {
    const value = view.getUint32(at, littleEndian);
    at += 4;
    return value;
  };
  const position = (): Position => {
    const coordinates = [view.getFloat64(at, littleEndian), view.getFloat64(at + 8, littleEndian)];
    at += 16;
    return coordinates;
  };
  const positions = (): Position[] => {
    const length = count();
    const list = new Array<Position>(length);
    for (let index = 0; index < length; index++) list[index] = position();
    return list;
  };
  const rings = (): Position[][] => {
    const length = count();
    const list = new Array<Position[]>(length);
    for (let index = 0; index < length; index++) list[index] = positions();
    return list;
  };
  const type = readHeader();
  if (type < 1 || type > 7) return null;
  switch (type) {
    case 1:
      return { geometry: { type: 'Point', coordinates: position() }, end: at };
    case 2:
      return { geometry: { type: 'LineString', coordinates: positions() }, end: at };
    case 3:
      return { geometry: { type: 'Polygon', coordinates: rings() }, end: at };
    default: {
      const members: Geometry[] = [];
      const length = count();
      for (let index = 0; index < length; index++) {
        const member = readWkb(view, at);
        if (!member) return null;
        members.push(member.geometry);
        at = member.end;
      }
      if (type === 7) return { geometry: { type: 'GeometryCollection', geometries: members }, end: at };
      if (type === 4) return { geometry: { type: 'MultiPoint', coordinates: members.map((member) => (member as Point).coordinates) }, end: at };
      if (type === 5) return { geometry: { type: 'MultiLineString', coordinates: members.map((member) => (member as LineString).coordinates) }, end: at };
      return { geometry: { type: 'MultiPolygon', coordinates: members.map((member) => (member as Polygon).coordinates) }, end: at };
    }
  }
}

export interface DecodedGeoPackageGeometry {
  srsId: number;
  isEmpty: boolean;
  envelope: GeometryEnvelope | null;
  /** Byte offset where the WKB starts. */
  wkbOffset: number;
}

const ENVELOPE_DOUBLES = [0, 4, 6, 6, 8] as const;

/** Reads the header of a GeoPackage geometry BLOB; throws on anything that is not one. */
export function decodeGeoPackageHeader(blob: Uint8Array): DecodedGeoPackageGeometry {
  // SQLite's BLOBs and the encoder's output are Buffers already: a view per call was most of its cost.
  const buffer = Buffer.isBuffer(blob) ? blob : Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  if (buffer.length < 8 || buffer[0] !== MAGIC_G || buffer[1] !== MAGIC_P) {
    throw new Error('Not a GeoPackage geometry blob (missing "GP" magic)');
  }
  const flags = buffer[3] ?? 0;
  const littleEndian = (flags & 0x01) === 1;
  const envelopeKind = (flags >> 1) & 0x07;
  const doubles = ENVELOPE_DOUBLES[envelopeKind as 0 | 1 | 2 | 3 | 4];
  if (doubles === undefined) throw new Error(`Invalid GeoPackage envelope indicator ${envelopeKind}`);
  const readDouble = (offset: number): number => (littleEndian ? buffer.readDoubleLE(offset) : buffer.readDoubleBE(offset));
  const srsId = littleEndian ? buffer.readInt32LE(4) : buffer.readInt32BE(4);
  const envelope = doubles >= 4 ? { minX: readDouble(8), maxX: readDouble(16), minY: readDouble(24), maxY: readDouble(32) } : null;
  return { srsId, isEmpty: (flags & 0x10) !== 0, envelope, wkbOffset: 8 + doubles * 8 };
}

/** Decodes a GeoPackage geometry BLOB to GeoJSON. */
export function decodeGeoPackageGeometry(blob: Uint8Array): Geometry {
  const header = decodeGeoPackageHeader(blob);
  const direct = readWkb(new DataView(blob.buffer, blob.byteOffset, blob.byteLength), header.wkbOffset);
  if (direct) return direct.geometry;
  const wkb = Buffer.from(blob.buffer, blob.byteOffset + header.wkbOffset, blob.byteLength - header.wkbOffset);
  return wkx().Geometry.parse(wkb).toGeoJSON() as Geometry;
}

/**
 * Boundary layers are stored as MULTIPOLYGON (one geometry type per GeoPackage column); a Polygon
 * becomes a MultiPolygon with one part.
 */
export function toMultiPolygon(geometry: Polygon | MultiPolygon): MultiPolygon {
  return geometry.type === 'MultiPolygon' ? geometry : { type: 'MultiPolygon', coordinates: [geometry.coordinates] };
}
