/**
 * The committed inputs of the spatial goldens are what the generating script writes today: the Region
 * Hannover case's values are the demo's refugees per 1 000 as the indicator service reads them. When the demo
 * changes (it gained the AsylbLG statistics and the bed count of the same persons as further sources), this
 * says so here instead of when someone next regenerates the references.
 */
import { describe, expect, it } from 'vitest';
import { demoRefugeeRates } from '../../golden/spatial/demoRates';
import { goldenInput } from './goldenFiles';

describe('spatial golden inputs', () => {
  it('region-hannover-21 holds the demo refugees per 1 000 of the chosen source (AZR), as export-inputs.ts writes them', () => {
    const committed = goldenInput('region-hannover-21');
    const fresh = demoRefugeeRates(committed.keys.map((key, index) => ({ key, name: committed.names[index]! })));
    expect(fresh.period).toBe('2024-12-31');
    expect(fresh.counts).toEqual(committed.counts);
    expect(fresh.populations).toEqual(committed.populations);
    expect(fresh.values).toEqual(committed.values);
  });
});
