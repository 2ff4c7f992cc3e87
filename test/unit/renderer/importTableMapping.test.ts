import { coarserTable, coarserTableWarning } from '../../../shared/fileFormats/join/joinReport';
import { describe, expect, it } from 'vitest';
import type { TableMapping } from '../../../shared/contract/methods/import';
import {
  formatDimensionText,
  parseDimensionText,
  periodChosen,
  previewObservations,
  setDimensionColumn,
  toggleValueColumn,
  variableIdFromLabel,
} from '../../../renderer/import/tableMappingEdits';
import { crsLabel, CRS_CHOICES } from '../../../renderer/import/crsChoices';
import { fileNameOf, importFileKind } from '../../../renderer/import/importFileKinds';
import { encodingSamples } from '../../../renderer/import/encodingPreview';

function createMapping(overrides: Partial<TableMapping> = {}): TableMapping {
  return { layout: 'wide', keyColumn: 1, nameColumn: 2, periodColumn: null, period: '2018-12-31', valueColumns: [{ column: 3, variable: 'insgesamt', dimensions: {} }], dimensionColumns: [], ...overrides };
}

// Rows as a GENESIS Kreis table (12411-01-01-4) has them: date, key, indented name, total, male, female.
const genesisRows = {
  titlePeriod: null,
  columns: [0, 1, 2, 3, 4, 5].map((index) => ({ index, period: null })),
  rows: [
    { rowIndex: 0, lineNumber: 7, cells: ['31.12.2018', '03241', '      Region Hannover, Landkreis', '1157624', '567201', '590423'], indent: 6 },
    { rowIndex: 1, lineNumber: 8, cells: ['31.12.2018', '03241001', '        Hannover, Landeshauptstadt', '538068', '-', '.'], indent: 8 },
  ],
};

describe('table mapping edits', () => {
  it('spells out umlauts in variable ids', () => {
    expect(variableIdFromLabel('männlich / unter 3 Jahre')).toBe('maennlich_unter_3_jahre');
    expect(variableIdFromLabel('Größe (qkm)')).toBe('groesse_qkm');
    expect(variableIdFromLabel(' / ')).toBe('wert');
  });

  it('reads and writes dimension text', () => {
    expect(parseDimensionText('sex=f, age = 0-3, broken')).toEqual({ sex: 'f', age: '0-3' });
    expect(formatDimensionText({ sex: 'f', age: '0-3' })).toBe('sex=f, age=0-3');
    expect(parseDimensionText(formatDimensionText({ sex: 'm' }))).toEqual({ sex: 'm' });
  });

  it('adds and removes value columns but never the last one', () => {
    const withMale = toggleValueColumn(createMapping(), 4, 'männlich');
    expect(withMale.valueColumns.map((entry) => [entry.column, entry.variable])).toEqual([
      [3, 'insgesamt'],
      [4, 'maennlich'],
    ]);
    const back = toggleValueColumn(withMale, 4, 'männlich');
    expect(back.valueColumns.map((entry) => entry.column)).toEqual([3]);
    expect(toggleValueColumn(back, 3, 'Insgesamt')).toBe(back);
  });

  it('switches between a period column and a fixed Stichtag', () => {
    const fromColumn = periodChosen(createMapping(), { column: 0, date: null });
    expect([fromColumn.periodColumn, fromColumn.period]).toEqual([0, null]);
    const fixed = periodChosen(fromColumn, { column: null, date: '2019-12-31' });
    expect([fixed.periodColumn, fixed.period]).toEqual([null, '2019-12-31']);
  });

  it('names dimension columns and drops them when the name is cleared', () => {
    const named = setDimensionColumn(createMapping({ layout: 'long' }), 4, ' sex ');
    expect(named.dimensionColumns).toEqual([{ column: 4, dimension: 'sex' }]);
    expect(setDimensionColumn(named, 4, '').dimensionColumns).toEqual([]);
  });
});

describe('previewObservations', () => {
  it('makes one value per row and value column, keeping official missing codes visible', () => {
    const mapping = toggleValueColumn(toggleValueColumn(createMapping({ periodColumn: 0, period: null }), 4, 'männlich'), 5, 'weiblich');
    const observations = previewObservations(genesisRows, mapping, 10);
    expect(observations).toHaveLength(6);
    expect(observations[3]).toEqual({
      lineNumber: 8,
      areaText: '03241001 Hannover, Landeshauptstadt',
      period: '31.12.2018',
      variable: 'insgesamt',
      dimensions: {},
      column: 3,
      cellText: '538068',
    });
    expect(observations.slice(4).map((observation) => observation.cellText)).toEqual(['-', '.']);
  });

  it('shows the rows matched to an area first: a Germany-wide file begins with Flensburg, the planner wants to see the own region', () => {
    const observations = previewObservations(genesisRows, createMapping(), 1, new Set([1]));
    expect(observations.map((observation) => observation.lineNumber)).toEqual([8]);
    expect(previewObservations(genesisRows, createMapping(), 1).map((observation) => observation.lineNumber)).toEqual([7]);
    // Once a row matches, rows the import leaves aside are not listed, even below the limit.
    expect(previewObservations(genesisRows, createMapping(), 10, new Set([1])).map((observation) => observation.lineNumber)).toEqual([8]);
  });

  it('stops at the limit and uses the fixed Stichtag when there is no period column', () => {
    const observations = previewObservations(genesisRows, createMapping(), 1);
    expect(observations).toHaveLength(1);
    expect(observations[0]?.period).toBe('2018-12-31');
  });

  it('reads dimension values from the row in the long layout', () => {
    const long = setDimensionColumn(createMapping({ layout: 'long', valueColumns: [{ column: 3, variable: 'population', dimensions: {} }] }), 4, 'sex');
    expect(previewObservations(genesisRows, long, 5).map((observation) => observation.dimensions)).toEqual([{ sex: '567201' }, { sex: '-' }]);
  });
});

describe('import file kinds and CRS names', () => {
  it('tells boundaries from tables by extension', () => {
    expect(importFileKind('/daten/VG250_GEM.zip')).toBe('boundaries');
    expect(importFileKind('C:\\Daten\\12411-0018.CSV')).toBe('table');
    expect(importFileKind('Stadtteilprofile.xlsx')).toBe('table');
    expect(importFileKind('bericht.pdf')).toBeNull();
    expect(importFileKind('ohne-endung')).toBeNull();
    expect(fileNameOf('C:\\Daten\\VG5000_GEM.shp')).toBe('VG5000_GEM.shp');
  });

  it('names every listed CRS and falls back to the code', () => {
    expect(crsLabel('EPSG:31467')).toBe('Gauß-Krüger Zone 3 (DHDN) – EPSG:31467');
    expect(crsLabel('EPSG:9999')).toBe('EPSG:9999');
    expect(crsLabel(null)).toBe('–');
    expect(new Set(CRS_CHOICES.map((choice) => choice.code)).size).toBe(CRS_CHOICES.length);
  });
});

describe('encodingSamples', () => {
  it("prefers the backend's preview and otherwise lists names with non-ASCII letters once", () => {
    expect(encodingSamples(['Lühnde'], ['Neustadt am Rübenberge'], 8)).toEqual(['Lühnde']);
    expect(encodingSamples([], ['Hannover', 'Neustadt am Rübenberge', 'Neustadt am Rübenberge', 'Wennigsen (Deister)'], 8)).toEqual(['Neustadt am Rübenberge']);
  });
});

describe('coarserTable', () => {
  const row = (level: string, index: number) => ({ rowIndex: index, lineNumber: index + 5, key: '03241', name: 'Region Hannover', level, value: 1 });
  const areas = (count: number) => Array.from({ length: count }, (_, index) => ({ key: `0324100${index}`, name: `Gebiet ${index}` }));

  it('names a Kreis table imported onto Gemeinden: most rows are Kreise and most areas stay empty', () => {
    const report = { aggregateRows: [...Array.from({ length: 52 }, (_, index) => row('kreis', index)), row('land', 60), row('germany', 61)], matchedCount: 1, matched: [{ areaKey: '03241001' }], areasWithoutData: areas(20) };
    expect(coarserTable(report)).toEqual({ level: 'kreis', count: 52 });
    expect(coarserTableWarning({ ...report, layer: 'gemeinden' }, 'de')).toMatch(/^Die Tabelle gehört vermutlich zu einer gröberen Ebene: 52 ihrer Zeilen sind .*„gemeinden“, 20 Gebiete bleiben ohne Daten/);
  });

  it('stays quiet for a Gemeinde table with its Kreis and Land totals', () => {
    // The Zensus Gemeinde table onto the 21 municipalities: 400 Kreis rows, but every area has its row.
    const report = { aggregateRows: Array.from({ length: 400 }, (_, index) => row('kreis', index)), matchedCount: 21, matched: areas(21).map((area) => ({ areaKey: area.key })), areasWithoutData: [] };
    expect(coarserTable(report)).toBeNull();
    expect(coarserTableWarning({ ...report, layer: 'gemeinden' }, 'de')).toBeNull();
    expect(coarserTable({ aggregateRows: [row('kreis', 0)], matchedCount: 1, matched: [{ areaKey: '03241001' }], areasWithoutData: areas(20) })).toBeNull();
  });

  it('stays quiet for a table of another region: its Kreis rows do not hold the layer\'s areas', () => {
    // Sachsen's Gemeinden (with their Land, NUTS-2 and Kreis rows) onto Region Hannover's 21 municipalities.
    const saxony = [{ level: 'land', key: '14' }, ...Array.from({ length: 13 }, (_, index) => ({ level: 'kreis', key: `145${String(index).padStart(2, '0')}` }))];
    expect(coarserTable({ aggregateRows: saxony, matchedCount: 0, matched: [], areasWithoutData: areas(21) })).toBeNull();
  });
});
