/**
 * The GeoPackage geometry BLOB written and read without wkx for two-dimensional geometries: byte for byte
 * the WKB that wkx writes, and read back to the same GeoJSON, in either byte order.
 */
import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import wkx from 'wkx';
import { decodeGeoPackageGeometry, decodeGeoPackageHeader, encodeGeoPackageGeometry } from '../../../electron/node/storage/geopackageBinary';

const geometries: Geometry[] = [
  { type: 'Point', coordinates: [9.73, 52.37] },
  { type: 'LineString', coordinates: [[9, 52], [10, 53], [11, 52.5]] },
  { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]] },
  { type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] },
  { type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [[2, 2], [3, 3], [4, 5]]] },
  {
    type: 'MultiPolygon',
    coordinates: [
      [[[9.7, 52.3], [9.8, 52.3], [9.8, 52.4], [9.7, 52.3]]],
      [[[10, 52], [10.5, 52], [10.5, 52.5], [10, 52.5], [10, 52]], [[10.1, 52.1], [10.1, 52.2], [10.2, 52.2], [10.1, 52.1]]],
    ],
  },
  { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 1] }, { type: 'LineString', coordinates: [[0, 0], [2, 2]] }] },
];

describe('GeoPackage geometry BLOB', () => {
  for (const geometry of geometries) {
    it(`writes the WKB wkx writes and reads it back (${geometry.type})`, () => {
      const blob = encodeGeoPackageGeometry(geometry, 4326);
      const header = decodeGeoPackageHeader(blob);
      expect(header.srsId).toBe(4326);
      expect(header.isEmpty).toBe(false);
      expect(blob.subarray(header.wkbOffset).equals(wkx.Geometry.parseGeoJSON(geometry).toWkb())).toBe(true);
      expect(decodeGeoPackageGeometry(blob)).toEqual(geometry);
    });
  }

  it('reads big-endian WKB (XDR), which other writers may use', () => {
    const ring = [[9, 52], [10, 52], [10, 53], [9, 52]];
    const wkb = Buffer.alloc(9 + 4 + ring.length * 16);
    wkb.writeUInt8(0, 0);
    wkb.writeUInt32BE(3, 1);
    wkb.writeUInt32BE(1, 5);
    wkb.writeUInt32BE(ring.length, 9);
    ring.forEach(([x, y], index) => {
      wkb.writeDoubleBE(x!, 13 + index * 16);
      wkb.writeDoubleBE(y!, 21 + index * 16);
    });
    const header = encodeGeoPackageGeometry({ type: 'Point', coordinates: [0, 0] }, 4326).subarray(0, 40);
    expect(decodeGeoPackageGeometry(Buffer.concat([header, wkb]))).toEqual({ type: 'Polygon', coordinates: [ring] });
  });

  it('keeps coordinates with a third value (Z) through wkx', () => {
    const geometry: Geometry = { type: 'Point', coordinates: [9.7, 52.4, 55] };
    expect(decodeGeoPackageGeometry(encodeGeoPackageGeometry(geometry, 4326))).toEqual(geometry);
  });
});
