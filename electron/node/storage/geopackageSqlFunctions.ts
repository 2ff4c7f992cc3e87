/**
 * SQL functions from the GeoPackage spec's R-tree extension that GDAL-made files call in their triggers
 * (`ST_IsEmpty`, `ST_MinX`, …). Without them any write to such a table fails with "no such function".
 * They read only the BLOB header, so they are cheap.
 */
import type Database from 'better-sqlite3';
import { decodeGeoPackageHeader, decodeGeoPackageGeometry, geometryEnvelope, type GeometryEnvelope } from './geopackageBinary';

function envelopeOf(blob: unknown): GeometryEnvelope | null {
  if (!(blob instanceof Uint8Array)) return null;
  try {
    const header = decodeGeoPackageHeader(blob);
    if (header.isEmpty) return null;
    // Header without envelope: compute it from the WKB.
    return header.envelope ?? geometryEnvelope(decodeGeoPackageGeometry(blob));
  } catch {
    return null;
  }
}

/** Registers ST_IsEmpty, ST_MinX, ST_MaxX, ST_MinY, ST_MaxY and GPKG_IsAssignable on a connection. */
export function registerGeoPackageSqlFunctions(db: Database.Database): void {
  const deterministic = { deterministic: true, varargs: false } as const;
  db.function('ST_IsEmpty', deterministic, (blob: unknown) => {
    if (!(blob instanceof Uint8Array)) return null;
    try {
      return decodeGeoPackageHeader(blob).isEmpty ? 1 : 0;
    } catch {
      return null;
    }
  });
  db.function('ST_MinX', deterministic, (blob: unknown) => envelopeOf(blob)?.minX ?? null);
  db.function('ST_MaxX', deterministic, (blob: unknown) => envelopeOf(blob)?.maxX ?? null);
  db.function('ST_MinY', deterministic, (blob: unknown) => envelopeOf(blob)?.minY ?? null);
  db.function('ST_MaxY', deterministic, (blob: unknown) => envelopeOf(blob)?.maxY ?? null);
  db.function('GPKG_IsAssignable', deterministic, (expected: unknown, actual: unknown) => {
    if (typeof expected !== 'string' || typeof actual !== 'string') return 0;
    const expectedType = expected.toUpperCase();
    const actualType = actual.toUpperCase();
    return expectedType === actualType || expectedType === 'GEOMETRY' ? 1 : 0;
  });
}
