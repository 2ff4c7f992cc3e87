/**
 * Supply per area from facilities (points in polygons) and staff positions. A facility lying outside
 * every area (e.g. a school just across the district border) counts for the nearest area when it is within
 * the catchment distance; otherwise it is reported as unassigned, never silently dropped.
 */
import { booleanPointInPolygon, point, pointToPolygonDistance } from '@turf/turf';
import type { Area, AreaKey } from '../model/project';
import { SUPPLY_KIND_OF_FACILITY, type Facility, type StaffPositions } from './facilities';
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

/**
 * Adds facility capacities and staff positions up per area.
 * @param catchmentKm a facility outside all areas counts for the nearest area within this distance (km); 0 = only inside
 * @example aggregateSupply(areas, facilities, staff, 2).supplyByArea.get('03241001')?.kita // KiTa places in Hannover
 */
export function aggregateSupply(areas: readonly Area[], facilities: readonly Facility[], staff: readonly StaffPositions[], catchmentKm = 0): SupplyAggregation {
  const knownKinds = new Set(facilities.map((facility) => SUPPLY_KIND_OF_FACILITY[facility.kind]));
  if (staff.length > 0) knownKinds.add('staff');
  const supplyByArea = new Map<AreaKey, NullableFigures>();
  for (const area of areas) {
    const figures = {} as NullableFigures;
    for (const kind of INFRASTRUCTURE_KINDS) figures[kind] = knownKinds.has(kind) ? 0 : null;
    supplyByArea.set(area.key, figures);
  }
  const areaOfFacility = new Map<string, AreaKey>();
  const unassigned: string[] = [];
  for (const facility of facilities) {
    const location = point([facility.longitude, facility.latitude]);
    let found = areas.find((area) => booleanPointInPolygon(location, area.geometry));
    if (!found && catchmentKm > 0) {
      let nearestKm = Infinity;
      for (const area of areas) {
        const distanceKm = Math.abs(pointToPolygonDistance(location, area.geometry, { units: 'kilometers' }));
        if (distanceKm <= catchmentKm && distanceKm < nearestKm) {
          nearestKm = distanceKm;
          found = area;
        }
      }
    }
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
