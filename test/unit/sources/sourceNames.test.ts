/**
 * Source names as planners tell sources apart: a name is taken whatever its case and blanks, and a further
 * source of a file whose name is taken is proposed one dated by the file's Stichtag, numbered only when
 * that too is taken.
 */
import { describe, expect, it } from 'vitest';
import { distinctSourceName, sourceNamed, tableSourceName } from '../../../shared/sources/sourceNames';

describe('sourceNamed', () => {
  it('finds a source by its name as a planner reads it: case, surrounding and doubled blanks do not matter', () => {
    const sources = [{ id: 'kita', name: 'Kita-Platzstatistik Region Hannover' }];
    expect(sourceNamed(sources, ' kita-platzstatistik  region hannover ')?.id).toBe('kita');
    expect(sourceNamed(sources, 'Kita-Platzstatistik Region Hannover 2025')).toBeUndefined();
  });
});

describe('distinctSourceName', () => {
  it('keeps a free name, dates a taken one by the latest Stichtag, and numbers only when the dated one is taken too', () => {
    expect(distinctSourceName('kita.csv', ['melderegister'], '2024-12-31')).toBe('kita.csv');
    expect(distinctSourceName('kita.csv', ['KITA.csv'], '2024-12-31')).toBe('kita.csv (Stichtag 31.12.2024)');
    expect(distinctSourceName('kita.csv', ['kita.csv', 'kita.csv (Stichtag 31.12.2024)'], '2024-12-31')).toBe('kita.csv (Stichtag 31.12.2024) 2');
    // Without a Stichtag (not yet typed) there is nothing to date it by.
    expect(distinctSourceName('kita.csv', ['kita.csv'], null)).toBe('kita.csv 2');
  });
});

describe('tableSourceName', () => {
  it('names a statistics office table by its describing title and code, with the file it came from', () => {
    // The title lines of the Zensus 2022 export 1000A-0000 as analyseGrid reads them.
    expect(tableSourceName(['Tabelle: 1000A-0000', 'Personen: Bevölkerungszahl', 'Bevölkerung kompakt (Gebietsstand 15.05.2022)'], 'zensus.csv')).toBe(
      'Bevölkerung kompakt (Gebietsstand 15.05.2022), Tabelle 1000A-0000 (zensus.csv)',
    );
    expect(tableSourceName(['GENESIS-Tabelle: 12411-01-01-4', 'Bevölkerung nach Geschlecht -  Stichtag 31.12. -  regionale Tiefe: Gemeinden'], 'b.csv')).toBe(
      'Bevölkerung nach Geschlecht - Stichtag 31.12. - regionale Tiefe: Gemeinden, Tabelle 12411-01-01-4 (b.csv)',
    );
    expect(tableSourceName(['Tabelle: 1000A-0000'], 'z.csv')).toBe('Tabelle 1000A-0000 (z.csv)');
    expect(tableSourceName(['Kita-Bedarfsplanung 2024'], 'kita.csv')).toBe('Kita-Bedarfsplanung 2024 (kita.csv)');
    expect(tableSourceName([], 'kita.csv')).toBe('kita.csv');
  });
});
