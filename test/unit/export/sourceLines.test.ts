import { describe, expect, it } from 'vitest';
import { sourceLabel, sourceLines } from '../../../shared/export/sourceLines';
describe('sourceLabel', () => {
  it('names the source and adds its attribution only where neither says the other', () => {
    expect(sourceLabel({ name: 'Einwohnermelderegister – Beispieldaten, synthetisch', attribution: 'Beispieldaten, synthetisch' })).toBe('Einwohnermelderegister – Beispieldaten, synthetisch');
    expect(sourceLabel({ name: 'Zensus 2022', attribution: '© Statistische Ämter des Bundes und der Länder, 2024' })).toBe('Zensus 2022 – © Statistische Ämter des Bundes und der Länder, 2024');
    expect(sourceLabel({ name: 'Testdaten', attribution: 'Testdaten, synthetisch' })).toBe('Testdaten, synthetisch');
    expect(sourceLabel({ name: '', attribution: 'Landesamt' })).toBe('Landesamt');
  });
});

describe('sourceLines', () => {
  const imported = {
    id: 'gv_isys',
    name: 'GV-ISys 31.12.2019',
    publisher: '',
    stichtag: '2019-12-31',
    licence: '',
    licenceUrl: null,
    attribution: '',
    notes: 'Import',
    synthetic: false,
    definition: '',
    quality: 'counted' as const,
  };
  it('names an imported table without attribution or publisher by its name alone, not "Daten: – name"', () => {
    expect(sourceLines({ dataSources: [imported], boundarySource: null, schematicBoundaries: false, currentYear: 2026, locale: 'de' })).toEqual(['Daten: GV-ISys 31.12.2019, Stichtag 31.12.2019']);
    expect(sourceLines({ dataSources: [{ ...imported, publisher: 'Destatis' }], boundarySource: null, schematicBoundaries: false, currentYear: 2026, locale: 'en' })).toEqual(['Data: Destatis – GV-ISys 31.12.2019, reference date 31/12/2019']);
  });
  it('says what an estimate is, so a figure never passes it off as counted; a projection\'s line says it already', () => {
    const estimate = { ...imported, id: 'kita', name: 'Kita-Schätzung Jugendamt 2025', stichtag: '2025-03-01', quality: 'estimated' as const };
    expect(sourceLines({ dataSources: [estimate], boundarySource: null, schematicBoundaries: false, currentYear: 2026, locale: 'de' })).toEqual(['Daten: Kita-Schätzung Jugendamt 2025 (geschätzt), Stichtag 01.03.2025']);
    expect(sourceLines({ dataSources: [estimate], boundarySource: null, schematicBoundaries: false, currentYear: 2026, locale: 'en' })).toEqual(['Data: Kita-Schätzung Jugendamt 2025 (estimated), reference date 01/03/2025']);
    const update = { ...imported, id: 'fortschreibung', name: 'Fortschreibung Sozialamt', quality: 'projected' as const };
    expect(sourceLines({ dataSources: [update], boundarySource: null, schematicBoundaries: false, currentYear: 2026, locale: 'de' })).toEqual(['Daten: Fortschreibung Sozialamt (fortgeschrieben/prognostiziert), Stichtag 31.12.2019']);
    const projection = { ...update, name: 'Projektion – Szenario mittel', stichtag: null };
    expect(sourceLines({ dataSources: [projection], boundarySource: null, schematicBoundaries: false, currentYear: 2026, locale: 'de' })).toEqual(['Daten: Projektion – Szenario mittel']);
  });
  it('says the words Kleinraum stores for a scenario\'s results in the reader\'s language', () => {
    const projection = { ...imported, id: 'projection-mittel', name: 'Projektion – Szenario mittel', publisher: 'Kleinraum (Szenariorechnung)', attribution: 'Kleinraum (Szenariorechnung), Projektion – Szenario mittel', stichtag: null };
    expect(sourceLines({ dataSources: [projection], boundarySource: null, schematicBoundaries: false, currentYear: 2026, locale: 'en' })).toEqual(['Data: Kleinraum (scenario calculation), projection – scenario mittel']);
    expect(sourceLines({ dataSources: [projection], boundarySource: null, schematicBoundaries: false, currentYear: 2026, locale: 'de' })).toEqual(['Daten: Kleinraum (Szenariorechnung), Projektion – Szenario mittel']);
  });
  it('names every synthetic source too, so a demo figure says which of its sources it shows, and labels them once', () => {
    const azr = { ...imported, id: 'azr', name: 'Ausländerzentralregister (AZR), Schutzsuchende – Beispieldaten, synthetisch', attribution: 'Beispieldaten, synthetisch', stichtag: null, synthetic: true };
    const register = { ...azr, id: 'ewr', name: 'Einwohnermelderegister – Beispieldaten, synthetisch' };
    const generic = { ...azr, id: 'demo', name: 'Beispieldaten, synthetisch' };
    expect(sourceLines({ dataSources: [generic, azr, register, azr], boundarySource: null, schematicBoundaries: false, currentYear: 2026, locale: 'de' })).toEqual([
      'Daten: Ausländerzentralregister (AZR), Schutzsuchende – Beispieldaten, synthetisch',
      'Daten: Einwohnermelderegister – Beispieldaten, synthetisch',
      'Beispieldaten, synthetisch – keine amtlichen Werte',
    ]);
  });
  it('leaves a name out only where the attribution holds it as a whole part, never inside a word', () => {
    const residents = { ...imported, name: 'Einwohner', attribution: '© Einwohnermeldeamt Hannover', stichtag: null };
    expect(sourceLines({ dataSources: [residents], boundarySource: null, schematicBoundaries: false, currentYear: 2026, locale: 'de' })).toEqual(['Daten: © Einwohnermeldeamt Hannover – Einwohner']);
    const held = { ...residents, name: 'Projektion – Szenario Hoch', attribution: 'Kleinraum (Szenariorechnung), Projektion – Szenario Hoch' };
    expect(sourceLines({ dataSources: [held], boundarySource: null, schematicBoundaries: false, currentYear: 2026, locale: 'de' })).toEqual(['Daten: Kleinraum (Szenariorechnung), Projektion – Szenario Hoch']);
  });
});
