import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from '../../../shared/fileFormats/text/decode';
import { parseCell, parseNumber } from '../../../shared/fileFormats/table/value';
import { recogniseAreaKey, agsFromArs } from '../../../shared/fileFormats/keys/areaKey';
import { normaliseAreaName, proposeNameMatches } from '../../../shared/fileFormats/keys/areaName';
import { buildJoinReport, roundingUnitOf, totalsVerdict, totalsVerdictText } from '../../../shared/fileFormats/join/joinReport';
import type { Geometry, Polygon } from 'geojson';
import proj4 from 'proj4';
import { converterToWgs84, crsFromPrj, KNOWN_CRS, reprojectsByInverseAlone, proposeCrsFromBounds, reprojectToWgs84, reprojectToWgs84InPlace } from '../../../shared/geo/crs';

const german = { decimal: ',' as const, thousands: ['.' as const, ' ' as const] };

describe('text decoding', () => {
  it('tells windows-1252 from CP850 by the umlauts they produce', () => {
    // "Rübenberge Größe" in each encoding.
    const windows = new Uint8Array([0x52, 0xfc, 0x62, 0x65, 0x6e, 0x20, 0x47, 0x72, 0xf6, 0xdf, 0x65]);
    const dos = new Uint8Array([0x52, 0x81, 0x62, 0x65, 0x6e, 0x20, 0x47, 0x72, 0x94, 0xe1, 0x65]);
    expect(detectEncoding(windows).encoding).toBe('windows-1252');
    expect(detectEncoding(dos).encoding).toBe('cp850');
    expect(decodeText(dos, 'cp850')).toBe('Rüben Größe');
    expect(detectEncoding(dos).preview).toContain('Größe');
  });
  it('recognises UTF-8 with and without BOM and maps 0x80 to the euro sign in windows-1252', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, 0x52, 0xc3, 0xbc, 0x62]);
    expect(detectEncoding(utf8)).toMatchObject({ encoding: 'utf-8', bom: true, confidence: 1 });
    expect(decodeText(utf8, 'utf-8')).toBe('Rüb');
    expect(detectEncoding(utf8.subarray(3)).encoding).toBe('utf-8');
    expect(decodeText(new Uint8Array([0x80]), 'windows-1252')).toBe('€');
  });
});

describe('cell values', () => {
  it('reads German numbers and never reads a date or a missing code as a number', () => {
    expect(parseNumber('536 925', german)).toBe(536925);
    expect(parseNumber('1.157.624', german)).toBe(1157624);
    expect(parseNumber('2297,13', german)).toBeCloseTo(2297.13);
    expect(parseNumber("1'234", { decimal: '.', thousands: ["'"] })).toBe(1234);
    expect(parseNumber('31.12.2018', german)).toBeNull();
    for (const code of ['-', '.', 'x', '...', '/'] as const) expect(parseCell(code, german)).toMatchObject({ value: null, missing: code });
    expect(parseCell('1234 p', german)).toMatchObject({ value: 1234, footnote: 'p' });
  });
});

describe('area keys and names', () => {
  it('restores lost leading zeros and derives AGS from ARS', () => {
    expect(recogniseAreaKey('3241001')).toMatchObject({ key: '03241001', level: 'gemeinde', restoredLeadingZero: true });
    expect(recogniseAreaKey('3241')).toMatchObject({ key: '03241', level: 'kreis' });
    expect(recogniseAreaKey('032410001001')).toMatchObject({ format: 'ars', ags: '03241001' });
    expect(recogniseAreaKey('DG')?.level).toBe('germany');
    expect(recogniseAreaKey('3')).toMatchObject({ key: '03', level: 'land' });
    expect(agsFromArs('032410012012')).toBe('03241012');
  });
  it('normalises names but keeps Region and city apart', () => {
    expect(normaliseAreaName('Hannover, Landeshauptstadt')).toBe(normaliseAreaName('Hannover'));
    expect(normaliseAreaName('Neustadt a. Rbge.')).toBe(normaliseAreaName('Neustadt am Rübenberge, Stadt'));
    expect(normaliseAreaName('Region Hannover, Landkreis')).not.toBe(normaliseAreaName('Hannover'));
    const proposals = proposeNameMatches('Wennigsen', [{ key: '03241020', name: 'Wennigsen (Deister)' }]);
    expect(proposals).toEqual([expect.objectContaining({ areaKey: '03241020', kind: 'parentheses' })]);
  });
});

describe('join report', () => {
  const areas = [
    { key: '03241001', name: 'Hannover' },
    { key: '03241002', name: 'Barsinghausen' },
    { key: '03241003', name: 'Burgdorf' },
  ];
  it('lists matched, unmatched, aggregate and duplicate rows and checks totals', () => {
    const report = buildJoinReport(areas, [
      { rowIndex: 0, lineNumber: 2, keyText: '3241', name: 'Region Hannover', value: 60 },
      { rowIndex: 1, lineNumber: 3, keyText: '3241001', name: 'Hannover', value: 30 },
      { rowIndex: 2, lineNumber: 4, keyText: '032410002002', name: 'Barsinghausen', value: 20 },
      { rowIndex: 3, lineNumber: 5, keyText: '03241002', name: 'Barsinghausen', value: 20 },
      { rowIndex: 4, lineNumber: 6, keyText: '', name: 'Burgdorf, Stadt', value: 5 },
      { rowIndex: 5, lineNumber: 7, keyText: '09162000', name: 'München', value: 1 },
    ]);
    expect(report.matched.map((match) => [match.rowIndex, match.via])).toEqual([
      [1, 'restored-leading-zero'],
      [2, 'ars-to-ags'],
      [3, 'key'],
    ]);
    expect(report.aggregateRows.map((row) => row.key)).toEqual(['03241']);
    expect(report.duplicateKeys).toEqual([{ areaKey: '03241002', rowIndexes: [2, 3] }]);
    expect(report.unmatchedRows.map((row) => [row.rowIndex, row.reason])).toEqual([
      [4, 'no-key'],
      [5, 'other-region'],
    ]);
    expect(report.areasWithoutData.map((area) => area.key)).toEqual(['03241003']);
    expect(report.nameProposals).toEqual([expect.objectContaining({ rowIndex: 4, areaKey: '03241003' })]);
    // 30 + 20 + 20 (duplicate counted twice) = 70 vs 60: the check must show the difference.
    expect(report.totalsChecks[0]).toMatchObject({ aggregateKey: '03241', sumOfAreas: 70, difference: 10, consistent: false, roundedTo: null });
    expect(report.cityStateRows).toEqual([]);
  });

  it('lets figures published rounded to 5 differ from their total by what rounding makes, and no more', () => {
    // Schutzsuchende as Destatis publishes them: every figure a multiple of 5, rounded on its own.
    const parts = [1235, 410, 95, 880, 2105, 65, 330, 745, 150, 40];
    const exact = parts.reduce((sum, value) => sum + value, 0);
    expect(totalsVerdict(exact - 10, parts)).toEqual({ sumOfAreas: exact, difference: 10, consistent: true, roundedTo: 5 });
    expect(totalsVerdictText(totalsVerdict(exact - 10, parts), 'de')).toBe('stimmt im Rahmen der Rundung (Werte auf Vielfache von 5 gerundet)');
    // 11 rounded figures: up to three standard deviations of their summed errors, about 14, not more.
    expect(totalsVerdict(exact - 20, parts).consistent).toBe(false);
    const missing = totalsVerdict(exact + 95, parts);
    expect(missing).toMatchObject({ consistent: false, roundedTo: 5 });
    expect(totalsVerdictText(missing, 'de')).toBe('Abweichung −95, mehr als die Rundung auf Vielfache von 5 erklärt');
    // Exact counts must agree exactly; a few round numbers of a hand-made list are not taken for rounding.
    expect(totalsVerdict(exact - 10, [...parts.slice(0, 9), 41])).toMatchObject({ consistent: false, roundedTo: null });
    expect(totalsVerdict(60, [30, 20, 20])).toMatchObject({ difference: 10, consistent: false, roundedTo: null });
    expect(totalsVerdictText(totalsVerdict(70, [30, 20, 20]), 'en')).toBe('agrees');
    // Bremen: two Kreise are too few to tell rounding by themselves; the file's rounding tells it.
    expect(totalsVerdict(680, [570, 115])).toMatchObject({ difference: 5, consistent: false, roundedTo: null });
    expect(totalsVerdict(680, [570, 115], 0.5, 5)).toMatchObject({ difference: 5, consistent: true, roundedTo: 5 });
    expect(totalsVerdict(680, [570, 117], 0.5, 5)).toMatchObject({ consistent: false, roundedTo: null });
    expect(roundingUnitOf([1235, 410, 95, 880, 2105, 65])).toBe(5);
    expect(roundingUnitOf([1235, 410, 95, 880, 2105])).toBeNull();
    // Zeros are multiples of everything: they do not make exact counts look rounded.
    expect(roundingUnitOf([0, 0, 0, 0, 100, 200])).toBeNull();
    // In a file rounded to 5, a group of multiples of 10 is rounded to 5 all the same.
    expect(totalsVerdict(100, [20, 30, 10, 20, 10], 0.5, 5)).toMatchObject({ roundedTo: 5 });
  });

  it('recognises the rounding of the whole file for a Land of two Kreise', () => {
    const areas = [
      { key: '04011', name: 'Bremen' },
      { key: '04012', name: 'Bremerhaven' },
      { key: '03101', name: 'Braunschweig' },
      { key: '03102', name: 'Salzgitter' },
      { key: '03103', name: 'Wolfsburg' },
    ];
    const rows = [
      { rowIndex: 0, lineNumber: 2, keyText: '04', name: 'Bremen', value: 14_820 },
      { rowIndex: 1, lineNumber: 3, keyText: '04011', name: 'Bremen, Stadt', value: 11_630 },
      { rowIndex: 2, lineNumber: 4, keyText: '04012', name: 'Bremerhaven, Stadt', value: 3_195 },
      { rowIndex: 3, lineNumber: 5, keyText: '03101', name: 'Braunschweig', value: 4_905 },
      { rowIndex: 4, lineNumber: 6, keyText: '03102', name: 'Salzgitter', value: 3_340 },
      { rowIndex: 5, lineNumber: 7, keyText: '03103', name: 'Wolfsburg', value: 2_210 },
    ];
    const check = buildJoinReport(areas, rows).totalsChecks.find((entry) => entry.aggregateKey === '04');
    expect(check).toMatchObject({ sumOfAreas: 14_825, difference: 5, consistent: true, roundedTo: 5 });
    // A Kreis kept secret ("." read as no value) leaves its Land unchecked, and the report says so.
    const secret = rows.map((row) => (row.keyText === '04012' ? { ...row, value: null } : row));
    const report = buildJoinReport(areas, secret);
    expect(report.totalsChecks.find((entry) => entry.aggregateKey === '04')).toBeUndefined();
    expect(report.totalsUnchecked).toEqual([{ aggregateKey: '04', aggregateName: 'Bremen', areasWithoutValue: 1 }]);
  });

  it('takes the Land row of a city-state as its one Kreis, and keeps Bremen\'s as a sum row', () => {
    // A Kreis table as GENESIS writes it: Hamburg and Berlin only as Land rows, Bremen with its two Kreise.
    const kreise = [
      { key: '02000', name: 'Hamburg' },
      { key: '04011', name: 'Bremen' },
      { key: '04012', name: 'Bremerhaven' },
      { key: '11000', name: 'Berlin' },
    ];
    const report = buildJoinReport(kreise, [
      { rowIndex: 0, lineNumber: 2, keyText: 'DG', name: 'Deutschland', value: 5_531_437 },
      { rowIndex: 1, lineNumber: 3, keyText: '02', name: 'Hamburg', value: 1853935 },
      { rowIndex: 2, lineNumber: 4, keyText: '04', name: 'Bremen', value: 30 },
      { rowIndex: 3, lineNumber: 5, keyText: '04011', name: 'Bremen, Stadt', value: 20 },
      { rowIndex: 4, lineNumber: 6, keyText: '04012', name: 'Bremerhaven, Stadt', value: 10 },
      { rowIndex: 5, lineNumber: 7, keyText: '11', name: 'Berlin', value: 3677472 },
      { rowIndex: 6, lineNumber: 8, keyText: '11001001', name: 'Berlin-Mitte', value: null },
    ]);
    expect(report.matched.filter((match) => match.via === 'city-state').map((match) => [match.rowIndex, match.areaKey])).toEqual([
      [1, '02000'],
      [5, '11000'],
    ]);
    expect(report.cityStateRows).toEqual([
      { key: '02', areaKey: '02000', name: 'Hamburg' },
      { key: '11', areaKey: '11000', name: 'Berlin' },
    ]);
    expect(report.areasWithoutData).toEqual([]);
    expect(report.aggregateRows.map((row) => row.key)).toEqual(['DG', '04']);
    // Germany's row is checked too, against a layer of all of Germany: Hamburg and Berlin once, Bremen's Kreise.
    expect(report.totalsChecks).toEqual([
      expect.objectContaining({ aggregateKey: 'DG', sumOfAreas: 5_531_437, consistent: true }),
      expect.objectContaining({ aggregateKey: '04', sumOfAreas: 30, consistent: true }),
    ]);

    // A table that also lists the city-state's own row keeps the Land row a sum row: never two rows for one area.
    const both = buildJoinReport(kreise, [
      { rowIndex: 0, lineNumber: 2, keyText: '02', name: 'Hamburg', value: 5 },
      { rowIndex: 1, lineNumber: 3, keyText: '02000', name: 'Hamburg', value: 5 },
    ]);
    expect(both.cityStateRows).toEqual([]);
    expect(both.matched).toEqual([{ rowIndex: 1, areaKey: '02000', via: 'key' }]);
    expect(both.duplicateKeys).toEqual([]);

    // Municipalities: Hamburg is 02000000; a layer of Region Hannover has no area in Land 02 at all.
    expect(buildJoinReport([{ key: '02000000', name: 'Hamburg' }], [{ rowIndex: 0, lineNumber: 2, keyText: '02', name: 'Hamburg', value: 1 }]).cityStateRows).toEqual([
      { key: '02', areaKey: '02000000', name: 'Hamburg' },
    ]);
    expect(buildJoinReport(areas, [{ rowIndex: 0, lineNumber: 2, keyText: '02', name: 'Hamburg', value: 1 }]).cityStateRows).toEqual([]);
  });
});

describe('coordinate systems', () => {
  it('recognises ESRI and OGC WKT by authority or by parameters', () => {
    const esriWithoutAuthority =
      'PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(crsFromPrj(esriWithoutAuthority)).toMatchObject({ code: 'EPSG:25832', how: 'parameters' });
    const ogcGk4 =
      'PROJCS["DHDN / 3-degree Gauss-Kruger zone 4",GEOGCS["DHDN",DATUM["Deutsches_Hauptdreiecksnetz",SPHEROID["Bessel 1841",6377397.155,299.1528128]]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",12],PARAMETER["scale_factor",1],PARAMETER["false_easting",4500000],PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","31468"]]';
    expect(crsFromPrj(ogcGk4)).toMatchObject({ code: 'EPSG:31468', how: 'authority' });
  });
  it('proposes a CRS from coordinate ranges and reprojects Hannover to the right place', () => {
    expect(proposeCrsFromBounds([3_520_000, 5_780_000, 3_570_000, 5_830_000]).code).toBe('EPSG:31467');
    expect(proposeCrsFromBounds([9.5, 52.2, 10.0, 52.6]).code).toBe('EPSG:4326');
    const point = reprojectToWgs84({ type: 'Point', coordinates: [550_000, 5_804_000] }, 'EPSG:25832');
    expect(point.coordinates[0]).toBeCloseTo(9.73, 1);
    expect(point.coordinates[1]).toBeCloseTo(52.38, 1);
  });
  it('reprojects every position of every geometry type, in place or as a copy that leaves the input alone, dropping Z', () => {
    const polygon: Polygon = { type: 'Polygon', coordinates: [[[550_000, 5_804_000], [551_000, 5_804_000, 60], [551_000, 5_805_000], [550_000, 5_804_000]]] };
    const geometries: Geometry[] = [
      { type: 'Point', coordinates: [550_000, 5_804_000, 55] },
      { type: 'LineString', coordinates: [[550_000, 5_804_000], [552_000, 5_806_000]] },
      polygon,
      { type: 'MultiPolygon', coordinates: [polygon.coordinates, [[[560_000, 5_810_000], [561_000, 5_810_000], [561_000, 5_811_000], [560_000, 5_810_000]]]] },
      { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [553_000, 5_801_000] }] },
    ];
    const convert = converterToWgs84('EPSG:25832');
    // Every position (an array of numbers) of the original, converted one by one.
    for (const geometry of geometries) {
      const original = structuredClone(geometry);
      const copy = reprojectToWgs84(geometry, 'EPSG:25832');
      expect(geometry).toEqual(original);
      const inPlace = structuredClone(geometry);
      expect(reprojectToWgs84InPlace(inPlace, 'EPSG:25832')).toBe(inPlace);
      expect(inPlace).toEqual(copy);
      expect(JSON.stringify(inPlace)).toBe(JSON.stringify(original, (key, value) => (Array.isArray(value) && typeof value[0] === 'number' ? convert(value) : value)));
    }
  });
  it('gives for every known CRS the very numbers of the proj4 transform', () => {
    // The direct inverse is taken where proj4's transform adds nothing to it (UTM and LAEA in ETRS89 or
    // WGS84); Gauß-Krüger (datum shift), ETRS89 longitude/latitude and Web Mercator go through proj4.
    const direct = Object.keys(KNOWN_CRS).filter(reprojectsByInverseAlone);
    expect(direct).toEqual(['EPSG:25832', 'EPSG:25833', 'EPSG:32632', 'EPSG:32633', 'EPSG:3035']);
    // A grid over each CRS's German range (and beyond it) holds both paths to proj4's numbers.
    const samples: Record<string, [number, number][]> = {};
    const grid = (x0: number, x1: number, y0: number, y1: number) => {
      const points: [number, number][] = [];
      for (let i = 0; i <= 12; i += 1) for (let j = 0; j <= 12; j += 1) points.push([x0 + ((x1 - x0) * i) / 12, y0 + ((y1 - y0) * j) / 12]);
      return points;
    };
    for (const code of Object.keys(KNOWN_CRS)) {
      if (code === 'EPSG:4326' || code === 'EPSG:4258') samples[code] = grid(5, 16, 47, 56);
      else if (code.startsWith('EPSG:3146')) samples[code] = grid(Number(code.at(-1)) * 1_000_000 - 3_800_000, Number(code.at(-1)) * 1_000_000 - 3_200_000, 5_200_000, 6_100_000);
      else if (code === 'EPSG:3035') samples[code] = grid(4_000_000, 4_700_000, 2_600_000, 3_600_000);
      else if (code === 'EPSG:3857') samples[code] = grid(600_000, 1_700_000, 6_000_000, 7_500_000);
      else samples[code] = grid(-2_000_000, 4_000_000, 5_000_000, 6_200_000);
    }
    for (const [code, points] of Object.entries(samples)) {
      // WGS84 itself is taken as it is (proj4 would go through radians and back, off by one bit at times).
      if (code === 'EPSG:4326') {
        for (const point of points) expect(converterToWgs84(code)([...point, 12])).toEqual(point);
        continue;
      }
      const reference = proj4(KNOWN_CRS[code]!.proj4, KNOWN_CRS['EPSG:4326']!.proj4);
      const convert = converterToWgs84(code);
      for (const point of points) expect(convert(point), `${code} ${point.join(' ')}`).toEqual(reference.forward([...point]));
    }
    expect(() => converterToWgs84('EPSG:25832')([Number.NaN, 5_800_000])).toThrow(/finite/);
  });
});
