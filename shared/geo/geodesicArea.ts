/**
 * The geodesic area of an area's geometry, the one figure the import preview lists and the project file
 * stores (area_km2, the denominator of densities). Remembered per geometry object: an import computes it
 * for the preview and again when the same areas are written, which for a Germany-wide layer was 25 ms twice.
 * Geometries are treated as unchanging once measured, as areas are after validation.
 */
import { area } from '@turf/area';
import type { MultiPolygon, Polygon } from 'geojson';

const measured = new WeakMap<Polygon | MultiPolygon, number>();

/** Geodesic area in km² of a WGS84 polygon. @example geodesicAreaKm2(hannover) // ≈ 204 */
export function geodesicAreaKm2(geometry: Polygon | MultiPolygon): number {
  let km2 = measured.get(geometry);
  if (km2 === undefined) {
    km2 = area(geometry) / 1e6;
    measured.set(geometry, km2);
  }
  return km2;
}
