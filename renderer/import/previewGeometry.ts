/**
 * Draws a preview of boundaries as SVG paths without a map library: longitude/latitude are projected
 * equirectangularly with the longitude scaled by cos(mean latitude), which is true to shape within a Kreis
 * or Land. Rings are written as they come and filled with `fill-rule: evenodd`, so ring order (the d3-geo
 * winding pitfall) does not matter.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export interface PreviewShape {
  /** Feature id or index, for React keys and tests. */
  id: string;
  /** Area key shown in the tooltip, when the feature has one. */
  title: string;
  /** SVG path data in the view box's pixel space. */
  path: string;
}

export interface PreviewDrawing {
  width: number;
  height: number;
  shapes: PreviewShape[];
}

function eachPosition(geometry: Geometry | null, visit: (position: Position) => void): void {
  if (!geometry) return;
  if (geometry.type === 'Polygon') geometry.coordinates.forEach((ring) => ring.forEach(visit));
  else if (geometry.type === 'MultiPolygon') geometry.coordinates.forEach((polygon) => polygon.forEach((ring) => ring.forEach(visit)));
  else if (geometry.type === 'Point') visit(geometry.coordinates);
}

function ringsOf(geometry: Geometry | null): Position[][] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  return [];
}

function featureTitle(feature: Feature, index: number, titleProperty: string | undefined): string {
  const value = titleProperty ? feature.properties?.[titleProperty] : undefined;
  if (value !== undefined && value !== null) return String(value);
  return feature.id !== undefined ? String(feature.id) : String(index + 1);
}

/**
 * Projects a feature collection (WGS84) into a box of `width` × `height` pixels, keeping the aspect ratio
 * and a small margin. Empty collections give no shapes.
 * @example drawPreview(collection, 320, 240).shapes[0].path // "M12.0 30.5L…Z"
 */
export function drawPreview(collection: FeatureCollection, width: number, height: number, titleProperty?: string): PreviewDrawing {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const feature of collection.features) {
    eachPosition(feature.geometry, ([longitude = 0, latitude = 0]) => {
      if (longitude < west) west = longitude;
      if (longitude > east) east = longitude;
      if (latitude < south) south = latitude;
      if (latitude > north) north = latitude;
    });
  }
  if (!Number.isFinite(west)) return { width, height, shapes: [] };
  const longitudeScale = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const margin = 6;
  const spanX = Math.max((east - west) * longitudeScale, 1e-9);
  const spanY = Math.max(north - south, 1e-9);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  // Centre the drawing in the box.
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const project = ([longitude = 0, latitude = 0]: Position): string =>
    `${(offsetX + (longitude - west) * longitudeScale * scale).toFixed(1)} ${(offsetY + (north - latitude) * scale).toFixed(1)}`;
  const shapes = collection.features.map((feature, index) => ({
    id: feature.id !== undefined ? String(feature.id) : String(index),
    title: featureTitle(feature, index, titleProperty),
    path: ringsOf(feature.geometry)
      .filter((ring) => ring.length > 0)
      .map((ring) => `M${ring.map(project).join('L')}Z`)
      .join(''),
  }));
  return { width, height, shapes };
}
