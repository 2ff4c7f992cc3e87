import { describe, expect, it } from 'vitest';
import { sortAreaRows } from '../../../renderer/panels/areaRows';
import { groupIndicatorsByScale } from '../../../renderer/panels/indicatorGroups';
import { indicatorLabel, shownUnit } from '../../../shared/indicators/indicatorLabel';
import { breadcrumbs, saveTarget } from '../../../renderer/dialogs/filePaths';
import { featureBounds } from '../../../renderer/map/bounds';
import { createIndicator, createValue } from './fixtures';

const rows = [
  createValue('03241009', 'Laatzen', 24.6),
  createValue('03241007', 'Hemmingen', null),
  createValue('03241008', 'Isernhagen', 20.4),
  createValue('03241001', 'Hannover', 37.4),
  createValue('03241016', 'Uetze', 5, { quality: 'synthetic' }),
  createValue('03241018', 'Wennigsen (Deister)', 5, { quality: 'estimated' }),
];

describe('sortAreaRows', () => {
  it('sorts names in German collation', () => {
    const names = sortAreaRows(rows, { column: 'name', direction: 'ascending' }, 'de').map((row) => row.name);
    expect(names).toEqual(['Hannover', 'Hemmingen', 'Isernhagen', 'Laatzen', 'Uetze', 'Wennigsen (Deister)']);
  });

  it('puts areas named only by their key last in both directions, among themselves by key in the same direction', () => {
    const withUnnamed = [...rows, createValue('03241999', '03241999', 3), createValue('03241998', '', 4)];
    const ascending = sortAreaRows(withUnnamed, { column: 'name', direction: 'ascending' }, 'de').map((row) => row.key);
    const descending = sortAreaRows(withUnnamed, { column: 'name', direction: 'descending' }, 'de').map((row) => row.key);
    expect(ascending.slice(0, 2)).toEqual(['03241001', '03241007']);
    expect(ascending.slice(-2)).toEqual(['03241998', '03241999']);
    expect(descending.slice(0, 1)).toEqual(['03241018']);
    expect(descending.slice(-2)).toEqual(['03241999', '03241998']);
  });

  it('puts missing values last in both directions and breaks ties by key', () => {
    const ascending = sortAreaRows(rows, { column: 'value', direction: 'ascending' }, 'de').map((row) => row.key);
    const descending = sortAreaRows(rows, { column: 'value', direction: 'descending' }, 'de').map((row) => row.key);
    expect(ascending).toEqual(['03241016', '03241018', '03241008', '03241009', '03241001', '03241007']);
    expect(descending).toEqual(['03241001', '03241009', '03241008', '03241016', '03241018', '03241007']);
  });

  it('does not change the input', () => {
    const before = rows.map((row) => row.key);
    sortAreaRows(rows, { column: 'key', direction: 'descending' }, 'de');
    expect(rows.map((row) => row.key)).toEqual(before);
  });
});

describe('indicator picker helpers', () => {
  it('groups by scale, rates first, counts last, keeping the order inside a group', () => {
    const groups = groupIndicatorsByScale([
      createIndicator({ id: 'refugees_total', scale: 'absolute' }),
      createIndicator({ id: 'refugees_per_1000', scale: 'per1000' }),
      createIndicator({ id: 'population_total', scale: 'absolute' }),
    ]);
    expect(groups.map((group) => [group.scale, group.indicators.map((indicator) => indicator.id)])).toEqual([
      ['per1000', ['refugees_per_1000']],
      ['absolute', ['refugees_total', 'population_total']],
    ]);
  });

  it('files an area in km² under its own group, not under the counts', () => {
    const groups = groupIndicatorsByScale([
      createIndicator({ id: 'kfl', scale: 'absolute', unit: { de: 'km²', en: 'km²' } }),
      createIndicator({ id: 'ewz', scale: 'absolute', unit: { de: 'Personen', en: 'persons' } }),
    ]);
    expect(groups.map((group) => [group.scale, group.indicators.map((indicator) => indicator.id)])).toEqual([
      ['absolute', ['ewz']],
      ['area', ['kfl']],
    ]);
  });

  it('adds the unit unless the name says it', () => {
    expect(indicatorLabel('Ausländeranteil', '%')).toBe('Ausländeranteil (%)');
    expect(indicatorLabel('Schutzsuchende je 1.000 Einwohner', 'je 1.000 Einwohner')).toBe('Schutzsuchende je 1.000 Einwohner');
    // The unit abbreviates words of the name: said once, not "… je 1.000 Einwohner (je 1.000 Einw.)".
    expect(indicatorLabel('Schutzsuchende je 1.000 Einwohner', 'je 1.000 Einw.')).toBe('Schutzsuchende je 1.000 Einwohner');
    expect(indicatorLabel('Einwohner je km²', 'Einw. je km²')).toBe('Einwohner je km²');
    // An imported area column is named "Fläche (km²)": its unit is not printed a second time.
    expect(indicatorLabel('Fläche (km²)', 'km²')).toBe('Fläche (km²)');
    expect(indicatorLabel('Schutzsuchende je 1.000 „Ausländer“', 'je 1.000 Ausländer')).toBe('Schutzsuchende je 1.000 „Ausländer“');
    expect(indicatorLabel('Refugees per 1,000 inhabitants', 'per 1,000 inh.')).toBe('Refugees per 1,000 inhabitants');
    expect(indicatorLabel('Katasterfläche', 'km²')).toBe('Katasterfläche (km²)');
    expect(indicatorLabel('Kinder je Kita', 'je 1.000 Einw.')).toBe('Kinder je Kita (je 1.000 Einw.)');
  });

  it('gives the details panel and the profile comparison the unit by the same rule, or none where the name says it', () => {
    // The details panel read "Kinder 0–5 Jahre (Kinder)" and "Einwohner je km² (Einw. je km²)".
    expect(shownUnit('Kinder 0–5 Jahre', 'Kinder')).toBeNull();
    expect(shownUnit('Einwohner je km²', 'Einw. je km²')).toBeNull();
    expect(shownUnit('Schutzsuchende', 'Personen')).toBe('Personen');
    expect(shownUnit('Ausländeranteil', ' % ')).toBe('%');
  });
});

describe('file dialog paths', () => {
  it('splits POSIX and Windows folders into breadcrumbs', () => {
    expect(breadcrumbs('/home/anna/projekte')).toEqual([
      { label: '/', path: '/' },
      { label: 'home', path: '/home' },
      { label: 'anna', path: '/home/anna' },
      { label: 'projekte', path: '/home/anna/projekte' },
    ]);
    expect(breadcrumbs('C:\\Daten\\Sozialplanung')).toEqual([
      { label: 'C:', path: 'C:\\' },
      { label: 'Daten', path: 'C:\\Daten' },
      { label: 'Sozialplanung', path: 'C:\\Daten\\Sozialplanung' },
    ]);
  });

  it('joins a file name to the folder and adds .gpkg', () => {
    expect(saveTarget('/home/anna', 'Bericht 2024')).toBe('/home/anna/Bericht 2024.gpkg');
    expect(saveTarget('/', 'a.GPKG')).toBe('/a.GPKG');
    expect(saveTarget('C:\\Daten', 'Monitoring')).toBe('C:\\Daten\\Monitoring.gpkg');
  });

  it('refuses empty names and names with folders in them', () => {
    expect(saveTarget('/home', '  ')).toBeNull();
    expect(saveTarget('/home', '../x.gpkg')).toBeNull();
  });
});

describe('featureBounds', () => {
  it('spans all polygons and multipolygons', () => {
    const bounds = featureBounds({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { key: 'a', name: 'A' }, geometry: { type: 'Polygon', coordinates: [[[9.5, 52.2], [9.9, 52.2], [9.9, 52.5], [9.5, 52.2]]] } },
        { type: 'Feature', properties: { key: 'b', name: 'B' }, geometry: { type: 'MultiPolygon', coordinates: [[[[10.1, 52.6], [10.2, 52.6], [10.2, 52.7], [10.1, 52.6]]]] } },
      ],
    });
    expect(bounds).toEqual([9.5, 52.2, 10.2, 52.7]);
  });

  it('is null for an empty layer', () => {
    expect(featureBounds({ type: 'FeatureCollection', features: [] })).toBeNull();
  });
});
