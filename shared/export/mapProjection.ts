/**
 * The projection of the figure's map: a transverse Mercator (conformal, like UTM) whose central meridian
 * runs through the middle of the areas shown, fitted into the map frame. Conformal keeps shapes true, so
 * the figure looks like the official maps; the central meridian through the middle keeps the scale error
 * below 0.01 % across a region the size of Region Hannover, so one scale bar is honest for the whole map.
 */
import { geoBounds, geoDistance, geoTransverseMercator, type GeoProjection, type GeoStream } from 'd3-geo';
import type { FeatureCollection, MultiPoint, MultiPolygon, Polygon, Position } from 'geojson';

/** Mean Earth radius in km (IUGG), for distances from d3's unit sphere. */
export const EARTH_RADIUS_KM = 6371.0088;

export interface MapFrame {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The areas' vertices as one MultiPoint, and the middle of their longitudes. The fit needs only the
 * outermost points: streaming the polygons through d3 (clipping, resampling every edge) for bounds and
 * again for the fit took 0.3 s of a figure of Germany's 11 000 municipalities. Edges are short, so no edge
 * reaches beyond its vertices by a visible amount. The middle comes from the plain longitude range; only
 * areas spanning more than half the globe (across the antimeridian) need d3's spherical bounds.
 */
function verticesOf(areas: FeatureCollection<Polygon | MultiPolygon>): { vertices: MultiPoint; centralMeridian: number } {
  let count = 0;
  for (const feature of areas.features) {
    const geometry = feature.geometry;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of polygons) for (const ring of rings) count += ring.length;
  }
  const coordinates: Position[] = new Array(count);
  let west = Infinity;
  let east = -Infinity;
  let index = 0;
  for (const feature of areas.features) {
    const geometry = feature.geometry;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of polygons) {
      for (const ring of rings) {
        // An index loop: run once over every vertex, for…of allocated a result object per step.
        for (let vertex = 0; vertex < ring.length; vertex += 1) {
          const position = ring[vertex]!;
          coordinates[index] = position;
          index += 1;
          if (position[0]! < west) west = position[0]!;
          if (position[0]! > east) east = position[0]!;
        }
      }
    }
  }
  const vertices: MultiPoint = { type: 'MultiPoint', coordinates };
  if (east - west <= 180) return { vertices, centralMeridian: (west + east) / 2 };
  const [[boundsWest], [boundsEast]] = geoBounds(vertices);
  // geoBounds wraps across the antimeridian with west > east; the middle is then on the far side.
  return { vertices, centralMeridian: boundsWest <= boundsEast ? (boundsWest + boundsEast) / 2 : ((boundsWest + boundsEast + 360) / 2) % 360 };
}

/**
 * A projection fitting `areas` (rewound for d3) into `frame` (mm) with `paddingMm` free on each side.
 * @example fitProjection(areas, { x: 12, y: 30, width: 200, height: 150 }, 3)
 */
export function fitProjection(areas: FeatureCollection<Polygon | MultiPolygon>, frame: MapFrame, paddingMm: number): GeoProjection {
  const { vertices, centralMeridian } = verticesOf(areas);
  const padding = Math.min(paddingMm, frame.width / 4, frame.height / 4);
  return geoTransverseMercator()
    .rotate([-centralMeridian, 0])
    .fitExtent(
      [
        [frame.x + padding, frame.y + padding],
        [frame.x + frame.width - padding, frame.y + frame.height - padding],
      ],
      outermostVertices(vertices, centralMeridian),
    );
}

/**
 * The vertices that bound the projected map: the westmost, eastmost, southmost and northmost after the
 * projection, found with its raw formula (no array per vertex). Scale and translation only stretch and move,
 * so d3 fits these four exactly as it fits all of them (Germany: 180 000 vertices d3 streamed one by one).
 */
function outermostVertices(vertices: MultiPoint, centralMeridian: number): MultiPoint {
  const coordinates = vertices.coordinates;
  if (coordinates.length <= 4) return vertices;
  const deltaLambda = -centralMeridian * RADIANS;
  const raw: [number, number] = [0, 0];
  const extremes = [0, 0, 0, 0];
  let minimumX = Infinity;
  let maximumX = -Infinity;
  let minimumY = Infinity;
  let maximumY = -Infinity;
  for (let index = 0; index < coordinates.length; index += 1) {
    const position = coordinates[index]!;
    rawTransverseMercator(position[0]!, position[1]!, deltaLambda, raw);
    if (!Number.isFinite(raw[0]) || !Number.isFinite(raw[1])) return vertices;
    if (raw[0] < minimumX) {
      minimumX = raw[0];
      extremes[0] = index;
    }
    if (raw[0] > maximumX) {
      maximumX = raw[0];
      extremes[1] = index;
    }
    if (raw[1] < minimumY) {
      minimumY = raw[1];
      extremes[2] = index;
    }
    if (raw[1] > maximumY) {
      maximumY = raw[1];
      extremes[3] = index;
    }
  }
  return { type: 'MultiPoint', coordinates: extremes.map((index) => coordinates[index]!) };
}

const RADIANS = Math.PI / 180;

/**
 * d3's transverse Mercator before scaling and translation: rotated by `deltaLambda` (radians) to the central
 * meridian, rolled by 90° as d3 does, then the raw projection; written into `out`.
 */
function rawTransverseMercator(longitude: number, latitude: number, deltaLambda: number, out: [number, number]): void {
  const lambda = longitude * RADIANS + deltaLambda;
  const phi = latitude * RADIANS;
  const cosPhi = Math.cos(phi);
  const x = Math.cos(lambda) * cosPhi;
  const y = Math.sin(lambda) * cosPhi;
  const z = Math.sin(phi);
  out[0] = Math.log(Math.tan((Math.PI / 2 + Math.asin(y)) / 2));
  out[1] = -Math.atan2(-z, x);
}

/**
 * Kilometres on the ground per mm on the page, measured at the frame's centre along the horizontal: the
 * true distance between two points 1 mm either side of the centre, so it holds for the map's latitude.
 * @example kilometresPerMm(projection, frame) // e.g. 0.38 for Region Hannover on A4
 */
export function kilometresPerMm(projection: GeoProjection, frame: MapFrame): number {
  const centreX = frame.x + frame.width / 2;
  const centreY = frame.y + frame.height / 2;
  const west = projection.invert?.([centreX - 1, centreY]);
  const east = projection.invert?.([centreX + 1, centreY]);
  if (!west || !east) return Number.NaN;
  return (geoDistance(west, east) * EARTH_RADIUS_KM) / 2;
}

/**
 * The angle (degrees, clockwise from the page's up) in which true north points at the frame's centre.
 * Zero on the central meridian; a few tenths of a degree elsewhere (grid convergence).
 * @example northAngleDegrees(projection, frame) // ≈ 0
 */
export function northAngleDegrees(projection: GeoProjection, frame: MapFrame): number {
  const centre = projection.invert?.([frame.x + frame.width / 2, frame.y + frame.height / 2]);
  if (!centre) return 0;
  const here = projection(centre);
  const north = projection([centre[0], Math.min(89.9, centre[1] + 0.01)]);
  if (!here || !north) return 0;
  return (Math.atan2(north[0] - here[0], here[1] - north[1]) * 180) / Math.PI;
}

/**
 * A scale-bar length that reads well: 1, 2 or 5 × 10ⁿ km, as long as possible but at most
 * `maximumLengthMm` on the page. Returns the length in km and in mm and the number of segments.
 * @example niceScaleBar(0.38, 50) // { kilometres: 10, lengthMm: 26.3, segments: 2 }
 */
export function niceScaleBar(kilometresPerMillimetre: number, maximumLengthMm: number): { kilometres: number; lengthMm: number; segments: number } {
  const maximumKilometres = kilometresPerMillimetre * maximumLengthMm;
  const magnitude = 10 ** Math.floor(Math.log10(maximumKilometres));
  const step = [5, 2, 1].find((factor) => factor * magnitude <= maximumKilometres) ?? 1;
  const kilometres = step * magnitude;
  const segments = step === 2 ? 2 : step === 5 ? 5 : 4;
  return { kilometres, lengthMm: kilometres / kilometresPerMillimetre, segments };
}

/** A d3 stream transform: what geoPath accepts in place of a projection. */
export interface PlanarTransform {
  stream(output: GeoStream): GeoStream;
}

/**
 * The figure's projection as a plain point-by-point transform, for drawing the areas: the same formulas
 * as d3's transverse Mercator (rotated to the central meridian, rolled by 90°, scaled and translated), but
 * without what d3 wraps around every point — adaptive resampling, clipping at the antimeridian and at the
 * world's edge, an array per point at each step. None of them changes a municipality's outline: edges are
 * short (resampling adds no point at the figure's 0,7 mm precision), and an area within 80° of the central
 * meridian is far from where the clipping cuts (drawAreas checks that; a wider layer keeps d3's path).
 * Germany's figure comes out byte for byte the same, with less of the 340 MB of short-lived arrays d3
 * allocated for its 3 MB of paths. Null for a projection this does not reproduce (not a transverse Mercator,
 * tilted, reflected or clipped).
 * @example geoPath(planarTransform(projection)).digits(2)(feature)
 */
export function planarTransform(projection: GeoProjection): PlanarTransform | null {
  const [rotateLambda, rotatePhi, rotateGamma] = projection.rotate();
  if (rotatePhi !== 0 || (rotateGamma ?? 0) !== 0 || projection.angle() !== 0 || projection.reflectX() || projection.reflectY()) return null;
  // d3 reports no clip angle as 0.
  if (projection.clipExtent() !== null || projection.clipAngle()) return null;
  const deltaLambda = rotateLambda * RADIANS;
  const raw: [number, number] = [0, 0];
  // The affine part (scale and translation) from one point d3 projects: x = dx + k·rawX, y = dy − k·rawY.
  const k = projection.scale();
  const projected = projection([-rotateLambda, 0]);
  if (!projected) return null;
  rawTransverseMercator(-rotateLambda, 0, deltaLambda, raw);
  const dx = projected[0] - k * raw[0];
  const dy = projected[1] + k * raw[1];
  // Not a transverse Mercator (another d3 projection passed in): its formulas are not these.
  const probe: [number, number] = [-rotateLambda + 3, 50];
  const expected = projection(probe);
  rawTransverseMercator(probe[0], probe[1], deltaLambda, raw);
  if (!expected || Math.abs(dx + k * raw[0] - expected[0]) > 1e-6 * k || Math.abs(dy - k * raw[1] - expected[1]) > 1e-6 * k) return null;
  return {
    stream(output) {
      return {
        point(longitude, latitude) {
          rawTransverseMercator(longitude, latitude, deltaLambda, raw);
          output.point(dx + k * raw[0], dy - k * raw[1]);
        },
        lineStart: () => output.lineStart(),
        lineEnd: () => output.lineEnd(),
        polygonStart: () => output.polygonStart(),
        polygonEnd: () => output.polygonEnd(),
        sphere: () => output.sphere?.(),
      };
    },
  };
}
