import { area, booleanPointInPolygon, booleanValid, feature, featureCollection, intersect, point, polygon, union } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { REGION_HANNOVER_MUNICIPALITIES, REGION_HANNOVER_OUTLINE } from '../../../shared/demo/regionHannover';
import { createSchematicMunicipalities } from '../../../shared/demo/schematicBoundaries';
import { readProvenanceMunicipalities } from './provenanceTable';

const areas = createSchematicMunicipalities();
const outline = polygon([REGION_HANNOVER_OUTLINE.map(([longitude, latitude]) => [longitude, latitude])]);
const outlineKm2 = area(outline) / 1e6;
const km2 = (geometry: Polygon | MultiPolygon): number => area(geometry) / 1e6;

describe('schematic municipality boundaries', () => {
  it('has 21 cells, each a valid, non-empty polygon with counter-clockwise outer rings', () => {
    expect(areas).toHaveLength(21);
    for (const cell of areas) {
      expect(booleanValid(cell.geometry), cell.name).toBe(true);
      expect(km2(cell.geometry), cell.name).toBeGreaterThan(5);
      const polygons = cell.geometry.type === 'Polygon' ? [cell.geometry.coordinates] : cell.geometry.coordinates;
      for (const rings of polygons) {
        const outer = rings[0] ?? [];
        let twiceSignedArea = 0;
        for (let index = 0; index + 1 < outer.length; index++) {
          const [x1, y1] = outer[index] as number[];
          const [x2, y2] = outer[index + 1] as number[];
          twiceSignedArea += (x1 as number) * (y2 as number) - (x2 as number) * (y1 as number);
        }
        expect(twiceSignedArea, `${cell.name} outer ring winding`).toBeGreaterThan(0);
      }
    }
  });

  it('cells do not overlap (pairwise intersections below 0,001 km²)', () => {
    for (let first = 0; first < areas.length; first++) {
      for (let second = first + 1; second < areas.length; second++) {
        const overlap = intersect(featureCollection([feature(areas[first]!.geometry), feature(areas[second]!.geometry)]));
        const overlapKm2 = overlap ? km2(overlap.geometry) : 0;
        expect(overlapKm2, `${areas[first]!.name} ∩ ${areas[second]!.name}`).toBeLessThan(0.001);
      }
    }
  });

  it('together cover the outline: the union equals the outline up to 0,1 %', () => {
    const merged = union(featureCollection(areas.map((cell) => feature(cell.geometry))));
    expect(merged).not.toBeNull();
    const mergedKm2 = km2(merged!.geometry);
    expect(Math.abs(mergedKm2 - outlineKm2) / outlineKm2).toBeLessThan(0.001);
    const outsideOutline = mergedKm2 - km2(intersect(featureCollection([merged!, outline]))!.geometry);
    expect(outsideOutline).toBeLessThan(0.01);
    const sumKm2 = areas.reduce((sum, cell) => sum + km2(cell.geometry), 0);
    expect(Math.abs(sumKm2 - mergedKm2)).toBeLessThan(0.01);
  });

  it("gives every municipality its real land-area share within ±35 % (geodesic areas)", () => {
    const provenance = readProvenanceMunicipalities();
    if (!provenance) console.log('Land areas not checked against PROVENANCE.md: ../shared/data is not beside the checkout; using the typed table.');
    const realAreas = provenance ? provenance.map((row) => row.areaKm2) : REGION_HANNOVER_MUNICIPALITIES.map((municipality) => municipality.areaKm2);
    const realTotal = realAreas.reduce((sum, value) => sum + value, 0);
    const cellTotal = areas.reduce((sum, cell) => sum + km2(cell.geometry), 0);
    areas.forEach((cell, index) => {
      const ratio = km2(cell.geometry) / cellTotal / ((realAreas[index] as number) / realTotal);
      expect(ratio, cell.name).toBeGreaterThan(0.65);
      expect(ratio, cell.name).toBeLessThan(1.35);
    });
  });

  it('keeps the geography recognisable: Hannover holds its seat, Neustadt a. Rbge. is the largest cell', () => {
    const hannover = areas.find((cell) => cell.key === '03241001')!;
    expect(booleanPointInPolygon(point([9.738, 52.375]), hannover.geometry)).toBe(true);
    const largest = areas.reduce((best, cell) => (km2(cell.geometry) > km2(best.geometry) ? cell : best));
    expect(largest.name).toBe('Neustadt am Rübenberge');
  });

  it('returns fresh copies (changing one result does not change the next)', () => {
    const first = createSchematicMunicipalities();
    first[0]!.name = 'changed';
    expect(createSchematicMunicipalities()[0]!.name).toBe('Hannover');
  });
});
