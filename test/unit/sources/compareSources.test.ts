import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../shared/model/project';
import { compareSources, pairedTotalsCoverAll } from '../../../shared/sources/compareSources';
import { comparisonTable } from '../../../shared/sources/comparisonTable';
import { drawComparisonGap } from '../../../shared/sources/comparisonDrawing';
import { dataTableCsv } from '../../../shared/export/dataTable';

const observation = (areaKey: string, sourceId: string, period: string, value: number | null, dimensions: Record<string, string> = {}): Observation => ({
  areaKey,
  variable: 'refugees',
  dimensions,
  period,
  value,
  missing: value === null ? '.' : null,
  sourceId,
  quality: 'counted',
});
const source = (id: string) => ({ id, name: id.toUpperCase(), definition: `wer in ${id} zählt`, quality: 'counted', synthetic: false });
const areas = [
  { key: '03241001', name: 'Hannover' },
  { key: '03241002', name: 'Barsinghausen' },
  { key: '03241003', name: 'Burgdorf' },
];

describe('compareSources', () => {
  const observations = [
    // The register by sex, the benefit statistics as totals; a bed count on the last Monday of the year.
    observation('03241001', 'azr', '2024-12-31', 600, { sex: 'm' }),
    observation('03241001', 'azr', '2024-12-31', 400, { sex: 'f' }),
    observation('03241002', 'azr', '2024-12-31', 100),
    observation('03241003', 'azr', '2024-12-31', 50),
    observation('03241001', 'asylblg', '2024-12-31', 700),
    observation('03241002', 'asylblg', '2024-12-31', 105),
    observation('03241003', 'asylblg', '2024-12-31', null),
    observation('03241', 'asylblg', '2024-12-31', 830),
    observation('03241#nicht-zuordenbar', 'asylblg', '2024-12-31', 20),
    observation('03241001', 'beds', '2024-12-30', 300),
    observation('03241001', 'azr', '2023-12-31', 900),
    observation('03241001', 'asylblg', '2023-12-31', 720),
  ];

  it('puts the sources side by side per area, gap = second − first, flags above the threshold, never adds them', () => {
    const comparison = compareSources({ variable: 'refugees', areas, observations, sources: [source('azr'), source('asylblg')], period: null, thresholdPercent: 10, parentKey: '03241' });
    expect(comparison.period).toBe('2024-12-31');
    expect(comparison.areas.map((area) => [area.values['azr'], area.values['asylblg'], area.gap, area.flagged])).toEqual([
      [1000, 700, -300, true],
      [100, 105, 5, false],
      [50, null, null, false],
    ]);
    expect(comparison.areas[0]?.gapPercent).toBeCloseTo(-30, 9);
    expect(comparison.totals).toEqual({ azr: 1150, asylblg: 805 });
    expect(comparison.unassignable).toEqual({ azr: null, asylblg: 20 });
    // The reported total is checked against the areas plus what could not be assigned: 830 − (805 + 20).
    expect(comparison.checks.find((check) => check.sourceId === 'asylblg')).toMatchObject({ reported: 830, sumOfAreas: 805, areaCount: 2, difference: 5 });
    expect(comparison.flaggedCount).toBe(1);
    // The sums compare only the areas both have: 1 100 against 805, not the AZR's 1 150 over one area more.
    expect(comparison.pairedTotals).toEqual({ first: 1100, second: 805, areaCount: 2 });
    expect(pairedTotalsCoverAll(comparison)).toBe(false);
  });

  it('takes each source at its own Stichtag nearest to the one asked for, and follows the gap over the dates both cover', () => {
    const comparison = compareSources({ variable: 'refugees', areas, observations, sources: [source('azr'), source('beds')], period: '2024-12-31', thresholdPercent: 10, parentKey: '03241' });
    expect(comparison.sources.map((compared) => compared.stichtag)).toEqual(['2024-12-31', '2024-12-30']);
    expect(comparison.areas[0]?.values['beds']).toBe(300);
    const trend = compareSources({ variable: 'refugees', areas, observations, sources: [source('azr'), source('asylblg')], period: null, thresholdPercent: 10, parentKey: null }).trend;
    // The gap of the sums over the areas both sources have (Burgdorf has no AsylbLG value in 2024): 805 − 1 100.
    expect(trend.map((point) => [point.periods['azr'], point.gap])).toEqual([
      ['2023-12-31', -180],
      ['2024-12-31', -295],
    ]);
    expect(trend[0]?.areaGapPercent['03241001']).toBeCloseTo(-20, 9);
  });

  it('gives a source without any value near the date no total (a dash, not 0) and no region gap', () => {
    // The census of 15.05.2022 is more than a year away from 31.12.2024: it has no value there.
    const withCensus = [...observations, observation('03241001', 'census', '2022-05-15', 990), observation('03241002', 'census', '2022-05-15', 98)];
    const comparison = compareSources({ variable: 'refugees', areas, observations: withCensus, sources: [source('azr'), source('census')], period: '2024-12-31', thresholdPercent: 10, parentKey: '03241' });
    expect(comparison.sources.map((compared) => compared.stichtag)).toEqual(['2024-12-31', null]);
    expect(comparison.totals).toEqual({ azr: 1150 });
    expect(drawComparisonGap(comparison, { de: 'Schutzsuchende', en: 'Refugees' }).regionValue).toBeNull();
    expect(dataTableCsv(comparisonTable(comparison, 'de'))).toContain(';Summe der Gebiete;1150;;');
  });

  it('compares by default at the reference’s latest Stichtag the other source has too, else the nearest pair', () => {
    const register = [2019, 2020, 2021, 2022, 2023, 2024].map((year) => observation('03241001', 'register', `${year}-12-31`, 1000 + year));
    const census = observation('03241001', 'census', '2022-05-15', 3000);
    const asCompared = (extra: Observation[], second: string) =>
      compareSources({ variable: 'refugees', areas, observations: [...register, ...extra], sources: [source('register'), source(second)], period: null, thresholdPercent: 10, parentKey: null });
    // The census of 15.05.2022 against the register of 31.12.2021 (135 days), not an empty column on 31.12.2024.
    const withCensus = asCompared([census], 'census');
    expect([withCensus.period, withCensus.sources[1]?.stichtag, withCensus.areas[0]?.values['census']]).toEqual(['2021-12-31', '2022-05-15', 3000]);
    // A bed count on the last Monday of the year is "the same date": the latest is compared.
    expect(asCompared([observation('03241001', 'beds', '2023-12-25', 10), observation('03241001', 'beds', '2024-12-30', 12)], 'beds').period).toBe('2024-12-31');
    // Nothing in common: the reference's latest, as before.
    expect(asCompared([observation('03241001', 'old', '2010-12-31', 5)], 'old').period).toBe('2024-12-31');
  });

  it('exports a table naming every source with its Stichtag and definition', () => {
    const comparison = compareSources({ variable: 'refugees', areas, observations, sources: [source('azr'), source('asylblg')], period: null, thresholdPercent: 10, parentKey: '03241' });
    const csv = dataTableCsv(comparisonTable(comparison, 'de'));
    expect(csv).toContain('03241001;Hannover;1000;700;-300;-30;ja');
    expect(csv).toContain(';nicht zuordenbar;;20;');
    expect(csv).toContain('Bezug: AZR, Stichtag 31.12.2024 – gezählt: wer in azr zählt');
  });
});
