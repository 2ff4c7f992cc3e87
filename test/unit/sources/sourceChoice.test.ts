import { describe, expect, it } from 'vitest';
import { computeIndicatorValues } from '../../../shared/indicators/computeIndicatorValues';
import type { IndicatorDefinition, Observation } from '../../../shared/model/project';
import { chooseSourceObservations, pickSource, selectionPeriods, selectionPriority, sourcePriority, type SourceCatalogue } from '../../../shared/sources/sourceChoice';

const observation = (areaKey: string, sourceId: string, value: number, period = '2024-12-31', dimensions: Record<string, string> = {}, variable = 'refugees'): Observation => ({
  areaKey,
  variable,
  dimensions,
  period,
  value,
  sourceId,
  quality: 'counted',
});

const refugeesTotal: IndicatorDefinition = {
  id: 'refugees_total',
  name: { de: 'Schutzsuchende', en: 'Refugees' },
  numerator: { variable: 'refugees' },
  denominator: null,
  scale: 'absolute',
  unit: { de: 'Personen', en: 'persons' },
  decimals: 0,
  description: { de: '', en: '' },
};
const areas = [
  { key: 'a', name: 'A', areaKm2: 1 },
  { key: 'b', name: 'B', areaKm2: 1 },
];

describe('the source choice', () => {
  it('never adds two sources of the same figure: the first listed source with a value is used', () => {
    const observations = [observation('a', 'azr', 100), observation('a', 'asylblg', 70), observation('b', 'asylblg', 40)];
    const computed = computeIndicatorValues({ indicator: refugeesTotal, areas, observations, period: '2024-12-31', sourcePriority: () => ['azr'] });
    expect(computed.values.map((value) => value.value)).toEqual([100, null]);
    expect(computed.values[0]?.sourceId).toBe('azr');
    // A declared priority fills the gap and says so.
    const filled = computeIndicatorValues({ indicator: refugeesTotal, areas, observations, period: '2024-12-31', sourcePriority: () => ['azr', 'asylblg'] });
    expect(filled.values.map((value) => [value.value, value.sourceId, value.fallback])).toEqual([
      [100, 'azr', false],
      [40, 'asylblg', true],
    ]);
    expect(filled.regionValue).toBe(140);
  });

  it('keeps a breakdown from one source whole (a pyramid never mixes sources)', () => {
    const observations = [observation('a', 'register', 10, '2024-12-31', { sex: 'm' }), observation('a', 'register', 12, '2024-12-31', { sex: 'f' }), observation('a', 'census', 25)];
    expect(chooseSourceObservations(observations, () => ['register', 'census']).map((kept) => kept.value)).toEqual([10, 12]);
    expect(chooseSourceObservations(observations, () => ['census']).map((kept) => kept.value)).toEqual([25]);
    expect(pickSource(observations, ['nothing'])).toBeNull();
  });

  it('applies a view’s choice only to the variables its sources hold, and lists periods of the chosen sources only', () => {
    const catalogue: SourceCatalogue = {
      projectOrder: ['register', 'azr', 'asylblg'],
      variables: new Map([
        ['population', { id: 'population', sources: ['register'] }],
        ['refugees', { id: 'refugees', sources: ['azr'] }],
      ]),
      periods: new Map([
        ['population', new Map([['register', ['2023-12-31', '2024-12-31']]])],
        [
          'refugees',
          new Map([
            ['azr', ['2023-12-31', '2024-12-31']],
            ['asylblg', ['2019-12-31']],
          ]),
        ],
      ]),
    };
    expect(selectionPriority(catalogue, { variable: 'refugees' }, ['asylblg'])).toEqual(['asylblg']);
    expect(selectionPriority(catalogue, { variable: 'population' }, ['asylblg'])).toEqual(['register']);
    expect(selectionPriority(catalogue, { variable: 'refugees', sources: ['azr'] }, ['asylblg'])).toEqual(['azr']);
    expect(selectionPeriods(catalogue, { variable: 'refugees' })).toEqual(['2023-12-31', '2024-12-31']);
    expect(selectionPeriods(catalogue, { variable: 'refugees' }, ['asylblg'])).toEqual(['2019-12-31']);
  });

  it('falls back to every source in the project’s order for variables without a choice (files from before)', () => {
    expect(sourcePriority({ sources: [] }, null, ['x', 'y'])).toEqual(['x', 'y']);
    expect(sourcePriority(undefined, undefined, ['x'])).toEqual(['x']);
  });
});
