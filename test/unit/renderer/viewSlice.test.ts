import { describe, expect, it } from 'vitest';
import { indicatorChosen, initialViewSlice, periodChosen, sortToggled, sourcesChosen, viewForProject } from '../../../renderer/store/viewSlice';
import { createIndicator, createProject } from './fixtures';

describe('viewForProject', () => {
  it('picks the first layer, the first indicator and its latest Stichtag for a fresh view', () => {
    const view = viewForProject(initialViewSlice, createProject());
    expect(view).toEqual({ layerName: 'gemeinden', indicatorId: 'refugees_per_1000', period: '2024-12-31', sources: null, periodBeforeSources: null, mode: 'value', comparePeriod: null, denominatorVariable: null });
  });

  it('follows the project setting defaultIndicator', () => {
    const view = viewForProject(initialViewSlice, createProject({ settings: { defaultIndicator: 'foreign_share' } }));
    expect(view.indicatorId).toBe('foreign_share');
    expect(view.period).toBe('2023-12-31');
  });

  it('keeps the current choice when the project still offers it', () => {
    const current = { ...initialViewSlice, layerName: 'gemeinden', indicatorId: 'refugees_per_1000', period: '2022-12-31' };
    expect(viewForProject(current, createProject({ settings: { defaultIndicator: 'foreign_share' } }))).toEqual({
      layerName: 'gemeinden',
      indicatorId: 'refugees_per_1000',
      period: '2022-12-31',
      sources: null, periodBeforeSources: null, mode: 'value', comparePeriod: null, denominatorVariable: null,
    });
  });

  it('has no indicator and no period for a project without indicators', () => {
    expect(viewForProject(initialViewSlice, createProject({ indicators: [] }))).toEqual({ layerName: 'gemeinden', indicatorId: null, period: null, sources: null, periodBeforeSources: null, mode: 'value', comparePeriod: null, denominatorVariable: null });
  });
});

describe('indicatorChosen', () => {
  const project = createProject({
    indicators: [createIndicator(), createIndicator({ id: 'short', periods: ['2023-12-31'] })],
  });

  it('keeps the Stichtag when the new indicator has it', () => {
    const view = { ...initialViewSlice, indicatorId: 'short', period: '2023-12-31' };
    expect(indicatorChosen(view, project, 'refugees_per_1000')).toEqual({ indicatorId: 'refugees_per_1000', period: '2023-12-31', sources: null, periodBeforeSources: null, mode: 'value', comparePeriod: null, denominatorVariable: null });
  });

  it('moves to the latest Stichtag when the new indicator lacks the current one', () => {
    const view = { ...initialViewSlice, indicatorId: 'refugees_per_1000', period: '2024-12-31' };
    expect(indicatorChosen(view, project, 'short')).toEqual({ indicatorId: 'short', period: '2023-12-31', sources: null, periodBeforeSources: null, mode: 'value', comparePeriod: null, denominatorVariable: null });
  });

  it('ignores an unknown indicator', () => {
    const view = { ...initialViewSlice, indicatorId: 'short', period: '2023-12-31' };
    expect(indicatorChosen(view, project, 'nope')).toEqual({ indicatorId: 'short', period: '2023-12-31', sources: null, periodBeforeSources: null, mode: 'value', comparePeriod: null, denominatorVariable: null });
  });
});

describe('sortToggled', () => {
  it('sorts a new column ascending and flips the sorted one', () => {
    const byValue = sortToggled({ column: 'name', direction: 'ascending' }, 'value');
    expect(byValue).toEqual({ column: 'value', direction: 'ascending' });
    expect(sortToggled(byValue, 'value')).toEqual({ column: 'value', direction: 'descending' });
  });
});

describe('sourcesChosen', () => {
  const view = { ...initialViewSlice, layerName: 'gemeinden', indicatorId: 'population_total', period: '2024-12-31' };

  it('moves to the latest Stichtag of the choice when the shown one is not among its Stichtage', () => {
    expect(sourcesChosen(view, ['zensus'], ['2022-05-15'])).toMatchObject({ sources: ['zensus'], period: '2022-05-15', mode: 'value' });
  });

  it('keeps the shown Stichtag when the choice has it, and null means the indicator’s own choice', () => {
    expect(sourcesChosen(view, ['melde', 'zensus'], ['2022-05-15', '2024-12-31'])).toMatchObject({ sources: ['melde', 'zensus'], period: '2024-12-31' });
    expect(sourcesChosen(view, null, ['2024-12-31']).sources).toBeNull();
    expect(sourcesChosen(view, [], ['2024-12-31']).sources).toBeNull();
  });

  it('drops a change mode when the choice has no earlier Stichtag to compare with', () => {
    const change = { ...view, mode: 'change' as const, comparePeriod: '2019-12-31' };
    expect(sourcesChosen(change, ['zensus'], ['2022-05-15'])).toMatchObject({ mode: 'value', comparePeriod: null });
    expect(sourcesChosen(change, ['melde'], ['2019-12-31', '2024-12-31'])).toMatchObject({ mode: 'change', comparePeriod: '2019-12-31' });
  });

  it('remembers a Stichtag the choice replaced and returns to it when a later choice has it again', () => {
    // The bed count is dated the last Monday of the year: with it, only 31.12.2018 (a Monday) lines up.
    const beds = sourcesChosen(view, ['betten'], ['2018-12-31']);
    expect(beds).toMatchObject({ period: '2018-12-31', periodBeforeSources: '2024-12-31' });
    const back = sourcesChosen({ ...view, ...beds }, null, ['2018-12-31', '2023-12-31', '2024-12-31']);
    expect(back).toMatchObject({ sources: null, period: '2024-12-31', periodBeforeSources: null });
    // Another choice without it keeps remembering the Stichtag the user had, not the one shown meanwhile.
    const zensus = sourcesChosen({ ...view, ...beds }, ['zensus'], ['2022-05-15']);
    expect(zensus).toMatchObject({ period: '2022-05-15', periodBeforeSources: '2024-12-31' });
  });

  it('forgets the replaced Stichtag once the user picks a Stichtag or another indicator', () => {
    const project = createProject();
    const beds = { ...view, indicatorId: 'refugees_per_1000', ...sourcesChosen(view, ['betten'], ['2018-12-31']) };
    expect(periodChosen(beds, project, '2018-12-31').periodBeforeSources).toBeNull();
    expect(indicatorChosen(beds, project, 'foreign_share').periodBeforeSources).toBeNull();
    expect(indicatorChosen(beds, project, 'refugees_per_1000').periodBeforeSources).toBe('2024-12-31');
  });

  it('a project update keeps a Stichtag that only the chosen sources have', () => {
    const chosen = { ...initialViewSlice, layerName: 'gemeinden', indicatorId: 'refugees_per_1000', period: '2022-05-15', sources: ['zensus'] };
    expect(viewForProject(chosen, createProject()).period).toBe('2022-05-15');
    expect(viewForProject({ ...chosen, sources: null }, createProject()).period).toBe('2024-12-31');
  });
});
