/**
 * The figure's projection is fitted to the areas' vertices, not streamed polygons (speed, issue 16): it must
 * place the areas exactly as d3's fit to the polygons does, and find the middle across the antimeridian.
 */
import { geoTransverseMercator } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fitProjection } from '../../../shared/export/mapProjection';

/** A clockwise ring (d3's winding for a shell) around a centre, with many vertices like a real border. */
function blob(lon: number, lat: number, radius: number, vertices = 60): Feature<Polygon> {
  const ring = Array.from({ length: vertices }, (_, index) => {
    const angle = (-index / vertices) * 2 * Math.PI;
    const wobble = 1 + 0.2 * Math.sin(index * 1.7);
    return [lon + Math.cos(angle) * radius * wobble, lat + Math.sin(angle) * radius * wobble * 0.6];
  });
  ring.push(ring[0]!);
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

const frame = { x: 12, y: 30, width: 200, height: 150 };

describe('fitProjection', () => {
  it('places the areas as d3 fitted to the polygons does', () => {
    const areas: FeatureCollection<Polygon | MultiPolygon> = { type: 'FeatureCollection', features: [blob(9.7, 52.4, 0.3), blob(10.4, 52.1, 0.2), blob(9.2, 52.8, 0.25)] };
    const ours = fitProjection(areas, frame, 3);
    const reference = geoTransverseMercator().rotate(ours.rotate()).fitExtent([[15, 33], [209, 177]], areas);
    expect(ours.scale()).toBeCloseTo(reference.scale(), 6);
    expect(ours.translate()[0]).toBeCloseTo(reference.translate()[0], 4);
    expect(ours.translate()[1]).toBeCloseTo(reference.translate()[1], 4);
    // The central meridian runs through the middle of the longitudes.
    const longitudes = areas.features.flatMap((feature) => (feature.geometry as Polygon).coordinates[0]!.map((position) => position[0]!));
    expect(-ours.rotate()[0]).toBeCloseTo((Math.min(...longitudes) + Math.max(...longitudes)) / 2, 9);
  });

  it('finds the middle across the antimeridian', () => {
    const areas: FeatureCollection<Polygon | MultiPolygon> = { type: 'FeatureCollection', features: [blob(179.5, -17, 0.3), blob(-179.6, -16.5, 0.3)] };
    const centralMeridian = -fitProjection(areas, frame, 3).rotate()[0];
    expect(Math.abs(((centralMeridian + 540) % 360) - 180)).toBeGreaterThan(179);
  });
});
