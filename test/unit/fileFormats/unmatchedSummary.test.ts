/**
 * The unmatched rows of a join summarised by reason: counts add up, the region is a whole Kreis, the other
 * Kreise are counted, and German numbers are grouped.
 */
import { describe, expect, it } from 'vitest';
import { buildJoinReport, summariseUnmatchedRows, type JoinRow } from '../../../shared/fileFormats/join/joinReport';

const areas = [
  { key: '03241001', name: 'Hannover' },
  { key: '03241002', name: 'Barsinghausen' },
];

function row(rowIndex: number, keyText: string, name = ''): JoinRow {
  return { rowIndex, lineNumber: rowIndex + 2, keyText, name, value: 1 };
}

describe('unmatched summary', () => {
  it('groups rows of other Kreise under the layer region 03241 and counts those Kreise', () => {
    const rows = [row(0, '03241001'), row(1, '03241002'), row(2, '03251001', 'Bassum'), row(3, '03251002'), row(4, '09162000', 'München'), row(5, 'xyz', 'Unbekannt'), row(6, '', 'ohne')];
    const report = buildJoinReport(areas, rows);
    expect(report.unmatchedSummary.map((group) => [group.reason, group.count])).toEqual([
      ['other-region', 3],
      ['unknown-key', 1],
      ['no-key', 1],
    ]);
    const outside = report.unmatchedSummary[0]!;
    expect(outside).toMatchObject({ region: '03241', otherKreise: 2, examples: ['03251001 Bassum', '03251002', '09162000 München'] });
    expect(outside.text).toEqual({ de: '3 Zeilen außerhalb des Gebiets 03241 (2 andere Kreise)', en: '3 rows outside the area 03241 (2 other Kreise)' });
    // One other Kreis in the singular (a Diepholz list against Region Hannover).
    const diepholz = buildJoinReport(areas, [row(0, '03241001'), row(1, '03251001', 'Bassum'), row(2, '03251002', 'Bruchhausen-Vilsen')]).unmatchedSummary[0]!;
    expect(diepholz.text).toEqual({ de: '2 Zeilen außerhalb des Gebiets 03241 (1 anderer Kreis)', en: '2 rows outside the area 03241 (1 other Kreis)' });
    expect(report.unmatchedSummary[1]!.text.de).toBe('1 Zeile mit einem Schlüssel, den die Ebene nicht kennt');
  });

  it('names the region as the table does, where it has a row for it (its Kreis row is a sum row)', () => {
    const rows = [row(0, '03241', 'Region Hannover'), row(1, '03241001'), row(2, '03241002'), row(3, '03251001', 'Bassum'), row(4, '09162000', 'München')];
    const outside = buildJoinReport(areas, rows).unmatchedSummary.find((group) => group.reason === 'other-region')!;
    expect(outside.region).toBe('03241');
    expect(outside.text).toEqual({ de: '2 Zeilen außerhalb des Gebiets Region Hannover (03241, 2 andere Kreise)', en: '2 rows outside the area Region Hannover (03241, 2 other Kreise)' });
  });

  it('groups thousands the German way and sorts the largest group first', () => {
    const many = Array.from({ length: 10_765 }, (_, index) => ({ rowIndex: index, lineNumber: index + 5, keyText: `0325${String(index).padStart(4, '0')}`, name: '', reason: 'other-region' as const }));
    const few = [{ rowIndex: 99_999, lineNumber: 1, keyText: '', name: 'Fußnote', reason: 'no-key' as const }];
    const groups = summariseUnmatchedRows([...few, ...many], '03241');
    expect(groups.map((group) => group.reason)).toEqual(['other-region', 'no-key']);
    expect(groups[0]!.text.de).toMatch(/^10\.765 Zeilen außerhalb des Gebiets 03241/);
    expect(groups[0]!.text.en).toMatch(/^10,765 rows outside the area 03241/);
  });

  it('no region sentence for layers without official keys (Stadtteile 01–53)', () => {
    const report = buildJoinReport([{ key: '01', name: 'Mitte' }], [row(0, '01'), row(1, '77', 'Anderswo')]);
    expect(report.unmatchedSummary).toHaveLength(1);
    expect(report.unmatchedSummary[0]!.region).toBeNull();
  });
});
