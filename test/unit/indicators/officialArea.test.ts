import { describe, expect, it } from 'vitest';
import { areaBasisNote, officialAreasAt } from '../../../shared/indicators/officialArea';
import type { Observation } from '../../../shared/model/project';

function area(areaKey: string, period: string, value: number | null, sourceId = 'bkg'): Observation {
  return { areaKey, variable: 'area_km2', dimensions: {}, period, value, sourceId, quality: 'counted' };
}

describe('officialAreasAt', () => {
  const observations = [
    area('A', '2016-12-31', 100.1, 'bkg-2016'),
    area('A', '2019-12-31', 100.2, 'bkg-2019'),
    area('A', '2023-12-31', 100.3, 'bkg-2023'),
    area('B', '2023-12-31', 50),
    area('C', '2019-12-31', null),
    area('D', '2019-12-31', 0),
    { ...area('E', '2019-12-31', 7), variable: 'population' },
  ];

  it('takes the figure of the same Stichtag, else the latest before, else the earliest after', () => {
    expect(officialAreasAt(observations, '2019-12-31').get('A')).toEqual({ areaKm2: 100.2, sourceId: 'bkg-2019', period: '2019-12-31' });
    expect(officialAreasAt(observations, '2021-12-31').get('A')?.areaKm2).toBe(100.2);
    expect(officialAreasAt(observations, '2015-12-31').get('A')?.areaKm2).toBe(100.1);
    expect(officialAreasAt(observations, '2015-12-31').get('B')?.areaKm2).toBe(50);
    expect(officialAreasAt(observations, '2024-12-31').get('A')?.areaKm2).toBe(100.3);
  });

  it('ignores missing and zero areas and other variables', () => {
    const found = officialAreasAt(observations, '2019-12-31');
    expect([...found.keys()].sort()).toEqual(['A', 'B']);
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
