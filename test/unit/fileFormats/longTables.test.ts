import { describe, expect, it } from 'vitest';
import { DEMO_DIMENSIONS } from '../../../shared/demo/dataDictionary';
import { ageRangeOf, dimensionsText, proposeValueMap, TOTAL_VALUE } from '../../../shared/fileFormats/table/dimensionValues';
import { buildTableObservations, proposeBreakdownColumns, proposeTableMapping, type TableMapping } from '../../../shared/fileFormats/table/tableMapping';
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

describe('a breakdown as planners read it', () => {
  it('names dimensions and values as the project does, in its order of dimensions; totals and new values readable', () => {
    // Given in another order than the project's dimensions (sex before age).
    expect(dimensionsText({ age: '0-2', sex: 'm' }, DEMO_DIMENSIONS, 'de')).toBe(`Geschlecht: männlich · Altersgruppe: ${dimension('age')!.values.find((value) => value.id === '0-2')!.name.de}`);
    expect(dimensionsText({ sex: TOTAL_VALUE }, DEMO_DIMENSIONS, 'en')).toBe('Sex: total');
    // A value or dimension the project does not have yet keeps its id (it is new, named so on import).
    expect(dimensionsText({ age: '10-13', school: 'gs' }, DEMO_DIMENSIONS, 'de')).toBe('Altersgruppe: 10-13 · school: gs');
    expect(dimensionsText({}, DEMO_DIMENSIONS, 'de')).toBe('');
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

describe('a long table of few areas by sex × age groups', () => {
  // Two municipalities × (2 sexes + Insgesamt) × (3 age groups + Insgesamt): each AGS repeats in 16 rows, so
  // it is less varied than the counts — the counts were taken for the key and the preview failed inside.
  const ages = ['unter 3 Jahre', '3 bis unter 6 Jahre', '65 Jahre und mehr'];
  const lines = ['Stichtag;Gemeinde;Name;Geschlecht;Altersgruppe;Anzahl'];
  for (const [index, [key, name]] of [['03241001', 'Hannover'], ['03241002', 'Barsinghausen']].entries()) {
    const cell = (sex: number, age: number) => 100 * (index + 1) + 10 * age + sex;
    for (const [sex, label] of ['männlich', 'weiblich'].entries()) {
      ages.forEach((age, ageIndex) => lines.push(`31.12.2019;${key};${name};${label};${age};${cell(sex, ageIndex)}`));
      lines.push(`31.12.2019;${key};${name};${label};Insgesamt;${ages.reduce((sum, _, ageIndex) => sum + cell(sex, ageIndex), 0)}`);
    }
    ages.forEach((age, ageIndex) => lines.push(`31.12.2019;${key};${name};Insgesamt;${age};${cell(0, ageIndex) + cell(1, ageIndex)}`));
    lines.push(`31.12.2019;${key};${name};Insgesamt;Insgesamt;${ages.reduce((sum, _, ageIndex) => sum + cell(0, ageIndex) + cell(1, ageIndex), 0)}`);
  }
  const table = parseDelimitedTable(new TextEncoder().encode(lines.join('\n')));

  it('takes the repeating AGS for the key and the counts for the value, with sex and age as breakdowns', () => {
    const { mapping } = proposeTableMapping(table, 'bevoelkerung.csv', DEMO_DIMENSIONS);
    expect([mapping.keyColumn, mapping.valueColumns.map((entry) => entry.column), mapping.dimensionColumns.map((entry) => entry.dimension)]).toEqual([1, [5], ['sex', 'age']]);
    const rows = new Map(table.rows.map((row, index) => [index, (row.cells[1] ?? '').trim()]));
    const built = buildTableObservations(table, mapping, rows, 'register', 'counted');
    // 2 areas × 2 sexes × 3 age groups, every "Insgesamt" checked and none added.
    expect(built.observations).toHaveLength(12);
    expect(built.observations.filter((observation) => observation.areaKey === '03241001').reduce((sum, observation) => sum + (observation.value ?? 0), 0)).toBe(6 * 100 + 2 * 30 + 3);
    expect(built.breakdownTotals.every((check) => check.total === check.sumOfParts)).toBe(true);
    expect(built.breakdownTotals.length).toBeGreaterThan(0);
  });
});
