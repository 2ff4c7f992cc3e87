// The Zeitreihen as CSV/XLSX: every value's source and kind stand in the table, per Stichtag.
import { describe, expect, it } from 'vitest';
import { perColumn, timeSeriesTable } from '../../../shared/movement/movementTables';
import type { AreaSeries, SeriesPoint, TimeSeriesData } from '../../../shared/movement/timeSeriesTypes';
import type { Source } from '../../../shared/model/project';

const periods = ['2023-12-31', '2024-12-31', '2025-12-31'];
type PointSpec = { value: number | null; sourceId?: string; quality?: SeriesPoint['quality']; projected?: boolean };
const point = (period: string, spec: PointSpec): SeriesPoint => ({
  period,
  value: spec.value,
  sourceId: spec.sourceId ?? 'azr',
  quality: spec.quality ?? 'counted',
  smallNumber: false,
  projected: spec.projected ?? false,
});
const area = (key: string, name: string, specs: PointSpec[]): AreaSeries => ({ key, name, values: specs.map((spec, index) => point(periods[index] as string, spec)) });
const source = (id: string, name: string): Source => ({ id, name, publisher: '', stichtag: null, definition: '', quality: 'counted', licence: '', licenceUrl: null, attribution: '', notes: '', synthetic: false });
const sources = [source('azr', 'Ausländerzentralregister (AZR)'), source('asylblg', 'Statistik der Asylbewerberleistungen'), source('scenario', 'Szenario Mittel')];

function seriesData(series: AreaSeries[]): TimeSeriesData {
  const region = periods.map((period) => point(period, { value: null }));
  return {
    indicator: { id: 'refugees', name: { de: 'Schutzsuchende', en: 'Persons seeking protection' }, unit: { de: 'Personen', en: 'persons' }, decimals: 0, count: true },
    layer: 'gemeinden',
    layerTitle: { de: 'Gemeinden', en: 'Municipalities' },
    periods,
    series,
    region,
    reference: { label: { de: 'Durchschnitt je Gebiet', en: 'Mean per area' }, values: region },
    smallNumberThreshold: 3,
    projection: null,
  };
}

describe('the time-series table names the source and kind of every value', () => {
  const data = seriesData([
    area('03241001', 'Hannover', [{ value: 9000 }, { value: 9100 }, { value: 9300, sourceId: 'scenario', quality: 'projected', projected: true }]),
    area('03241002', 'Barsinghausen', [{ value: 310 }, { value: 320, sourceId: 'asylblg', quality: 'estimated' }, { value: 330, sourceId: 'scenario', quality: 'projected', projected: true }]),
    area('03241003', 'Burgdorf', [{ value: 280 }, { value: 290 }, { value: null, sourceId: 'scenario' }]),
  ]);

  it('one source per Stichtag is named once; a mixed Stichtag says which areas took which', () => {
    const table = timeSeriesTable(data, sources, 3, '2026-12-07', 'de');
    const sourceRow = table.rows.find((row) => row[1] === 'Quelle der Werte');
    const kindRow = table.rows.find((row) => row[1] === 'Art der Werte');
    // Few areas: every group is named ("übrige Gebiete" is for a majority too large to list).
    expect(sourceRow).toEqual(['', 'Quelle der Werte', 'Ausländerzentralregister (AZR)', 'Ausländerzentralregister (AZR): Hannover, Burgdorf; Statistik der Asylbewerberleistungen: Barsinghausen', 'Szenario Mittel']);
    // An area without a value (Burgdorf 2025) says nothing about a source.
    expect(kindRow).toEqual(['', 'Art der Werte', 'gezählt', 'gezählt: Hannover, Burgdorf; geschätzt: Barsinghausen', 'projiziert']);
    // The notes say the change of source as a table can: no line to point at.
    expect(table.notes.some((note) => note.startsWith('Quellenwechsel:'))).toBe(true);
    expect(table.notes.filter((note) => /Linie/.test(note))).toEqual([]);
  });

  it('in English, with the same rows', () => {
    const table = timeSeriesTable(data, sources, 3, '2026-12-07', 'en');
    expect(table.rows.find((row) => row[1] === 'Source of the values')?.[3]).toBe('Ausländerzentralregister (AZR): Hannover, Burgdorf; Statistik der Asylbewerberleistungen: Barsinghausen');
    expect(table.rows.find((row) => row[1] === 'Kind of values')?.[4]).toBe('projected');
  });

  it('a long list of areas is cut after five names and counted', () => {
    const many = seriesData(
      Array.from({ length: 9 }, (_, index) => area(`0324100${index}`, `Gemeinde ${index + 1}`, [{ value: 10, sourceId: index < 7 ? 'asylblg' : 'azr' }, { value: 10 }, { value: 10 }])),
    );
    expect(perColumn(many, 0, (entry) => entry.sourceId, 'de')).toBe('azr: Gemeinde 8, Gemeinde 9; asylblg: übrige Gebiete');
    expect(perColumn(many, 0, (entry) => entry.sourceId, 'en')).toBe('azr: Gemeinde 8, Gemeinde 9; asylblg: other areas');
    const mostlyAzr = seriesData(
      Array.from({ length: 9 }, (_, index) => area(`0324100${index}`, `Gemeinde ${index + 1}`, [{ value: 10, sourceId: index < 2 ? 'azr' : 'asylblg' }, { value: 10 }, { value: 10 }])),
    );
    mostlyAzr.series.push(area('03241010', 'Gemeinde 10', [{ value: 1, sourceId: 'melde' }, { value: 1 }, { value: 1 }]));
    expect(perColumn(mostlyAzr, 0, (entry) => entry.sourceId, 'de')).toBe('azr: Gemeinde 1, Gemeinde 2; melde: Gemeinde 10; asylblg: übrige Gebiete');
    const sixOthers = seriesData(Array.from({ length: 13 }, (_, index) => area(`k${index}`, `G${index + 1}`, [{ value: 1, sourceId: index < 6 ? 'a' : 'b' }, { value: 1 }, { value: 1 }])));
    expect(perColumn(sixOthers, 0, (entry) => entry.sourceId, 'de')).toBe('a: G1, G2, G3, G4, G5 und 1 weiteres; b: übrige Gebiete');
    const sevenOthers = seriesData(Array.from({ length: 15 }, (_, index) => area(`k${index}`, `G${index + 1}`, [{ value: 1, sourceId: index < 7 ? 'a' : 'b' }, { value: 1 }, { value: 1 }])));
    expect(perColumn(sevenOthers, 0, (entry) => entry.sourceId, 'de')).toBe('a: G1, G2, G3, G4, G5 und 2 weitere; b: übrige Gebiete');
    // A tie has no majority: both are named.
    const tie = seriesData(Array.from({ length: 12 }, (_, index) => area(`t${index}`, `T${index + 1}`, [{ value: 1, sourceId: index < 6 ? 'a' : 'b' }, { value: 1 }, { value: 1 }])));
    expect(perColumn(tie, 0, (entry) => entry.sourceId, 'de')).toBe('a: T1, T2, T3, T4, T5 und 1 weiteres; b: T7, T8, T9, T10, T11 und 1 weiteres');
  });

  it('a Stichtag without any value names nothing', () => {
    const empty = seriesData([area('1', 'A', [{ value: null }, { value: 1 }, { value: 1 }])]);
    expect(perColumn(empty, 0, (entry) => entry.sourceId, 'de')).toBeNull();
  });
});

describe('a withheld region total in the time-series table', () => {
  it('prints "." for the Region where it would give a small count back, and says why', () => {
    const data = seriesData([area('03241001', 'Hannover', [{ value: 9000 }, { value: 9100 }, { value: 9300 }]), area('03241002', 'Barsinghausen', [{ value: 310 }, { value: 2 }, { value: 330 }])]);
    data.series[1]!.values[1] = { ...data.series[1]!.values[1]!, smallNumber: true };
    data.region = [point(periods[0]!, { value: 9310 }), { ...point(periods[1]!, { value: null }), withheld: true }, point(periods[2]!, { value: 9630 })];
    const table = timeSeriesTable(data, sources, 3, '2026-12-07', 'de');
    expect(table.rows.find((row) => row[1] === 'Region')).toEqual(['', 'Region', 9310, '.', 9630]);
    const notes = table.notes.join('\n');
    expect(notes).toContain('Region zum 31.12.2024 nicht ausgewiesen: Mit den gezeigten Gebieten ergäbe sie eine geschützte Fallzahl unter 3.');
    // Not "not every area has a value": every area has one.
    expect(notes).not.toContain('nicht berechnet');
  });
});
