/**
 * Plain measures of one polygon ring, shared by the shapefile reader, geometry validation and the figure's
 * rewinding for d3.
 */
import type { Position } from 'geojson';

/**
 * Signed planar area of a ring (shoelace formula), in the ring's own units squared: positive when the ring
 * runs counter-clockwise (x east, y north), negative when clockwise.
 * @example ringSignedArea([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]) // 1
 */
export function ringSignedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index, index += 1) {
    sum += ring[previous]![0]! * ring[index]![1]! - ring[index]![0]! * ring[previous]![1]!;
  }
  return sum / 2;
}
