import { describe, expect, it } from 'vitest';
import { buildChoropleth, buildLegend, classifyAcrossPeriods, keysFilter, SMALL_NUMBER_OUTLINE_COLOUR } from '../../../renderer/map/choropleth';
import { paletteColours } from '../../../shared/classification/palettes';
import { createIndicator, createIndicatorValues, createValue } from './fixtures';

const values = createIndicatorValues([
  createValue('a', 'A', 10),
  createValue('b', 'B', 20, { smallNumber: true }),
  createValue('c', 'C', 30),
  createValue('d', 'D', 40),
  createValue('e', 'E', null),
]);

describe('buildChoropleth with a symbology', () => {
  it('reverses a sequential palette without changing the classes', () => {
    const normal = buildChoropleth(values, { method: 'equal', classes: 3 }, 'Blues');
    const reversed = buildChoropleth(values, { method: 'equal', classes: 3 }, 'Blues', { reversed: true });
    expect(reversed.classByKey).toEqual(normal.classByKey);
    expect(reversed.colours).toEqual([...normal.colours].reverse());
    expect(reversed.colourByKey.get('d')).toBe(paletteColours('Blues', 3)[0]);
  });

  it('colours a diverging palette around the midpoint: classes below and above get different arms', () => {
    const choropleth = buildChoropleth(values, { method: 'manual', classes: 2, breaks: [25] }, 'RdBu', { midpoint: 25 });
    const [below, above] = choropleth.colours;
    expect(choropleth.colours).toHaveLength(2);
    // RdBu: red arm below the midpoint, blue arm above.
    expect(below).not.toBe(above);
    const redOf = (hex: string) => Number.parseInt(hex.slice(1, 3), 16);
    const blueOf = (hex: string) => Number.parseInt(hex.slice(5, 7), 16);
    expect(redOf(below as string)).toBeGreaterThan(blueOf(below as string));
    expect(blueOf(above as string)).toBeGreaterThan(redOf(above as string));
  });

  it('lists areas flagged for small numbers, apart from the classes', () => {
    const choropleth = buildChoropleth(values, { method: 'quantile', classes: 2 }, 'Blues');
    expect(choropleth.smallNumberKeys).toEqual(['b']);
    expect(choropleth.classByKey.get('b')).not.toBeNull();
  });
});

describe('classifyAcrossPeriods', () => {
  it('takes breaks from every period but counts only the shown one', () => {
    const classification = classifyAcrossPeriods([1, 2, null], [10, 20], { method: 'equal', classes: 2 });
    expect(classification.breaks).toEqual([1, 10.5, 20]);
    expect(classification.classOfValue).toEqual([0, 0, null]);
    expect(classification.classes.map((classInterval) => classInterval.count)).toEqual([2, 0]);
  });
});

describe('buildLegend additions', () => {
  it('adds the small-number row with the project threshold', () => {
    const legend = buildLegend(values, buildChoropleth(values), 'de', [], { smallNumberThreshold: 5 });
    expect(legend.smallNumber).toEqual({ colour: SMALL_NUMBER_OUTLINE_COLOUR, label: 'Fallzahl < 5 – geschützt', count: 1 });
    expect(legend.rows.reduce((sum, row) => sum + row.count, 0) + (legend.noData?.count ?? 0)).toBe(5);
  });

  it('hints at rates for absolute counts only', () => {
    const absolute = createIndicatorValues(values.values, { indicator: createIndicator({ scale: 'absolute' }) });
    expect(buildLegend(absolute, buildChoropleth(absolute), 'de').absoluteHint).toContain('Absolute Zahlen');
    expect(buildLegend(values, buildChoropleth(values), 'de').absoluteHint).toBeNull();
  });

  it('names the periods when the classes are fixed across them', () => {
    const legend = buildLegend(values, buildChoropleth(values), 'de', [], { fixedAcrossPeriods: { first: '2015-12-31', last: '2024-12-31' } });
    expect(legend.fixedClassesNote).toBe('Klassen über alle Stichtage (31.12.2015 – 31.12.2024)');
  });
});

describe('keysFilter', () => {
  it('matches the given keys as strings', () => {
    expect(keysFilter(['a', 'b'])).toEqual(['in', ['to-string', ['get', 'key']], ['literal', ['a', 'b']]]);
  });
});
