import { describe, expect, it } from 'vitest';
import { DEMO_DIMENSIONS } from '../../../shared/demo/dataDictionary';
import { ageRangeOf, proposeValueMap, TOTAL_VALUE } from '../../../shared/fileFormats/table/dimensionValues';
import { buildTableObservations, proposeBreakdownColumns, type TableMapping } from '../../../shared/fileFormats/table/tableMapping';
import { parseDelimitedTable } from '../../../shared/fileFormats/table/parseDelimited';

const dimension = (id: string) => DEMO_DIMENSIONS.find((candidate) => candidate.id === id);

describe('breakdown values of long tables', () => {
  it('reads the age labels of German statistics as ranges of years', () => {
    expect(ageRangeOf('unter 3 Jahre')).toEqual([0, 2]);
    expect(ageRangeOf('3 bis unter 6 Jahre')).toEqual([3, 5]);
    expect(ageRangeOf('75 Jahre und mehr')).toEqual([75, null]);
    expect(ageRangeOf('65+')).toEqual([65, null]);
    expect(ageRangeOf('Insgesamt')).toBeNull();
  });

  it('proposes the project’s values for sex, age and status, and marks totals', () => {
    expect(proposeValueMap(['männlich', 'weiblich', 'Insgesamt'], dimension('sex'), 'sex')).toEqual({ männlich: 'm', weiblich: 'f', Insgesamt: TOTAL_VALUE });
    expect(proposeValueMap(['unter 3 Jahre', '3 bis unter 6 Jahre', '65 Jahre und mehr', '10 bis unter 14 Jahre'], dimension('age'), 'age')).toEqual({
      'unter 3 Jahre': '0-2',
      '3 bis unter 6 Jahre': '3-5',
      '65 Jahre und mehr': '65+',
      // A range the project lacks becomes a new value, named by its years.
      '10 bis unter 14 Jahre': '10-13',
    });
    expect(proposeValueMap(['Aufenthaltsgestattung', 'Duldung', 'anerkannter Schutzstatus'], dimension('status'), 'status')).toEqual({
      Aufenthaltsgestattung: 'pending',
      Duldung: 'tolerated',
      'anerkannter Schutzstatus': 'granted',
    });
  });
});

describe('a GENESIS long table with status × sex and "Insgesamt" rows', () => {
  const text = [
    'Schutzsuchende nach Schutzstatus und Geschlecht',
    'Stichtag;Gemeinde;Name;Schutzstatus;Geschlecht;Anzahl',
    '31.12.2024;03241001;Hannover;Aufenthaltsgestattung;männlich;120',
    '31.12.2024;03241001;Hannover;Aufenthaltsgestattung;weiblich;80',
    '31.12.2024;03241001;Hannover;Aufenthaltsgestattung;Insgesamt;200',
    '31.12.2024;03241001;Hannover;Duldung;männlich;30',
    '31.12.2024;03241001;Hannover;Duldung;weiblich;25',
    '31.12.2024;03241001;Hannover;Duldung;Insgesamt;56',
    '31.12.2024;03241002;Barsinghausen;Insgesamt;Insgesamt;40',
  ].join('\n');
  const table = parseDelimitedTable(new TextEncoder().encode(text));

  it('recognises the breakdown columns with value maps', () => {
    const proposals = proposeBreakdownColumns(table, DEMO_DIMENSIONS, 0);
    expect(proposals.map((proposal) => [proposal.dimension, proposal.values])).toEqual([
      ['status', { Aufenthaltsgestattung: 'pending', Duldung: 'tolerated', Insgesamt: TOTAL_VALUE }],
      ['sex', { männlich: 'm', weiblich: 'f', Insgesamt: TOTAL_VALUE }],
    ]);
  });

  it('writes the parts, checks each total against them and keeps a total without parts — never double counted', () => {
    const mapping: TableMapping = {
      layout: 'long',
      keyColumn: 1,
      nameColumn: 2,
      periodColumn: 0,
      valueColumns: [{ column: 5, variable: 'refugees', dimensions: {} }],
      dimensionColumns: proposeBreakdownColumns(table, DEMO_DIMENSIONS, 0),
    };
    const rows = new Map(table.rows.map((row, index) => [index, (row.cells[1] ?? '').trim()]));
    const built = buildTableObservations(table, mapping, rows, 'genesis', 'counted');
    const sum = (key: string) => built.observations.filter((observation) => observation.areaKey === key).reduce((total, observation) => total + (observation.value ?? 0), 0);
    expect(sum('03241001')).toBe(255);
    expect(sum('03241002')).toBe(40);
    expect(built.observations.find((observation) => observation.areaKey === '03241002')?.dimensions).toEqual({});
    expect(built.breakdownTotals.map((check) => [check.dimension, check.total, check.sumOfParts])).toEqual([
      ['sex', 200, 200],
      ['sex', 56, 55],
    ]);
  });
});
