import { describe, expect, it } from 'vitest';
import { namedList, observationAreaName } from '../../../shared/sources/observationAreaName';

describe('naming the areas a message lists', () => {
  const names = new Map([['03241013', 'Ronnenberg']]);

  it('an area of the layer by its name, a parent key as its reported total, an unassignable key as such', () => {
    expect(observationAreaName('03241013', names)).toEqual({ de: 'Ronnenberg', en: 'Ronnenberg' });
    expect(observationAreaName('03241', names)).toEqual({ de: 'gemeldete Gesamtzahl des übergeordneten Gebiets 03241', en: 'reported total of the parent area 03241' });
    expect(observationAreaName('03241#nicht-zuordenbar', names)).toEqual({ de: 'nicht zuordenbar (03241)', en: 'not assignable (03241)' });
    // Another layer of the project (Kreise) names the parent.
    const kreise = new Map([['03241', 'Region Hannover']]);
    expect(observationAreaName('03241', names, kreise).de).toBe('gemeldete Gesamtzahl Region Hannover (03241)');
    expect(observationAreaName('03241#nicht-zuordenbar', names, kreise).en).toBe('not assignable in Region Hannover (03241)');
  });

  it('lists five names, then says how many more', () => {
    const many = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((name) => ({ de: name, en: name }));
    expect(namedList(many, 'de')).toBe('A, B, C, D, E und 2 weitere');
    expect(namedList(many.slice(0, 6), 'de')).toBe('A, B, C, D, E und 1 weiteres');
    expect(namedList(many, 'en')).toBe('A, B, C, D, E and 2 more');
    expect(namedList(many.slice(0, 2), 'en')).toBe('A, B');
  });
});
