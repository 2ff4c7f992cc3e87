// "Karte mit Quelle A zeigen" in the Quellenvergleich puts the variable's own count on the map: for
// population an imported source without ages showed "Anteil unter 18 Jahren" with "keine Daten" everywhere.
import { describe, expect, it } from 'vitest';
import { indicatorShowing } from '../../../renderer/sources/indicatorShowing';
import { createIndicator, createProject } from './fixtures';

describe('the indicator the Quellenvergleich shows on the map', () => {
  const indicators = [
    createIndicator({ id: 'under18_share', scale: 'percent', variables: ['population'] }),
    createIndicator({ id: 'children_kita_age', scale: 'absolute', variables: ['population'] }),
    createIndicator({ id: 'refugees_per_1000', variables: ['refugees', 'population'] }),
    createIndicator({ id: 'population_total', scale: 'absolute', variables: ['population'] }),
  ];
  it('is the variable’s own count (<variable>_total), not the first indicator drawing from it', () => {
    expect(indicatorShowing(createProject({ indicators }), 'population')).toBe('population_total');
  });
  it('else the first with the variable as numerator, else any that draws from it, else none', () => {
    expect(indicatorShowing(createProject({ indicators: indicators.slice(0, 3) }), 'refugees')).toBe('refugees_per_1000');
    expect(indicatorShowing(createProject({ indicators: indicators.slice(0, 3) }), 'population')).toBe('under18_share');
    expect(indicatorShowing(createProject({ indicators: [indicators[2]!] }), 'population')).toBe('refugees_per_1000');
    expect(indicatorShowing(createProject({ indicators }), 'flows')).toBeNull();
  });
});
