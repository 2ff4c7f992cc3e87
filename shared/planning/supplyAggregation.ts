/**
 * Supply per area from facilities (points in polygons) and staff positions, with one of two catchments:
 * - `buffer`: a facility counts for the area it lies in; one lying outside every area (e.g. a school just
 *   across the district border) counts for the nearest area when it is within `km` of it (0 = inside only);
 * - `nearest`: every facility counts for the area whose centre is nearest by straight-line distance, the way
 *   residents tend to use the nearest facility; a KiTa at the edge of a town serves the neighbouring town
 *   when that town's centre is closer. No distance limit, so nothing is unassigned.
 * A facility that counts for no area is reported as unassigned, never silently dropped.
 */
import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { centerOfMass } from '@turf/center-of-mass';
import { distance } from '@turf/distance';
import { point } from '@turf/helpers';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import type { Position } from 'geojson';
import type { Area, AreaKey } from '../model/project';
import { SUPPLY_KIND_OF_FACILITY, type Facility, type StaffPositions, type SupplyCatchment } from './facilities';
import type { NullableFigures } from './gap';
import { INFRASTRUCTURE_KINDS } from './scenarioModel';

export interface SupplyAggregation {
  /** Supply per area; a kind is null when the project records no facility of that kind anywhere (unknown, not 0). */
  supplyByArea: Map<AreaKey, NullableFigures>;
  /** Facility id → area key it counts for. */
  areaOfFacility: Map<string, AreaKey>;
  /** Facilities outside every area and farther than the catchment from all of them. */
  unassigned: string[];
}

type Box = readonly [number, number, number, number];

/** True when [x, y] lies within the box [minX, minY, maxX, maxY] (edges included). */
function inBox(box: Box, x: number, y: number): boolean {
  return x >= box[0] && y >= box[1] && x <= box[2] && y <= box[3];
}

function bufferArea(areas: readonly Area[], boxes: readonly Box[], facility: Facility, km: number): Area | undefined {
  const location = point([facility.longitude, facility.latitude]);
  // The bounding box rules out most areas before the exact (and costly) point-in-polygon test.
  const inside = areas.find((area, index) => inBox(boxes[index]!, facility.longitude, facility.latitude) && booleanPointInPolygon(location, area.geometry));
  if (inside || km <= 0) return inside;
  let nearestKm = Infinity;
  let found: Area | undefined;
  for (const area of areas) {
    const distanceKm = Math.abs(pointToPolygonDistance(location, area.geometry, { units: 'kilometers' }));
    if (distanceKm <= km && distanceKm < nearestKm) {
      nearestKm = distanceKm;
      found = area;
    }
  }
  return found;
}

function nearestCentreArea(areas: readonly Area[], centres: readonly Position[], facility: Facility): Area | undefined {
  let nearestKm = Infinity;
  let found: Area | undefined;
  areas.forEach((area, index) => {
    const distanceKm = distance([facility.longitude, facility.latitude], centres[index]!, { units: 'kilometers' });
    if (distanceKm < nearestKm) {
      nearestKm = distanceKm;
      found = area;
    }
  });
  return found;
}

/**
 * Adds facility capacities and staff positions up per area.
 * @param catchment how facilities are assigned (a number is the buffer in km, for short)
 * @example aggregateSupply(areas, facilities, staff, { mode: 'buffer', km: 2 }).supplyByArea.get('03241001')?.kita // KiTa places in Hannover
 * @example aggregateSupply(areas, facilities, staff, { mode: 'nearest', km: 0 }).unassigned // [] (every facility has a nearest area)
 */
export function aggregateSupply(
  areas: readonly Area[],
  facilities: readonly Facility[],
  staff: readonly StaffPositions[],
  catchment: SupplyCatchment | number = 0,
): SupplyAggregation {
  const { mode, km } = typeof catchment === 'number' ? { mode: 'buffer' as const, km: catchment } : catchment;
  const knownKinds = new Set(facilities.map((facility) => SUPPLY_KIND_OF_FACILITY[facility.kind]));
  if (staff.length > 0) knownKinds.add('staff');
  const supplyByArea = new Map<AreaKey, NullableFigures>();
  for (const area of areas) {
    const figures = {} as NullableFigures;
    for (const kind of INFRASTRUCTURE_KINDS) figures[kind] = knownKinds.has(kind) ? 0 : null;
    supplyByArea.set(area.key, figures);
  }
  const centres = mode === 'nearest' ? areas.map((area) => centerOfMass(area.geometry).geometry.coordinates) : [];
  const boxes = mode === 'nearest' ? [] : areas.map((area) => bbox(area.geometry) as unknown as Box);
  const areaOfFacility = new Map<string, AreaKey>();
  const unassigned: string[] = [];
  for (const facility of facilities) {
    const found = mode === 'nearest' ? nearestCentreArea(areas, centres, facility) : bufferArea(areas, boxes, facility, km);
    if (!found) {
      unassigned.push(facility.id);
      continue;
    }
    areaOfFacility.set(facility.id, found.key);
    const figures = supplyByArea.get(found.key)!;
    const kind = SUPPLY_KIND_OF_FACILITY[facility.kind];
    figures[kind] = (figures[kind] ?? 0) + facility.capacity;
  }
  for (const entry of staff) {
    const figures = supplyByArea.get(entry.areaKey);
    if (figures) figures.staff = (figures.staff ?? 0) + entry.positions;
  }
  return { supplyByArea, areaOfFacility, unassigned };
}

