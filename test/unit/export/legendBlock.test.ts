import { describe, expect, it } from 'vitest';
import { drawLegend, measureLegend, type LegendContent } from '../../../shared/export/legendBlock';
import { textWidth } from '../../../shared/export/textMetrics';
import type { IndicatorLegend } from '../../../shared/mapView/indicatorLegend';

const legend = {
  title: 'Bevölkerung: Abweichung der Quellen',
  unit: '% der Bezugsquelle',
  stichtag: 'Stichtag 31.12.2021',
  rows: [{ colour: '#08306b', label: '5,6', count: 1 }],
  noData: { colour: '#d9d9d9', label: 'keine Daten', count: 20 },
  marks: [],
  regionLine: 'Gesamt: 5,6 % der Bezugsquelle',
  fixedClassesNote: null,
  classCountNote: '1 statt 5 Klassen: Die Werte lassen keine weiteren verschiedenen Grenzen zu (gleiche oder sehr nahe Werte).',
  absoluteHint: null,
} as unknown as IndicatorLegend;
const content: LegendContent = { legend, markFills: { suppressed: '#999', flagged: '#999' }, showCounts: true, locale: 'de' };

describe('the figure legend', () => {
  it('wraps a note longer than the legend may be wide, and grows in height for it', () => {
    const maximumWidth = 60;
    const svg = drawLegend(content, 0, 0, 1, maximumWidth);
    const texts = [...svg.matchAll(/<text[^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((match) => ({ size: Number(match[1]), text: match[2]! }));
    expect(texts.some((entry) => entry.text.startsWith('1 statt 5 Klassen'))).toBe(true);
    expect(texts.map((entry) => entry.text).join(' ')).toContain('(gleiche oder sehr nahe Werte).');
    for (const entry of texts) expect(textWidth(entry.text, entry.size)).toBeLessThanOrEqual(maximumWidth + 0.01);
    const wide = measureLegend(content, 1, 200);
    const narrow = measureLegend(content, 1, maximumWidth);
    expect(narrow.height).toBeGreaterThan(wide.height);
    expect(narrow.width).toBeLessThanOrEqual(maximumWidth);
  });
});
