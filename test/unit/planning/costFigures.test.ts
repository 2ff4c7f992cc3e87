import { describe, expect, it } from 'vitest';
import { roundSignificant, roundedEuros } from '../../../shared/planning/costFigures';

describe('roundedEuros: cost figures to what round rates times projected places support', () => {
  it('keeps two significant digits, in millions from one million on', () => {
    expect(roundSignificant(1_234_567, 2)).toBe(1_200_000);
    expect(roundedEuros(141_963_403, 'de')).toBe('rund 140 Mio. €');
    expect(roundedEuros(1_234_567, 'de')).toBe('rund 1,2 Mio. €');
    expect(roundedEuros(48_210, 'en')).toBe('about €48,000');
    expect(roundedEuros(0, 'de')).toBe('0 €');
  });
});
