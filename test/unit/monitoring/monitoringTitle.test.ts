import { describe, expect, it } from 'vitest';
import { monitoringTitle } from '../../../shared/monitoring/monitoringTexts';

describe('the monitoring title (map legend and figure)', () => {
  it('gives the default definition, or one without a name, the method name in the reader language; a planner name stays', () => {
    expect(monitoringTitle('Sozialmonitoring', 'de')).toBe('Sozialmonitoring: Status und Dynamik');
    expect(monitoringTitle('Sozialmonitoring', 'en')).toBe('Social monitoring: status and dynamics');
    expect(monitoringTitle('  ', 'en')).toBe('Social monitoring: status and dynamics');
    expect(monitoringTitle('Frühwarnung Garbsen', 'en')).toBe('Frühwarnung Garbsen: status and dynamics');
  });
});
