// A change between two Stichtage whose values come from different sources is a break in the series, not
// a development: the legend (map and figure) and `kleinraum classify` say so.
import { describe, expect, it } from 'vitest';
import { sourceBreakWarning } from '../../../shared/mapView/indicatorLegend';

const sources = [
  { id: 'register', name: 'Regionalstatistik 12411-01-01-4', attribution: '', synthetic: false, publisher: '', stichtag: null },
  { id: 'zensus', name: 'Zensus 2022', attribution: '', synthetic: false, publisher: '', stichtag: null },
];

describe('sourceBreakWarning', () => {
  it('names the source of each end when they differ', () => {
    const warning = sourceBreakWarning({ period: '2022-05-15', comparePeriod: '2021-12-31', sourcePeriods: { register: ['2021-12-31'], zensus: ['2022-05-15'] }, sources }, 'de');
    expect(warning).toBe(
      'Quellenwechsel: 31.12.2021 aus Regionalstatistik 12411-01-01-4, 15.05.2022 aus Zensus 2022. Ein Teil der Veränderung kann am Wechsel der Quelle liegen, nicht an einer Entwicklung.',
    );
    const english = sourceBreakWarning({ period: '2022-05-15', comparePeriod: '2021-12-31', sourcePeriods: { register: ['2021-12-31'], zensus: ['2022-05-15'] }, sources }, 'en');
    expect(english).toMatch(/^Change of source: .* from Regionalstatistik 12411-01-01-4, .* from Zensus 2022\. Part of the change/);
  });

  it('is silent for one source at both ends, a source used at both besides a filler at both, and outside the change modes', () => {
    expect(sourceBreakWarning({ period: '2022-12-31', comparePeriod: '2021-12-31', sourcePeriods: { register: ['2021-12-31', '2022-12-31'] }, sources }, 'de')).toBeNull();
    expect(sourceBreakWarning({ period: '2022-12-31', comparePeriod: '2021-12-31', sourcePeriods: { register: ['2021-12-31', '2022-12-31'], zensus: ['2021-12-31', '2022-12-31'] }, sources }, 'de')).toBeNull();
    expect(sourceBreakWarning({ period: '2022-05-15', comparePeriod: null, sourcePeriods: { zensus: ['2022-05-15'] }, sources }, 'de')).toBeNull();
  });

  it('counts a source that joins at one end only (a filler at the later date) as a change of source', () => {
    const warning = sourceBreakWarning({ period: '2022-12-31', comparePeriod: '2021-12-31', sourcePeriods: { register: ['2021-12-31', '2022-12-31'], zensus: ['2022-12-31'] }, sources }, 'de');
    expect(warning).toContain('31.12.2021 aus Regionalstatistik 12411-01-01-4, 31.12.2022 aus Regionalstatistik 12411-01-01-4 und Zensus 2022');
  });

  it('names imported tables without their file names, unless two would then read alike', () => {
    const imported = [
      { ...sources[0]!, name: 'Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4 (12411-01-01-4_kreise_2021-12-31.csv)' },
      { ...sources[1]!, name: 'Bevölkerung kompakt, Tabelle 1000A-0000 (zensus2022_kreise.csv)' },
    ];
    const periods = { register: ['2021-12-31'], zensus: ['2022-05-15'] };
    expect(sourceBreakWarning({ period: '2022-05-15', comparePeriod: '2021-12-31', sourcePeriods: periods, sources: imported }, 'de')).toContain(
      '31.12.2021 aus Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4, 15.05.2022 aus Bevölkerung kompakt, Tabelle 1000A-0000.',
    );
    const alike = [
      { ...sources[0]!, name: 'Einwohner (stand_2021.csv)' },
      { ...sources[1]!, name: 'Einwohner (stand_2022.csv)' },
    ];
    expect(sourceBreakWarning({ period: '2022-05-15', comparePeriod: '2021-12-31', sourcePeriods: periods, sources: alike }, 'de')).toContain('aus Einwohner (stand_2021.csv), 15.05.2022 aus Einwohner (stand_2022.csv)');
  });
});
