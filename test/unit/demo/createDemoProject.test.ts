import { describe, expect, it } from 'vitest';
import { createDemoProject } from '../../../shared/demo/createDemoProject';
import { DEMO_SOURCE_IDS } from '../../../shared/demo/dataDictionary';
import { unassignableKey, type Observation, type ProjectContent } from '../../../shared/model/project';
import { observationsAsChosen } from '../../../shared/sources/sourceChoice';
import { readProvenanceMunicipalities } from './provenanceTable';

const project = createDemoProject();
const years = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
const keys = project.layers[0]!.areas.map((area) => area.key);

/**
 * The observations indicators see (each variable's chosen source) grouped by variable and period, so sums
 * do not rescan everything; the further sources of population and refugees are checked on their own below.
 */
const byVariableAndPeriod = new Map<string, Observation[]>();
for (const observation of observationsAsChosen(project)) {
  const group = `${observation.variable}|${observation.period}`;
  const members = byVariableAndPeriod.get(group) ?? [];
  members.push(observation);
  byVariableAndPeriod.set(group, members);
}

/** Sum of the values of a variable of the demo project for one area (or all areas) and period, over the dimension cells matching `dimensions`. */
function total(variable: string, period: string, areaKey?: string, dimensions: Record<string, string> = {}): number {
  return (byVariableAndPeriod.get(`${variable}|${period}`) ?? [])
    .filter(
      (observation) =>
        (areaKey === undefined || observation.areaKey === areaKey) &&
        Object.entries(dimensions).every(([dimension, value]) => observation.dimensions[dimension] === value),
    )
    .reduce((sum, observation) => sum + (observation.value ?? 0), 0);
}

const realObservations = (content: ProjectContent): Observation[] => content.observations.filter((observation) => observation.quality !== 'synthetic');
const syntheticValues = (content: ProjectContent): (number | null)[] =>
  content.observations.filter((observation) => observation.quality === 'synthetic').map((observation) => observation.value);

describe('createDemoProject: determinism', () => {
  it('gives byte-identical JSON for the same seed', () => {
    expect(JSON.stringify(createDemoProject({ seed: 11 }))).toBe(JSON.stringify(createDemoProject({ seed: 11 })));
    expect(JSON.stringify(createDemoProject())).toBe(JSON.stringify(project));
  });

  it('changes the synthetic values, but not the real ones or the boundaries, with another seed', () => {
    const other = createDemoProject({ seed: 12 });
    const reference = createDemoProject({ seed: 11 });
    const otherValues = syntheticValues(other);
    const referenceValues = syntheticValues(reference);
    expect(otherValues).toHaveLength(referenceValues.length);
    const differing = otherValues.filter((value, index) => value !== referenceValues[index]).length;
    expect(differing).toBeGreaterThan(referenceValues.length / 2);
    expect(realObservations(other)).toEqual(realObservations(reference));
    expect(other.layers).toEqual(reference.layers);
  });
});

describe('createDemoProject: areas and real figures', () => {
  it('has the layer "gemeinden" with the 21 real AGS and official names', () => {
    const layer = project.layers[0]!;
    expect(project.layers).toHaveLength(1);
    expect(layer.info).toMatchObject({ name: 'gemeinden', keyField: 'key', nameField: 'name', featureCount: 21, sourceCrs: 'EPSG:4326', schematic: false });
    expect(layer.info.title.de).toBe('Städte und Gemeinden der Region Hannover');
    expect(keys).toEqual(Array.from({ length: 21 }, (_, index) => `032410${String(index + 1).padStart(2, '0')}`));
    const provenance = readProvenanceMunicipalities();
    if (!provenance) {
      console.log('Names not checked against PROVENANCE.md: ../shared/data is not beside the checkout.');
      return;
    }
    expect(provenance).toHaveLength(21);
    // The table writes the capital as "Hannover (Landeshauptstadt)"; the area name is the GEN "Hannover".
    const expectedNames = provenance.map((row) => row.name.replace(' (Landeshauptstadt)', ''));
    expect(layer.areas.map((area) => area.name)).toEqual(expectedNames);
    expect(keys).toEqual(provenance.map((row) => row.ags));
  });

  it('takes its boundaries from BKG, attributed as the licence asks, and records the official land areas (KFL)', () => {
    const boundarySource = project.sources.find((source) => source.id === project.layers[0]!.info.sourceId)!;
    expect(boundarySource).toMatchObject({ synthetic: false, publisher: 'Bundesamt für Kartographie und Geodäsie (BKG)', licenceUrl: 'https://www.govdata.de/dl-de/by-2-0' });
    expect(boundarySource.attribution).toMatch(/^© GeoBasis-DE \/ BKG 20\d\d \(Daten verändert\)$/);
    const areas = project.observations.filter((observation) => observation.variable === 'area_km2');
    expect(areas.map((observation) => observation.areaKey)).toEqual(keys);
    for (const observation of areas) expect(observation).toMatchObject({ quality: 'counted', sourceId: boundarySource.id, dimensions: {} });
    const provenance = readProvenanceMunicipalities();
    if (!provenance) {
      console.log('Land areas not checked against PROVENANCE.md: ../shared/data is not beside the checkout.');
      return;
    }
    // The table's "WFS km²" column is the KFL of the same BKG file the asset was derived from.
    expect(areas.map((observation) => observation.value)).toEqual(provenance.map((row) => row.officialAreaKm2));
  });

  it('carries the real Zensus 2022 totals (sum 1 129 158), counted, from the Zensus source', () => {
    const census = project.observations.filter((observation) => observation.sourceId === DEMO_SOURCE_IDS.census && observation.areaKey !== '03241');
    expect(census).toHaveLength(21);
    expect(census.every((observation) => observation.variable === 'population')).toBe(true);
    // The census table's Kreis row is kept as the Region's reported total.
    expect(project.observations.find((observation) => observation.sourceId === DEMO_SOURCE_IDS.census && observation.areaKey === '03241')?.value).toBe(1129158);
    expect(census.reduce((sum, observation) => sum + (observation.value ?? 0), 0)).toBe(1129158);
    for (const observation of census) {
      expect(observation).toMatchObject({ period: '2022-05-15', quality: 'counted', dimensions: {} });
      const source = project.sources.find((candidate) => candidate.id === observation.sourceId)!;
      expect(source.synthetic).toBe(false);
      expect(source.licenceUrl).toBe('https://www.govdata.de/dl-de/by-2-0');
    }
    const provenance = readProvenanceMunicipalities();
    if (!provenance) {
      console.log('Census values not checked one by one: ../shared/data is not beside the checkout.');
      return;
    }
    expect(census.map((observation) => [observation.areaKey, observation.value])).toEqual(provenance.map((row) => [row.ags, row.census2022]));
  });

  it('keeps the synthetic population of 31.12.2022 within ±1 % of the census, per municipality and for the region', () => {
    for (const key of keys) {
      const census = project.observations.find((observation) => observation.sourceId === DEMO_SOURCE_IDS.census && observation.areaKey === key)?.value as number;
      const synthetic = total('population', '2022-12-31', key);
      expect(Math.abs(synthetic - census) / census, key).toBeLessThan(0.01);
    }
    expect(Math.abs(total('population', '2022-12-31') - 1129158) / 1129158).toBeLessThan(0.01);
  });
});

describe('createDemoProject: sources that disagree', () => {
  const refugeesOf = (sourceId: string, period: string) =>
    project.observations.filter((observation) => observation.variable === 'refugees' && observation.sourceId === sourceId && observation.period === period);
  const sumOf = (observations: readonly Observation[]) => observations.reduce((sum, observation) => sum + (observation.value ?? 0), 0);

  it('has persons seeking protection from three synthetic sources, each with its own definition and Stichtag', () => {
    for (const id of [DEMO_SOURCE_IDS.refugeeRegister, DEMO_SOURCE_IDS.asylbLg, DEMO_SOURCE_IDS.bedCount]) {
      const source = project.sources.find((candidate) => candidate.id === id)!;
      expect(source.synthetic).toBe(true);
      expect(source.name).toContain('Beispieldaten, synthetisch');
      expect(source.definition.length).toBeGreaterThan(40);
    }
    expect(project.variables.find((variable) => variable.id === 'refugees')?.sources).toEqual([DEMO_SOURCE_IDS.refugeeRegister]);
    // The bed count is taken on the last Monday of the year.
    expect(refugeesOf(DEMO_SOURCE_IDS.bedCount, '2024-12-30')).toHaveLength(21);
  });

  it('disagrees realistically: AsylbLG lower than the register after 2022, a "nicht zuordenbar" remainder, a few large gaps', () => {
    const register = sumOf(refugeesOf(DEMO_SOURCE_IDS.refugeeRegister, '2024-12-31'));
    const asylbLg = refugeesOf(DEMO_SOURCE_IDS.asylbLg, '2024-12-31');
    const assigned = sumOf(asylbLg.filter((observation) => observation.areaKey.length === 8));
    expect(assigned / register).toBeGreaterThan(0.2);
    expect(assigned / register).toBeLessThan(0.7);
    const remainder = asylbLg.find((observation) => observation.areaKey === unassignableKey('03241'))?.value as number;
    expect(remainder).toBeGreaterThan(0);
    expect(remainder / assigned).toBeLessThan(0.05);
    // Lehrte 2019: a reporting gap well beyond the usual spread.
    const lehrteRegister = sumOf(refugeesOf(DEMO_SOURCE_IDS.refugeeRegister, '2019-12-31').filter((observation) => observation.areaKey === '03241011'));
    const lehrteAsylbLg = refugeesOf(DEMO_SOURCE_IDS.asylbLg, '2019-12-31').find((observation) => observation.areaKey === '03241011')?.value as number;
    expect(lehrteAsylbLg / lehrteRegister).toBeLessThan(0.3);
  });
});

describe('createDemoProject: synthetic series', () => {
  it('has a full population series by sex × age group for every municipality and year', () => {
    for (const key of keys) {
      for (const year of years) {
        const cells = project.observations.filter((observation) => observation.variable === 'population' && observation.areaKey === key && observation.period === `${year}-12-31`);
        expect(cells).toHaveLength(18);
      }
    }
  });

  it('gives the city more 18–44-year-olds and the suburbs more people aged 65+', () => {
    const share = (areaKeys: string[], ages: string[]): number => {
      const part = areaKeys.reduce((sum, key) => sum + ages.reduce((ageSum, age) => ageSum + total('population', '2022-12-31', key, { age }), 0), 0);
      return part / areaKeys.reduce((sum, key) => sum + total('population', '2022-12-31', key), 0);
    };
    const city = ['03241001'];
    const suburbs = keys.filter((key) => key !== '03241001');
    expect(share(suburbs, ['18-24', '25-44'])).toBeLessThan(share(city, ['18-24', '25-44']) - 0.03);
    expect(share(suburbs, ['65+'])).toBeGreaterThan(share(city, ['65+']) + 0.02);
    // The rural municipalities Neustadt a. Rbge., Wedemark and Uetze each differ from the city the same way.
    for (const key of ['03241012', '03241019', '03241018']) {
      expect(share([key], ['18-24', '25-44']), key).toBeLessThan(share(city, ['18-24', '25-44']));
      expect(share([key], ['65+']), key).toBeGreaterThan(share(city, ['65+']));
    }
  });

  it('has foreigner shares of 17–20 % in Hannover and 5–15 % elsewhere (2022), with Ukrainians jumping in 2022', () => {
    for (const key of keys) {
      const foreignShare = total('foreign_population', '2022-12-31', key) / total('population', '2022-12-31', key);
      if (key === '03241001') {
        expect(foreignShare).toBeGreaterThan(0.17);
        expect(foreignShare).toBeLessThan(0.2);
      } else {
        expect(foreignShare, key).toBeGreaterThan(0.05);
        expect(foreignShare, key).toBeLessThan(0.15);
      }
    }
    const ukrainians = (year: number): number => total('foreign_population', `${year}-12-31`, undefined, { nationality: 'UKR' });
    expect(ukrainians(2022)).toBeGreaterThan(3 * ukrainians(2021));
  });

  it('keeps the region refugee total at 1,5–3,5 % of the population, with waves in 2015/16 and 2022', () => {
    const rate = (year: number): number => total('refugees', `${year}-12-31`) / total('population', `${year}-12-31`);
    for (const year of years) {
      expect(rate(year), String(year)).toBeGreaterThan(0.015);
      expect(rate(year), String(year)).toBeLessThan(0.035);
    }
    expect(rate(2016)).toBeGreaterThan(rate(2015));
    expect(rate(2022)).toBeGreaterThan(rate(2021));
    const arrivals = (year: number): number => total('refugee_arrivals', `${year}-12-31`);
    expect(arrivals(2015)).toBeGreaterThan(2 * arrivals(2019));
    expect(arrivals(2022)).toBeGreaterThan(2 * arrivals(2021));
  });

  it('leaves some status × sex × age cells below 3 for small-number protection to handle', () => {
    const refugeeCells = project.observations.filter((observation) => observation.variable === 'refugees');
    const small = refugeeCells.filter((observation) => (observation.value as number) < 3);
    expect(small.length).toBeGreaterThan(0);
    expect(small.length).toBeLessThan(refugeeCells.length / 2);
  });

  it('balances refugee stocks and flows exactly: stock(t−1) + arrivals − departures = stock(t), per municipality, year and sex', () => {
    for (const key of keys) {
      for (const year of years.slice(1)) {
        for (const sex of ['m', 'f', undefined]) {
          const filter: Record<string, string> = sex ? { sex } : {};
          const previous = total('refugees', `${year - 1}-12-31`, key, filter);
          const current = total('refugees', `${year}-12-31`, key, filter);
          const arrivals = total('refugee_arrivals', `${year}-12-31`, key, filter);
          const departures = total('refugee_departures', `${year}-12-31`, key, filter);
          expect(previous + arrivals - departures, `${key} ${year} ${sex ?? 'total'}`).toBe(current);
        }
      }
    }
    const flows = project.observations.filter((observation) => observation.variable === 'refugee_arrivals' || observation.variable === 'refugee_departures');
    expect(flows.every((observation) => (observation.value as number) >= 0)).toBe(true);
  });

  it('has flows among the municipalities and to and from outside that sum exactly to the arrivals and departures', () => {
    const flows = project.flows ?? [];
    const keySet = new Set(keys);
    expect(flows.length).toBeGreaterThan(21 * 20 * 5);
    expect(flows.every((flow) => Number.isInteger(flow.value) && flow.value > 0 && flow.sourceId === DEMO_SOURCE_IDS.refugeeRegister)).toBe(true);
    expect(flows.every((flow) => (keySet.has(flow.from) || flow.from.startsWith('ext:')) && (keySet.has(flow.to) || flow.to.startsWith('ext:')))).toBe(true);
    let regional = 0;
    let external = 0;
    for (const year of years) {
      const period = `${year}-12-31`;
      const ofYear = flows.filter((flow) => flow.period === period);
      for (const key of keys) {
        const inflow = ofYear.filter((flow) => flow.to === key && flow.from !== key).reduce((sum, flow) => sum + flow.value, 0);
        const outflow = ofYear.filter((flow) => flow.from === key && flow.to !== key).reduce((sum, flow) => sum + flow.value, 0);
        expect(inflow, `${key} ${year} in`).toBe(total('refugee_arrivals', period, key));
        expect(outflow, `${key} ${year} out`).toBe(total('refugee_departures', period, key));
      }
      regional += ofYear.filter((flow) => keySet.has(flow.from) && keySet.has(flow.to) && flow.from !== flow.to).reduce((sum, flow) => sum + flow.value, 0);
      external += ofYear.filter((flow) => flow.from.startsWith('ext:')).reduce((sum, flow) => sum + flow.value, 0);
    }
    // Both kinds are substantial: moves within the region and arrivals from outside.
    expect(regional).toBeGreaterThan(0.1 * external);
    expect(external).toBeGreaterThan(regional);
    // Every external category occurs as origin and as destination.
    for (const category of ['ext:umland', 'ext:niedersachsen', 'ext:bund', 'ext:ausland', 'ext:unbekannt']) {
      expect(flows.some((flow) => flow.from === category)).toBe(true);
      expect(flows.some((flow) => flow.to === category)).toBe(true);
    }
  });

  it('occupies accommodation places mostly below capacity, but some municipalities above', () => {
    const occupied = project.observations.filter((observation) => observation.variable === 'accommodation_occupied');
    const overfull = occupied.filter((observation) => (observation.value as number) > total('accommodation_places', observation.period, observation.areaKey));
    expect(overfull.length).toBeGreaterThan(0);
    expect(overfull.length).toBeLessThan(occupied.length / 4);
  });

  it('stores whole, non-negative numbers only', () => {
    const synthetic = project.observations.filter((observation) => observation.quality === 'synthetic');
    expect(synthetic.every((observation) => Number.isInteger(observation.value) && (observation.value as number) >= 0)).toBe(true);
  });
});

describe('createDemoProject: consistency of the catalogue', () => {
  it('flags every observation of a synthetic source as synthetic, and only those', () => {
    const syntheticSources = new Set(project.sources.filter((source) => source.synthetic).map((source) => source.id));
    const mislabelled = project.observations.filter((observation) => (observation.quality === 'synthetic') !== syntheticSources.has(observation.sourceId));
    expect(mislabelled).toEqual([]);
    expect(project.observations.some((observation) => observation.quality === 'synthetic')).toBe(true);
    expect(project.sources.find((source) => source.id === project.layers[0]!.info.sourceId)?.synthetic).toBe(false);
  });

  it('references only existing sources, areas, variables, dimensions and dimension values', () => {
    const sourceIds = new Set(project.sources.map((source) => source.id));
    const dimensions = new Map(project.dimensions.map((dimension) => [dimension.id, new Set(dimension.values.map((value) => value.id))]));
    const variables = new Map(project.variables.map((variable) => [variable.id, variable]));
    expect(project.dimensions.map((dimension) => dimension.id)).toEqual(['sex', 'age', 'nationality', 'status']);
    for (const variable of project.variables) for (const dimension of variable.dimensions) expect(dimensions.has(dimension), `${variable.id}.${dimension}`).toBe(true);
    // Collect problems instead of one expect per observation: readable failures, fast success.
    const problems: string[] = [];
    const seen = new Set<string>();
    const areaKeys = new Set(keys);
    for (const observation of project.observations) {
      const identity = JSON.stringify([observation.areaKey, observation.variable, observation.period, observation.sourceId, Object.entries(observation.dimensions).sort()]);
      const variable = variables.get(observation.variable);
      if (!variable) problems.push(`unknown variable: ${identity}`);
      if (!sourceIds.has(observation.sourceId)) problems.push(`unknown source ${observation.sourceId}: ${identity}`);
      // Areas, the Region's reported totals and what a source could not assign to a municipality.
      if (!areaKeys.has(observation.areaKey) && observation.areaKey !== '03241' && observation.areaKey !== unassignableKey('03241')) problems.push(`unknown area: ${identity}`);
      // A source may report a total without the variable's breakdowns, never other breakdowns.
      if (variable && !Object.keys(observation.dimensions).every((dimension) => variable.dimensions.includes(dimension))) problems.push(`wrong dimensions: ${identity}`);
      for (const [dimension, value] of Object.entries(observation.dimensions)) {
        if (!dimensions.get(dimension)?.has(value)) problems.push(`unknown ${dimension}=${value}: ${identity}`);
      }
      if (seen.has(identity)) problems.push(`duplicate: ${identity}`);
      seen.add(identity);
    }
    expect(problems).toEqual([]);
    for (const indicator of project.indicators) {
      for (const selection of [indicator.numerator, indicator.denominator]) {
        if (!selection) continue;
        const variable = variables.get(selection.variable);
        expect(variable, `${indicator.id} → ${selection.variable}`).toBeDefined();
        for (const [dimension, values] of Object.entries(selection.filter ?? {})) {
          expect(variable!.dimensions).toContain(dimension);
          for (const value of values) expect(dimensions.get(dimension)!.has(value)).toBe(true);
        }
      }
      expect(indicator.denominator === null, indicator.id).toBe(indicator.scale === 'absolute' || indicator.scale === 'perKm2');
      expect(indicator.name.de.length * indicator.name.en.length * indicator.description.de.length * indicator.description.en.length).toBeGreaterThan(0);
    }
  });

  it('has the eight indicators and the settings of the brief', () => {
    expect(project.indicators.map((indicator) => indicator.id)).toEqual([
      'refugees_per_1000', 'foreign_share', 'under18_share', 'children_kita_age', 'population_density', 'accommodation_occupancy', 'refugees_total', 'population_total',
    ]);
    expect(project.settings).toMatchObject({ defaultIndicator: 'refugees_per_1000', smallNumberThreshold: 3 });
    expect(project.title).toBe('Demo: Region Hannover');
  });

  it('returns independent copies: changing one project does not change the next', () => {
    const first = createDemoProject();
    first.indicators[0]!.name.de = 'geändert';
    first.layers[0]!.areas[0]!.name = 'geändert';
    const second = createDemoProject();
    expect(second.indicators[0]!.name.de).toBe('Schutzsuchende je 1.000 Einwohner');
    expect(second.layers[0]!.areas[0]!.name).toBe('Hannover');
  });
});
