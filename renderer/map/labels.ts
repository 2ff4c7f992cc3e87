/**
 * Area labels without collisions: one anchor per area (a point inside it, weighted by its size), then a
 * greedy placement on screen that keeps the most important labels (largest areas first) and drops any
 * label that would overlap one already placed. Pure; the overlay (MapLabels.tsx) measures and projects.
 */
import { area as geodesicAreaSquareMeters, booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { FeatureCollectionDto } from '../../shared/contract/api';

export interface LabelAnchor {
  key: string;
  name: string;
  /** [longitude, latitude] inside the area. */
  lngLat: [number, number];
  /** Geodesic area in m²: larger areas win collisions. */
  areaSquareMeters: number;
}

/**
 * One anchor per area: the centroid of its largest part when that lies inside, else a point on the surface.
 * @example labelAnchors(collection)[0] // { key: '03241001', name: 'Hannover', lngLat: [9.73, 52.37], areaSquareMeters: 2.04e8 }
 */
export function labelAnchors(collection: FeatureCollectionDto): LabelAnchor[] {
  return collection.features.map((feature) => {
    const geometry = feature.geometry as unknown as Polygon | MultiPolygon;
    const largestPart = largestPolygon(geometry);
    const centre = centroid(largestPart).geometry.coordinates;
    const inside = booleanPointInPolygon(centre, largestPart);
    const point = inside ? centre : pointOnFeature(largestPart).geometry.coordinates;
    return {
      key: feature.properties.key,
      name: feature.properties.name,
      lngLat: [point[0] ?? 0, point[1] ?? 0],
      areaSquareMeters: geodesicAreaSquareMeters(geometry),
    };
  });
}

function largestPolygon(geometry: Polygon | MultiPolygon): Feature<Polygon> {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: Feature<Polygon> | null = null;
  let bestArea = -1;
  for (const coordinates of parts) {
    const part: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } };
    const partArea = geodesicAreaSquareMeters(part);
    if (partArea > bestArea) {
      best = part;
      bestArea = partArea;
    }
  }
  return best as Feature<Polygon>;
}

/** A label on screen: centre position and box size in CSS pixels. */
export interface LabelCandidate {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher first (the area size). */
  priority: number;
}

/**
 * Keys of the labels to show: by priority, each kept only when its box (plus `padding` px) overlaps no kept
 * box and lies within the viewport.
 * @example placeLabels([{ key: 'a', x: 10, y: 10, width: 20, height: 10, priority: 2 }, { key: 'b', x: 12, y: 10, width: 20, height: 10, priority: 1 }], { width: 100, height: 100 }) // ['a']
 */
export function placeLabels(candidates: readonly LabelCandidate[], viewport: { width: number; height: number }, padding = 2): string[] {
  const sorted = [...candidates].sort((first, second) => second.priority - first.priority);
  const kept: { left: number; right: number; top: number; bottom: number }[] = [];
  const keys: string[] = [];
  for (const candidate of sorted) {
    const box = {
      left: candidate.x - candidate.width / 2 - padding,
      right: candidate.x + candidate.width / 2 + padding,
      top: candidate.y - candidate.height / 2 - padding,
      bottom: candidate.y + candidate.height / 2 + padding,
    };
    if (box.left < 0 || box.top < 0 || box.right > viewport.width || box.bottom > viewport.height) continue;
    const collides = kept.some((other) => box.left < other.right && box.right > other.left && box.top < other.bottom && box.bottom > other.top);
    if (collides) continue;
    kept.push(box);
    keys.push(candidate.key);
  }
  return keys;
}
