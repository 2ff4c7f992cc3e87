/**
 * Per source, the Stichtage a time series or a balance shows of it, so a figure's or a table's footer names
 * those ("Stichtage 31.12.2023 und 31.12.2024", "10 Stichtage vom … bis …"), not only the source's latest.
 * Pure.
 */
import type { StockFlowAccount } from './stockFlowAccount';
import type { TimeSeriesData } from './timeSeriesTypes';

function collect(entries: Iterable<{ sourceId: string | null | undefined; period: string }>): Record<string, string[]> {
  const periods = new Map<string, Set<string>>();
  for (const { sourceId, period } of entries) {
    if (!sourceId) continue;
    periods.set(sourceId, (periods.get(sourceId) ?? new Set()).add(period));
  }
  return Object.fromEntries([...periods].map(([id, dates]) => [id, [...dates].sort()]));
}

/**
 * @example seriesSourcePeriods({ periods: ['2023-12-31', '2024-12-31'], series: [hannover], region: [] }) // { 'stadt-wl': ['2023-12-31', '2024-12-31'] }
 */
export function seriesSourcePeriods(data: Pick<TimeSeriesData, 'periods' | 'series' | 'region'>): Record<string, string[]> {
  return collect(
    [...data.series.map((series) => series.values), data.region].flatMap((points) =>
      // Projected years are no Stichtage of a source: the projection's line names its scenario instead.
      points.flatMap((point, index) => (point.value === null || point.projected ? [] : [{ sourceId: point.sourceId, period: data.periods[index] ?? '' }])),
    ),
  );
}

/** The stock at both ends of each period and each movement at its end. */
export function accountSourcePeriods(account: Pick<StockFlowAccount, 'areas'>): Record<string, string[]> {
  return collect(
    account.areas.flatMap((area) =>
      area.periods.flatMap((period) => [
        { sourceId: period.stockStart.sourceId, period: period.previousPeriod },
        { sourceId: period.stockEnd.sourceId, period: period.period },
        ...Object.values(period.flows).map((term) => ({ sourceId: term?.sourceId, period: period.period })),
      ]),
    ),
  );
}
