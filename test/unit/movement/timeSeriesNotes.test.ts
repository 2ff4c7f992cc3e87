// What the Zeitreihen print around a chart: the title, the line key and the cautions, for the areas shown.
import { describe, expect, it } from 'vitest';
import { areaChartTitle, lineKeyText, referenceHasLine, seriesCautionNotes } from '../../../shared/movement/timeSeriesFigure';
import type { AreaSeries, SeriesPoint, TimeSeriesData } from '../../../shared/movement/timeSeriesTypes';
import { seriesNames } from '../../../shared/sources/sourceChoiceLine';

const periods = ['2018-12-31', '2021-12-31', '2022-05-15'];
const point = (period: string, value: number | null, sourceId = 'reg2018'): SeriesPoint => ({ period, value, sourceId, quality: 'counted', smallNumber: false, projected: false });
const area = (key: string, name: string, values: (number | null)[]): AreaSeries => ({ key, name, values: values.map((value, index) => point(periods[index] as string, value)) });
const sources = [
  { id: 'reg2018', name: 'Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4 (kreise_2018-12-31.csv)' },
  { id: 'reg2021', name: 'Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4 (kreise_2021-12-31.csv)' },
  { id: 'zensus', name: 'Zensus 2022, Tabelle 1000A-0000 (zensus.csv)' },
];
const territoryNotes = [{ keys: ['16056', '16063'], note: { de: 'Eisenach … Wartburgkreis …', en: 'Eisenach … Wartburgkreis …' } }];

function data(reference: (number | null)[]): Pick<TimeSeriesData, 'series' | 'reference' | 'territoryNotes'> {
  return {
    series: [area('16063', 'Wartburgkreis', [123025, 158900, 158300]), area('03241', 'Region Hannover', [1157624, 1157541, 1129158])],
    reference: { label: { de: 'Durchschnitt je Gebiet', en: 'Mean per area' }, values: reference.map((value, index) => point(periods[index] as string, value)) },
    territoryNotes,
  };
}

describe('the notes around a Zeitreihen chart', () => {
  it('a change of territory is noted for the areas it concerns, not for every area shown elsewhere', () => {
    const all = data([200000, 207000, 206000]);
    expect(seriesCautionNotes(all, sources, 'de')).toEqual(['Eisenach … Wartburgkreis …']);
    expect(seriesCautionNotes({ ...all, series: all.series.filter((entry) => entry.key === '03241') }, sources, 'de')).toEqual([]);
  });

  it('the key and the title promise a reference line only where one is drawn', () => {
    const line = data([200000, 207000, 206000]);
    expect(referenceHasLine(line)).toBe(true);
    expect(lineKeyText(line, 'de')).toBe('Linie: Gebiet · gestrichelt grau: Durchschnitt je Gebiet');
    expect(areaChartTitle(line, '16063', 'de')).toBe('Wartburgkreis und Durchschnitt je Gebiet');
    // A gap after a merger leaves one dot: the key shows a dot, the title still names what is drawn.
    const dot = data([200000, null, null]);
    expect(referenceHasLine(dot)).toBe(false);
    expect(lineKeyText(dot, 'de')).toBe('Linie: Gebiet · grauer Punkt: Durchschnitt je Gebiet (nur wo berechenbar)');
    // Nothing at all: neither key nor title names it.
    const none = data([null, null, null]);
    expect(lineKeyText(none, 'de')).toBe('Linie: Gebiet (Durchschnitt je Gebiet nicht berechenbar)');
    expect(areaChartTitle(none, '16063', 'de')).toBe('Wartburgkreis');
  });

  it('a reference broken at a change of source is no line either, as the chart draws it', () => {
    const broken = { ...data([200000, 207000, null]), sources };
    broken.reference.values[1] = point('2021-12-31', 207000, 'zensus');
    expect(referenceHasLine(broken)).toBe(false);
  });

  it('"Werte aus" names a series of one table once, without its files', () => {
    expect(seriesNames(sources, 'de')).toBe('Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4; Zensus 2022, Tabelle 1000A-0000 (zensus.csv)');
  });
});
