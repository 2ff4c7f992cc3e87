import { describe, expect, it } from 'vitest';
import { comparisonSummary } from '../../../shared/sources/comparisonTable';

const area = (key: string, gap: number | null, flagged = false) => ({ key, name: key, values: {}, gap, gapPercent: gap, flagged });
const sources = [
  { id: 'a', name: 'Melderegister', stichtag: '2025-09-03', definition: '', quality: 'counted', synthetic: false },
  { id: 'b', name: 'GV-ISys', stichtag: '2019-12-31', definition: '', quality: 'counted', synthetic: false },
];

describe('comparisonSummary', () => {
  it('counts flagged areas among the compared ones and names the areas without a comparison', () => {
    const comparison = { sources, areas: [area('1', 12, true), area('2', 3), area('3', null)], flaggedCount: 1, comparedCount: 2, thresholdPercent: 10 };
    expect(comparisonSummary(comparison, 'de')).toEqual(['1 von 2 verglichenen Gebieten weichen um mehr als 10 % ab.', '1 Gebiete ohne Vergleich: Dort fehlt ein Wert einer der beiden Quellen.']);
    expect(comparisonSummary(comparison, 'en')[0]).toBe('1 of 2 compared areas differ by more than 10 %.');
  });

  it('says that nothing was compared instead of "0 of 21 differ" when the sources share no Stichtag', () => {
    const comparison = { sources, areas: [area('1', null), area('2', null)], flaggedCount: 0, comparedCount: 0, thresholdPercent: 10 };
    const [line] = comparisonSummary(comparison, 'de');
    expect(line).toContain('Kein Gebiet verglichen');
    expect(line).toContain('Melderegister: 03.09.2025; GV-ISys: 31.12.2019');
    expect(line).not.toContain('0 von');
  });
});
