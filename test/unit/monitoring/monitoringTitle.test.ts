import { describe, expect, it } from 'vitest';
import { monitoringDisplayName, monitoringTitle } from '../../../shared/monitoring/monitoringTexts';

describe('the monitoring title (map legend and figure)', () => {
  it('gives the default definition, or one without a name, the method name in the reader language; a planner name stays', () => {
    expect(monitoringTitle('Sozialmonitoring', 'de')).toBe('Sozialmonitoring: Status und Dynamik');
    expect(monitoringTitle('Sozialmonitoring', 'en')).toBe('Social monitoring: status and dynamics');
    expect(monitoringTitle('  ', 'en')).toBe('Social monitoring: status and dynamics');
    expect(monitoringTitle('Frühwarnung Garbsen', 'en')).toBe('Frühwarnung Garbsen: status and dynamics');
  });
});

describe('the monitoring name as the definition form shows it', () => {
  it('shows the default name in the reader language and a planner name, or an emptied field, as typed', () => {
    expect(monitoringDisplayName('Sozialmonitoring', 'en')).toBe('Social monitoring');
    expect(monitoringDisplayName('Sozialmonitoring', 'de')).toBe('Sozialmonitoring');
    expect(monitoringDisplayName('Frühwarnung Garbsen', 'en')).toBe('Frühwarnung Garbsen');
    // Emptying the field to type a new name must leave it empty, not refill it with the default.
    expect(monitoringDisplayName('', 'en')).toBe('');
  });
});
