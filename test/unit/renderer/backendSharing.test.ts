/**
 * The session reads through the answer cache with fetchBackend. An answer fetched again after a project
 * change that has not changed must arrive as the object already shown: the store keeps it, and the map does
 * not draw every area again (issue 16: 11 000 for Germany on every edit).
 */
import { describe, expect, it } from 'vitest';
import { createBackendQueryClient, fetchBackend, invalidateBackendAnswers } from '../../../renderer/api/backend';
import type { KleinraumClient } from '../../../renderer/api/client';
import { createIndicatorValues, createValue } from './fixtures';

describe('fetchBackend', () => {
  it('answers an unchanged refetch with the same object and a changed one with a new object', async () => {
    let value = 30;
    let calls = 0;
    const api = {
      'indicator.values': async () => {
        calls += 1;
        return createIndicatorValues([createValue('03241001', 'Hannover', value)]);
      },
    } as unknown as KleinraumClient;
    const queryClient = createBackendQueryClient();
    const input = { indicatorId: 'foreign_share', layer: 'gemeinden' };
    const first = await fetchBackend(queryClient, api, 'indicator.values', input);
    await invalidateBackendAnswers(queryClient);
    const again = await fetchBackend(queryClient, api, 'indicator.values', input);
    expect(calls).toBe(2);
    expect(again).toBe(first);
    value = 31;
    await invalidateBackendAnswers(queryClient);
    const changed = await fetchBackend(queryClient, api, 'indicator.values', input);
    expect(changed).not.toBe(first);
    expect(changed.values[0]?.value).toBe(31);
  });
});
