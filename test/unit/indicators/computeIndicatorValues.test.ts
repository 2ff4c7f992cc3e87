// Expected values below are computed by hand from the listed observations (see the comment at each one).
import { describe, expect, it } from 'vitest';
import { computableIndicatorPeriods } from '../../../shared/indicators/computableIndicatorPeriods';
import { computeIndicatorValues } from '../../../shared/indicators/computeIndicatorValues';
import { weakestQuality } from '../../../shared/indicators/qualityRanking';
import type { IndicatorDefinition, Observation } from '../../../shared/model/project';

const areas = [
  { key: '03241001', name: 'Hannover', areaKm2: 204 },
  { key: '03241002', name: 'Barsinghausen', areaKm2: 103 },
];

function indicator(overrides: Partial<IndicatorDefinition>): IndicatorDefinition {
  return {
    id: 'test',
    name: { de: 'Test', en: 'Test' },
    numerator: { variable: 'refugees' },
    denominator: { variable: 'population' },
    scale: 'per1000',
    unit: { de: '', en: '' },
    decimals: 1,
    description: { de: '', en: '' },
    ...overrides,
  };
}

function observation(areaKey: string, variable: string, period: string, value: number | null, extra: Partial<Observation> = {}): Observation {
  return { areaKey, variable, dimensions: {}, period, value, sourceId: 'lsn', quality: 'counted', ...extra };
}

const observations: Observation[] = [
  observation('03241001', 'population', '2019-12-31', 270000, { dimensions: { sex: 'f' } }),
  observation('03241001', 'population', '2019-12-31', 250000, { dimensions: { sex: 'm' } }),
  observation('03241002', 'population', '2019-12-31', 17000, { dimensions: { sex: 'f' } }),
  observation('03241002', 'population', '2019-12-31', 16000, { dimensions: { sex: 'm' } }),
  observation('03241001', 'refugees', '2019-12-31', 15600, { sourceId: 'ausländerbehörde' }),
  observation('03241002', 'refugees', '2019-12-31', 2, { quality: 'estimated' }),
  observation('03241001', 'population', '2018-12-31', 517000),
  observation('03241002', 'population', '2018-12-31', 32800),
  observation('03241001', 'refugees', '2018-12-31', 15000),
  observation('03241002', 'refugees', '2018-12-31', null, { missing: '.' }),
];
const variableNames = { population: { de: 'Einwohner', en: 'Inhabitants' }, refugees: { de: 'Schutzsuchende', en: 'Persons seeking protection' } };

describe('computeIndicatorValues', () => {
  it('per 1000: numerator / denominator × 1000, summing unlisted dimensions', () => {
    const result = computeIndicatorValues({ indicator: indicator({}), areas, observations, period: '2019-12-31', variableNames });
    const [hannover, barsinghausen] = result.values;
    // 15600 / (270000 + 250000) × 1000 = 30
    expect(hannover).toEqual({ key: '03241001', name: 'Hannover', value: 30, numerator: 15600, denominator: 520000, quality: 'counted', smallNumber: false, missingReason: null, sourceId: 'ausländerbehörde', fallback: false });
    // 2 / 33000 × 1000 = 0.0606…; 2 is below the default threshold 3; estimated is weaker than counted.
    expect(barsinghausen?.value).toBeCloseTo(0.060606, 5);
    expect(barsinghausen?.smallNumber).toBe(true);
    expect(barsinghausen?.quality).toBe('estimated');
    // (15600 + 2) / (520000 + 33000) × 1000 = 28.2134…
    expect(result.regionValue).toBeCloseTo(28.21338, 4);
    expect(new Set(result.sourceIds)).toEqual(new Set(['lsn', 'ausländerbehörde']));
  });

  it('percent with a dimension filter: women / all × 100', () => {
    const share = indicator({ numerator: { variable: 'population', filter: { sex: ['f'] } }, scale: 'percent' });
    const result = computeIndicatorValues({ indicator: share, areas, observations, period: '2019-12-31' });
    // 270000 / 520000 × 100 = 51.923…; 17000 / 33000 × 100 = 51.515…
    expect(result.values.map((value) => value.value)).toEqual([(270000 / 520000) * 100, (17000 / 33000) * 100]);
    expect(result.regionValue).toBeCloseTo(((270000 + 17000) / 553000) * 100, 10);
  });

  it('per km²: numerator divided by the area in km²', () => {
    const density = indicator({ numerator: { variable: 'population' }, denominator: null, scale: 'perKm2' });
    const result = computeIndicatorValues({ indicator: density, areas, observations, period: '2019-12-31' });
    // 520000 / 204 = 2549.0…; 33000 / 103 = 320.38…; region 553000 / 307
    expect(result.values.map((value) => value.value)).toEqual([520000 / 204, 33000 / 103]);
    expect(result.values[0]?.denominator).toBe(204);
    expect(result.regionValue).toBeCloseTo(553000 / 307, 10);
    expect(result.areaBasis).toBe('geometry');
  });

  it('per km²: divides by the official land area (KFL) where an area has one, cites its source and says which basis it used', () => {
    const density = indicator({ numerator: { variable: 'population' }, denominator: null, scale: 'perKm2' });
    const kfl = { areaKm2: 204.3, sourceId: 'bkg', period: '2023-12-31' };
    const mixed = computeIndicatorValues({ indicator: density, areas: [{ ...areas[0]!, officialArea: kfl }, areas[1]!], observations, period: '2019-12-31' });
    // Hannover: 520000 / 204.3 (KFL, not the geometry's 204); Barsinghausen: 33000 / 103 (geometry); region 553000 / 307.3
    expect(mixed.values.map((value) => value.value)).toEqual([520000 / 204.3, 33000 / 103]);
    expect(mixed.regionValue).toBeCloseTo(553000 / 307.3, 10);
    expect(mixed.sourceIds).toContain('bkg');
    expect(mixed.areaBasis).toBe('mixed');
    const official = computeIndicatorValues({
      indicator: density,
      areas: areas.map((area) => ({ ...area, officialArea: { ...kfl, areaKm2: 100 } })),
      observations,
      period: '2019-12-31',
    });
    expect(official.areaBasis).toBe('official');
    expect(computeIndicatorValues({ indicator: indicator({}), areas, observations, period: '2019-12-31' }).areaBasis).toBeNull();
  });

  it('absolute: the numerator itself, region = sum', () => {
    const count = indicator({ denominator: null, scale: 'absolute', unit: { de: 'Personen', en: 'persons' } });
    const result = computeIndicatorValues({ indicator: count, areas, observations, period: '2019-12-31' });
    expect(result.values.map((value) => value.value)).toEqual([15600, 2]);
    expect(result.values.map((value) => value.denominator)).toEqual([null, null]);
    expect(result.regionValue).toBe(15602);
    // 15 602 − 15 600 would give Barsinghausen's small 2 back: views that withhold it withhold the total.
    expect(result.regionRevealsSmallNumbers).toBe(true);
    // A rate's region value is a quotient of totals, not a sum the areas' values subtract from.
    expect(computeIndicatorValues({ indicator: indicator({}), areas, observations, period: '2019-12-31' }).regionRevealsSmallNumbers).toBe(false);
    // Without a small count there is nothing to give back.
    expect(computeIndicatorValues({ indicator: count, areas, observations, period: '2018-12-31' }).regionRevealsSmallNumbers).toBe(false);
    // A figure imported without a unit (a quotient, values with fractions) or as a rate does not add up:
    // the areas keep their values, the region has no total.
    for (const unit of ['', '%', 'je 1.000 Einw.']) {
      const quotient = computeIndicatorValues({ indicator: { ...count, unit: { de: unit, en: unit } }, areas, observations, period: '2019-12-31' });
      expect(quotient.values.map((value) => value.value)).toEqual([15600, 2]);
      expect(quotient.regionValue).toBeNull();
    }
  });

  it('a lower-ranked source is marked as filling a gap only where the chosen one has values at that Stichtag', () => {
    const count = indicator({ numerator: { variable: 'population' }, denominator: null, scale: 'absolute' });
    const sourcePriority = () => ['register', 'zensus'];
    const twoSources = [
      // 31.12.2021: the register has Hannover only; the Zensus fills Barsinghausen.
      observation('03241001', 'population', '2021-12-31', 535000, { sourceId: 'register' }),
      observation('03241002', 'population', '2021-12-31', 33500, { sourceId: 'zensus' }),
      // 15.05.2022, the Zensus day: only the Zensus counts. It is that Stichtag's source, not a gap filler.
      observation('03241001', 'population', '2022-05-15', 530000, { sourceId: 'zensus' }),
      observation('03241002', 'population', '2022-05-15', 33000, { sourceId: 'zensus' }),
    ];
    const filled = computeIndicatorValues({ indicator: count, areas, observations: twoSources, period: '2021-12-31', sourcePriority });
    expect(filled.values.map((value) => [value.sourceId, value.fallback])).toEqual([
      ['register', false],
      ['zensus', true],
    ]);
    const zensusDay = computeIndicatorValues({ indicator: count, areas, observations: twoSources, period: '2022-05-15', sourcePriority });
    expect(zensusDay.values.map((value) => [value.sourceId, value.fallback])).toEqual([
      ['zensus', false],
      ['zensus', false],
    ]);
  });

  it('a withheld value (".") makes the area missing with the reason, and the region value null', () => {
    const result = computeIndicatorValues({ indicator: indicator({}), areas, observations, period: '2018-12-31', variableNames });
    expect(result.values[0]?.value).toBeCloseTo((15000 / 517000) * 1000, 10);
    expect(result.values[1]).toMatchObject({ value: null, numerator: null, missingReason: { de: '„Schutzsuchende“: unbekannt oder geheim zu halten („.“)', en: '"Persons seeking protection": unknown or confidential (".")' } });
    expect(result.regionValue).toBeNull();
  });

  it('no observations at all: missing with a German reason naming variable and Stichtag', () => {
    const result = computeIndicatorValues({ indicator: indicator({}), areas, observations, period: '2017-12-31', variableNames });
    expect(result.values[0]?.missingReason?.de).toBe('Keine Daten für „Schutzsuchende“ zum 31.12.2017');
    expect(result.values[0]?.quality).toBeNull();
  });

  it('a missing denominator names the denominator; a zero denominator gives no value instead of Infinity', () => {
    const onlyNumerator = observations.filter((candidate) => !(candidate.variable === 'population' && candidate.areaKey === '03241002'));
    const zero = [...onlyNumerator, observation('03241002', 'population', '2019-12-31', 0)];
    const missingResult = computeIndicatorValues({ indicator: indicator({}), areas, observations: onlyNumerator, period: '2019-12-31', variableNames });
    expect(missingResult.values[1]).toMatchObject({ value: null, numerator: 2, missingReason: { de: 'Keine Daten für „Einwohner“ zum 31.12.2019', en: 'No data for "Inhabitants" at 31/12/2019' } });
    const zeroResult = computeIndicatorValues({ indicator: indicator({}), areas, observations: zero, period: '2019-12-31', variableNames });
    expect(zeroResult.values[1]).toMatchObject({ value: null, denominator: 0, missingReason: { de: 'Bezugsgröße „Einwohner“ ist 0', en: 'Denominator "Inhabitants" is 0' } });
  });

  it('the small-number threshold is configurable; 0 is never a small number', () => {
    const count = indicator({ denominator: null, scale: 'absolute' });
    const withZero = [...observations.filter((candidate) => candidate.areaKey !== '03241002' || candidate.variable !== 'refugees'), observation('03241002', 'refugees', '2019-12-31', 0)];
    expect(computeIndicatorValues({ indicator: count, areas, observations: withZero, period: '2019-12-31' }).values[1]?.smallNumber).toBe(false);
    expect(computeIndicatorValues({ indicator: count, areas, observations, period: '2019-12-31', smallNumberThreshold: 2 }).values[1]?.smallNumber).toBe(false);
    expect(computeIndicatorValues({ indicator: count, areas, observations, period: '2019-12-31', smallNumberThreshold: 20000 }).values.map((value) => value.smallNumber)).toEqual([true, true]);
  });
});

describe('computableIndicatorPeriods', () => {
  const byVariable = new Map([
    ['refugees', ['2017-12-31', '2018-12-31', '2019-12-31']],
    ['population', ['2019-12-31', '2018-12-31']],
  ]);
  const periods = (selection: { variable: string }) => byVariable.get(selection.variable) ?? [];
  it('needs numerator and denominator for ratios', () => {
    expect(computableIndicatorPeriods(indicator({}), periods)).toEqual(['2018-12-31', '2019-12-31']);
  });
  it('needs only the numerator for absolute and per-km² indicators', () => {
    expect(computableIndicatorPeriods(indicator({ denominator: null, scale: 'absolute' }), periods)).toEqual(['2017-12-31', '2018-12-31', '2019-12-31']);
    expect(computableIndicatorPeriods(indicator({ numerator: { variable: 'population' }, denominator: null, scale: 'perKm2' }), periods)).toEqual(['2018-12-31', '2019-12-31']);
  });
});

describe('weakestQuality', () => {
  it('orders suppressed < synthetic < projected < estimated < counted', () => {
    expect(weakestQuality(['counted', 'estimated'])).toBe('estimated');
    expect(weakestQuality(['estimated', 'projected', 'counted'])).toBe('projected');
    expect(weakestQuality(['counted', 'synthetic'])).toBe('synthetic');
    expect(weakestQuality(['synthetic', 'suppressed'])).toBe('suppressed');
    expect(weakestQuality([])).toBeNull();
  });
});
