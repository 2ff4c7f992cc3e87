import { describe, expect, it } from 'vitest';
import { nameWithUnit } from '../../../shared/indicators/nameWithUnit';

describe('an indicator name with its unit', () => {
  it('adds the unit in brackets, but not a rate the name already says', () => {
    expect(nameWithUnit('Ausländeranteil', '%')).toBe('Ausländeranteil (%)');
    expect(nameWithUnit('Bevölkerung', 'Personen')).toBe('Bevölkerung (Personen)');
    expect(nameWithUnit('Einwohner je km²', 'Einw. je km²')).toBe('Einwohner je km²');
    expect(nameWithUnit('Schutzsuchende je 1.000 Einwohner', 'je 1.000 Einw.')).toBe('Schutzsuchende je 1.000 Einwohner');
    expect(nameWithUnit('Inhabitants per km²', 'inhabitants per km²')).toBe('Inhabitants per km²');
    // A name without a rate keeps a rate unit: it says what the number means.
    expect(nameWithUnit('Schutzsuchende', 'je 1.000 Einw.')).toBe('Schutzsuchende (je 1.000 Einw.)');
    expect(nameWithUnit('Fläche', '')).toBe('Fläche');
  });
});
