// What of the Bilanz would give a withheld small count away by arithmetic is withheld too: the row's
// remainder, its flag where the flag would settle the count, and the region's sum where exactly one area
// withholds that term. The same account then reaches the screen, the figures, CSV and the CLI.
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../shared/model/project';
import { accountSummaryText, accountTermText, protectAccount } from '../../../shared/movement/accountProtection';
import { balanceTable } from '../../../shared/movement/movementTables';
import { computeStockFlowAccount } from '../../../shared/movement/stockFlowAccount';

/** One period per area: stock at the start and end, arrivals and departures. */
function account(rows: Record<string, [start: number, end: number, arrivals: number, departures: number]>) {
  const observation = (area: string, variable: string, period: string, value: number): Observation => ({ areaKey: area, period, variable, dimensions: {}, value, sourceId: 'reg', quality: 'counted', missing: null });
  return computeStockFlowAccount({
    areas: Object.keys(rows).map((key) => ({ key, name: key.toUpperCase() })),
    observations: Object.entries(rows).flatMap(([key, [start, end, arrivals, departures]]) => [
      observation(key, 'refugees', '2021-12-31', start),
      observation(key, 'refugees', '2022-12-31', end),
      observation(key, 'refugee_arrivals', '2022-12-31', arrivals),
      observation(key, 'refugee_departures', '2022-12-31', departures),
    ]),
    variables: { stock: 'refugees', flows: { inflow: 'refugee_arrivals', outflow: 'refugee_departures' } },
  });
}

describe('protectAccount', () => {
  it('withholds the remainder of a row with a small term and keeps a flag that holds for every possible count', () => {
    // A: 40 + 2 − 1 = 41, counted 45: whatever the two small counts are (1 or 2), the remainder is 4 to 6.
    const exact = account({ a: [40, 45, 2, 1], b: [100, 105, 10, 5] });
    const shown = protectAccount(exact, 3);
    expect(exact.areas[0]!.periods[0]!.residual).toBe(4);
    expect(shown.areas[0]!.periods[0]).toMatchObject({ residual: null, residualPercent: null, remainderWithheld: true, flagged: true, flagWithheld: false });
    expect(shown.areas[0]!.maxResidualPercent).toBeNull();
    expect(shown.areas[1]!.periods[0]).toMatchObject({ residual: 0, remainderWithheld: false, flagged: false, flagWithheld: false });
    // The input is left as it was.
    expect(exact.areas[0]!.periods[0]!.remainderWithheld).toBe(false);
  });

  it('withholds the flag where it would settle the count: 40 → 37 with 2 arrivals and 5 departures closes only for exactly 2', () => {
    const shown = protectAccount(account({ a: [40, 37, 2, 5], b: [100, 105, 10, 5] }), 3);
    expect(shown.areas[0]!.periods[0]).toMatchObject({ remainderWithheld: true, flagged: false, flagWithheld: true });
    expect(accountSummaryText(shown, 'de').text).toBe('Die Bilanz geht in 1 von 2 Gebieten auf (Rest höchstens 1,0 % des Bestands). Bei 1 Gebiet ist nicht angegeben, ob sie aufgeht: Es verriete eine geschützte Kleinzahl.');
  });

  it('withholds the region\'s sum of a term where exactly one area withholds it, and the region\'s remainder with it', () => {
    const shown = protectAccount(account({ a: [40, 41, 2, 1], b: [100, 105, 10, 5], c: [60, 66, 9, 3] }), 3);
    const region = shown.region.periods[0]!;
    // 2 + 10 + 9 = 21 arrivals would give A's 2 back: 21 − 10 − 9.
    expect(region.flows.inflow).toMatchObject({ value: null, withheld: true });
    expect(region.flows.outflow).toMatchObject({ value: null, withheld: true });
    expect(region.stockStart.value).toBe(200);
    expect(region).toMatchObject({ residual: null, remainderWithheld: true, flagWithheld: true });
    expect(accountTermText(region.flows.inflow, 3, 'de')).toBe('geschützt');
    const table = balanceTable({ ...shown, variableNames: {}, sources: [], smallNumberThreshold: 3 }, null, '2026-12-07', 'de');
    const regionRow = table.rows.at(-1)!;
    expect(regionRow.slice(4, 10)).toEqual([200, '.', '.', 212, '.', '.']);
    expect(table.notes.join('\n')).toContain('die Summe der Region');
  });

  it('keeps the region\'s sum where two areas withhold the term and their sum leaves room: 3 is 1 + 2 or 2 + 1', () => {
    const shown = protectAccount(account({ a: [40, 41, 2, 1], b: [100, 105, 10, 5], c: [60, 59, 1, 2] }), 3);
    const region = shown.region.periods[0]!;
    expect(region.flows.inflow).toMatchObject({ value: 13 });
    expect(region.flows.inflow?.withheld).toBeUndefined();
    expect(region.flows.outflow).toMatchObject({ value: 8 });
    // Two areas' remainders withheld: the region's (their sum) stays.
    expect(region).toMatchObject({ residual: 0, remainderWithheld: false });
  });

  it('withholds the region\'s sum where the withheld counts follow from it: two departures summing to 2 are 1 and 1', () => {
    const shown = protectAccount(account({ a: [40, 41, 2, 1], b: [100, 105, 10, 5], c: [60, 60, 1, 1] }), 3);
    const region = shown.region.periods[0]!;
    // Arrivals 2 and 1 (sum 3) could be either way round; departures 1 and 1 (sum 2) cannot.
    expect(region.flows.inflow).toMatchObject({ value: 13 });
    expect(region.flows.outflow).toMatchObject({ value: null, withheld: true });
    expect(region).toMatchObject({ residual: null, remainderWithheld: true });
  });
});
