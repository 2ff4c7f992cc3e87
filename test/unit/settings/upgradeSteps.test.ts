/**
 * The registry's migration steps (shared/settings/projectSettings.ts): every setting is at version 1 today,
 * so no stored value of a real project goes through `upgrade` yet. This drives the mechanism with a setting
 * at version 3, as the next change of a setting's shape will need it.
 */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { decodeStoredValue, type SettingDefinition } from '../../../shared/settings/projectSettings';

// Version 1 stored a number of classes; version 2 an object { classes }; version 3 added `reversed`.
const definition: SettingDefinition = {
  schema: z.object({ classes: z.number().int(), reversed: z.boolean() }),
  defaultValue: { classes: 5, reversed: false },
  version: 3,
  fromText: Number,
  upgrade: {
    1: (value) => ({ classes: value }),
    2: (value) => ({ ...(value as object), reversed: false }),
  },
  description: { de: 'Beispiel', en: 'Example' },
  expected: { de: 'ein Beispiel', en: 'an example' },
};

describe('settings upgrade steps', () => {
  it('bring a value of any older version up step by step, untyped text (version 0) included', () => {
    expect(decodeStoredValue(definition, 'example', null, '4', 1)).toEqual({ ok: true, value: { classes: 4, reversed: false } });
    expect(decodeStoredValue(definition, 'example', null, '{"classes":6}', 2)).toEqual({ ok: true, value: { classes: 6, reversed: false } });
    expect(decodeStoredValue(definition, 'example', null, '7', 0)).toEqual({ ok: true, value: { classes: 7, reversed: false } });
    expect(decodeStoredValue(definition, 'example', null, '{"classes":3,"reversed":true}', 3)).toEqual({ ok: true, value: { classes: 3, reversed: true } });
  });

  it('leave a value unread, with the reason, when a step is missing, fails or the version is newer', () => {
    const { 2: _kept, ...withoutSecond } = definition.upgrade ?? {};
    expect(decodeStoredValue({ ...definition, upgrade: withoutSecond }, 'example', null, '4', 1)).toEqual({ ok: false, reason: 'no upgrade from version 2' });
    const failing = { ...definition, upgrade: { ...definition.upgrade, 1: () => { throw new Error('cannot read the old shape'); } } };
    expect(decodeStoredValue(failing, 'example', null, '4', 1)).toEqual({ ok: false, reason: 'cannot read the old shape' });
    expect(decodeStoredValue(definition, 'example', null, '{}', 4)).toMatchObject({ ok: false, reason: expect.stringContaining('newer') });
  });
});
