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
  periodChosen,
  viewForProject,
  type ViewSlice,
} from '../../../renderer/store/viewSlice';
import { createIndicator, createProject } from './fixtures';

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
  it('offers change only with an earlier Stichtag and percentOf only with variables', () => {
    expect(availableModes(project.indicators[0], project)).toEqual(['value', 'index', 'change', 'changePercent', 'perKm2', 'percentOf']);
    expect(availableModes(project.indicators[1], { variables: [] })).toEqual(['value', 'index', 'perKm2']);
    // An area (km²) per km² is 1,0 everywhere: not offered.
    const area = { ...project.indicators[1]!, unit: { de: 'km²', en: 'km²' } };
    expect(availableModes(area, { variables: [] })).toEqual(['value', 'index']);
  });
});

describe('modeChosen', () => {
  it('compares a change with the Stichtag just before the shown one', () => {
    expect(modeChosen(shown, project, 'change')).toEqual({ mode: 'change', comparePeriod: '2023-12-31', denominatorVariable: null });
  });

  it('divides by the population for "Anteil an …" when the project has it', () => {
    expect(modeChosen(shown, project, 'percentOf')).toEqual({ mode: 'percentOf', comparePeriod: null, denominatorVariable: 'population' });
  });

  it('refuses a change for an indicator with one Stichtag', () => {
    const once = { ...shown, indicatorId: 'once' };
    expect(modeChosen(once, project, 'changePercent')).toEqual({ mode: 'value', comparePeriod: null, denominatorVariable: null });
  });

  it('drops compare period and denominator when going back to the value', () => {
    const change = { ...shown, ...modeChosen(shown, project, 'change') };
    expect(modeChosen(change, project, 'index')).toEqual({ mode: 'index', comparePeriod: null, denominatorVariable: null });
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
    expect(denominatorChosen(share, project, 'refugees')).toEqual({ denominatorVariable: 'refugees' });
    expect(denominatorChosen(share, project, 'unknown')).toEqual({ denominatorVariable: 'population' });
  });

  it('keeps the mode when another indicator offers it and resets it when not', () => {
    expect(indicatorChosen(change, project, 'once')).toMatchObject({ indicatorId: 'once', mode: 'value', comparePeriod: null });
    const index = { ...shown, mode: 'index' as const };
    expect(indicatorChosen(index, project, 'once')).toMatchObject({ indicatorId: 'once', mode: 'index' });
  });
});
