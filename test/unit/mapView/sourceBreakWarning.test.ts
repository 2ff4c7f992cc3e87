// A change between two Stichtage whose values come from different sources is a break in the series, not
// a development: deriveIndicatorValues finds the break, the legend (map and exported figure) and
// `kleinraum classify` say so.
import { describe, expect, it } from 'vitest';
import { deriveIndicatorValues } from '../../../shared/indicators/deriveIndicatorValues';
import type { Observation } from '../../../shared/model/project';
import { drawIndicator } from '../../../shared/mapView/drawIndicator';
import { buildIndicatorLegend, sourceBreakWarning } from '../../../shared/mapView/indicatorLegend';
import { DEFAULT_SYMBOLOGY } from '../../../shared/mapView/mapSymbology';
import { drawLegend } from '../../../shared/export/legendBlock';
import { populationCount } from '../../helpers/indicatorDefinitions';

const sources = [
  { id: 'register', name: 'Regionalstatistik 12411-01-01-4', attribution: '', synthetic: false, publisher: '', stichtag: null },
  { id: 'zensus', name: 'Zensus 2022', attribution: '', synthetic: false, publisher: '', stichtag: null },
  { id: 'kfl', name: 'VG250-EW', attribution: '', synthetic: false, publisher: '', stichtag: null },
];
const areas = [
  { key: '03241001', name: 'Hannover', areaKm2: 204 },
  { key: '03241002', name: 'Barsinghausen', areaKm2: 103 },
];
const population = populationCount;
const observation = (areaKey: string, variable: string, period: string, value: number, sourceId: string): Observation => ({ areaKey, variable, dimensions: {}, period, value, sourceId, quality: 'counted' });
const counts = [
  observation('03241001', 'population', '2021-12-31', 535000, 'register'),
  observation('03241002', 'population', '2021-12-31', 33500, 'register'),
  observation('03241001', 'population', '2022-05-15', 530000, 'zensus'),
  observation('03241002', 'population', '2022-05-15', 33000, 'zensus'),
  observation('03241001', 'population', '2022-12-31', 537000, 'register'),
  observation('03241002', 'population', '2022-12-31', 33700, 'register'),
];
const sourcePriority = () => ['register', 'zensus'];

describe('the break found by deriveIndicatorValues', () => {
  it('names the sources of each end of a change when they differ', () => {
    const change = deriveIndicatorValues({ indicator: population, areas, observations: counts, sourcePriority, mode: 'changePercent', period: '2022-05-15', comparePeriod: '2021-12-31' });
    expect(change.sourceBreak).toEqual({ base: ['register'], shown: ['zensus'] });
    const sameSource = deriveIndicatorValues({ indicator: population, areas, observations: counts, sourcePriority, mode: 'change', period: '2022-12-31', comparePeriod: '2021-12-31' });
    expect(sameSource.sourceBreak).toBeNull();
    expect(deriveIndicatorValues({ indicator: population, areas, observations: counts, sourcePriority, mode: 'value', period: '2022-05-15' }).sourceBreak).toBeNull();
  });

  it('leaves official land areas out: both ends of a density divide by the same areas, whatever their date', () => {
    const officialArea = { areaKm2: 204.1, sourceId: 'kfl', period: '2022-12-31' };
    const withKfl = areas.map((area) => ({ ...area, officialArea: { ...officialArea, areaKm2: area.areaKm2 } }));
    const density = deriveIndicatorValues({ indicator: population, areas: withKfl, observations: counts, sourcePriority, mode: 'perKm2', period: '2022-12-31' });
    expect(density.sourceIds).toContain('kfl');
    const change = deriveIndicatorValues({ indicator: { ...population, scale: 'perKm2' }, areas: withKfl, observations: counts, sourcePriority, mode: 'change', period: '2022-12-31', comparePeriod: '2021-12-31' });
    expect(change.sourceBreak).toBeNull();
  });
});

describe('sourceBreakWarning', () => {
  const zensusChange = { period: '2022-05-15', comparePeriod: '2021-12-31', sourceBreak: { base: ['register'], shown: ['zensus'] }, sources };

  it('names the source of each end', () => {
    expect(sourceBreakWarning(zensusChange, 'de')).toBe(
      'Quellenwechsel: 31.12.2021 aus Regionalstatistik 12411-01-01-4, 15.05.2022 aus Zensus 2022. Ein Teil der Veränderung kann am Wechsel der Quelle liegen, nicht an einer Entwicklung.',
    );
    expect(sourceBreakWarning(zensusChange, 'en')).toMatch(/^Change of source: .* from Regionalstatistik 12411-01-01-4, .* from Zensus 2022\. Part of the change/);
    expect(sourceBreakWarning({ ...zensusChange, sourceBreak: { base: ['register'], shown: ['register', 'zensus'] } }, 'de')).toContain('aus Regionalstatistik 12411-01-01-4 und Zensus 2022');
  });

  it('is silent without a break or a compare date', () => {
    expect(sourceBreakWarning({ ...zensusChange, sourceBreak: null }, 'de')).toBeNull();
    expect(sourceBreakWarning({ ...zensusChange, comparePeriod: null }, 'de')).toBeNull();
  });

  it('names imported tables without their file names, unless two would then read alike', () => {
    const imported = [
      { ...sources[0]!, name: 'Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4 (12411-01-01-4_kreise_2021-12-31.csv)' },
      { ...sources[1]!, name: 'Bevölkerung kompakt, Tabelle 1000A-0000 (zensus2022_kreise.csv)' },
    ];
    expect(sourceBreakWarning({ ...zensusChange, sources: imported }, 'de')).toContain('31.12.2021 aus Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4, 15.05.2022 aus Bevölkerung kompakt, Tabelle 1000A-0000.');
    const alike = [
      { ...sources[0]!, name: 'Einwohner (stand_2021.csv)' },
      { ...sources[1]!, name: 'Einwohner (stand_2022.csv)' },
    ];
    expect(sourceBreakWarning({ ...zensusChange, sources: alike }, 'de')).toContain('aus Einwohner (stand_2021.csv), 15.05.2022 aus Einwohner (stand_2022.csv)');
  });

  it('is silent for two imports of one official table, one per Stichtag: one series, no change of source', () => {
    const oneTable = [
      { ...sources[0]!, name: 'Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4 (12411-01-01-4_kreise_2018-12-31.csv)' },
      { ...sources[1]!, name: 'Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4 (12411-01-01-4_kreise_2021-12-31.csv)' },
    ];
    expect(sourceBreakWarning({ ...zensusChange, sources: oneTable }, 'de')).toBeNull();
  });

  it('stands in the legend and in the legend of the exported figure', () => {
    const change = deriveIndicatorValues({ indicator: population, areas, observations: counts, sourcePriority, mode: 'changePercent', period: '2022-05-15', comparePeriod: '2021-12-31' });
    const drawn = drawIndicator({ values: change.values, regionValue: change.regionValue, decimals: 1, symbology: { ...DEFAULT_SYMBOLOGY, classes: 2 }, smallNumbers: 'flag' });
    const legend = buildIndicatorLegend(drawn, { ...change, period: '2022-05-15', comparePeriod: '2021-12-31', sources }, { locale: 'de', smallNumberThreshold: 3 });
    expect(legend.warning).toContain('Quellenwechsel: 31.12.2021 aus Regionalstatistik');
    const svg = drawLegend({ legend, locale: 'de', showCounts: true, markFills: { suppressed: '#ccc', flagged: '#ddd' } }, 0, 0, 1, 120);
    // In the warning colour, as the map legend marks it, not as a grey subtitle.
    expect(svg).toMatch(/<text[^>]*fill="#92400e"[^>]*>Quellenwechsel/);
  });
});
