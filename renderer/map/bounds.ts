/**
 * The bounding box of a feature collection, for fitting the map to a layer. Pure.
 */
import type { FeatureCollectionDto } from '../../shared/contract/api';

/** [west, south, east, north] in degrees, or null for an empty collection. */
export type BoundingBox = [number, number, number, number];

/**
 * @example featureBounds(collection) // [9.35, 52.15, 10.15, 52.65]
 */
export function featureBounds(collection: FeatureCollectionDto): BoundingBox | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const visit = (coordinates: unknown): void => {
    if (!Array.isArray(coordinates)) return;
    if (typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number') {
      const [longitude, latitude] = coordinates as [number, number];
      west = Math.min(west, longitude);
      east = Math.max(east, longitude);
      south = Math.min(south, latitude);
      north = Math.max(north, latitude);
      return;
    }
    for (const child of coordinates) visit(child);
  };
  for (const feature of collection.features) visit((feature.geometry as { coordinates?: unknown }).coordinates);
  return Number.isFinite(west) ? [west, south, east, north] : null;
}
