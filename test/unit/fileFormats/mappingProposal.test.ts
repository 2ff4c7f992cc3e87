/**
 * The proposed table mapping must be committable and must not call a rate a count: "je 1.000 Einwohner" or
 * "Anteil … an der Bevölkerung" are not the population, and two population columns do not share one variable.
 */
import { describe, expect, it } from 'vitest';
import { parseDelimitedTable } from '../../../shared/fileFormats/table/parseDelimited';
import { proposeTableMapping } from '../../../shared/fileFormats/table/tableMapping';

const csv = (text: string) => parseDelimitedTable(new TextEncoder().encode(text));

describe('mapping proposal', () => {
  it('rates that mention Einwohner/Bevölkerung get their own variables; only the count is population', () => {
    const table = csv('AGS;Name;Einwohner;PKW je 1000 Einwohner;Anteil an der Bevölkerung in %;Einwohnerdichte\n03241001;Hannover;536925;380;12,5;2628\n03241002;Barsinghausen;34187;550;8,1;333\n');
    const { mapping } = proposeTableMapping(table, 'stadtteile_2019-12-31.csv');
    const variables = mapping.valueColumns.map((entry) => entry.variable);
    expect(variables[0]).toBe('population');
    expect(variables.filter((variable) => variable === 'population')).toHaveLength(1);
    expect(new Set(variables).size).toBe(variables.length);
  });

  it('a table saved from Excel: "Kreisschlüssel" without leading zeros is the key, "Einwohner 31.12.2021" the population at that date', () => {
    const table = csv('Kreisschlüssel;Kreis;Einwohner 31.12.2021;Frauenanteil in %;Fläche km²\r\n3101;Braunschweig;248.823;50,4;192,70\r\n3102;Salzgitter;103.694;50,3;224,49\r\n3103;Wolfsburg;123.949;50,2;204,61\r\n');
    expect(table.keyColumn).toBe(0);
    const { mapping } = proposeTableMapping(table, 'kreise_nds.csv');
    expect(mapping.keyColumn).toBe(0);
    expect(mapping.period).toBe('2021-12-31');
    expect(mapping.valueColumns.map((entry) => entry.variable)).toEqual(['population', 'frauenanteil_in', 'area_km2']);
    // A "Verstädterungsschlüssel" is a class, not the areas' key.
    const classes = csv('AGS;Name;Verstädterungsschlüssel;Einwohner\n03241001;Hannover;1;536925\n03241002;Barsinghausen;2;34187\n03241003;Burgdorf;3;30000\n');
    expect(classes.keyColumn).toBe(0);
    expect(classes.columns[2]?.kind).toBe('number');
  });

  it('a second population column of the same shape gets a variable of its own', () => {
    const table = csv('AGS;Name;Bevölkerung 2018;Bevölkerung 2019\n03241001;Hannover;538068;536925\n03241002;Barsinghausen;34000;34187\n');
    const { mapping, variables } = proposeTableMapping(table, 'bevoelkerung.csv');
    const ids = mapping.valueColumns.map((entry) => entry.variable);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe('population');
    expect(ids[1]).not.toBe('population');
    expect(variables.get(ids[1]!)?.de).toContain('2019');
  });

  it('GENESIS three-row headers ("Stichtag" / date / Insgesamt, männlich, weiblich): the period row names no variable', () => {
    const table = csv(
      'GENESIS-Tabelle: 12411-01-01-4\nBevölkerung nach Geschlecht - Stichtag 31.12. - regionale;;;;\nTiefe: Kreise und krfr. Städte;;;;\nBevölkerungsstand (Anzahl);;;;\n' +
        ';;Stichtag;Stichtag;Stichtag\n;;31.12.2021;31.12.2021;31.12.2021\n;;Insgesamt;männlich;weiblich\n' +
        '03241;Region Hannover, Landkreis;1161015;565829;595186\n03241001;Hannover, Landeshauptstadt;535932;261300;274632\n03251;Diepholz, Landkreis;218470;107780;110690\n',
    );
    const { mapping, variables } = proposeTableMapping(table, '12411-01-01-4.csv');
    expect(mapping.period).toBe('2021-12-31');
    // männlich and weiblich add up to Insgesamt in every row: the parts are kept, the total is their sum.
    expect(mapping.valueColumns).toEqual([
      { column: 3, variable: 'population', dimensions: { sex: 'm' } },
      { column: 4, variable: 'population', dimensions: { sex: 'f' } },
    ]);
    expect(variables.get('population')?.de).toBe('Bevölkerung');
    expect([...variables.keys()]).not.toContain('stichtag');
  });
});

describe('movements beside their stock', () => {
  it('gives arrivals, departures, births and deaths beside one stock the ids the balance finds them by', () => {
    const table = csv('AGS;Name;Bevölkerung;Zuzüge;Fortzüge;Lebendgeborene;Gestorbene\n03241001;Hannover;545000;40000;38000;5000;5500\n');
    const { mapping, variables } = proposeTableMapping(table, 'bewegungen_2023-12-31.csv');
    expect(mapping.valueColumns.map((entry) => entry.variable)).toEqual(['population', 'population_arrivals', 'population_departures', 'population_births', 'population_deaths']);
    // The columns' labels stay their names; the ids they replace are gone.
    expect(variables.get('population_arrivals')).toEqual({ de: 'Zuzüge', en: 'Zuzüge' });
    expect(variables.has('zuzuege')).toBe(false);
  });
  it('leaves the columns as they are when no single stock stands beside them', () => {
    const none = csv('AGS;Name;Zugänge;Abgänge\n03241001;Hannover;900;650\n');
    expect(proposeTableMapping(none, 'x_2023-12-31.csv').mapping.valueColumns.map((entry) => entry.variable)).toEqual(['zugaenge', 'abgaenge']);
    const two = csv('AGS;Name;Wohnungslose;Neu gemeldet;Abgänge\n03241001;Hannover;3350;900;650\n');
    expect(proposeTableMapping(two, 'x_2023-12-31.csv').mapping.valueColumns.map((entry) => entry.variable)).toEqual(['wohnungslose', 'neu_gemeldet', 'abgaenge']);
  });
  it('never makes two columns one movement: a rate stays a rate, two columns of one movement keep their ids', () => {
    const ids = (text: string) => proposeTableMapping(csv(text), 'x_2023-12-31.csv').mapping.valueColumns.map((entry) => entry.variable);
    expect(ids('AGS;Name;Einwohner;Zuzüge;Zuzüge je 1000 Einwohner;Fortzüge\n03241001;Hannover;545000;40000;73,4;38000\n')).toEqual(['population', 'population_arrivals', 'zuzuege_je_1000_einwohner', 'population_departures']);
    expect(ids('AGS;Name;Einwohner;Zuzüge insgesamt;Zuzüge aus dem Ausland\n03241001;Hannover;545000;40000;9000\n')).toEqual(['population', 'zuzuege_insgesamt', 'zuzuege_aus_dem_ausland']);
    expect(ids('AGS;Name;Einwohner;Gestorbene;Sterbefälle\n03241001;Hannover;545000;5500;5500\n')).toEqual(['population', 'gestorbene', 'sterbefaelle']);
    // An English rate is a rate too: "Births per 1,000 inhabitants" is no count of births.
    expect(ids('AGS;Name;Population;Births per 1,000 inhabitants;Deaths\n03241001;Hannover;545000;9,8;5500\n')).not.toContain('population_births');
    // The land area beside the stock is no second stock.
    expect(ids('AGS;Name;Fläche km²;Einwohner;Zuzüge;Fortzüge\n03241001;Hannover;204,15;545000;40000;38000\n')).toContain('population_arrivals');
  });
});
