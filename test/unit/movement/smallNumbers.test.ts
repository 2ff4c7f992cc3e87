// Small-number protection in the charts and the account: a count 0 < n < threshold is never drawn as an
// exact point (the line breaks, "< N" stands there, the shared scale ignores it) and the account's table
// writes "." for it, while sums keep the exact counts; a remainder that would give a withheld count away
// is withheld with it.
import { describe, expect, it } from 'vitest';
import { balanceTable } from '../../../shared/movement/movementTables';
import { drawPanel, sharedScale } from '../../../shared/movement/seriesChart';
import { drawnValue, isSmallCount, protectedCount, withholdRevealingRemainders } from '../../../shared/movement/smallNumbers';
import { computeStockFlowAccount } from '../../../shared/movement/stockFlowAccount';
import type { SeriesPoint } from '../../../shared/movement/timeSeriesTypes';
import type { Observation } from '../../../shared/model/project';

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

describe('account table', () => {
  const observation = (area: string, variable: string, period: string, value: number): Observation => ({ areaKey: area, period, variable, dimensions: {}, value, sourceId: 'reg', quality: 'counted', missing: null });
  // A: 40 + 2 − 1 = 41, counted 45 (remainder 4, flagged); B: 100 + 10 − 5 = 105, counted 105.
  const account = computeStockFlowAccount({
    areas: [
      { key: 'a', name: 'A' },
      { key: 'b', name: 'B' },
    ],
    observations: [
      observation('a', 'refugees', '2021-12-31', 40),
      observation('a', 'refugees', '2022-12-31', 45),
      observation('a', 'refugee_arrivals', '2022-12-31', 2),
      observation('a', 'refugee_departures', '2022-12-31', 1),
      observation('b', 'refugees', '2021-12-31', 100),
      observation('b', 'refugees', '2022-12-31', 105),
      observation('b', 'refugee_arrivals', '2022-12-31', 10),
      observation('b', 'refugee_departures', '2022-12-31', 5),
    ],
    variables: { stock: 'refugees', flows: { inflow: 'refugee_arrivals', outflow: 'refugee_departures' } },
  });
  const shown = withholdRevealingRemainders(account, 3);

  it('withholds the remainder of a row with a small term, keeps its flag, and leaves other rows alone', () => {
    expect(account.areas[0]!.periods[0]!.residual).toBe(4);
    const a = shown.areas[0]!;
    expect(a.periods[0]).toMatchObject({ residual: null, residualPercent: null, remainderWithheld: true, flagged: true, complete: true });
    expect(a.flagged).toBe(true);
    expect(a.maxResidualPercent).toBeNull();
    expect(shown.areas[1]!.periods[0]).toMatchObject({ residual: 0, residualPercent: 0, remainderWithheld: false });
    // The region's terms (50 + 12 − 6 = 56, counted 150) are no small counts: its remainder is shown.
    expect(shown.region.periods[0]).toMatchObject({ residual: 4, remainderWithheld: false });
    // The input is left as it was.
    expect(account.areas[0]!.periods[0]!.remainderWithheld).toBe(false);
  });

  it('writes "." for small flows and for the remainder they would be worked out from', () => {
    const table = balanceTable({ ...shown, variableNames: {}, sources: [], smallNumberThreshold: 3 }, 'a', '2026-12-04', 'de');
    const row = table.rows[0]!;
    expect(row.slice(4, 10)).toEqual([40, '.', '.', 45, '.', '.']);
    expect(table.notes.join('\n')).toContain('Werte unter 3');
    expect(table.notes.join('\n')).toContain('auch ihr Rest nicht ausgewiesen');
    const other = balanceTable({ ...shown, variableNames: {}, sources: [], smallNumberThreshold: 3 }, 'b', '2026-12-04', 'de');
    expect(other.rows[0]!.slice(4, 10)).toEqual([100, 10, 5, 105, 0, 0]);
    expect(other.notes.join('\n')).not.toContain('Rest nicht ausgewiesen');
  });
});
