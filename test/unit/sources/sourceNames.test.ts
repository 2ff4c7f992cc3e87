/**
 * Source names as planners tell sources apart: a name is taken whatever its case and blanks, and a further
 * source of a file whose name is taken is proposed one dated by the file's Stichtag, numbered only when
 * that too is taken.
 */
import { describe, expect, it } from 'vitest';
import { distinctSourceName, sourceNamed } from '../../../shared/sources/sourceNames';

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
