// Small-number protection in the charts and the account: a count 0 < n < threshold is never drawn as an
// exact point (the line breaks, "< N" stands there, the shared scale ignores it) and the account's table
// writes "." for it (what else of the account would give it away: accountProtection.test.ts).
import { describe, expect, it } from 'vitest';
import { drawPanel, sharedScale } from '../../../shared/movement/seriesChart';
import { drawnValue, isSmallCount, protectedCount } from '../../../shared/movement/smallNumbers';
import type { SeriesPoint } from '../../../shared/movement/timeSeriesTypes';

function point(period: string, value: number | null, smallNumber = false): SeriesPoint {
  return { period, value, sourceId: 's', quality: 'counted', smallNumber, projected: false };
}

describe('the rule', () => {
  it('treats 0 < n < threshold as small, zero and the threshold itself not', () => {
    expect([0, 1, 2, 3, 4].map((value) => isSmallCount(value, 3))).toEqual([false, true, true, false, false]);
    expect(isSmallCount(null, 3)).toBe(false);
    expect(protectedCount(2, 3, 'de')).toBe('< 3');
    expect(protectedCount(1234, 3, 'de')).toBe('1.234');
    expect(protectedCount(null, 3, 'de')).toBe('–');
  });
});

describe('charts', () => {
  const periods = ['2021-12-31', '2022-12-31', '2023-12-31'];
  // A rate resting on a small count: 80 would lift the scale if it were drawn.
  const points = [point(periods[0]!, 10), point(periods[1]!, 80, true), point(periods[2]!, 12)];
  const scale = sharedScale([points.map(drawnValue)]);
  const svg = drawPanel({ x: 0, y: 0, width: 300, height: 150 }, { title: 'A', points, region: null, periods, scale, fontSize: 10, detailed: true, decimals: 0, locale: 'de', lineWidth: 1, smallNumberLabel: '< 3' });

  it('draws no point and no line through a small number, but "< N" at its Stichtag', () => {
    expect(svg.match(/<circle/g)).toHaveLength(2);
    expect(svg).not.toContain('class="area-line"');
    const label = /<text x="([\d.]+)"[^>]*class="small-number-label"[^>]*>&lt; 3</.exec(svg);
    expect(label).not.toBeNull();
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(Number(label![1])).toBeGreaterThan(circles[0]!);
    expect(Number(label![1])).toBeLessThan(circles[1]!);
  });
  it('keeps the withheld value out of the shared scale', () => {
    expect(scale.maximum).toBeLessThan(80);
  });
});
