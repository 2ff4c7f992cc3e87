import { describe, expect, it } from 'vitest';
import { indicatorSourceChoices, priorityText, seriesEntries, shortSourceName, sourceChoiceLine, sourceMetaIn, sourceNameIn, sourceSeries, type SourceChoiceProject } from '../../../shared/sources/sourceChoiceLine';
import { offeredOrders } from '../../../renderer/map/SourcePicker';

const project: SourceChoiceProject = {
  sources: [
    { id: 'zensus', name: 'Zensus 2022' },
    { id: 'melde', name: 'Einwohnermelderegister – Beispieldaten, synthetisch' },
    { id: 'azr', name: 'AZR' },
    { id: 'asylblg', name: 'AsylbLG' },
    { id: 'bkg', name: 'VG250' },
  ],
  variables: [
    { id: 'population', name: { de: 'Bevölkerung', en: 'Population' }, sources: ['melde'], availableSources: [{ id: 'melde' }, { id: 'zensus' }] },
    { id: 'refugees', name: { de: 'Schutzsuchende', en: 'Refugees' }, sources: ['azr', 'asylblg'], availableSources: [{ id: 'azr' }, { id: 'asylblg' }] },
    { id: 'area_km2', name: { de: 'Fläche', en: 'Area' }, sources: [], availableSources: [{ id: 'bkg' }] },
  ],
};

describe('indicatorSourceChoices', () => {
  it("gives each variable's own order without a view choice, only sources that hold it", () => {
    const choices = indicatorSourceChoices(project, ['refugees', 'population'], null);
    expect(choices.map((choice) => choice.sources.map((source) => source.id))).toEqual([['azr', 'asylblg'], ['melde']]);
    expect(choices.map((choice) => choice.holdingCount)).toEqual([2, 2]);
  });

  it("applies a view's choice to the variables it names a holding source of, and only to those", () => {
    const choices = indicatorSourceChoices(project, ['refugees', 'population'], ['zensus', 'melde']);
    expect(choices[0]?.sources.map((source) => source.id)).toEqual(['azr', 'asylblg']);
    expect(choices[1]?.sources.map((source) => source.id)).toEqual(['zensus', 'melde']);
  });

  it('falls back to the project order for a variable without a choice, leaving out sources that do not hold it', () => {
    expect(indicatorSourceChoices(project, ['area_km2'], null)[0]?.sources.map((source) => source.id)).toEqual(['bkg']);
    expect(indicatorSourceChoices(project, ['unknown'], null)).toEqual([]);
  });

  it('names a variable once for a share of it in itself (under 18 / population: one source picker, not two)', () => {
    expect(indicatorSourceChoices(project, ['population', 'population'], null).map((choice) => choice.variable)).toEqual(['population']);
  });
});

/** Every source of the project supplied values: the line names each variable's whole order. */
const ALL_USED = ['zensus', 'melde', 'azr', 'asylblg', 'bkg'];

describe('sourceChoiceLine', () => {
  it('names one variable’s order without the variable, with the Stichtag', () => {
    const line = sourceChoiceLine(indicatorSourceChoices(project, ['population'], ['melde', 'zensus']), '2024-12-31', 'de', ALL_USED);
    expect(line).toBe('Quelle: Einwohnermelderegister, sonst Zensus 2022, Stichtag 31.12.2024');
    expect(sourceChoiceLine(indicatorSourceChoices(project, ['population'], ['zensus']), '2022-05-15', 'en', ALL_USED)).toBe('Source: Zensus 2022, reference date 15/05/2022');
  });
  it('names both Stichtage of a change map, whose values rest on both', () => {
    const choices = indicatorSourceChoices(project, ['population'], ['melde', 'zensus']);
    expect(sourceChoiceLine(choices, '2024-12-31', 'de', ALL_USED, '2022-05-15')).toBe('Quelle: Einwohnermelderegister, sonst Zensus 2022, Stichtage 15.05.2022 und 31.12.2024');
    expect(sourceChoiceLine(choices, '2024-12-31', 'en', ALL_USED, '2022-05-15')).toBe('Source: Einwohnermelderegister, else Zensus 2022, reference dates 15/05/2022 and 31/12/2024');
  });

  it('names each variable when they draw from different sources', () => {
    const line = sourceChoiceLine(indicatorSourceChoices(project, ['refugees', 'population'], null), '2024-12-31', 'de', ALL_USED);
    expect(line).toBe('Quelle: Schutzsuchende: AZR, sonst AsylbLG; Bevölkerung: Einwohnermelderegister, Stichtag 31.12.2024');
  });

  it('names only the sources behind the values shown: a fallback that filled no gap is left out', () => {
    const choices = indicatorSourceChoices(project, ['refugees', 'population'], null);
    expect(sourceChoiceLine(choices, '2024-12-31', 'de', ['azr', 'melde'])).toBe('Quelle: Schutzsuchende: AZR; Bevölkerung: Einwohnermelderegister, Stichtag 31.12.2024');
    expect(sourceChoiceLine(choices, '2024-12-31', 'de', [])).toBeNull();
  });

  it('is null where no variable has a second source (single-source figures stay as they were)', () => {
    expect(sourceChoiceLine(indicatorSourceChoices(project, ['area_km2'], null), '2024-12-31', 'de', ['bkg'])).toBeNull();
  });

  it('shortens demo names and joins orders in both languages', () => {
    expect(shortSourceName('Einwohnermelderegister – Beispieldaten, synthetisch')).toBe('Einwohnermelderegister');
    // Only the demo's suffix goes: names a planner typed stay whole, so two of them never look alike.
    expect(shortSourceName('Melderegister – Stand Mai')).toBe('Melderegister – Stand Mai');
    // The full name in English says the demo suffix in English; a planner's name stays as typed.
    expect(sourceNameIn('Einwohnermelderegister – Beispieldaten, synthetisch', 'en')).toBe('Einwohnermelderegister – sample data, synthetic');
    expect(sourceNameIn('Einwohnermelderegister – Beispieldaten, synthetisch', 'de')).toBe('Einwohnermelderegister – Beispieldaten, synthetisch');
    expect(sourceNameIn('Melderegister – Stand Mai', 'en')).toBe('Melderegister – Stand Mai');
    expect(sourceNameIn('Beispieldaten, synthetisch', 'en')).toBe('sample data, synthetic');
    // What Kleinraum stores for a scenario's results reads English too; the scenario's name stays as typed.
    expect(sourceNameIn('Kleinraum (Szenariorechnung), Projektion – Szenario Hoch – auf Beispieldaten, synthetisch', 'en')).toBe('Kleinraum (scenario calculation), projection – scenario Hoch – on sample data, synthetic');
    expect(sourceNameIn('Projektion – Szenario mittel', 'en')).toBe('Projection – scenario mittel');
    expect(sourceNameIn('Projektion – Szenario mittel', 'de')).toBe('Projektion – Szenario mittel');
    expect(sourceMetaIn('Kleinraum (Szenariorechnung)', 'en')).toBe('Kleinraum (scenario calculation)');
    expect(priorityText([{ name: 'A' }, { name: 'B' }], 'en')).toBe('A, else B');
  });

  it('says the words the demo adds to a synthetic source\'s publisher and licence in English, other texts as stored', () => {
    expect(sourceMetaIn('Landesamt für Statistik Niedersachsen (nachgebildet von Kleinraum)', 'en')).toBe('Landesamt für Statistik Niedersachsen (imitated by Kleinraum)');
    expect(sourceMetaIn('Landesamt für Statistik Niedersachsen (nachgebildet von Kleinraum)', 'de')).toBe('Landesamt für Statistik Niedersachsen (nachgebildet von Kleinraum)');
    expect(sourceMetaIn('Generiert von Kleinraum, frei verwendbar', 'en')).toBe('Generated by Kleinraum, free to use');
    expect(sourceMetaIn('Datenlizenz Deutschland – Namensnennung – Version 2.0', 'en')).toBe('Datenlizenz Deutschland – Namensnennung – Version 2.0');
  });
});

describe('offeredOrders', () => {
  it('offers each source alone, then each source first with the others in the variable’s own order', () => {
    expect(offeredOrders(['azr'], ['asylblg', 'azr', 'betten'])).toEqual([['azr'], ['asylblg'], ['betten'], ['azr', 'asylblg', 'betten'], ['asylblg', 'azr', 'betten'], ['betten', 'azr', 'asylblg']]);
    expect(offeredOrders([], ['only'])).toEqual([['only']]);
  });

  it('keeps the imports of one table together: a series is one choice beside the Zensus, not three sources', () => {
    const sources = [
      { id: 'reg2018', name: 'Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4 (kreise_2018-12-31.csv)' },
      { id: 'reg2021', name: 'Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4 (kreise_2021-12-31.csv)' },
      { id: 'zensus', name: 'Bevölkerung kompakt, Tabelle 1000A-0000 (zensus.csv)' },
    ];
    const seriesOf = sourceSeries(sources);
    expect(offeredOrders(['reg2018', 'reg2021', 'zensus'], ['zensus', 'reg2018', 'reg2021'], seriesOf)).toEqual([
      ['reg2018', 'reg2021'],
      ['zensus'],
      ['reg2018', 'reg2021', 'zensus'],
      ['zensus', 'reg2018', 'reg2021'],
    ]);
    // Each option names the series once, without its files.
    expect(priorityText(seriesEntries([sources[2]!, sources[0]!, sources[1]!]), 'de')).toBe('Bevölkerung kompakt, Tabelle 1000A-0000 (zensus.csv), sonst Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4');
  });
});

describe('sourceChoiceLine of one table imported once per Stichtag', () => {
  const series: SourceChoiceProject = {
    sources: [
      { id: 'reg2018', name: 'Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4 (12411-01-01-4_bevoelkerung_geschlecht_kreise_2018-12-31.csv)' },
      { id: 'reg2021', name: 'Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4 (12411-01-01-4_bevoelkerung_geschlecht_kreise_2021-12-31.csv)' },
      { id: 'zensus', name: 'Bevölkerung kompakt (Gebietsstand 15.05.2022), Tabelle 1000A-0000 (zensus.csv)' },
    ],
    variables: [
      { id: 'population', name: { de: 'Bevölkerung', en: 'Population' }, sources: [], availableSources: [{ id: 'reg2018' }, { id: 'reg2021' }] },
      { id: 'persons', name: { de: 'Personen', en: 'Persons' }, sources: [], availableSources: [{ id: 'reg2018' }, { id: 'reg2021' }, { id: 'zensus' }] },
    ],
  };

  it('is one series, not "2018’s file, sonst 2021’s file": no line where there is no choice, the table named once where there is', () => {
    expect(sourceChoiceLine(indicatorSourceChoices(series, ['population'], null), '2021-12-31', 'de', ['reg2018', 'reg2021'])).toBeNull();
    expect(sourceChoiceLine(indicatorSourceChoices(series, ['persons'], null), '2021-12-31', 'de', ['reg2018', 'reg2021', 'zensus'])).toBe(
      'Quelle: Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4, sonst Bevölkerung kompakt (Gebietsstand 15.05.2022), Tabelle 1000A-0000 (zensus.csv), Stichtag 31.12.2021',
    );
  });
});
