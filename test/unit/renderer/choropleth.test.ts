import { describe, expect, it } from 'vitest';
import { buildChoropleth, buildLegend, fillColourExpression, NO_DATA_COLOUR } from '../../../renderer/map/choropleth';

import { createIndicatorValues, createSource, createValue } from './fixtures';

const values = createIndicatorValues([
  createValue('03241001', 'Hannover', 37.4),
  createValue('03241002', 'Barsinghausen', 21.4),
  createValue('03241003', 'Burgdorf', 22.3),
  createValue('03241004', 'Burgwedel', 19.8),
  createValue('03241005', 'Garbsen', 27.8),
  createValue('03241006', 'Gehrden', 1234.5),
  createValue('03241007', 'Hemmingen', null),
]);

describe('buildChoropleth', () => {
  it('gives every area with a value the colour of its class and the others the no-data colour', () => {
    const choropleth = buildChoropleth(values);
    for (const entry of values.values) {
      const classIndex = choropleth.classByKey.get(entry.key);
      if (entry.value === null) {
        expect(classIndex).toBeNull();
        expect(choropleth.colourByKey.get(entry.key)).toBe(NO_DATA_COLOUR);
      } else {
        expect(classIndex).not.toBeNull();
        expect(choropleth.colourByKey.get(entry.key)).toBe(choropleth.colours[classIndex as number]);
      }
    }
    expect(choropleth.noDataKeys).toEqual(['03241007']);
    expect(new Set(choropleth.colours).size).toBe(choropleth.colours.length);
    expect(choropleth.colours).not.toContain(NO_DATA_COLOUR);
  });

  it('puts the largest value in the darkest class', () => {
    const choropleth = buildChoropleth(values);
    expect(choropleth.classByKey.get('03241006')).toBe(choropleth.colours.length - 1);
  });
});

describe('buildLegend', () => {
  it('counts add up to the areas with a value, plus a no-data row', () => {
    const legend = buildLegend(values, buildChoropleth(values), 'de');
    expect(legend.rows.reduce((sum, row) => sum + row.count, 0)).toBe(6);
    expect(legend.noData).toEqual({ colour: NO_DATA_COLOUR, label: 'keine Daten', count: 1 });
  });

  it('formats bounds in German with the indicator decimals and "bis unter"', () => {
    const legend = buildLegend(values, buildChoropleth(values), 'de');
    expect(legend.rows[0]?.label).toMatch(/^19,8 bis unter \d+,\d$/);
    expect(legend.rows.at(-1)?.label).toMatch(/ bis 1\.234,5$/);
    expect(legend.stichtag).toBe('Stichtag 31.12.2024');
    expect(legend.title).toBe('Schutzsuchende je 1.000 Einwohner');
  });

  it('formats bounds in English on request', () => {
    const legend = buildLegend(values, buildChoropleth(values), 'en');
    expect(legend.rows.at(-1)?.label).toMatch(/ to 1,234\.5$/);
    expect(legend.noData?.label).toBe('no data');
    expect(legend.stichtag).toBe('Reference date 31/12/2024');
  });

  it('has no no-data row when every area has a value', () => {
    const complete = createIndicatorValues([createValue('a', 'A', 1), createValue('b', 'B', 2), createValue('c', 'C', 3)]);
    expect(buildLegend(complete, buildChoropleth(complete), 'de').noData).toBeNull();
  });

  it('lists each source line once and labels synthetic data once', () => {
    const synthetic = createSource({ id: 'demo', attribution: 'Beispieldaten, synthetisch', synthetic: true });
    const withSources = createIndicatorValues([createValue('a', 'A', 1), createValue('b', 'B', 2)], {
      sources: [createSource(), synthetic, { ...synthetic, id: 'demo2' }],
    });
    const legend = buildLegend(withSources, buildChoropleth(withSources), 'de');
    expect(legend.sourceLines).toEqual(['© Statistische Ämter des Bundes und der Länder, 2024', 'Beispieldaten, synthetisch']);
    expect(legend.synthetic).toBe(true);
    expect(legend.syntheticLabel).toBeNull();
    expect(buildLegend(withSources, buildChoropleth(withSources), 'en').syntheticLabel).toBe('Sample data, synthetic');
  });
});

describe('fillColourExpression', () => {
  it('matches area keys to colours with the no-data colour as fallback', () => {
    const expression = fillColourExpression(new Map([['03241001', '#253494']]));
    expect(expression).toEqual(['match', ['to-string', ['get', 'key']], '03241001', '#253494', NO_DATA_COLOUR]);
  });

  it('is a constant no-data colour when nothing is classified', () => {
    expect(fillColourExpression(new Map())).toEqual(['literal', NO_DATA_COLOUR]);
  });
});

describe('buildLegend with the boundary source', () => {
  it('adds the attribution of the boundaries after the data sources', () => {
    const values = createIndicatorValues([createValue('a', 'A', 1), createValue('b', 'B', 2)]);
    const boundaries = createSource({ id: 'vg250', attribution: '© GeoBasis-DE / BKG 2021 (Daten verändert)' });
    const legend = buildLegend(values, buildChoropleth(values), 'de', [boundaries]);
    expect(legend.sourceLines).toEqual(['© Statistische Ämter des Bundes und der Länder, 2024', '© GeoBasis-DE / BKG 2021 (Daten verändert)']);
    expect(legend.synthetic).toBe(false);
  });
});
