import { describe, expect, it } from 'vitest';
import { indicatorChosen, initialViewSlice, sortToggled, viewForProject } from '../../../renderer/store/viewSlice';
import { createIndicator, createProject } from './fixtures';

describe('viewForProject', () => {
  it('picks the first layer, the first indicator and its latest Stichtag for a fresh view', () => {
    const view = viewForProject(initialViewSlice, createProject());
    expect(view).toEqual({ layerName: 'gemeinden', indicatorId: 'refugees_per_1000', period: '2024-12-31', sources: null, mode: 'value', comparePeriod: null, denominatorVariable: null });
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
      sources: null, mode: 'value', comparePeriod: null, denominatorVariable: null,
    });
  });

  it('has no indicator and no period for a project without indicators', () => {
    expect(viewForProject(initialViewSlice, createProject({ indicators: [] }))).toEqual({ layerName: 'gemeinden', indicatorId: null, period: null, sources: null, mode: 'value', comparePeriod: null, denominatorVariable: null });
  });
});

describe('indicatorChosen', () => {
  const project = createProject({
    indicators: [createIndicator(), createIndicator({ id: 'short', periods: ['2023-12-31'] })],
  });

  it('keeps the Stichtag when the new indicator has it', () => {
    const view = { ...initialViewSlice, indicatorId: 'short', period: '2023-12-31' };
    expect(indicatorChosen(view, project, 'refugees_per_1000')).toEqual({ indicatorId: 'refugees_per_1000', period: '2023-12-31', sources: null, mode: 'value', comparePeriod: null, denominatorVariable: null });
  });

  it('moves to the latest Stichtag when the new indicator lacks the current one', () => {
    const view = { ...initialViewSlice, indicatorId: 'refugees_per_1000', period: '2024-12-31' };
    expect(indicatorChosen(view, project, 'short')).toEqual({ indicatorId: 'short', period: '2023-12-31', sources: null, mode: 'value', comparePeriod: null, denominatorVariable: null });
  });

  it('ignores an unknown indicator', () => {
    const view = { ...initialViewSlice, indicatorId: 'short', period: '2023-12-31' };
    expect(indicatorChosen(view, project, 'nope')).toEqual({ indicatorId: 'short', period: '2023-12-31', sources: null, mode: 'value', comparePeriod: null, denominatorVariable: null });
  });
});

describe('sortToggled', () => {
  it('sorts a new column ascending and flips the sorted one', () => {
    const byValue = sortToggled({ column: 'name', direction: 'ascending' }, 'value');
    expect(byValue).toEqual({ column: 'value', direction: 'ascending' });
    expect(sortToggled(byValue, 'value')).toEqual({ column: 'value', direction: 'descending' });
  });
});
