/**
 * The centroid of an area's polygon(s) in longitude/latitude, computed in the plane of the coordinates
 * (area-weighted over all parts, holes subtracted) — what sf's `st_centroid` gives with s2 switched off and
 * GEOS' centroid gives. Used as the area's point for k-nearest-neighbour weights. For areas the size of
 * German municipalities the planar centroid in degrees lies within metres of the geodesic one.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * [longitude, latitude] of the centroid; for degenerate geometry (zero area) the mean of the vertices.
 * @example areaCentroid({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }) // [1, 1]
 */
export function areaCentroid(geometry: Polygon | MultiPolygon): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let twiceArea = 0;
  let sumX = 0;
  let sumY = 0;
  let vertexSumX = 0;
  let vertexSumY = 0;
  let vertexCount = 0;
  // Coordinates are shifted by the first vertex, so large longitudes do not cost precision in the cross products.
  const origin = polygons[0]?.[0]?.[0] ?? [0, 0];
  const originX = origin[0] as number;
  const originY = origin[1] as number;
  for (const polygon of polygons) {
    polygon.forEach((ring, ringIndex) => {
      const ringSums = ringMoments(ring, originX, originY);
      // Outer rings count positively, holes negatively, whatever their stored winding.
      const sign = (ringIndex === 0 ? 1 : -1) * Math.sign(ringSums.twiceArea);
      twiceArea += sign * ringSums.twiceArea;
      sumX += sign * ringSums.sumX;
      sumY += sign * ringSums.sumY;
      for (const position of ring) {
        vertexSumX += (position[0] as number) - originX;
        vertexSumY += (position[1] as number) - originY;
        vertexCount++;
      }
    });
  }
  if (twiceArea === 0 || !Number.isFinite(twiceArea)) {
    return vertexCount === 0 ? [Number.NaN, Number.NaN] : [originX + vertexSumX / vertexCount, originY + vertexSumY / vertexCount];
  }
  return [originX + sumX / (3 * twiceArea), originY + sumY / (3 * twiceArea)];
}

function ringMoments(ring: readonly Position[], originX: number, originY: number): { twiceArea: number; sumX: number; sumY: number } {
  let twiceArea = 0;
  let sumX = 0;
  let sumY = 0;
  for (let index = 0; index + 1 < ring.length; index++) {
    const x0 = ((ring[index] as Position)[0] as number) - originX;
    const y0 = ((ring[index] as Position)[1] as number) - originY;
    const x1 = ((ring[index + 1] as Position)[0] as number) - originX;
    const y1 = ((ring[index + 1] as Position)[1] as number) - originY;
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    sumX += (x0 + x1) * cross;
    sumY += (y0 + y1) * cross;
  }
  return { twiceArea, sumX, sumY };
}
