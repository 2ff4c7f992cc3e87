/** The alert rules at their edges: a value on the threshold raises nothing, the next value above does. */
import { describe, expect, it } from 'vitest';
import { boxFences, evaluateAlerts, type AlertIndicatorData, type AlertInput } from '../../../shared/monitoring/monitoringAlerts';
import type { StatusClass } from '../../../shared/monitoring/monitoringDefinition';

const areas = ['A', 'B', 'C', 'D', 'E'].map((key) => ({ key, name: `Gebiet ${key}` }));

function input(values: number[], options: { region?: number | null; earlier?: number[]; quality?: string; now?: StatusClass[]; before?: StatusClass[] | null } = {}): AlertInput {
  const data: AlertIndicatorData = {
    values: new Map(values.map((value, index) => [areas[index]!.key, { value, quality: options.quality ?? 'counted', sourceId: 's1' }])),
    regionValue: options.region ?? null,
    earlier: new Map(options.earlier ? [[3, new Map(options.earlier.map((value, index) => [areas[index]!.key, value]))]] : []),
  };
  return {
    areas: areas.slice(0, values.length),
    indicators: new Map([['x', data]]),
    statusNow: new Map((options.now ?? []).map((value, index) => [areas[index]!.key, value])),
    statusBefore: options.before ? new Map(options.before.map((value, index) => [areas[index]!.key, value])) : null,
  };
}

const keys = (alerts: { key: string }[]) => alerts.map((alert) => alert.key);

describe('evaluateAlerts', () => {
  it('above and below are strict', () => {
    const values = [19.9, 20, 20.1];
    expect(keys(evaluateAlerts([{ type: 'above', indicator: 'x', threshold: 20 }], input(values)))).toEqual(['C']);
    expect(keys(evaluateAlerts([{ type: 'below', indicator: 'x', threshold: 20 }], input(values)))).toEqual(['A']);
  });

  it('deviation from the region in percent and in points', () => {
    // Region 50: 60 is +20 %, 61 is +22 %, 39 is −22 %; in points 10, 11, −11.
    const values = [60, 61, 39, 50];
    const percent = evaluateAlerts([{ type: 'deviation', indicator: 'x', threshold: 20, unit: 'percent' }], input(values, { region: 50 }));
    expect(keys(percent)).toEqual(['B', 'C']);
    expect(percent[0]).toMatchObject({ reference: 50, threshold: 20 });
    expect(percent[0]!.measure).toBeCloseTo(22, 10);
    expect(keys(evaluateAlerts([{ type: 'deviation', indicator: 'x', threshold: 10, unit: 'points' }], input(values, { region: 50 })))).toEqual(['B', 'C']);
    expect(evaluateAlerts([{ type: 'deviation', indicator: 'x', threshold: 10, unit: 'points' }], input(values, { region: null }))).toEqual([]);
  });

  it('change over N years by more than X %', () => {
    // 100 → 125 is +25 %, 100 → 126 +26 %, 100 → 74 −26 %; 0 before gives no percentage.
    const alerts = evaluateAlerts([{ type: 'change', indicator: 'x', threshold: 25, years: 3 }], input([125, 126, 74, 5], { earlier: [100, 100, 100, 0] }));
    expect(keys(alerts)).toEqual(['B', 'C']);
    expect(alerts[1]!.measure).toBeCloseTo(-26, 10);
    expect(evaluateAlerts([{ type: 'change', indicator: 'x', threshold: 25, years: 2 }], input([125, 126], { earlier: [100, 100] }))).toEqual([]);
  });

  it('box-plot fences at 1.5 and 3 × IQR', () => {
    // 1, 2, 3, 4, x: type-7 quartiles of [1, 2, 3, 4, 10] are 2 and 4, IQR 2 → fences −1 / 7 (1.5) and −4 / 10 (3).
    expect(boxFences([1, 2, 3, 4, 10], 1.5)).toEqual({ lower: -1, upper: 7 });
    expect(keys(evaluateAlerts([{ type: 'fences', indicator: 'x', factor: 1.5 }], input([1, 2, 3, 4, 10])))).toEqual(['E']);
    // 10 is exactly on the upper fence at 3 × IQR: no alert; 10.5 is beyond it (quartiles unchanged).
    expect(evaluateAlerts([{ type: 'fences', indicator: 'x', factor: 3 }], input([1, 2, 3, 4, 10]))).toEqual([]);
    const beyond = evaluateAlerts([{ type: 'fences', indicator: 'x', factor: 3 }], input([1, 2, 3, 4, 10.5]));
    expect(beyond).toMatchObject([{ key: 'E', threshold: 10 }]);
  });

  it('a move into a worse status class, and only that', () => {
    const alerts = evaluateAlerts([{ type: 'worseClass' }], input([1, 1, 1], { now: ['niedrig', 'mittel', 'mittel'], before: ['mittel', 'niedrig', 'mittel'] }));
    expect(alerts).toMatchObject([{ key: 'A', fromClass: 'mittel', toClass: 'niedrig', indicator: null }]);
    expect(evaluateAlerts([{ type: 'worseClass' }], input([1], { now: ['niedrig'], before: null }))).toEqual([]);
  });

  it('says when an alert rests on synthetic or estimated values', () => {
    expect(evaluateAlerts([{ type: 'above', indicator: 'x', threshold: 0 }], input([1], { quality: 'synthetic' }))[0]!.uncertain).toBe(true);
    expect(evaluateAlerts([{ type: 'above', indicator: 'x', threshold: 0 }], input([1], { quality: 'counted' }))[0]!.uncertain).toBe(false);
  });
});
