// Facilities to areas: points in polygons with a buffer, or the area with the nearest centre (straight line).
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Area } from '../../../shared/model/project';
import type { Facility } from '../../../shared/planning/facilities';
import { aggregateSupply } from '../../../shared/planning/supplyAggregation';
import { countsPlacesOrPositions, notSupplyReason, withSupplyFromData } from '../../../shared/planning/supplyFromData';

// Two squares side by side, 0.1° wide (≈ 6.8 km at 52° N): West [9.0, 9.1], East [9.1, 9.2].
const square = (west: number): Polygon => ({ type: 'Polygon', coordinates: [[[west, 52], [west + 0.1, 52], [west + 0.1, 52.1], [west, 52.1], [west, 52]]] });
const areas: Area[] = [
  { key: 'W', name: 'West', geometry: square(9.0) },
  { key: 'E', name: 'East', geometry: square(9.1) },
];
const kita = (id: string, longitude: number, latitude: number, capacity: number): Facility => ({ id, kind: 'kita', name: id, capacity, longitude, latitude, synthetic: false, source: 'test' });

// Inside West at 9.099 near the border; a point east of both squares at 9.25; one far away at 13.4 (Berlin).
const facilities = [kita('border', 9.099, 52.05, 10), kita('east-outside', 9.25, 52.05, 20), kita('berlin', 13.4, 52.52, 40), kita('west-centre', 9.05, 52.05, 5)];

describe('aggregateSupply', () => {
  it('buffer 0 counts only facilities inside and names the others unassigned', () => {
    const result = aggregateSupply(areas, facilities, []);
    expect(result.supplyByArea.get('W')!.kita).toBe(15);
    expect(result.supplyByArea.get('E')!.kita).toBe(0);
    expect(result.unassigned).toEqual(['east-outside', 'berlin']);
  });

  it('a 5 km buffer takes the facility 3.4 km east of East into East, not Berlin', () => {
    const result = aggregateSupply(areas, facilities, [], { mode: 'buffer', km: 5 });
    expect(result.supplyByArea.get('E')!.kita).toBe(20);
    expect(result.unassigned).toEqual(['berlin']);
  });

  it('nearest: each facility counts for the area with the nearest centre, so none is lost and capacity is conserved', () => {
    const result = aggregateSupply(areas, facilities, [], { mode: 'nearest', km: 0 });
    expect(result.unassigned).toEqual([]);
    expect(result.areaOfFacility.get('border')).toBe('W');
    expect(result.areaOfFacility.get('east-outside')).toBe('E');
    expect(result.areaOfFacility.get('berlin')).toBe('E');
    expect(result.supplyByArea.get('W')!.kita! + result.supplyByArea.get('E')!.kita!).toBe(75);
  });

  it('nearest: a facility inside one area but closer to the neighbour\'s centre serves the neighbour', () => {
    // West is stretched far to the west, so its centre moves away from the shared border.
    const wide: Area[] = [{ key: 'W', name: 'West', geometry: { type: 'Polygon', coordinates: [[[8.5, 52], [9.1, 52], [9.1, 52.1], [8.5, 52.1], [8.5, 52]]] } }, areas[1]!];
    const result = aggregateSupply(wide, [kita('edge', 9.09, 52.05, 7)], [], { mode: 'nearest', km: 0 });
    expect(result.areaOfFacility.get('edge')).toBe('E');
    expect(aggregateSupply(wide, [kita('edge', 9.09, 52.05, 7)], []).areaOfFacility.get('edge')).toBe('W');
  });
});

describe('withSupplyFromData', () => {
  it('replaces one kind by the figures per area, never adds them to the facilities, and leaves other kinds alone', () => {
    const school: Facility = { ...kita('school-west', 9.05, 52.05, 300), kind: 'school' };
    const aggregation = aggregateSupply(areas, [...facilities, school], [{ areaKey: 'W', positions: 2, synthetic: false, note: 'test' }]);
    const result = withSupplyFromData(aggregation, 'kita', new Map([['W', 120]]), [...facilities, school]);
    expect(result.supplyByArea.get('W')).toEqual({ kita: 120, school: 300, integration: null, accommodation: null, staff: 2 });
    // No figure for East: unknown, not 0 and not East's facilities.
    expect(result.supplyByArea.get('E')!.kita).toBeNull();
    // KiTas outside every area are not missing from a supply that does not count them.
    expect(result.unassigned).toEqual([]);
    expect(result.areaOfFacility.get('border')).toBe('W');
    // The aggregation it started from is unchanged.
    expect(aggregation.supplyByArea.get('W')!.kita).toBe(15);
  });
});

describe('what can stand for supply', () => {
  const indicator = (variable: string, scale = 'absolute', denominator: unknown = null) => ({ name: { de: 'X', en: 'X' }, scale, denominator, numerator: { variable } }) as Parameters<typeof notSupplyReason>[0];
  it('takes counts per area, not rates, stored projections or a missing indicator', () => {
    expect(notSupplyReason(indicator('kita_plaetze'), 'kita_plaetze_total')).toBeNull();
    expect(notSupplyReason(indicator('refugees', 'per1000', { variable: 'population' }), 'refugees_per_1000')?.de).toMatch(/Anteil oder eine Rate/);
    expect(notSupplyReason(indicator('projected_demand'), 'projected_demand_kita__mittel')?.de).toMatch(/Projektion/);
    expect(notSupplyReason(undefined, 'weg')?.de).toMatch(/„weg“ gibt es im Projekt nicht/);
  });
  it('tells places and positions from persons by the unit', () => {
    expect(['Plätze', 'Kita-Plätze', 'Stellen (VZÄ)', 'Betten'].map(countsPlacesOrPositions)).toEqual([true, true, true, true]);
    expect(['Personen', 'Kinder', 'Einwohner'].map(countsPlacesOrPositions)).toEqual([false, false, false]);
  });
});
