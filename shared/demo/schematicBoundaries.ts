/**
 * Schematic municipality boundaries for the demo: a power diagram around the real seats, clipped to a
 * hand-made outline of Region Hannover, with weights fitted so that each cell's area is proportional to
 * the municipality's real land area. Recognisable, deterministic, and clearly not the official VG250.
 */
import { featureCollection, intersect, polygon, rewind } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Area } from '../model/project';
import { fitPowerWeights, powerCell, planarRingArea, type PlanarPoint, type PlanarRing } from './powerDiagram';
import { REGION_HANNOVER_MUNICIPALITIES, REGION_HANNOVER_OUTLINE } from './regionHannover';

/** Centre of the local equirectangular projection (degrees); the region spans ±0.3° around it. */
const PROJECTION_CENTRE = { longitude: 9.75, latitude: 52.4 };
const KILOMETRES_PER_DEGREE_LATITUDE = (6371.0088 * Math.PI) / 180;
const KILOMETRES_PER_DEGREE_LONGITUDE = KILOMETRES_PER_DEGREE_LATITUDE * Math.cos((PROJECTION_CENTRE.latitude * Math.PI) / 180);
/** Output coordinates are rounded to 1e-6° (about 0.1 m): plenty for a schematic map, compact JSON. */
const COORDINATE_DECIMALS = 6;

/**
 * Degrees → kilometres east/north of the projection centre. The projection is affine in (lon, lat), so
 * straight edges stay straight: a cell clipped in kilometres equals the cell clipped in degrees.
 */
function toKilometres([longitude, latitude]: readonly [number, number]): PlanarPoint {
  return [
    (longitude - PROJECTION_CENTRE.longitude) * KILOMETRES_PER_DEGREE_LONGITUDE,
    (latitude - PROJECTION_CENTRE.latitude) * KILOMETRES_PER_DEGREE_LATITUDE,
  ];
}

function toDegrees([east, north]: PlanarPoint): Position {
  return [PROJECTION_CENTRE.longitude + east / KILOMETRES_PER_DEGREE_LONGITUDE, PROJECTION_CENTRE.latitude + north / KILOMETRES_PER_DEGREE_LATITUDE];
}

function roundCoordinate(value: number): number {
  return Number(value.toFixed(COORDINATE_DECIMALS));
}

function roundGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const roundRing = (ring: Position[]): Position[] => ring.map((position) => position.map(roundCoordinate));
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(roundRing) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((rings) => rings.map(roundRing)) };
}

/** The region's outline as an open ring in kilometres. */
function outlineInKilometres(): PlanarRing {
  return REGION_HANNOVER_OUTLINE.slice(0, -1).map(toKilometres);
}

/** A box around the outline, 20 km larger on every side: the convex start of every cell. */
function boundingBoxInKilometres(outline: PlanarRing): PlanarRing {
  const easts = outline.map((point) => point[0]);
  const norths = outline.map((point) => point[1]);
  const [west, east, south, north] = [Math.min(...easts) - 20, Math.max(...easts) + 20, Math.min(...norths) - 20, Math.max(...norths) + 20];
  return [[west, south], [east, south], [east, north], [west, north]];
}

let cachedAreas: Area[] | null = null;

/**
 * The 21 schematic municipality areas, in AGS order, as WGS84 GeoJSON (outer rings counter-clockwise).
 * Each cell's area is within about 1 % of (real land area / region land area) × outline area.
 * The geometry does not depend on any seed; it is computed once and then returned as fresh copies.
 * @example createSchematicMunicipalities()[0].name // "Hannover"
 */
export function createSchematicMunicipalities(): Area[] {
  if (!cachedAreas) cachedAreas = computeSchematicMunicipalities();
  return JSON.parse(JSON.stringify(cachedAreas)) as Area[];
}

function computeSchematicMunicipalities(): Area[] {
  const outline = outlineInKilometres();
  const outlineArea = planarRingArea(outline);
  const totalLandArea = REGION_HANNOVER_MUNICIPALITIES.reduce((sum, municipality) => sum + municipality.areaKm2, 0);
  const sites = REGION_HANNOVER_MUNICIPALITIES.map((municipality) => toKilometres(municipality.seat));
  const targetAreas = REGION_HANNOVER_MUNICIPALITIES.map((municipality) => (municipality.areaKm2 / totalLandArea) * outlineArea);
  const { weights } = fitPowerWeights(sites, outline, targetAreas);

  const box = boundingBoxInKilometres(outline);
  const outlineFeature = polygon([REGION_HANNOVER_OUTLINE.map(([longitude, latitude]) => [longitude, latitude])]);
  return REGION_HANNOVER_MUNICIPALITIES.map((municipality, index) => {
    const cell = powerCell(sites, weights, index, box).map(toDegrees);
    const clipped = intersect(featureCollection([polygon([[...cell, cell[0] as Position]]), outlineFeature]));
    if (!clipped) {
      // Cannot happen with fitted weights (every target area is positive); fail loudly rather than drop an area.
      throw new Error(`Schematic cell of ${municipality.key} is empty`);
    }
    // RFC 7946 winding (outer rings counter-clockwise), whatever the clipper returned.
    const geometry = (rewind(clipped) as Feature<Polygon | MultiPolygon>).geometry;
    return { key: municipality.key, name: municipality.name, geometry: roundGeometry(geometry) };
  });
}
