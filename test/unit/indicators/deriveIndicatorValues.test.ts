// Expected values below are computed by hand from the listed observations (see the comment at each one).
import { describe, expect, it } from 'vitest';
import { deriveIndicatorValues } from '../../../shared/indicators/deriveIndicatorValues';
import type { IndicatorDefinition, Observation } from '../../../shared/model/project';

const areas = [
  { key: '03241001', name: 'Hannover', areaKm2: 204 },
  { key: '03241002', name: 'Barsinghausen', areaKm2: 103 },
];

const refugeesPer1000: IndicatorDefinition = {
  id: 'refugees_per_1000',
  name: { de: 'Schutzsuchende je 1.000 Einwohner', en: 'Refugees per 1,000 inhabitants' },
  numerator: { variable: 'refugees' },
  denominator: { variable: 'population' },
  scale: 'per1000',
  unit: { de: 'je 1.000 Einw.', en: 'per 1,000 inh.' },
  decimals: 1,
  description: { de: '', en: '' },
};

function observation(areaKey: string, variable: string, period: string, value: number | null, extra: Partial<Observation> = {}): Observation {
  return { areaKey, variable, dimensions: {}, period, value, sourceId: 'lsn', quality: 'counted', ...extra };
}

const observations: Observation[] = [
  observation('03241001', 'population', '2019-12-31', 520000),
  observation('03241002', 'population', '2019-12-31', 33000),
  observation('03241001', 'refugees', '2019-12-31', 15600),
  observation('03241002', 'refugees', '2019-12-31', 2),
  observation('03241001', 'population', '2018-12-31', 517000),
  observation('03241002', 'population', '2018-12-31', 32800),
  observation('03241001', 'refugees', '2018-12-31', 15000),
  observation('03241002', 'refugees', '2018-12-31', null, { missing: '.' }),
  observation('03241001', 'population', '2017-12-31', 516000),
  observation('03241002', 'population', '2017-12-31', 32900),
  observation('03241001', 'refugees', '2017-12-31', 15480),
  observation('03241002', 'refugees', '2017-12-31', 329),
];
const variableNames = { population: { de: 'Einwohner', en: 'Inhabitants' }, refugees: { de: 'Schutzsuchende', en: 'Persons seeking protection' } };
const base = { indicator: refugeesPer1000, areas, observations, variableNames };

describe('deriveIndicatorValues', () => {
  it('value: the indicator as defined, small counts flagged with a reason', () => {
    const result = deriveIndicatorValues({ ...base, mode: 'value', period: '2019-12-31' });
    expect(result.values[0]?.value).toBe(30); // 15600 / 520000 × 1000
    expect(result.values[1]?.smallNumber).toBe(true); // 2 < 3
    expect(result.values[1]?.flagReason?.de).toContain('Kleine Fallzahl (2)');
    expect(result.values[0]?.flagReason).toBeNull();
    expect(result.indicator).toBe(refugeesPer1000);
  });

  it('index: area / region × 100, region = 100', () => {
    const result = deriveIndicatorValues({ ...base, mode: 'index', period: '2019-12-31' });
    // region = 15602 / 553000 × 1000 = 28.21338; Hannover 30 / 28.21338 × 100 = 106.3325
    expect(result.values[0]?.value).toBeCloseTo(106.3325, 3);
    // Barsinghausen 0.060606 / 28.21338 × 100 = 0.21481
    expect(result.values[1]?.value).toBeCloseTo(0.21481, 4);
    expect(result.regionValue).toBe(100);
    expect(result.indicator.unit.de).toBe('Index (Region = 100)');
  });

  it('index: no region value when an area lacks data, and the reason says so', () => {
    const result = deriveIndicatorValues({ ...base, mode: 'index', period: '2018-12-31' });
    expect(result.regionValue).toBeNull();
    expect(result.values[0]?.value).toBeNull();
    expect(result.values[0]?.missingReason?.de).toContain('Regionswert nicht berechenbar');
    expect(result.values[0]?.missingReason?.en).toContain('Region value cannot be computed');
    // Barsinghausen keeps its own missing reason (the suppressed count).
    expect(result.values[1]?.missingReason?.de).toContain('geheim');
  });

  it('change: value − value at the compare period, in the indicator unit', () => {
    const result = deriveIndicatorValues({ ...base, mode: 'change', period: '2019-12-31', comparePeriod: '2017-12-31' });
    // Hannover 30 − 15480 / 516000 × 1000 = 30 − 30 = 0
    expect(result.values[0]?.value).toBeCloseTo(0, 10);
    // Barsinghausen 2/33000×1000 − 329/32900×1000 = 0.060606 − 10 = −9.939394
    expect(result.values[1]?.value).toBeCloseTo(-9.939394, 5);
    // region: 15602/553000×1000 − 15809/548900×1000 = 28.21338 − 28.80124 = −0.58786
    expect(result.regionValue).toBeCloseTo(-0.58786, 4);
    expect(result.indicator.name.de).toContain('seit 31.12.2017');
  });

  it('change: an area without a base value is missing, naming the base date', () => {
    const result = deriveIndicatorValues({ ...base, mode: 'change', period: '2019-12-31', comparePeriod: '2018-12-31' });
    // Hannover 30 − 15000 / 517000 × 1000 = 30 − 29.013540 = 0.986460
    expect(result.values[0]?.value).toBeCloseTo(0.98646, 5);
    expect(result.values[1]?.value).toBeNull();
    expect(result.values[1]?.missingReason?.de).toContain('Kein Ausgangswert zum 31.12.2018');
    expect(result.values[1]?.missingReason?.en).toContain('No starting value at 31/12/2018');
    expect(result.regionValue).toBeNull();
  });

  it('change: a base value from a lower-ranked source marks the change as resting on it', () => {
    // 2018: the register (lsn) lacks Barsinghausen's refugees; the municipality's own list fills the gap.
    const filled = [
      ...observations.filter((entry) => !(entry.period === '2018-12-31' && entry.areaKey === '03241002' && entry.variable === 'refugees')),
      observation('03241002', 'refugees', '2018-12-31', 10, { sourceId: 'kommune' }),
    ];
    const sourcePriority = () => ['lsn', 'kommune'];
    const baseYear = deriveIndicatorValues({ ...base, observations: filled, sourcePriority, mode: 'value', period: '2018-12-31' });
    expect(baseYear.values.map((value) => value.fallback)).toEqual([false, true]);
    const result = deriveIndicatorValues({ ...base, observations: filled, sourcePriority, mode: 'change', period: '2019-12-31', comparePeriod: '2018-12-31' });
    // Barsinghausen 2/33000×1000 − 10/32800×1000 = 0.060606 − 0.304878 = −0.244272
    expect(result.values[1]?.value).toBeCloseTo(-0.244272, 5);
    expect(result.values[1]?.fallback).toBe(true);
    expect(result.values[0]?.fallback).toBe(false);
    expect(result.sourceIds).toContain('kommune');
  });

  it('changePercent: the change as a percentage of the base value', () => {
    const result = deriveIndicatorValues({ ...base, mode: 'changePercent', period: '2019-12-31', comparePeriod: '2018-12-31' });
    // (30 − 29.013540) / 29.013540 × 100 = 3.4000
    expect(result.values[0]?.value).toBeCloseTo(3.4, 3);
    expect(result.indicator.unit.de).toBe('%');
    expect(result.indicator.scale).toBe('percent');
  });

  it('changePercent: a base value of 0 gives no percentage', () => {
    const zeroBase = [...observations.filter((entry) => !(entry.period === '2017-12-31' && entry.variable === 'refugees' && entry.areaKey === '03241002')), observation('03241002', 'refugees', '2017-12-31', 0)];
    const result = deriveIndicatorValues({ ...base, observations: zeroBase, mode: 'changePercent', period: '2019-12-31', comparePeriod: '2017-12-31' });
    expect(result.values[1]?.value).toBeNull();
    expect(result.values[1]?.missingReason?.de).toContain('ist 0');
  });

  it('perKm2: the numerator per km² of area', () => {
    const result = deriveIndicatorValues({ ...base, mode: 'perKm2', period: '2019-12-31' });
    expect(result.values[0]?.value).toBeCloseTo(15600 / 204, 10); // 76.47
    expect(result.values[1]?.value).toBeCloseTo(2 / 103, 10);
    expect(result.indicator.name.de).toBe('Schutzsuchende je km²');
    // region: (15600 + 2) / (204 + 103)
    expect(result.regionValue).toBeCloseTo(15602 / 307, 10);
  });

  it('percentOf: the numerator as a percentage of a chosen denominator', () => {
    const result = deriveIndicatorValues({ ...base, mode: 'percentOf', denominatorVariable: 'population', period: '2019-12-31' });
    expect(result.values[0]?.value).toBeCloseTo(3, 10); // 15600 / 520000 × 100
    expect(result.indicator.unit.de).toBe('%');
    expect(result.indicator.name.de).toBe('Schutzsuchende in % von „Einwohner“');
  });

  it('flags rates with a denominator below the threshold (default 50), with the reason', () => {
    const small = [...observations, observation('03241003', 'population', '2019-12-31', 40), observation('03241003', 'refugees', '2019-12-31', 10)];
    const withVillage = [...areas, { key: '03241003', name: 'Dorf', areaKm2: 5 }];
    const flagged = deriveIndicatorValues({ ...base, areas: withVillage, observations: small, mode: 'value', period: '2019-12-31' });
    const village = flagged.values[2];
    expect(village?.value).toBe(250); // 10 / 40 × 1000
    expect(village?.smallDenominator).toBe(true);
    expect(village?.flagReason?.de).toContain('Kleine Bezugsgröße (40 < 50)');
    expect(flagged.values[0]?.smallDenominator).toBe(false);
    const lowered = deriveIndicatorValues({ ...base, areas: withVillage, observations: small, mode: 'value', period: '2019-12-31', smallDenominatorThreshold: 40 });
    expect(lowered.values[2]?.smallDenominator).toBe(false);
    // Counts per km² have no denominator population: never flagged as a small denominator.
    const perKm2 = deriveIndicatorValues({ ...base, areas: withVillage, observations: small, mode: 'perKm2', period: '2019-12-31' });
    expect(perKm2.values[2]?.smallDenominator).toBe(false);
  });

  it('change carries the flags of the base period', () => {
    const result = deriveIndicatorValues({ ...base, mode: 'change', period: '2017-12-31', comparePeriod: '2019-12-31' });
    // 2017 Barsinghausen (329 refugees) is not small; its 2019 base (2 refugees) is.
    expect(result.values[1]?.smallNumber).toBe(true);
    expect(result.values[1]?.flagReason?.de).toContain('31.12.2019: Kleine Fallzahl');
  });
});
