import { describe, expect, it } from 'vitest';
import { drawPanel, gridLayout, periodIndexAt, plotArea, sharedScale } from '../../../shared/movement/seriesChart';
import { referenceLine, type SeriesPoint } from '../../../shared/movement/timeSeriesTypes';

function point(period: string, value: number | null, projected = false): SeriesPoint {
  return { period, value, sourceId: 's', quality: projected ? 'projected' : 'counted', smallNumber: false, projected };
}

const periods = ['2020-12-31', '2021-12-31', '2022-12-31', '2023-12-31'];
const frame = { x: 0, y: 0, width: 400, height: 200 };

describe('sharedScale', () => {
  it('covers every value and 0, ending on round ticks', () => {
    const scale = sharedScale([[3, 17, null], [-4, 9]]);
    expect(scale.minimum).toBeLessThanOrEqual(-4);
    expect(scale.maximum).toBeGreaterThanOrEqual(17);
    expect(scale.ticks[0]).toBe(scale.minimum);
    expect(scale.ticks.at(-1)).toBe(scale.maximum);
    expect(scale.ticks).toContain(0);
  });
});

describe('drawPanel', () => {
  const scale = sharedScale([[1, 2, 3, 4]]);
  const base = { title: 'A', region: null, periods, scale, fontSize: 10, detailed: false, decimals: 1, locale: 'de' as const, lineWidth: 1 };

  it('breaks the line at a missing value instead of drawing through it', () => {
    const svg = drawPanel(frame, { ...base, points: [point(periods[0]!, 1), point(periods[1]!, null), point(periods[2]!, 3), point(periods[3]!, 4)] });
    const d = /class="area-line" d="([^"]+)"/.exec(svg)![1]!;
    // Only the segment from the third to the fourth value: one move, one line.
    expect(d.match(/M/g)).toHaveLength(1);
    expect(svg.match(/<circle/g)).toHaveLength(3);
  });

  it('draws projected values dashed', () => {
    const svg = drawPanel(frame, { ...base, points: [point(periods[0]!, 1), point(periods[1]!, 2), point(periods[2]!, 3, true), point(periods[3]!, 4, true)] });
    expect(svg).toMatch(/class="area-line projected" d="M[^"]+"[^>]*stroke-dasharray/);
    expect(/class="area-line" d="([^"]+)"/.exec(svg)![1]!.match(/M/g)).toHaveLength(1);
  });

  it('maps a hover position back to the nearest Stichtag', () => {
    const plot = plotArea(frame, 10, false);
    expect(periodIndexAt(plot, 4, plot.x)).toBe(0);
    expect(periodIndexAt(plot, 4, plot.x + plot.width)).toBe(3);
    expect(periodIndexAt(plot, 4, plot.x + plot.width * 0.4)).toBe(1);
  });
});

describe('gridLayout and referenceLine', () => {
  it('lays 21 panels out on a landscape page with room for all and more columns than rows', () => {
    const layout = gridLayout(21, 270, 150);
    expect(layout.columns * layout.rows).toBeGreaterThanOrEqual(21);
    expect(layout.columns).toBeGreaterThan(layout.rows);
    const portrait = gridLayout(21, 150, 270);
    expect(portrait.rows).toBeGreaterThan(portrait.columns);
  });
  it('uses the region for rates and the mean per area for counts', () => {
    const region = [point(periods[0]!, 210)];
    expect(referenceLine(region, 21, false).values[0]!.value).toBe(210);
    expect(referenceLine(region, 21, true).values[0]!.value).toBe(10);
  });
});
