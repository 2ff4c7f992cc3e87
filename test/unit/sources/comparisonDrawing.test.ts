import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../shared/model/project';
import { compareSources } from '../../../shared/sources/compareSources';
import { comparisonGapLegend, drawComparisonGap } from '../../../shared/sources/comparisonDrawing';

const observation = (areaKey: string, sourceId: string, value: number): Observation => ({ areaKey, variable: 'refugees', dimensions: {}, period: '2024-12-31', value, missing: null, sourceId, quality: 'counted' });
const source = (id: string) => ({ id, name: id.toUpperCase(), definition: '', quality: 'counted', synthetic: false });
const areas = ['01', '02', '03', '04', '05', '06'].map((key) => ({ key, name: `Gebiet ${key}` }));

describe('drawComparisonGap', () => {
  // A: 100 everywhere; B from −50 % to +50 %, one area without B.
  const observations = [
    ...areas.map((area) => observation(area.key, 'a', 100)),
    observation('01', 'b', 50),
    observation('02', 'b', 80),
    observation('03', 'b', 100),
    observation('04', 'b', 120),
    observation('05', 'b', 150),
  ];
  const comparison = compareSources({ variable: 'refugees', areas, observations, sources: [source('a'), source('b')], period: null, thresholdPercent: 10, parentKey: null });
  const drawing = drawComparisonGap(comparison, { de: 'Schutzsuchende', en: 'Refugees' });

  it('draws the gap in percent of A per area, the area without B as no data', () => {
    expect(drawing.values.map((value) => value.value)).toEqual([-50, -20, 0, 20, 50, null]);
    expect(drawing.drawn.noDataKeys).toEqual(['06']);
    // The region's gap compares the areas both sources have: B's 500 against A's 500 in those five areas,
    // not against A's 600 including the area B lacks (which read as a shortfall of B).
    expect(drawing.regionValue).toBeCloseTo(0, 9);
  });

  it('colours shortfalls and surpluses on opposite sides of a diverging palette turning at 0', () => {
    expect(drawing.drawn.midpoint).toBe(0);
    const [low, high] = [drawing.drawn.colourByKey.get('01'), drawing.drawn.colourByKey.get('05')];
    expect(low).not.toBe(high);
    // RdBu: reds below 0, blues above.
    const red = (hex: string) => Number.parseInt(hex.slice(1, 3), 16) - Number.parseInt(hex.slice(5, 7), 16);
    expect(red(low!)).toBeGreaterThan(0);
    expect(red(high!)).toBeLessThan(0);
  });

  it('gives the gap in percent of the reference source, with legend rows and counts', () => {
    expect(drawing.indicator.unit.de).toBe('% der Bezugsquelle');
    const legend = comparisonGapLegend(drawing, comparison.period, 'de');
    expect(legend.rows.reduce((sum, row) => sum + row.count, 0)).toBe(5);
    expect(legend.noData?.count).toBe(1);
  });

  it('names the areas the region line sums when they are not all of both sources, and says "Gesamt" when they are', () => {
    // B lacks area 06: the +0,0 % is over five areas, which the legend line must say (it read "Gesamt").
    expect(drawing.regionScope).toEqual({ comparedAreas: 5 });
    expect(comparisonGapLegend(drawing, comparison.period, 'de').regionLine).toBe('Summe der verglichenen Gebiete (5): 0,0 % der Bezugsquelle');
    expect(comparisonGapLegend(drawing, comparison.period, 'en').regionLine).toBe('Sum of the compared areas (5): 0.0 % of the reference source');
    const complete = compareSources({
      variable: 'refugees',
      areas,
      observations: [...observations, observation('06', 'b', 110)],
      sources: [source('a'), source('b')],
      period: null,
      thresholdPercent: 10,
      parentKey: null,
    });
    const whole = drawComparisonGap(complete, { de: 'Schutzsuchende', en: 'Refugees' });
    expect(whole.regionScope).toBeNull();
    expect(comparisonGapLegend(whole, complete.period, 'de').regionLine).toBe('Gesamt: 1,7 % der Bezugsquelle');
  });
});
