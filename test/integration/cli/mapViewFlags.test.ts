// The flags `classify` and `export-map` share: one parser, so both commands accept the same spellings.
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../../electron/node/cli/command';
import { CliUsageError } from '../../../electron/node/cli/command';
import { classificationFlags, derivationFlags, isoPeriod, mapViewRequestFromFlags } from '../../../electron/node/cli/mapViewFlags';

function contextWith(values: CliContext['values']): CliContext {
  return {
    values,
    positionals: [],
    lang: 'de',
    json: false,
    debug: false,
    dataDir: '',
    output: { json: () => {}, text: () => {} } as unknown as CliContext['output'],
    environment: {},
  };
}

describe('map view flags', () => {
  it('reads German decimal breaks as manual classes', () => {
    expect(classificationFlags(contextWith({ breaks: '2,5;5;7,5' }), false)).toEqual({ method: 'manual', breaks: [2.5, 5, 7.5] });
  });

  it('leaves the classification to the caller when no flag is given, unless it is required', () => {
    expect(classificationFlags(contextWith({}), false)).toBeUndefined();
    expect(() => classificationFlags(contextWith({}), true)).toThrow(CliUsageError);
  });

  it('refuses combinations that would be silently ignored, naming the flag', () => {
    expect(() => classificationFlags(contextWith({ method: 'quantile', breaks: '1,2' }), false)).toThrow(/--breaks/);
    expect(() => classificationFlags(contextWith({ classes: '5' }), false)).toThrow(/--classes/);
    expect(() => classificationFlags(contextWith({ method: 'boxmap', classes: '5' }), false)).toThrow(/--classes/);
    expect(() => derivationFlags(contextWith({ 'compare-period': '31.12.2019' }))).toThrow(/--compare-period/);
    expect(() => derivationFlags(contextWith({ denominator: 'population', mode: 'index' }))).toThrow(/--denominator/);
  });

  it('reads --midpoint as a choice, 100 and 0 as their choices, any other number as a typed midpoint', () => {
    const midpointOf = (text: string) => mapViewRequestFromFlags(contextWith({ midpoint: text })).symbology;
    expect(midpointOf('median')).toEqual({ midpoint: 'median', midpointValue: null });
    expect(midpointOf('mean')).toEqual({ midpoint: 'mean', midpointValue: null });
    expect(midpointOf('100')).toEqual({ midpoint: 'hundred', midpointValue: null });
    expect(midpointOf('2,5')).toEqual({ midpoint: 'value', midpointValue: 2.5 });
    expect(() => midpointOf('middle')).toThrow(/median/);
  });

  it('turns German dates into ISO dates', () => {
    expect(isoPeriod('31.12.2019')).toBe('2019-12-31');
    expect(derivationFlags(contextWith({ mode: 'change', 'compare-period': '1.1.2020' }))).toEqual({ mode: 'change', comparePeriod: '2020-01-01' });
  });
});
