import { describe, expect, it } from 'vitest';
import { createDemoProject } from '../../../shared/demo/createDemoProject';
import { DEMO_SOURCE_IDS } from '../../../shared/demo/dataDictionary';
import type { Observation } from '../../../shared/model/project';
import { accountVariables, importedMovementRoles, movementRoleOf, movementVariableId, stockVariablesWithFlows } from '../../../shared/movement/accountVariables';
import { computeMovementSeries, defaultSeriesIndicatorId, movementIndicator } from '../../../shared/movement/movementIndicators';
import { computeStockFlowAccount } from '../../../shared/movement/stockFlowAccount';
import { sourcePriority } from '../../../shared/sources/sourceChoice';

const demo = createDemoProject();
const areas = demo.layers[0]!.areas.map((area) => ({ key: area.key, name: area.name }));
const variablesById = new Map(demo.variables.map((variable) => [variable.id, variable]));
const order = demo.sources.map((source) => source.id);
const priorityOf = (variable: string) => sourcePriority(variablesById.get(variable), null, order);
const refugeeAccount = accountVariables('refugees', demo.variables);

function observation(areaKey: string, variable: string, period: string, value: number | null, sourceId = 'register'): Observation {
  return { areaKey, variable, dimensions: {}, period, value, sourceId, quality: 'counted' };
}

describe('accountVariables', () => {
  it('finds the demo refugees’ arrivals and departures by the id convention', () => {
    expect(refugeeAccount.flows).toEqual({ inflow: 'refugee_arrivals', outflow: 'refugee_departures' });
    expect(stockVariablesWithFlows(demo.variables)).toEqual(['refugees']);
  });
  it('takes explicitly named variables before the convention', () => {
    expect(accountVariables('refugees', demo.variables, { inflow: 'other_in' }).flows.inflow).toBe('other_in');
  });
  it('names a movement by the convention and reads the convention back, so an imported movement is found', () => {
    expect(movementVariableId('refugees', 'inflow')).toBe('refugee_arrivals');
    expect(movementVariableId('wohnungslose', 'deaths')).toBe('wohnungslose_deaths');
    expect(movementRoleOf('refugee_departures', ['population', 'refugees'])).toEqual({ stock: 'refugees', term: 'outflow' });
    expect(movementRoleOf('population_moves_in', ['population'])).toEqual({ stock: 'population', term: 'internalIn' });
    expect(movementRoleOf('kita_plaetze', ['population', 'refugees'])).toBeNull();
    for (const term of ['inflow', 'outflow', 'births', 'deaths', 'internalIn', 'internalOut'] as const) {
      expect(movementRoleOf(movementVariableId('population', term), ['population'])).toEqual({ stock: 'population', term });
    }
  });
  it('takes an import\'s movements of the project\'s stocks or of the file\'s own, never movements of movements', () => {
    expect([...importedMovementRoles(['wohnungslose', 'wohnungslose_arrivals'], [{ id: 'population', kind: 'stock' }])]).toEqual([['wohnungslose_arrivals', { stock: 'wohnungslose', term: 'inflow' }]]);
    expect([...importedMovementRoles(['population_births'], [{ id: 'population', kind: 'stock' }])]).toEqual([['population_births', { stock: 'population', term: 'births' }]]);
    expect(importedMovementRoles(['refugee_arrivals_arrivals', 'refugee_arrivals'], [{ id: 'refugees', kind: 'stock' }]).has('refugee_arrivals_arrivals')).toBe(false);
    // A variable the project has keeps its kind; a project movement is no stock to link to.
    expect(importedMovementRoles(['refugees', 'refugee_arrivals'], [{ id: 'refugees', kind: 'stock' }, { id: 'refugee_arrivals', kind: 'flow' }]).size).toBe(0);
    expect(importedMovementRoles(['refugee_arrivals_births'], [{ id: 'refugee_arrivals', kind: 'flow' }]).size).toBe(0);
  });
});

describe('defaultSeriesIndicatorId', () => {
  it('opens on turnover where arrivals and departures exist, else on the first indicator with a series', () => {
    expect(defaultSeriesIndicatorId(demo.variables, [{ id: 'population_total' }])).toBe('movement.turnover_per_1000');
    const tablesOnly = demo.variables.filter((variable) => variable.kind === 'stock');
    expect(defaultSeriesIndicatorId(tablesOnly, [{ id: 'population_total' }, { id: 'refugees_total' }])).toBe('population_total');
    // Nothing with a series either: turnover, whose message says what to import.
    expect(defaultSeriesIndicatorId(tablesOnly, [])).toBe('movement.turnover_per_1000');
  });
});

describe('computeStockFlowAccount on the demo', () => {
  const account = computeStockFlowAccount({ areas, observations: demo.observations, variables: refugeeAccount, priorityOf });

  it('closes for every municipality and period (the synthetic series are built to close)', () => {
    expect(account.periods).toHaveLength(9);
    expect(account.periods[0]).toBe('2016-12-31');
    expect(account.areas).toHaveLength(21);
    for (const area of account.areas) {
      for (const period of area.periods) {
        expect(period.complete).toBe(true);
        expect(period.residual).toBe(0);
        expect(period.flagged).toBe(false);
        // The arithmetic really is checked: the terms are non-trivial numbers.
        expect(period.stockStart.value! + period.flows.inflow!.value! - period.flows.outflow!.value!).toBe(period.stockEnd.value);
        expect(period.flows.inflow!.value!).toBeGreaterThan(0);
      }
    }
    expect(account.region.periods.every((period) => period.residual === 0)).toBe(true);
  });

  it('draws the stock from the variable’s chosen source only (AsylbLG and bed count are not added)', () => {
    expect(account.sourceIds).toEqual([DEMO_SOURCE_IDS.refugeeRegister]);
    const hannover = account.areas[0]!.periods[0]!;
    expect(hannover.stockEnd.sourceId).toBe(DEMO_SOURCE_IDS.refugeeRegister);
    const registerStock = demo.observations
      .filter((o) => o.variable === 'refugees' && o.areaKey === areas[0]!.key && o.period === '2016-12-31' && o.sourceId === DEMO_SOURCE_IDS.refugeeRegister)
      .reduce((sum, o) => sum + (o.value ?? 0), 0);
    expect(hannover.stockEnd.value).toBe(registerStock);
  });

  it('flags a deliberately broken series instead of hiding it', () => {
    const target = areas[4]!.key;
    const broken = demo.observations.map((o) =>
      o.variable === 'refugee_departures' && o.areaKey === target && o.period === '2019-12-31' && o.dimensions['sex'] === 'f' ? { ...o, value: (o.value ?? 0) + 40 } : o,
    );
    const result = computeStockFlowAccount({ areas, observations: broken, variables: refugeeAccount, priorityOf });
    const area = result.areas.find((candidate) => candidate.key === target)!;
    const period = area.periods.find((candidate) => candidate.period === '2019-12-31')!;
    // 40 more departures than the stocks show: the end stock is 40 above what the flows explain.
    expect(period.residual).toBe(40);
    expect(period.residualPercent).toBeCloseTo((40 / period.stockStart.value!) * 100, 10);
    expect(period.flagged).toBe(period.residualPercent! > 1);
    expect(area.flagged).toBe(true);
    expect(result.areas.filter((candidate) => candidate.flagged).map((candidate) => candidate.key)).toEqual([target]);
    expect(result.region.periods.find((candidate) => candidate.period === '2019-12-31')!.residual).toBe(40);
  });
});

describe('computeStockFlowAccount rules', () => {
  const variables = { stock: 'stock', flows: { inflow: 'in', outflow: 'out', births: 'births', deaths: 'deaths' } };
  const one = [{ key: 'A', name: 'A' }];

  it('includes births and deaths, and reports the residual relative to the start stock', () => {
    const observations = [
      observation('A', 'stock', '2020-12-31', 1000),
      observation('A', 'stock', '2021-12-31', 1100),
      observation('A', 'in', '2021-12-31', 200),
      observation('A', 'out', '2021-12-31', 120),
      observation('A', 'births', '2021-12-31', 15),
      observation('A', 'deaths', '2021-12-31', 10),
    ];
    const period = computeStockFlowAccount({ areas: one, observations, variables, thresholdPercent: 1 }).areas[0]!.periods[0]!;
    expect(period.residual).toBe(1100 - (1000 + 200 - 120 + 15 - 10));
    expect(period.residualPercent).toBeCloseTo(1.5, 10);
    expect(period.flagged).toBe(true);
    const tolerant = computeStockFlowAccount({ areas: one, observations, variables, thresholdPercent: 2 }).areas[0]!.periods[0]!;
    expect(tolerant.flagged).toBe(false);
  });

  it('never takes a missing flow as 0', () => {
    const observations = [observation('A', 'stock', '2020-12-31', 10), observation('A', 'stock', '2021-12-31', 12), observation('A', 'in', '2021-12-31', 2), observation('A', 'out', '2021-12-31', null)];
    const period = computeStockFlowAccount({ areas: one, observations, variables: { stock: 'stock', flows: { inflow: 'in', outflow: 'out' } } }).areas[0]!.periods[0]!;
    expect(period.complete).toBe(false);
    expect(period.residual).toBeNull();
    expect(period.flows.outflow!.value).toBeNull();
  });

  it('marks a stock whose source changes between start and end, and names each term’s source', () => {
    const observations = [
      observation('A', 'stock', '2020-12-31', 100, 'census'),
      observation('A', 'stock', '2021-12-31', 110, 'register'),
      observation('A', 'in', '2021-12-31', 20, 'flows'),
      observation('A', 'out', '2021-12-31', 10, 'flows'),
    ];
    const period = computeStockFlowAccount({ areas: one, observations, variables: { stock: 'stock', flows: { inflow: 'in', outflow: 'out' } }, priorityOf: (v) => (v === 'stock' ? ['register', 'census'] : ['flows']) }).areas[0]!.periods[0]!;
    expect(period.sourceChanged).toBe(true);
    expect(period.stockStart).toMatchObject({ sourceId: 'census', sourceRank: 1 });
    expect(period.stockEnd).toMatchObject({ sourceId: 'register', sourceRank: 0 });
    expect(period.flows.inflow!.sourceId).toBe('flows');
    expect(period.residual).toBe(0);
  });
});

describe('computeMovementSeries', () => {
  const base = { areas, observations: demo.observations, inflowVariable: 'refugee_arrivals', outflowVariable: 'refugee_departures', populationVariable: 'population', priorityOf };

  it('computes net migration and turnover per 1.000 inhabitants from the demo’s arrivals and departures', () => {
    const net = computeMovementSeries({ ...base, indicator: movementIndicator('movement.net')! });
    const turnover = computeMovementSeries({ ...base, indicator: movementIndicator('movement.turnover_per_1000')! });
    expect(net.periods).toHaveLength(10);
    const key = areas[2]!.key;
    const period = '2022-12-31';
    const sum = (variable: string, source: string = DEMO_SOURCE_IDS.refugeeRegister) =>
      demo.observations.filter((o) => o.variable === variable && o.areaKey === key && o.period === period && o.sourceId === source).reduce((total, o) => total + (o.value ?? 0), 0);
    const arrivals = sum('refugee_arrivals');
    const departures = sum('refugee_departures');
    const population = sum('population', DEMO_SOURCE_IDS.populationRegister);
    const periodIndex = net.periods.indexOf(period);
    expect(net.series[2]!.values[periodIndex]!.value).toBe(arrivals - departures);
    expect(turnover.series[2]!.values[periodIndex]!.value).toBeCloseTo(((arrivals + departures) / population) * 1000, 10);
    expect(turnover.series[2]!.values[periodIndex]!.sourceId).toBe(DEMO_SOURCE_IDS.refugeeRegister);
    expect(turnover.series[2]!.values[periodIndex]!.quality).toBe('synthetic');
    expect(net.mixedSources).toEqual([]);
  });

  it('computes the region as Σ counts / Σ inhabitants, and null when an area lacks a value', () => {
    const indicator = movementIndicator('movement.arrivals_per_1000')!;
    const result = computeMovementSeries({ ...base, indicator });
    const absolute = computeMovementSeries({ ...base, indicator: movementIndicator('movement.arrivals')! });
    const totalArrivals = absolute.series.reduce((sum, series) => sum + series.values[0]!.value!, 0);
    expect(absolute.region[0]!.value).toBe(totalArrivals);
    expect(result.region[0]!.value).toBeGreaterThan(0);
    const withoutOne = demo.observations.filter((o) => !(o.variable === 'refugee_arrivals' && o.areaKey === areas[0]!.key && o.period === result.periods[0]));
    const gap = computeMovementSeries({ ...base, observations: withoutOne, indicator });
    expect(gap.series[0]!.values[0]!.value).toBeNull();
    expect(gap.region[0]!.value).toBeNull();
    expect(gap.region[1]!.value).toBe(result.region[1]!.value);
  });
});
