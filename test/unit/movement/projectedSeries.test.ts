// Projections in the time series: which indicators a scenario projects, how projected Stichtage are
// appended after the last observed one, and that the drawing and the figure keep them apart (dashed,
// open circles, a rule at the last observed Stichtag, a label and a legend entry naming the scenario).
import { describe, expect, it } from 'vitest';
import type { IndicatorDefinition, Source } from '../../../shared/model/project';
import { drawPanel, sharedScale } from '../../../shared/movement/seriesChart';
import { appendProjection, projectedDefinition, storedScenarios } from '../../../shared/movement/projectedSeries';
import { timeSeriesAreaFigure, timeSeriesMultiplesFigure, type SeriesFigureData } from '../../../shared/movement/timeSeriesFigure';
import type { SeriesPoint } from '../../../shared/movement/timeSeriesTypes';

function point(period: string, value: number | null, projected = false): SeriesPoint {
  return { period, value, sourceId: projected ? 'projection_mittel' : 'register', quality: projected ? 'projected' : 'counted', smallNumber: false, projected };
}

const rate: IndicatorDefinition = {
  id: 'refugees_per_1000',
  name: { de: 'Schutzsuchende je 1.000 Einw.', en: 'Refugees per 1,000' },
  numerator: { variable: 'refugees' },
  denominator: { variable: 'population' },
  scale: 'per1000',
  unit: { de: 'je 1.000 Einw.', en: 'per 1,000' },
  decimals: 1,
  description: { de: '', en: '' },
};

describe('projectedDefinition', () => {
  it('swaps in the projected variables of one scenario, drawing from its source only', () => {
    const projected = projectedDefinition(rate, 'mittel')!;
    expect(projected.numerator).toEqual({ variable: 'projected_refugees', filter: { scenario: ['mittel'] }, sources: ['projection_mittel'] });
    expect(projected.denominator).toEqual({ variable: 'projected_population', filter: { scenario: ['mittel'] }, sources: ['projection_mittel'] });
    expect(projected.id).not.toBe(rate.id);
  });
  it('has none for filtered selections, unprojected variables and densities', () => {
    expect(projectedDefinition({ ...rate, numerator: { variable: 'population', filter: { age: ['0-2'] } } }, 'mittel')).toBeNull();
    expect(projectedDefinition({ ...rate, numerator: { variable: 'foreign_population' } }, 'mittel')).toBeNull();
    expect(projectedDefinition({ ...rate, denominator: null, scale: 'perKm2', numerator: { variable: 'population' } }, 'mittel')).toBeNull();
  });
});

describe('storedScenarios', () => {
  it('lists only projection sources, named by the scenario dimension', () => {
    const source = (id: string, quality: Source['quality']) => ({ id, quality }) as Source;
    const list = storedScenarios([source('register', 'counted'), source('projection_mittel', 'projected')], new Map([['mittel', { de: 'Mittel', en: 'Medium' }]]));
    expect(list).toEqual([{ id: 'mittel', name: { de: 'Mittel', en: 'Medium' }, sourceId: 'projection_mittel' }]);
  });
});

describe('appendProjection', () => {
  const observed = { periods: ['2023-12-31', '2024-12-31'], series: [{ key: 'a', name: 'A', values: [point('2023-12-31', 10), point('2024-12-31', 12)] }], region: [point('2023-12-31', 100), point('2024-12-31', 110)] };
  it('keeps observed Stichtage and appends only later projected ones, marked projected', () => {
    const projected = {
      periods: ['2024-12-31', '2025-12-31', '2026-12-31'],
      series: [{ key: 'a', name: 'A', values: [point('2024-12-31', 99), point('2025-12-31', 13), point('2026-12-31', 14)] }],
      region: [point('2024-12-31', 999), point('2025-12-31', 120), point('2026-12-31', 130)],
    };
    const joined = appendProjection(observed, projected)!;
    expect(joined.periods).toEqual(['2023-12-31', '2024-12-31', '2025-12-31', '2026-12-31']);
    // The observed 2024 value wins over the projection's start year.
    expect(joined.series[0]!.values.map((entry) => entry.value)).toEqual([10, 12, 13, 14]);
    expect(joined.series[0]!.values.map((entry) => entry.projected)).toEqual([false, false, true, true]);
    expect(joined.region.map((entry) => entry.value)).toEqual([100, 110, 120, 130]);
    expect(joined.firstPeriod).toBe('2025-12-31');
    expect(joined.lastObserved).toBe('2024-12-31');
  });
  it('adds nothing when the projection ends before the last observation', () => {
    expect(appendProjection(observed, { periods: ['2023-12-31'], series: [], region: [] })).toBeNull();
  });
});

const periods = ['2022-12-31', '2023-12-31', '2024-12-31', '2025-12-31', '2026-12-31'];
const values = [point(periods[0]!, 10), point(periods[1]!, 12), point(periods[2]!, 11), point(periods[3]!, 14, true), point(periods[4]!, 15, true)];

describe('drawing a projection', () => {
  const frame = { x: 0, y: 0, width: 400, height: 200 };
  const svg = drawPanel(frame, { title: 'A', points: values, region: null, periods, scale: sharedScale([values.map((entry) => entry.value)]), fontSize: 10, detailed: true, decimals: 0, locale: 'de', lineWidth: 1, projectionLabel: 'Projektion – Szenario Mittel' });
  const pathOf = (className: string) => new RegExp(`<path class="${className}" d="([^"]+)"([^>]*)>`).exec(svg);

  it('draws the observed part solid and the projected part dashed, joined only at the last observed Stichtag', () => {
    const solid = pathOf('area-line')!;
    const dashed = pathOf('area-line projected')!;
    expect(solid[2]).not.toContain('stroke-dasharray');
    expect(dashed[2]).toMatch(/stroke-dasharray="[\d.]+ [\d.]+"/);
    const xs = (d: string) => [...d.matchAll(/[ML]([\d.]+) /g)].map((match) => Number(match[1]));
    // Observed segments end at the third Stichtag; the dashed part starts there and runs on.
    expect(Math.max(...xs(solid[1]!))).toBeLessThanOrEqual(Math.min(...xs(dashed[1]!)) + 1e-6);
    expect(xs(dashed[1]!)).toHaveLength(4);
  });
  it('marks the last observed Stichtag with a rule and names the projection', () => {
    expect(svg).toContain('class="projection-rule"');
    expect(svg).toMatch(/class="projection-label"[^>]*>Projektion – Szenario Mittel</);
    expect(svg.match(/class="projected-point"/g)).toHaveLength(2);
  });
  it('has no rule or label without projected values', () => {
    const observedOnly = drawPanel(frame, { title: 'A', points: values.slice(0, 3), region: null, periods: periods.slice(0, 3), scale: sharedScale([[10, 12]]), fontSize: 10, detailed: true, decimals: 0, locale: 'de', lineWidth: 1, projectionLabel: 'Projektion' });
    expect(observedOnly).not.toContain('projection-rule');
    expect(observedOnly).not.toContain('projected');
  });
});

describe('figures with a projection', () => {
  const data: SeriesFigureData = {
    indicator: { id: 'refugees_total', name: { de: 'Schutzsuchende', en: 'Refugees' }, unit: { de: 'Personen', en: 'persons' }, decimals: 0, count: true },
    layer: 'gemeinden',
    layerTitle: { de: 'Gemeinden', en: 'Municipalities' },
    periods,
    series: [{ key: 'a', name: 'Hannover', values }],
    region: values,
    reference: { label: { de: 'Region', en: 'Region' }, values },
    smallNumberThreshold: 3,
    projection: { scenarioId: 'mittel', name: { de: 'Mittel', en: 'Medium' }, sourceId: 'projection_mittel', firstPeriod: '2025-12-31', lastObserved: '2024-12-31' },
    sources: [],
  };
  const context = { areas: { type: 'FeatureCollection', features: [] } as never, layerTitle: 'Gemeinden', boundarySource: null, schematicBoundaries: false, createdOn: '2026-12-04', locale: 'de' as const, page: 'a4-landscape' as const, author: '' };
  it('names observed and projected values in the legend and the note, in German and English', () => {
    const area = timeSeriesAreaFigure(data, 'a', context).svg;
    expect(area).toMatch(/class="legend-projection"[^>]*stroke-dasharray/);
    expect(area).toContain('Projektion – Szenario Mittel');
    expect(area).toContain('beobachtete Werte bis 31.12.2024');
    expect(area).toContain('ab 31.12.2025');
    // The subtitle's Stichtage end at the last observed one; the projected years are named apart.
    expect(area).toContain('Stichtage 31.12.2022 bis 31.12.2024, Personen; Projektion (Szenario Mittel) bis 31.12.2026');
    const english = timeSeriesMultiplesFigure(data, { ...context, locale: 'en' }).svg;
    expect(english).toContain('Projection – scenario Medium');
    expect(english).toMatch(/observed values up to/);
  });

  it('says so on the page when there are too many areas for its charts to be read', () => {
    const many = { ...data, series: Array.from({ length: 401 }, (_, index) => ({ key: `k${index}`, name: `Kreis ${index}`, values })) };
    expect(timeSeriesMultiplesFigure(many, context).svg).toContain('Zu viele Gebiete für eine Seite dieses Formats (401)');
    const few = { ...data, series: many.series.slice(0, 21) };
    expect(timeSeriesMultiplesFigure(few, context).svg).not.toContain('Zu viele Gebiete');
  });
});
