// "Darstellung als": the view-state updaters that pick mode, compare period and denominator, and keep them
// valid when indicator or Stichtag change.
import { describe, expect, it } from 'vitest';
import {
  availableModes,
  comparePeriodChosen,
  denominatorChosen,
  indicatorChosen,
  initialViewSlice,
  modeChosen,
  denominatorsOffered,
  periodChosen,
  unavailableModeReason,
  viewForProject,
  type ViewSlice,
} from '../../../renderer/store/viewSlice';
import { createIndicator, createProject } from './fixtures';
import { createKleinraumStore } from '../../../renderer/store/store';

const variable = (id: string) => ({ id, name: { de: id, en: id }, unit: 'Personen', dimensions: [], kind: 'stock' as const, periods: ['2024-12-31'], sources: [], availableSources: [] });
const project = createProject({
  indicators: [
    createIndicator({ periods: ['2022-12-31', '2023-12-31', '2024-12-31'] }),
    createIndicator({ id: 'once', periods: ['2024-12-31'] }),
  ],
  variables: [variable('refugees'), variable('population')],
});
const shown: ViewSlice = { ...initialViewSlice, layerName: 'gemeinden', indicatorId: 'refugees_per_1000', period: '2024-12-31' };

describe('availableModes', () => {
  it('offers change only with an earlier Stichtag, and "Anteil an" and "je 1.000" only with a variable to divide by', () => {
    expect(availableModes(project.indicators[0], project)).toEqual(['value', 'index', 'change', 'changePercent', 'perKm2', 'percentOf', 'per1000Of']);
    expect(availableModes(project.indicators[1], { variables: [] })).toEqual(['value', 'index', 'perKm2']);
    // An area (km²) per km² is 1,0 everywhere: not offered.
    const area = { ...project.indicators[1]!, unit: { de: 'km²', en: 'km²' } };
    expect(availableModes(area, { variables: [] })).toEqual(['value', 'index']);
  });

  it('says why a greyed mode is not offered', () => {
    expect(unavailableModeReason('change', project.indicators[1], project)).toBe('map.mode.unavailable.onePeriod');
    expect(unavailableModeReason('changePercent', project.indicators[1], project)).toBe('map.mode.unavailable.onePeriod');
    expect(unavailableModeReason('per1000Of', project.indicators[1], { variables: [] })).toBe('map.mode.unavailable.noDenominator');
    expect(unavailableModeReason('perKm2', { ...project.indicators[1]!, unit: { de: 'km²', en: 'km²' } }, project)).toBe('map.mode.unavailable.isArea');
    // A quotient imported as such has no region value to index by.
    const quotient = { ...project.indicators[0]!, scale: 'absolute' as const, unit: { de: '', en: '' } };
    expect(availableModes(quotient, project)).not.toContain('index');
    expect(unavailableModeReason('index', quotient, project)).toBe('map.mode.unavailable.noRegionTotal');
    // Offered modes have no reason.
    expect(unavailableModeReason('change', project.indicators[0], project)).toBeNull();
    expect(unavailableModeReason('percentOf', project.indicators[0], project)).toBeNull();
  });
});

describe('modeChosen', () => {
  it('compares a change with the Stichtag just before the shown one', () => {
    expect(modeChosen(shown, project, 'change')).toEqual({ mode: 'change', comparePeriod: '2023-12-31', denominatorVariable: null, period: '2024-12-31' });
  });

  it('a change chosen at the first Stichtag moves to the latest, against the one before (not silently the values)', () => {
    const first = { ...shown, period: '2022-12-31' };
    expect(modeChosen(first, project, 'change')).toEqual({ mode: 'change', comparePeriod: '2023-12-31', denominatorVariable: null, period: '2024-12-31' });
    // At a later Stichtag it stays where it is.
    expect(modeChosen({ ...shown, period: '2023-12-31' }, project, 'changePercent')).toEqual({ mode: 'changePercent', comparePeriod: '2022-12-31', denominatorVariable: null, period: '2023-12-31' });
  });

  it('divides by the population for "Anteil an …" when the project has it', () => {
    expect(modeChosen(shown, project, 'percentOf')).toEqual({ mode: 'percentOf', comparePeriod: null, denominatorVariable: 'population', period: '2024-12-31' });
  });

  it('refuses a change for an indicator with one Stichtag', () => {
    const once = { ...shown, indicatorId: 'once' };
    expect(modeChosen(once, project, 'changePercent')).toEqual({ mode: 'value', comparePeriod: null, denominatorVariable: null, period: '2024-12-31' });
  });

  it('drops compare period and denominator when going back to the value', () => {
    const change = { ...shown, ...modeChosen(shown, project, 'change') };
    expect(modeChosen(change, project, 'index')).toEqual({ mode: 'index', comparePeriod: null, denominatorVariable: null, period: '2024-12-31' });
  });
});

describe('compare period and denominator', () => {
  const change = { ...shown, ...modeChosen(shown, project, 'change') };

  it('accepts only earlier Stichtage as compare period', () => {
    expect(comparePeriodChosen(change, project, '2022-12-31')).toEqual({ comparePeriod: '2022-12-31' });
    expect(comparePeriodChosen(change, project, '2024-12-31')).toEqual({ comparePeriod: '2023-12-31' });
  });

  it('keeps a valid compare period when the Stichtag moves, else takes the one before', () => {
    const from2022 = { ...change, comparePeriod: '2022-12-31' };
    expect(periodChosen(from2022, project, '2023-12-31')).toEqual({ period: '2023-12-31', comparePeriod: '2022-12-31', periodBeforeSources: null });
    expect(periodChosen(change, project, '2023-12-31')).toEqual({ period: '2023-12-31', comparePeriod: '2022-12-31', periodBeforeSources: null });
  });

  it('falls back to the value when no earlier Stichtag is left', () => {
    const project2 = createProject({ indicators: [createIndicator({ periods: ['2023-12-31', '2024-12-31'] })] });
    const view = { ...shown, mode: 'change' as const, comparePeriod: '2023-12-31', period: '2023-12-31' };
    expect(viewForProject(view, project2)).toMatchObject({ mode: 'value', comparePeriod: null });
  });

  it('changes the denominator only to a known variable', () => {
    const share = { ...shown, ...modeChosen(shown, project, 'percentOf') };
    expect(denominatorChosen(share, project, 'refugees')).toEqual({ denominatorVariable: 'refugees', period: '2024-12-31' });
    expect(denominatorChosen(share, project, 'unknown')).toEqual({ denominatorVariable: 'population', period: '2024-12-31' });
  });

  it('keeps the mode when another indicator offers it and resets it when not', () => {
    expect(indicatorChosen(change, project, 'once')).toMatchObject({ indicatorId: 'once', mode: 'value', comparePeriod: null });
    const index = { ...shown, mode: 'index' as const };
    expect(indicatorChosen(index, project, 'once')).toMatchObject({ indicatorId: 'once', mode: 'index' });
  });
});

describe('"Anteil an" for imported Kreis tables', () => {
  // Absolute indicators as an import makes them: population at 2018, 2021 and the Zensus day; AsylbLG at 2019.
  const counted = (id: string, periods: string[]) => ({ ...variable(id), periods });
  const kreise = createProject({
    indicators: [
      createIndicator({ id: 'population_total', scale: 'absolute', periods: ['2018-12-31', '2021-12-31', '2022-05-15'], variables: ['population'] }),
      createIndicator({ id: 'asylblg_total', scale: 'absolute', periods: ['2019-12-31'], variables: ['asylblg'] }),
      createIndicator({ id: 'refugees_total', scale: 'absolute', periods: ['2018-12-31'], variables: ['refugees'] }),
    ],
    variables: [counted('population', ['2018-12-31', '2021-12-31', '2022-05-15']), counted('asylblg', ['2019-12-31']), counted('refugees', ['2018-12-31'])],
  });
  const refugeesShare: ViewSlice = { ...shown, indicatorId: 'refugees_total', period: '2018-12-31', mode: 'percentOf', denominatorVariable: 'population' };

  it('never divides an indicator by its own variable: the population as a share of the population was 100 % everywhere', () => {
    // Carried over to the population, the share would be of the refugees ("Bevölkerung in % von
    // „Schutzsuchende“"): correct and useless. The map shows the values as recorded instead.
    expect(indicatorChosen(refugeesShare, kreise, 'population_total')).toMatchObject({ indicatorId: 'population_total', mode: 'value', denominatorVariable: null });
    expect(offeredIds(kreise, 'population_total')).toEqual(['refugees']);
    // Chosen for the population on purpose, the one variable offered is taken, at a Stichtag both have.
    const population = { ...shown, indicatorId: 'population_total', period: '2021-12-31' };
    expect(modeChosen(population, kreise, 'percentOf')).toEqual({ mode: 'percentOf', comparePeriod: null, denominatorVariable: 'refugees', period: '2018-12-31' });
  });

  it('offers the whole variable for a part of it: children 0–5 as a share of the population', () => {
    const children = createIndicator({ id: 'children', scale: 'absolute', periods: ['2018-12-31', '2021-12-31'], variables: ['population'], numeratorFiltered: true });
    expect(denominatorsOffered(children, kreise).map((variable) => variable.id)).toEqual(['population', 'refugees']);
  });

  it('falls back to the values when no variable shares a Stichtag with the indicator', () => {
    // AsylbLG (2019) and the population (2018, 2021, 2022) meet on no Stichtag: the share could not be computed.
    expect(availableModes(kreise.indicators[1], kreise)).not.toContain('percentOf');
    expect(indicatorChosen(refugeesShare, kreise, 'asylblg_total')).toMatchObject({ indicatorId: 'asylblg_total', mode: 'value', denominatorVariable: null, period: '2019-12-31' });
  });

  it('"je 1.000 …" divides like "Anteil an …": Schutzsuchende je 1.000 Einwohner from two imported tables', () => {
    const refugees = { ...shown, indicatorId: 'refugees_total', period: '2018-12-31' };
    expect(modeChosen(refugees, kreise, 'per1000Of')).toEqual({ mode: 'per1000Of', comparePeriod: null, denominatorVariable: 'population', period: '2018-12-31' });
    const perThousand = { ...refugees, mode: 'per1000Of' as const, denominatorVariable: 'population' };
    // Carried over to the population itself, it gives way to the values, like "Anteil an".
    expect(indicatorChosen(perThousand, kreise, 'population_total')).toMatchObject({ mode: 'value', denominatorVariable: null });
  });

  it('moves to a Stichtag the denominator has', () => {
    const population2022 = { ...shown, indicatorId: 'population_total', period: '2022-05-15' };
    expect(modeChosen(population2022, kreise, 'percentOf')).toEqual({ mode: 'percentOf', comparePeriod: null, denominatorVariable: 'refugees', period: '2018-12-31' });
  });
});

function offeredIds(project: ReturnType<typeof createProject>, indicatorId: string): string[] {
  return denominatorsOffered(
    project.indicators.find((indicator) => indicator.id === indicatorId),
    project,
  ).map((variable) => variable.id);
}

describe('a "Darstellung als" that moves the Stichtag', () => {
  it('says so in a notice: a change chosen at the first Stichtag is shown at the latest', () => {
    const store = createKleinraumStore();
    store.getState().projectReceived(createProject(), true);
    store.getState().choosePeriod('2022-12-31');
    store.getState().chooseMode('change');
    expect(store.getState().period).toBe('2024-12-31');
    const notice = store.getState().messages.find((entry) => entry.kind === 'notice');
    expect(notice?.title?.de).toBe('Anderer Stichtag');
    expect(notice?.text.de).toBe('„Veränderung absolut“ lässt sich zum 31.12.2022 nicht zeigen: Es gibt keinen früheren Stichtag zum Vergleich. Gezeigt wird der 31.12.2024, verglichen mit dem Stichtag davor.');
  });

  it('says nothing where the Stichtag stays', () => {
    const store = createKleinraumStore();
    store.getState().projectReceived(createProject(), true);
    store.getState().choosePeriod('2024-12-31');
    store.getState().chooseMode('change');
    expect(store.getState().messages).toEqual([]);
  });
});
