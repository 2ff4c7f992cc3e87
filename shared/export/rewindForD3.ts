/**
 * d3-geo reads polygon rings by their winding on the sphere: an exterior ring must run clockwise, or d3
 * draws "the whole globe minus the shape". GeoJSON (RFC 7946) prescribes the opposite (exterior
 * counter-clockwise), and files in the wild use either. This rewinds every ring the way d3 expects.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringSignedArea } from '../geo/rings';

function orient(ring: Position[], clockwise: boolean): Position[] {
  const isClockwise = ringSignedArea(ring) < 0;
  return isClockwise === clockwise ? ring : [...ring].reverse();
}

/**
 * A copy of the geometry with exterior rings clockwise and holes counter-clockwise (d3-geo's convention).
 * @example rewindForD3({ type: 'Polygon', coordinates: [[[0,0],[1,0],[1,1],[0,0]]] }).coordinates[0] // [[0,0],[1,1],[1,0],[0,0]]
 */
export function rewindForD3<G extends Polygon | MultiPolygon>(geometry: G): G {
  const rewindPolygon = (rings: Position[][]): Position[][] => rings.map((ring, index) => orient(ring, index === 0));
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: rewindPolygon(geometry.coordinates) };
  return { ...geometry, coordinates: (geometry as MultiPolygon).coordinates.map(rewindPolygon) } as G;
}
