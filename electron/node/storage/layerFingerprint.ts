/**
 * A fingerprint of a boundary layer's content: a hash of every area's key and geometry bytes in stored
 * order. Derived results that depend only on the geometry (spatial weights) are kept under it, so they are
 * computed once per layer and recomputed as soon as the layer changes (re-import, other project).
 */
import { createHash } from 'node:crypto';
import { quoteIdentifier } from './geopackageCore';
import type { SqliteDatabase } from './openDatabase';

/**
 * @example layerFingerprint(db, 'gemeinden') // 'a3f1…' (40 hex digits)
 */
export function layerFingerprint(db: SqliteDatabase, layerName: string): string {
  const hash = createHash('sha1');
  hash.update(layerName);
  const rows = db.prepare(`SELECT key, geom FROM ${quoteIdentifier(layerName)} ORDER BY fid`).raw().iterate() as IterableIterator<[string, Buffer | null]>;
  for (const [key, geometry] of rows) {
    hash.update(`\u0000${key}\u0000`);
    if (geometry) hash.update(geometry);
  }
  return hash.digest('hex');
}
