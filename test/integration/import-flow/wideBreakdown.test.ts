// A wide GENESIS table of sex × age (Regionalstatistik 12411-02-03-5-B, 17 age groups): the proposal keeps
// the cells, not the totals beside them. Read as age groups, the "Insgesamt" columns made the population
// four times too high (Germany 332 million).
import { describe, expect, it } from 'vitest';
import { readTableFile } from '../../../electron/node/import/readTable';
import { parseDelimitedTable } from '../../../shared/fileFormats/table/parseDelimited';
import { proposeTableMapping } from '../../../shared/fileFormats/table/tableMapping';
import { DEMO_DIMENSIONS } from '../../../shared/demo/dataDictionary';
import { sharedDataPath } from '../../helpers/sharedData';

const AGE_GROUPS = 17;

describe('a wide table of sex × age', () => {
  it('keeps the 34 cells of male and female by age group, whose sum is the table\'s own total', async () => {
    const file = sharedDataPath('population', 'regionalstatistik_kreise', '12411-02-03-5-B_bevoelkerung_geschlecht_17altersgruppen_kreise_2018-12-31.csv');
    const table = await readTableFile(file);
    const { mapping } = proposeTableMapping(table, file);
    const columns = mapping.valueColumns;
    expect(columns).toHaveLength(2 * AGE_GROUPS);
    expect(new Set(columns.map((entry) => entry.variable))).toEqual(new Set(['population']));
    expect(new Set(columns.map((entry) => entry.dimensions['sex']))).toEqual(new Set(['m', 'f']));
    const ages = new Set(columns.map((entry) => entry.dimensions['age']));
    expect(ages.size).toBe(AGE_GROUPS);
    expect([...ages].filter((age) => age === undefined || /altersgruppe|insgesamt/.test(age))).toEqual([]);
    // Flensburg: the kept cells add up to its 89.504 inhabitants (the table's Insgesamt × Insgesamt).
    const flensburg = table.rows.find((row) => row.cells[table.keyColumn ?? 0] === '01001')!;
    expect(columns.reduce((sum, entry) => sum + (flensburg.values[entry.column]?.value ?? 0), 0)).toBe(89504);
  });

  it('names the age groups as the project does where their years agree, and new ones by their years', async () => {
    const file = sharedDataPath('population', 'regionalstatistik_kreise', '12411-0018_bevoelkerung_geschlecht_altersgruppen_kreise_2019-12-31.csv');
    const table = await readTableFile(file);
    const { mapping } = proposeTableMapping(table, file, DEMO_DIMENSIONS);
    const ages = [...new Set(mapping.valueColumns.map((entry) => entry.dimensions['age']))];
    // The demo's groups 0-2, 3-5 and 65+ are GENESIS' "unter 3 Jahre", "3 bis unter 6 Jahre", "65 Jahre und mehr"
    // (or finer: "65 bis unter 75" then is a new value of its years).
    expect(ages).toContain('0-2');
    expect(ages).toContain('3-5');
    expect(ages.filter((age) => age === undefined || !/^\d+(-\d+|\+)$/.test(age))).toEqual([]);
  });

  it('reads no age group into headings that only mention age or years', () => {
    const table = parseDelimitedTable(new TextEncoder().encode('AGS;Name;Durchschnittsalter;Arbeitslose Jahresdurchschnitt 2023;Fahrzeughalter;Insgesamt (alle Altersjahre)\n03241001;Hannover;42;20000;300000;532000\n'));
    const { mapping } = proposeTableMapping(table, 'merkmale.csv', DEMO_DIMENSIONS);
    expect(mapping.valueColumns.map((entry) => entry.dimensions)).toEqual(mapping.valueColumns.map(() => ({})));
  });

  it('keeps the total alone where a part is kept secret or the parts do not add up', () => {
    const secret = parseDelimitedTable(new TextEncoder().encode('AGS;Name;Insgesamt;männlich;weiblich\n03241001;Hannover;15600;8100;7500\n03241002;Barsinghausen;9;.;5\n'));
    expect(proposeTableMapping(secret, 'schutzsuchende_2021-12-31.csv').mapping.valueColumns.map((entry) => entry.dimensions)).toEqual([{}]);
    const apart = parseDelimitedTable(new TextEncoder().encode('AGS;Name;Insgesamt;männlich;weiblich\n03241001;Hannover;15600;8100;7000\n'));
    expect(proposeTableMapping(apart, 'asylblg_2019-12-31.csv').mapping.valueColumns.map((entry) => entry.dimensions)).toEqual([{}]);
  });
});
