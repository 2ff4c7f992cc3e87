/** The project the crash test saves: the small fixture plus 20 000 observations, so a save takes a while. */
import type { ProjectContent } from '../../../shared/model/project';
import { createSmallProjectContent } from '../storage/smallProjectFixture';

export const CRASH_TEST_EXTRA_OBSERVATIONS = 20_000;

export function createCrashTestContent(): ProjectContent {
  const content = createSmallProjectContent();
  for (let index = 0; index < CRASH_TEST_EXTRA_OBSERVATIONS; index += 1) {
    content.observations.push({
      areaKey: `0324${String(index % 1000).padStart(4, '0')}`,
      variable: 'refugees',
      dimensions: { group: `g${Math.floor(index / 1000)}` },
      period: '2020-12-31',
      value: index,
      sourceId: 'test-source',
      quality: 'counted',
    });
  }
  return content;
}
