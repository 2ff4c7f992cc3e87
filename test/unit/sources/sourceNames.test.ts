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
    // GENESIS exports of the Regionalstatistik as they are delivered: the title wrapped over two lines.
    const genesis = ['GENESIS-Tabelle: 12411-01-01-4', 'Bevölkerung nach Geschlecht - Stichtag 31.12. - regionale', 'Tiefe: Kreise und krfr. Städte', 'Fortschreibung des Bevölkerungsstandes', 'Bevölkerungsstand (Anzahl)'];
    expect(tableSourceName(genesis, 'b.csv')).toBe('Bevölkerung nach Geschlecht, Tabelle 12411-01-01-4 (b.csv)');
    const ageGroups = ['GENESIS-Tabelle: 12411-02-03-5-B', 'Bevölkerung nach Geschlecht und Altersgruppen (17) -', 'Stichtag 31.12. - regionale Ebenen', 'Fortschreibung des Bevölkerungsstandes', 'Bevölkerungsstand (Anzahl)', 'Stichtag: 31.12.2018'];
    expect(tableSourceName(ageGroups, 'a.csv')).toBe('Bevölkerung nach Geschlecht und Altersgruppen (17), Tabelle 12411-02-03-5-B (a.csv)');
    const quotients = ['GENESIS-Tabelle: 12411-08-01-4-B', 'Jugendquotient, Altenquotient - Stichtag 31.12. - regionale', 'Ebenen', 'Fortschreibung des Bevölkerungsstandes'];
    expect(tableSourceName(quotients, 'q.csv')).toBe('Jugendquotient, Altenquotient, Tabelle 12411-08-01-4-B (q.csv)');
    expect(tableSourceName(['Tabelle: 1000A-0000'], 'z.csv')).toBe('Tabelle 1000A-0000 (z.csv)');
    // A title that only starts with the word is a title, not a code.
    expect(tableSourceName(['Tabelle 3: Kinder in Tageseinrichtungen nach Alter'], 'kita.csv')).toBe('Tabelle 3: Kinder in Tageseinrichtungen nach Alter (kita.csv)');
    expect(tableSourceName(['Tabellenanhang Sozialbericht 2024'], 'anhang.csv')).toBe('Tabellenanhang Sozialbericht 2024 (anhang.csv)');
    expect(tableSourceName(['Kita-Bedarfsplanung 2024'], 'kita.csv')).toBe('Kita-Bedarfsplanung 2024 (kita.csv)');
    expect(tableSourceName([], 'kita.csv')).toBe('kita.csv');
  });
});
