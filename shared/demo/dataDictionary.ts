/**
 * The demo project's data dictionary: dimensions (with their values in display order), variables,
 * the years of the synthetic series and the source ids. Labels in German and English.
 */
import { OFFICIAL_AREA_VARIABLE, type DimensionDefinition, type Variable } from '../model/project';

export { OFFICIAL_AREA_VARIABLE };

/** Years of the synthetic series; each has Stichtag 31.12. of the year. */
export const DEMO_YEARS: readonly number[] = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];

/** Stichtag of a series year as ISO date. @example stichtagOfYear(2019) // "2019-12-31" */
export function stichtagOfYear(year: number): string {
  return `${year}-12-31`;
}

export const DEMO_SOURCE_IDS = {
  boundaries: 'bkg-vg250-ew-region-hannover',
  census: 'zensus-2022-1000a-0000',
  /** Foreign population, accommodation: generic synthetic series. */
  synthetic: 'demo-synthetic',
  /** Population by sex and age: a synthetic register series. */
  populationRegister: 'demo-melderegister',
  /** Persons seeking protection by status, sex and age, with arrivals and departures: a synthetic register (AZR) series. */
  refugeeRegister: 'demo-azr',
  /** Persons seeking protection as benefit recipients (AsylbLG statistics), synthetic. */
  asylbLg: 'demo-asylblg',
  /** Persons in municipal accommodation (weekly bed count), synthetic. */
  bedCount: 'demo-bettenzaehlung',
} as const;

/** Stichtag of the Zensus 2022. */
export const CENSUS_STICHTAG = '2022-05-15';

export const SEXES = ['m', 'f'] as const;
export type Sex = (typeof SEXES)[number];

export const AGE_GROUPS = ['0-2', '3-5', '6-9', '10-15', '16-17', '18-24', '25-44', '45-64', '65+'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Age groups under 18 years (for the under-18 share). */
export const UNDER_18_AGE_GROUPS: readonly AgeGroup[] = ['0-2', '3-5', '6-9', '10-15', '16-17'];
/** Age groups of KiTa age (0–5 years: crèche and kindergarten). */
export const KITA_AGE_GROUPS: readonly AgeGroup[] = ['0-2', '3-5'];

/** Nationality groups, ISO 3166-1 alpha-3 codes plus `other`. */
export const NATIONALITY_GROUPS = ['TUR', 'SYR', 'UKR', 'POL', 'ROU', 'AFG', 'IRQ', 'BGR', 'ITA', 'GRC', 'other'] as const;
export type NationalityGroup = (typeof NATIONALITY_GROUPS)[number];

export const RESIDENCE_STATUSES = ['pending', 'granted', 'tolerated'] as const;
export type ResidenceStatus = (typeof RESIDENCE_STATUSES)[number];

const ageLabels: Record<AgeGroup, { de: string; en: string }> = {
  '0-2': { de: '0 bis 2 Jahre', en: '0 to 2 years' },
  '3-5': { de: '3 bis 5 Jahre', en: '3 to 5 years' },
  '6-9': { de: '6 bis 9 Jahre', en: '6 to 9 years' },
  '10-15': { de: '10 bis 15 Jahre', en: '10 to 15 years' },
  '16-17': { de: '16 bis 17 Jahre', en: '16 to 17 years' },
  '18-24': { de: '18 bis 24 Jahre', en: '18 to 24 years' },
  '25-44': { de: '25 bis 44 Jahre', en: '25 to 44 years' },
  '45-64': { de: '45 bis 64 Jahre', en: '45 to 64 years' },
  '65+': { de: '65 Jahre und älter', en: '65 years and over' },
};

const nationalityLabels: Record<NationalityGroup, { de: string; en: string }> = {
  TUR: { de: 'Türkei', en: 'Türkiye' },
  SYR: { de: 'Syrien', en: 'Syria' },
  UKR: { de: 'Ukraine', en: 'Ukraine' },
  POL: { de: 'Polen', en: 'Poland' },
  ROU: { de: 'Rumänien', en: 'Romania' },
  AFG: { de: 'Afghanistan', en: 'Afghanistan' },
  IRQ: { de: 'Irak', en: 'Iraq' },
  BGR: { de: 'Bulgarien', en: 'Bulgaria' },
  ITA: { de: 'Italien', en: 'Italy' },
  GRC: { de: 'Griechenland', en: 'Greece' },
  other: { de: 'sonstige Staatsangehörigkeiten', en: 'other nationalities' },
};

/** The dimensions in display order: sex, age, nationality, status. */
export const DEMO_DIMENSIONS: DimensionDefinition[] = [
  {
    id: 'sex',
    name: { de: 'Geschlecht', en: 'Sex' },
    values: [
      { id: 'm', name: { de: 'männlich', en: 'male' } },
      { id: 'f', name: { de: 'weiblich', en: 'female' } },
    ],
  },
  { id: 'age', name: { de: 'Altersgruppe', en: 'Age group' }, values: AGE_GROUPS.map((id) => ({ id, name: ageLabels[id] })) },
  {
    id: 'nationality',
    name: { de: 'Staatsangehörigkeit', en: 'Nationality' },
    values: NATIONALITY_GROUPS.map((id) => ({ id, name: nationalityLabels[id] })),
  },
  {
    id: 'status',
    name: { de: 'Schutzstatus', en: 'Protection status' },
    values: [
      { id: 'pending', name: { de: 'im Verfahren (Aufenthaltsgestattung)', en: 'asylum pending (permission to reside)' } },
      { id: 'granted', name: { de: 'Schutzstatus anerkannt', en: 'protection status granted' } },
      { id: 'tolerated', name: { de: 'geduldet', en: 'tolerated (Duldung)' } },
    ],
  },
];

/**
 * The demo's variables. Population has two sources (the synthetic register series and the real Zensus
 * 2022 totals) and persons seeking protection three (register, AsylbLG, bed count); indicators draw from
 * the first listed source, the others are there to compare.
 */
export const DEMO_VARIABLES: Variable[] = [
  { id: OFFICIAL_AREA_VARIABLE, name: { de: 'Fläche (km²)', en: 'Area (km²)' }, unit: 'km²', dimensions: [], kind: 'stock', sources: [DEMO_SOURCE_IDS.boundaries] },
  { id: 'population', name: { de: 'Bevölkerung', en: 'Population' }, unit: 'Personen', dimensions: ['sex', 'age'], kind: 'stock', sources: [DEMO_SOURCE_IDS.populationRegister] },
  {
    id: 'foreign_population',
    name: { de: 'Ausländische Bevölkerung', en: 'Foreign population' },
    unit: 'Personen',
    dimensions: ['nationality'],
    kind: 'stock',
    sources: [DEMO_SOURCE_IDS.synthetic],
  },
  {
    id: 'refugees',
    name: { de: 'Schutzsuchende', en: 'Persons seeking protection' },
    unit: 'Personen',
    dimensions: ['sex', 'age', 'status'],
    kind: 'stock',
    sources: [DEMO_SOURCE_IDS.refugeeRegister],
  },
  {
    id: 'refugee_arrivals',
    name: { de: 'Zugänge Schutzsuchender', en: 'Arrivals of persons seeking protection' },
    unit: 'Personen',
    dimensions: ['sex'],
    kind: 'flow',
    sources: [DEMO_SOURCE_IDS.refugeeRegister],
  },
  {
    id: 'refugee_departures',
    name: { de: 'Abgänge Schutzsuchender', en: 'Departures of persons seeking protection' },
    unit: 'Personen',
    dimensions: ['sex'],
    kind: 'flow',
    sources: [DEMO_SOURCE_IDS.refugeeRegister],
  },
  {
    id: 'accommodation_places',
    name: { de: 'Plätze in Gemeinschaftsunterkünften', en: 'Places in communal accommodation' },
    unit: 'Plätze',
    dimensions: [],
    kind: 'stock',
    sources: [DEMO_SOURCE_IDS.synthetic],
  },
  {
    id: 'accommodation_occupied',
    name: { de: 'Belegte Plätze in Gemeinschaftsunterkünften', en: 'Occupied places in communal accommodation' },
    unit: 'Personen',
    dimensions: [],
    kind: 'stock',
    sources: [DEMO_SOURCE_IDS.synthetic],
  },
];
