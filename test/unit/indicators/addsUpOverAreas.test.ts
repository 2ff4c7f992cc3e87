// Which figures a region total may sum: the rule the legend's "Gesamt", the index, the Zeitreihen
// reference and the import wizard's "Regionswert" column all follow (shared/model/project.ts).
import { describe, expect, it } from 'vitest';
import { addsUpOverAreas, showsAbsoluteCount } from '../../../shared/model/project';

const absolute = (unit: string) => ({ scale: 'absolute', unit: { de: unit } });

describe('addsUpOverAreas', () => {
  it('counts and areas add up', () => {
    for (const unit of ['Personen', 'Einwohner', 'Plätze', 'Haushalte', 'Euro', 'km²', 'Fälle']) expect(addsUpOverAreas(absolute(unit)), unit).toBe(true);
  });

  it('shares, rates, quotients and means do not, however the unit words them', () => {
    for (const unit of ['', '%', '‰', 'Prozent', 'in Prozent', 'Promille', 'percent', 'Anteil', 'Anteil in %', 'je 1.000 Einw.', 'pro Kopf', 'per 1,000 inh.', 'Quote', 'Jugendquotient', 'Geburtenrate', 'rate', 'Index', 'Sozialindex', 'Indexpunkte', 'Durchschnitt', 'Mittelwert', 'Median', 'Medianeinkommen', 'mean', 'average', 'Euro je Einwohner']) {
      expect(addsUpOverAreas(absolute(unit)), unit).toBe(false);
    }
  });

  it('a figure computed from a numerator and a denominator never sums its values', () => {
    expect(addsUpOverAreas({ scale: 'per1000', unit: { de: 'je 1.000 Einw.' } })).toBe(false);
    expect(addsUpOverAreas({ scale: 'percent', unit: { de: 'Personen' } })).toBe(false);
  });

  it('an area adds up but is no count that grows with the area', () => {
    expect(showsAbsoluteCount(absolute('km²'))).toBe(false);
    expect(showsAbsoluteCount(absolute('Personen'))).toBe(true);
  });
});
