/**
 * The contract's index (METHOD_AREAS) says which area module defines each method, so a call builds only
 * that area's schemas. TypeScript keeps the index complete; this test keeps it true: every method an area
 * module defines is listed under that area, and nothing else is.
 */
import { describe, expect, it } from 'vitest';
import { isMethodName, loadContractArea, METHOD_AREAS, methodSchemas, methodsOfArea, type ContractArea } from '../../../shared/contract/api';
import { dispatch } from '../../../shared/contract/dispatch';
import type { KleinraumApi } from '../../../shared/contract/api';

const AREAS = [...new Set(Object.values(METHOD_AREAS))] as ContractArea[];

describe('the contract index', () => {
  it('has eleven areas', () => {
    expect(AREAS).toHaveLength(11);
  });

  it.each(AREAS)('lists exactly the methods the %s module defines', async (area) => {
    const defined = Object.keys(await loadContractArea(area)).sort();
    expect([...methodsOfArea(area)].sort()).toEqual(defined);
  });

  it('gives each method the schemas of its own module', async () => {
    const open = await methodSchemas('project.open');
    expect(open.input.safeParse({ path: 'a.gpkg' }).success).toBe(true);
    expect(open.input.safeParse({}).success).toBe(false);
    const classify = await methodSchemas('map.classify');
    expect(classify).toBe((await loadContractArea('map'))['map.classify']);
  });

  it('knows method names without loading any area', () => {
    expect(isMethodName('planning.run')).toBe(true);
    expect(isMethodName('planning.unknown')).toBe(false);
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName(42)).toBe(false);
  });

  it('lets dispatch refuse an unknown method and check an input against the loaded schema', async () => {
    const api = { 'project.open': async () => ({}) } as unknown as KleinraumApi;
    const unknown = await dispatch(api, 'project.nonsense', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    const badInput = await dispatch(api, 'project.open', { path: '' });
    expect(badInput).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });
});
