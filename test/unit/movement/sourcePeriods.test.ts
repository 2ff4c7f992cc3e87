// A series' or a balance's footer names the Stichtage it shows of each source, not the source's latest one.
import { describe, expect, it } from 'vitest';
import { sourceLines } from '../../../shared/export/sourceLines';
import type { Source } from '../../../shared/model/project';
import { accountSourcePeriods, seriesSourcePeriods } from '../../../shared/movement/sourcePeriods';
import type { SeriesPoint } from '../../../shared/movement/timeSeriesTypes';

const point = (value: number | null, sourceId: string | null): SeriesPoint => ({ period: '', value, sourceId, quality: 'counted', smallNumber: false, projected: false });
const source = (id: string, name: string, stichtag: string): Source => ({ id, name, publisher: '', stichtag, licence: '', licenceUrl: null, attribution: '', notes: '', synthetic: false, definition: '', quality: 'counted' });

describe('the Stichtage shown per source', () => {
  it('collects a series\' Stichtage per source, leaving out gaps', () => {
    const data = { periods: ['2022-12-31', '2023-12-31', '2024-12-31'], series: [{ key: 'a', name: 'A', values: [point(1, 'reg'), point(null, 'reg'), point(3, 'zensus')] }], region: [point(1, 'reg'), point(null, null), point(3, 'zensus')] };
    expect(seriesSourcePeriods(data)).toEqual({ reg: ['2022-12-31'], zensus: ['2024-12-31'] });
  });

  it('takes a balance\'s stock at both ends and its movements at the end', () => {
    const term = (sourceId: string) => ({ value: 1, sourceId, sourceRank: 0, quality: null });
    const account = { areas: [{ key: 'a', name: 'A', flagged: false, periods: [{ period: '2024-12-31', previousPeriod: '2023-12-31', stockStart: term('stadt'), stockEnd: term('stadt'), flows: { inflow: term('amt') } }] }] };
    expect(accountSourcePeriods(account as unknown as Parameters<typeof accountSourcePeriods>[0])).toEqual({ stadt: ['2023-12-31', '2024-12-31'], amt: ['2024-12-31'] });
  });

  it('names two Stichtage by date and a long series by its first and last', () => {
    const base = { boundarySource: null, schematicBoundaries: false, currentYear: 2026, locale: 'de' as const };
    const stadt = source('stadt', 'Wohnungslosenstatistik', '2024-12-31');
    expect(sourceLines({ ...base, dataSources: [stadt], shownPeriods: { stadt: ['2023-12-31', '2024-12-31'] } })).toEqual(['Daten: Wohnungslosenstatistik, Stichtage 31.12.2023 und 31.12.2024']);
    const ten = Array.from({ length: 10 }, (_, index) => `${2015 + index}-12-31`);
    expect(sourceLines({ ...base, dataSources: [stadt], shownPeriods: { stadt: ten } })).toEqual(['Daten: Wohnungslosenstatistik, 10 Stichtage vom 31.12.2015 bis 31.12.2024']);
    expect(sourceLines({ ...base, locale: 'en', dataSources: [stadt], shownPeriods: { stadt: ten } })).toEqual(['Data: Wohnungslosenstatistik, 10 reference dates from 31/12/2015 to 31/12/2024']);
  });
});
