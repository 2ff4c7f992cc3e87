import { describe, expect, it } from 'vitest';
import { drawMultiples, drawPanel, gridLayout, multiplesLayout, periodIndexAt, periodPositions, plotArea, scaleNote, sharedScale, sourceChanges } from '../../../shared/movement/seriesChart';
import { textWidth } from '../../../shared/export/textMetrics';
import { referenceGapNote, regionGapNote, sourceChangeNotes } from '../../../shared/movement/timeSeriesFigure';
import { sourceSeries } from '../../../shared/sources/sourceChoiceLine';
import { meanOfAreas, referenceLine, type SeriesPoint } from '../../../shared/movement/timeSeriesTypes';

function point(period: string, value: number | null, projected = false, sourceId = 's'): SeriesPoint {
  return { period, value, sourceId, quality: projected ? 'projected' : 'counted', smallNumber: false, projected };
}

/** The x coordinates of a path's points, in drawing order. */
function pathXs(d: string): number[] {
  return [...d.matchAll(/[ML]([-\d.]+) /g)].map((match) => Number(match[1]));
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

  it('labels ticks of small values with the decimals they need, not "0" at every line', () => {
    const small = sharedScale([[0.004, 0.03, 0.048]]);
    const svg = drawPanel(frame, { ...base, scale: small, detailed: true, decimals: 0, points: [point(periods[0]!, 0.004), point(periods[1]!, 0.03), point(periods[2]!, 0.048), point(periods[3]!, 0.02)] });
    const labels = [...svg.matchAll(/text-anchor="end"[^>]*>([^<]+)</g)].map((match) => match[1]);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toEqual(['0,00', '0,02', '0,04', '0,06']);
    expect(scaleNote(small, 0, 'de')).toBe('Gemeinsame Skala für alle Gebiete: 0,00 bis 0,06');
  });

  it('draws projected values dashed', () => {
    const svg = drawPanel(frame, { ...base, points: [point(periods[0]!, 1), point(periods[1]!, 2), point(periods[2]!, 3, true), point(periods[3]!, 4, true)] });
    expect(svg).toMatch(/class="area-line projected" d="M[^"]+"[^>]*stroke-dasharray/);
    expect(/class="area-line" d="([^"]+)"/.exec(svg)![1]!.match(/M/g)).toHaveLength(1);
  });

  it('maps a hover position back to the nearest Stichtag', () => {
    const plot = plotArea(frame, 10, false);
    const positions = periodPositions(periods);
    expect(periodIndexAt(plot, positions, plot.x)).toBe(0);
    expect(periodIndexAt(plot, positions, plot.x + plot.width)).toBe(3);
    expect(periodIndexAt(plot, positions, plot.x + plot.width * 0.4)).toBe(1);
  });

  it('spaces the Stichtage by their dates: 2018, 2021 and the Zensus day in May 2022 are not evenly apart', () => {
    const uneven = ['2018-12-31', '2021-12-31', '2022-05-15'];
    const positions = periodPositions(uneven);
    expect(positions[0]).toBe(0);
    expect(positions[2]).toBe(1);
    // 3 years of 3 years and 4½ months.
    expect(positions[1]).toBeCloseTo(1096 / 1231, 3);
    const svg = drawPanel(frame, { ...base, periods: uneven, detailed: true, points: uneven.map((period, index) => point(period, index + 1)) });
    const xs = pathXs(/class="area-line" d="([^"]+)"/.exec(svg)![1]!);
    const [first, second, third] = [xs[0]!, xs[1]!, xs.at(-1)!];
    expect((second - first) / (third - first)).toBeCloseTo(positions[1]!, 2);
    // Evenly spaced, the Stichtage would stand at halves.
    expect(Math.abs((second - first) / (third - first) - 0.5)).toBeGreaterThan(0.3);
    // One Stichtag stands in the middle; the hover finds the nearest by date.
    expect(periodPositions(['2021-12-31'])).toEqual([0.5]);
    const plot = plotArea(frame, 10, true);
    expect(periodIndexAt(plot, positions, plot.x + plot.width * 0.8)).toBe(1);
  });

  it('labels a year once and leaves out a label with no room, keeping the last', () => {
    const close = ['2018-12-31', '2021-12-31', '2022-05-15', '2022-12-31'];
    const svg = drawPanel(frame, { ...base, periods: close, detailed: true, points: close.map((period, index) => point(period, index + 1)) });
    const years = [...svg.matchAll(/<text[^>]*>(20\d\d)<\/text>/g)].map((match) => match[1]);
    expect(years).toEqual(['2018', '2021', '2022']);
    // After a gap (2019 and 2020 missing), the Stichtag ending it keeps its year over the Zensus day
    // five months later: else the gap would go unnoticed under "2018 … 2022".
    const gap = ['2011', '2012', '2013', '2014', '2015', '2016', '2017', '2018', '2021'].map((year) => `${year}-12-31`).concat('2022-05-15');
    const longSvg = drawPanel(frame, { ...base, periods: gap, detailed: true, points: gap.map((period, index) => point(period, index + 1)) });
    const longYears = [...longSvg.matchAll(/<text[^>]*>(20\d\d)<\/text>/g)].map((match) => match[1]);
    expect(longYears.slice(-2)).toEqual(['2018', '2021']);
  });

  it('breaks the line at a change of source and marks it; the one-area chart names it', () => {
    const points = [point(periods[0]!, 100, false, 'register'), point(periods[1]!, 110, false, 'register'), point(periods[2]!, 95, false, 'zensus'), point(periods[3]!, 97, false, 'zensus')];
    expect(sourceChanges(points)).toEqual([{ index: 2, from: 'register', to: 'zensus' }]);
    const svg = drawPanel(frame, { ...base, scale: sharedScale([[100, 110, 95, 97]]), points, detailed: true, sourceChangeLabel: 'Quellenwechsel' });
    const d = /class="area-line" d="([^"]+)"/.exec(svg)![1]!;
    // 2020–2021 and 2022–2023, not the step from the register to the Zensus.
    expect(d.match(/M/g)).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(4);
    const rule = /class="source-change-rule" x1="([-\d.]+)"/.exec(svg);
    expect(rule).not.toBeNull();
    const xs = pathXs(d);
    expect(Number(rule![1])).toBeGreaterThan(xs[1]!);
    expect(Number(rule![1])).toBeLessThan(xs[2]!);
    expect(svg).toContain('>Quellenwechsel</text>');
    // A reference value cut off on both sides by changes of source still shows, as a grey point.
    const isolated = [point(periods[0]!, 100, false, 'a'), point(periods[1]!, 100, false, 'b'), point(periods[2]!, 100, false, 'c')];
    const withRegion = drawPanel(frame, { ...base, scale: sharedScale([[100, 110, 95, 97]]), points, region: isolated });
    expect(withRegion.match(/class="region-point"/g)).toHaveLength(3);
    expect(drawPanel(frame, { ...base, scale: sharedScale([[100, 110, 95, 97]]), points, region: points })).not.toContain('region-point');
    // A projection continuing the series is no change of source: it is dashed, not broken.
    const projected = [point(periods[0]!, 1), point(periods[1]!, 2), point(periods[2]!, 3, true, 'scenario')];
    expect(sourceChanges(projected)).toEqual([]);
    expect(drawPanel(frame, { ...base, points: projected })).not.toContain('source-change-rule');
  });
});

describe('sourceChangeNotes', () => {
  it('names each change once with the Stichtage around it and the sources without their file names', () => {
    const register = [point('2018-12-31', 10, false, 'reg'), point('2021-12-31', 11, false, 'reg'), point('2022-05-15', 9, false, 'zen')];
    const data = {
      series: [
        { key: 'a', name: 'A', values: register },
        { key: 'b', name: 'B', values: register.map((entry) => ({ ...entry, value: (entry.value ?? 0) * 2 })) },
      ],
      reference: { label: { de: 'Region', en: 'Region' }, values: register },
    };
    const sources = [
      { id: 'reg', name: 'Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4 (kreise_2021.csv)' },
      { id: 'zen', name: 'Bevölkerung kompakt, Tabelle 1000A-0000 (zensus2022_kreise.csv)' },
    ];
    const notes = sourceChangeNotes(data, sources, 'de');
    expect(notes).toEqual([
      'Quellenwechsel: bis 31.12.2021 aus Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4, ab 15.05.2022 aus Bevölkerung kompakt, Tabelle 1000A-0000. Die Linie ist dort unterbrochen (senkrechte gepunktete Linie); ein Teil der Veränderung kann am Wechsel der Quelle liegen, nicht an einer Entwicklung.',
    ]);
    expect(sourceChangeNotes({ ...data, series: [], reference: { ...data.reference, values: register.slice(0, 2) } }, sources, 'de')).toEqual([]);
    // Two imports of the register table, one per Stichtag, are one series: only the Zensus is a change.
    const twoImports = [{ id: 'reg18', name: 'Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4 (kreise_2018.csv)' }, ...sources];
    const split = [point('2018-12-31', 10, false, 'reg18'), ...register.slice(1)];
    expect(sourceChangeNotes({ series: [{ key: 'a', name: 'A', values: split }], reference: { ...data.reference, values: split } }, twoImports, 'de')).toEqual(notes);
    expect(sourceChanges(split, sourceSeries(twoImports))).toEqual([{ index: 2, from: 'reg', to: 'zen' }]);
    expect(sourceChanges(split)).toHaveLength(2);
    // A source named before GENESIS' boilerplate was left out of names continues in one named after.
    const renamed = [{ id: 'reg18', name: 'Bevölkerung nach Geschlecht - Stichtag 31.12. - regionale Tiefe: Kreise und krfr. Städte, Tabelle 12411-01-01-4 (kreise_2018.csv)' }, ...sources];
    expect(sourceChanges(split, sourceSeries(renamed))).toEqual([{ index: 2, from: 'reg', to: 'zen' }]);
  });
});

describe('referenceGapNote', () => {
  it('names the Stichtage where the reference is not computed although areas have values', () => {
    const values = [point('2018-12-31', 10), point('2021-12-31', 11), point('2022-05-15', 9)];
    const reference = { label: { de: 'Durchschnitt je Gebiet', en: 'Mean per area' }, values: [point('2018-12-31', 10), point('2021-12-31', null), point('2022-05-15', null)] };
    const data = { periods: values.map((entry) => entry.period), series: [{ key: 'a', name: 'A', values }], reference };
    expect(referenceGapNote(data, 'de')).toBe('Durchschnitt je Gebiet zum 31.12.2021, 15.05.2022 nicht berechnet: Nicht jedes Gebiet hat dort einen Wert.');
    // Where no area has a value either, there is nothing to explain.
    const noneThere = { ...data, series: [{ key: 'a', name: 'A', values: [values[0]!, point('2021-12-31', null), point('2022-05-15', null)] }] };
    expect(referenceGapNote(noneThere, 'de')).toBeNull();
  });

  it('says of a table\'s Region why its cells are empty: a gap at one Stichtag, or no total at all', () => {
    const values = [point('2018-12-31', 10), point('2021-12-31', 11)];
    const data = { periods: values.map((entry) => entry.period), series: [{ key: 'a', name: 'A', values }] };
    expect(regionGapNote({ ...data, region: [point('2018-12-31', 10), point('2021-12-31', null)] }, 'de')).toBe('Region zum 31.12.2021 nicht berechnet: Nicht jedes Gebiet hat dort einen Wert.');
    expect(regionGapNote({ ...data, region: [point('2018-12-31', null), point('2021-12-31', null)] }, 'de')).toMatch(/^Region: kein Gesamtwert\. /);
    expect(regionGapNote({ ...data, region: values }, 'de')).toBeNull();
  });
});

describe('small multiples', () => {
  it('leave the leftmost panels room for their widest value label, so a large count is not cut off', () => {
    const big = [point(periods[0]!, 1_150_000), point(periods[1]!, 1_200_000)];
    const options = { panels: [0, 1, 2, 3].map((index) => ({ key: `k${index}`, title: `P${index}`, points: big })), region: big, periods: periods.slice(0, 2), decimals: 0, locale: 'de' as const, fontSize: 10, lineWidth: 1, gap: 5, columns: 2 };
    const layout = multiplesLayout({ x: 0, y: 0, width: 400, height: 300 }, options);
    const widest = Math.max(...layout.scale.ticks.map((tick) => textWidth(tick.toLocaleString('de-DE'), 10 * 0.72)));
    expect(widest).toBeGreaterThan(10 * 2.4);
    layout.plots.forEach((plot, index) => expect(plot.x - layout.frames[index]!.x).toBeGreaterThan(widest));
    const svg = drawMultiples({ x: 0, y: 0, width: 400, height: 300 }, options);
    const labelXs = [...svg.matchAll(/<text x="([-\d.]+)"[^>]*text-anchor="end"[^>]*>1\.\d{3}\.\d{3}<\/text>/g)].map((match) => Number(match[1]));
    expect(labelXs.length).toBeGreaterThan(0);
    for (const x of labelXs) expect(x - widest).toBeGreaterThanOrEqual(0);
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
  it('takes the plain mean of the areas for a figure that does not add up, where every area has a value', () => {
    const series = [
      { key: 'a', name: 'A', values: [point(periods[0]!, 30), point(periods[1]!, 28)] },
      { key: 'b', name: 'B', values: [point(periods[0]!, 20), point(periods[1]!, null)] },
    ];
    const mean = meanOfAreas(series, periods.slice(0, 2), 3);
    expect(mean.values.map((entry) => entry.value)).toEqual([25, null]);
    expect(mean.label.de).toBe('Mittel der Gebiete (ungewichtet)');
    // With B's 2 withheld, the mean (16) times two minus A's 30 would give it back: the mean is withheld too.
    const small = [series[0]!, { key: 'b', name: 'B', values: [{ ...point(periods[0]!, 2), smallNumber: true }, point(periods[1]!, null)] }];
    expect(meanOfAreas(small, periods.slice(0, 2), 3).values[0]).toMatchObject({ value: null, withheld: true });
  });
  it('uses the region for rates and the mean per area for counts', () => {
    const region = [point(periods[0]!, 210)];
    expect(referenceLine(region, 21, false).values[0]!.value).toBe(210);
    expect(referenceLine(region, 21, true).values[0]!.value).toBe(10);
  });
});
