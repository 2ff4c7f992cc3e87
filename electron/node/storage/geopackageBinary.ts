/**
 * The GeoPackage geometry BLOB (GeoPackage 1.4, clause 2.1.3): a small header ("GP", version, flags,
 * srs_id, optional envelope) followed by standard WKB. We always write little-endian with an XY envelope,
 * which is what GDAL writes and what QGIS reads fastest.
 */
import wkx from 'wkx';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';

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
  const wkb = wkx.Geometry.parseGeoJSON(geometry).toWkb();
  const envelope = geometryEnvelope(geometry);
  const isEmpty = envelope === null;
  // flags: bit 0 little-endian, bits 1-3 envelope kind (1 = XY), bit 4 empty geometry.
  const flags = 0x01 | (isEmpty ? 0x10 : 0x02);
  const header = Buffer.alloc(isEmpty ? 8 : 40);
  header[0] = MAGIC_G;
  header[1] = MAGIC_P;
  header[2] = 0;
  header[3] = flags;
  header.writeInt32LE(srsId, 4);
  if (envelope) {
    header.writeDoubleLE(envelope.minX, 8);
    header.writeDoubleLE(envelope.maxX, 16);
    header.writeDoubleLE(envelope.minY, 24);
    header.writeDoubleLE(envelope.maxY, 32);
  }
  return Buffer.concat([header, wkb]);
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
  const buffer = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
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
  const wkb = Buffer.from(blob.buffer, blob.byteOffset + header.wkbOffset, blob.byteLength - header.wkbOffset);
  return wkx.Geometry.parse(wkb).toGeoJSON() as Geometry;
}

/**
 * Boundary layers are stored as MULTIPOLYGON (one geometry type per GeoPackage column); a Polygon
 * becomes a MultiPolygon with one part.
 */
export function toMultiPolygon(geometry: Polygon | MultiPolygon): MultiPolygon {
  return geometry.type === 'MultiPolygon' ? geometry : { type: 'MultiPolygon', coordinates: [geometry.coordinates] };
}
