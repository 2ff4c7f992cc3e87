/**
 * Kleinraum's own .shp geometry reader against the `shapefile` package it replaced for geometries: on every
 * real shapefile in ../shared/data the GeoJSON is the same, coordinate for coordinate, as the package's
 * with Kleinraum's former orphan-hole correction applied; built files pin the ring rules one by one.
 */
import fs from 'node:fs';
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import { openShp } from 'shapefile';
import { describe, expect, it } from 'vitest';
import { checkShp } from '../../../shared/fileFormats/shapefile/checkShp';
import { readShpGeometries, type ShpGeometry } from '../../../shared/fileFormats/shapefile/readShp';
import { sharedDataAvailable, sharedDataPath } from '../../helpers/sharedData';
import { writeShapefile } from '../hostile/shapefileWriter';

function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index, index += 1) {
    sum += ring[previous]![0]! * ring[index]![1]! - ring[index]![0]! * ring[previous]![1]!;
  }
  return sum / 2;
}

/** What Kleinraum did after the package until now: a hole in no shell went back to the largest shell. */
function restoreOrphanHoles(geometry: ShpGeometry): ShpGeometry {
  if (!geometry || geometry.type !== 'MultiPolygon') return geometry;
  const shells = geometry.coordinates.filter((polygon) => signedArea(polygon[0]!) <= 0);
  const orphans = geometry.coordinates.filter((polygon) => polygon.length === 1 && signedArea(polygon[0]!) > 0);
  if (shells.length === 0 || orphans.length === 0) return geometry;
  const largest = shells.reduce((best, polygon) => (Math.abs(signedArea(polygon[0]!)) > Math.abs(signedArea(best[0]!)) ? polygon : best));
  const kept = geometry.coordinates.filter((polygon) => !orphans.includes(polygon)).map((polygon) => (polygon === largest ? [...polygon, ...orphans.map((orphan) => orphan[0]!)] : polygon));
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0]! } : { type: 'MultiPolygon', coordinates: kept };
}

async function packageGeometries(bytes: Uint8Array): Promise<ShpGeometry[]> {
  const source = await openShp(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const geometries: ShpGeometry[] = [];
  for (let result = await source.read(); !result.done; result = await source.read()) {
    geometries.push(restoreOrphanHoles((result.value as Polygon | MultiPolygon | Point | null) ?? null));
  }
  return geometries;
}

function read(bytes: Uint8Array, shx: Uint8Array | null = null): ShpGeometry[] {
  return readShpGeometries(bytes, checkShp(bytes, shx, 'test.shp'));
}

const realShapefiles = [
  ['vg250_gem_2022-05-15_simplified_utm32', 'VG250_GEM'],
  ['vg5000_2021-01-01_gk3', 'VG5000_GEM'],
  ['vg5000_2021-01-01_gk3', 'VG5000_KRS'],
  ['vg5000_2021-01-01_gk3', 'VG5000_LAN'],
  ['vg250-ew_2016-12-31_utm32_pk_points_and_gem_dbf', 'VG250_PK'],
] as const;

describe.skipIf(!sharedDataAvailable())('readShpGeometries on the real files', () => {
  it.each(realShapefiles)('%s/%s: the same geometries as the shapefile package', async (folder, layer) => {
    const shp = new Uint8Array(fs.readFileSync(sharedDataPath('boundaries', folder, `${layer}.shp`)));
    const shx = new Uint8Array(fs.readFileSync(sharedDataPath('boundaries', folder, `${layer}.shx`)));
    const ours = read(shp, shx);
    const theirs = await packageGeometries(shp);
    expect(ours.length).toBe(theirs.length);
    expect(ours.length).toBeGreaterThan(10);
    for (let index = 0; index < ours.length; index += 1) expect(ours[index], `record ${index + 1}`).toEqual(theirs[index]);
  });
});

// Shells run clockwise in a shapefile (y up), holes counter-clockwise.
const square = (x: number, y: number, size: number, clockwise: boolean): Position[] => {
  const ring: Position[] = [[x, y], [x, y + size], [x + size, y + size], [x + size, y], [x, y]];
  return clockwise ? ring : ring.reverse();
};

function oneRecord(rings: Position[][]): ShpGeometry {
  const { shp } = writeShapefile(5, [{ name: 'KEY', type: 'C', length: 4 }], [{ geometry: { type: 'Polygon', coordinates: rings }, properties: { KEY: 'a' } }]);
  return read(shp)[0]!;
}

describe('readShpGeometries ring rules', () => {
  it('puts each hole into the shell that contains it', () => {
    const big = square(0, 0, 10, true);
    const small = square(20, 0, 4, true);
    const holeInSmall = square(21, 1, 1, false);
    const holeInBig = square(2, 2, 2, false);
    expect(oneRecord([big, small, holeInSmall, holeInBig])).toEqual({ type: 'MultiPolygon', coordinates: [[big, holeInBig], [small, holeInSmall]] });
  });

  it('gives a hole that lies in no shell to the largest shell, so validation reports it', () => {
    const small = square(20, 0, 4, true);
    const big = square(0, 0, 10, true);
    const orphan = square(50, 50, 1, false);
    expect(oneRecord([small, big, orphan])).toEqual({ type: 'MultiPolygon', coordinates: [[small], [big, orphan]] });
  });

  it('makes each ring a polygon when there is no shell at all', () => {
    const first = square(0, 0, 1, false);
    const second = square(5, 5, 1, false);
    expect(oneRecord([first, second])).toEqual({ type: 'MultiPolygon', coordinates: [[first], [second]] });
    expect(oneRecord([first])).toEqual({ type: 'Polygon', coordinates: [first] });
  });

  it('reads null shapes as null and points as points, in record order', () => {
    const fields = [{ name: 'KEY', type: 'C' as const, length: 4 }];
    const polygons = writeShapefile(5, fields, [
      { geometry: null, properties: { KEY: 'a' } },
      { geometry: { type: 'Polygon', coordinates: [square(0, 0, 1, true)] }, properties: { KEY: 'b' } },
    ]);
    expect(read(polygons.shp, polygons.shx)).toEqual([null, { type: 'Polygon', coordinates: [square(0, 0, 1, true)] }]);
    const points = writeShapefile(1, fields, [
      { geometry: { type: 'Point', coordinates: [550000.5, 5800000.25] }, properties: { KEY: 'a' } },
      { geometry: null, properties: { KEY: 'b' } },
    ]);
    expect(read(points.shp, points.shx)).toEqual([{ type: 'Point', coordinates: [550000.5, 5800000.25] }, null]);
  });
});
