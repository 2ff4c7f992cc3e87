/**
 * The figure's projection is fitted to the areas' vertices, not streamed polygons (speed, issue 16): it must
 * place the areas exactly as d3's fit to the polygons does, and find the middle across the antimeridian.
 */
import { geoMercator, geoPath, geoTransverseMercator, type GeoStream } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { drawAreas, type AreaStyle } from '../../../shared/export/mapAreas';
import { fitProjection, planarTransform } from '../../../shared/export/mapProjection';

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

describe('planarTransform (the areas drawn without d3\'s per-point wrapping)', () => {
  it('projects every point as d3\'s transverse Mercator does', () => {
    const areas: FeatureCollection<Polygon | MultiPolygon> = { type: 'FeatureCollection', features: [blob(6.1, 47.4, 0.3), blob(14.9, 54.9, 0.2)] };
    const projection = fitProjection(areas, frame, 3);
    const planar = planarTransform(projection)!;
    let drawn: [number, number] = [Number.NaN, Number.NaN];
    const stream = planar.stream({ point: (x: number, y: number) => (drawn = [x, y]) } as unknown as GeoStream);
    let largest = 0;
    for (let longitude = 5.5; longitude <= 15.5; longitude += 0.37) {
      for (let latitude = 47; latitude <= 55.2; latitude += 0.29) {
        stream.point(longitude, latitude);
        const expected = projection([longitude, latitude])!;
        largest = Math.max(largest, Math.abs(drawn[0] - expected[0]), Math.abs(drawn[1] - expected[1]));
      }
    }
    expect(largest).toBeLessThan(1e-9);
  });

  it('declines a projection it does not reproduce', () => {
    const areas: FeatureCollection<Polygon | MultiPolygon> = { type: 'FeatureCollection', features: [blob(9.7, 52.4, 0.3)] };
    expect(planarTransform(geoMercator().fitExtent([[0, 0], [100, 100]], areas))).toBeNull();
    expect(planarTransform(fitProjection(areas, frame, 3).clipExtent([[0, 0], [50, 50]]))).toBeNull();
    expect(planarTransform(fitProjection(areas, frame, 3))).not.toBeNull();
  });

  // Also across the antimeridian (the figure's central meridian then runs through it), and for a layer
  // spanning more than 160° of longitude, which is left to d3's clipping.
  it('draws the same paths as d3\'s projection', () => {
    const styles = (features: Feature<Polygon>[]): AreaStyle[] =>
      features.map((feature, index) => ({ key: String(index), name: String(index), geometry: feature.geometry, fill: '#cccccc', overlay: null, inFocus: true }) as AreaStyle);
    const dArguments = (svg: string) => [...svg.matchAll(/ d="([^"]*)"/g)].map((match) => match[1]);
    for (const features of [
      [blob(9.7, 52.4, 0.3), blob(10.4, 52.1, 0.2), blob(9.2, 52.8, 0.25)],
      [blob(179.8, -17, 0.4), blob(-179.7, -16.8, 0.3)],
      [blob(-80, 40, 2), blob(95, 30, 2)],
    ]) {
      const projection = fitProjection({ type: 'FeatureCollection', features }, frame, 3);
      const byD3 = features.map((feature) => geoPath(projection).digits(2)(feature));
      expect(dArguments(drawAreas(styles(features), projection, 1, false))).toEqual(byD3);
    }
  });
});
