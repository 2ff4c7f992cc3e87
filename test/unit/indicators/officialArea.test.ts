import { describe, expect, it } from 'vitest';
import { areaBasisNote, officialAreasAt } from '../../../shared/indicators/officialArea';
import type { Observation } from '../../../shared/model/project';

function area(areaKey: string, period: string, value: number | null, sourceId = 'bkg'): Observation {
  return { areaKey, variable: 'area_km2', dimensions: {}, period, value, sourceId, quality: 'counted' };
}

describe('officialAreasAt', () => {
  const observations = [
    area('A', '2016-12-31', 100.1),
    area('A', '2019-12-31', 100.2),
    area('A', '2023-12-31', 100.3),
    area('B', '2023-12-31', 50),
    area('C', '2019-12-31', null),
    area('D', '2019-12-31', 0),
    { ...area('E', '2019-12-31', 7), variable: 'population' },
  ];

  it('takes the figure of the same Stichtag, else the latest before, else the earliest after', () => {
    expect(officialAreasAt(observations, '2019-12-31', ['bkg']).get('A')).toEqual({ areaKm2: 100.2, sourceId: 'bkg', period: '2019-12-31' });
    expect(officialAreasAt(observations, '2021-12-31', ['bkg']).get('A')?.areaKm2).toBe(100.2);
    expect(officialAreasAt(observations, '2015-12-31', ['bkg']).get('A')?.areaKm2).toBe(100.1);
    expect(officialAreasAt(observations, '2015-12-31', ['bkg']).get('B')?.areaKm2).toBe(50);
    expect(officialAreasAt(observations, '2024-12-31', ['bkg']).get('A')?.areaKm2).toBe(100.3);
  });

  it('ignores missing and zero areas and other variables', () => {
    const found = officialAreasAt(observations, '2019-12-31', ['bkg']);
    expect([...found.keys()].sort()).toEqual(['A', 'B']);
  });

  it('draws from sources in their order: a further source only fills areas the first lacks, even with a nearer Stichtag', () => {
    // The boundary source dates its areas by retrieval (2025); GV-ISys 2019, added as a further source,
    // is nearer to a 2024 population but must not replace them: the wizard promised it fills gaps only.
    const both = [area('A', '2025-09-03', 632.4, 'boundaries'), area('A', '2019-12-31', 631.9, 'gvisys'), area('B', '2019-12-31', 40, 'gvisys')];
    const chosen = officialAreasAt(both, '2024-12-31', ['boundaries', 'gvisys']);
    expect(chosen.get('A')).toEqual({ areaKm2: 632.4, sourceId: 'boundaries', period: '2025-09-03' });
    expect(chosen.get('B')).toEqual({ areaKm2: 40, sourceId: 'gvisys', period: '2019-12-31' });
    // The other order, or a choice of GV-ISys alone, takes GV-ISys; a source not listed is never used.
    expect(officialAreasAt(both, '2024-12-31', ['gvisys', 'boundaries']).get('A')?.sourceId).toBe('gvisys');
    expect([...officialAreasAt(both, '2024-12-31', ['boundaries']).keys()]).toEqual(['A']);
  });
});

describe('areaBasisNote', () => {
  it('says where the km² of a density come from, in German and English, and nothing for other figures', () => {
    expect(areaBasisNote('geometry', 'de')).toBe('Fläche aus Geometrie berechnet');
    expect(areaBasisNote('official', 'de')).toBe('Fläche: amtliche Katasterfläche (KFL)');
    expect(areaBasisNote('mixed', 'en')).toContain('where available');
    expect(areaBasisNote(null, 'de')).toBeNull();
  });
});
