/**
 * Tiny, hand-countable profile data: two areas (a town and a village), three age groups, two sexes, three
 * nationality groups and three residence statuses, at two periods. Every number is chosen so the expected
 * shares and indicators can be worked out by hand in the tests.
 */
import type { DimensionDefinition, Observation, Source } from '../../../shared/model/project';
import type { AggregateProfilesInput } from '../../../shared/profiles/aggregateProfiles';
import { DEFAULT_PROFILE_VARIABLES, type ProfileVariables } from '../../../shared/profiles/profileVariables';

export const FIXTURE_PERIOD = '2024-12-31';
export const FIXTURE_COMPARE_PERIOD = '2023-12-31';

export const fixtureDimensions: DimensionDefinition[] = [
  { id: 'sex', name: { de: 'Geschlecht', en: 'Sex' }, values: [{ id: 'm', name: { de: 'männlich', en: 'male' } }, { id: 'f', name: { de: 'weiblich', en: 'female' } }] },
  {
    id: 'age',
    name: { de: 'Alter', en: 'Age' },
    values: [
      { id: '0-17', name: { de: 'unter 18', en: 'under 18' } },
      { id: '18-64', name: { de: '18 bis 64', en: '18 to 64' } },
      { id: '65+', name: { de: '65 und älter', en: '65 and over' } },
    ],
  },
  {
    id: 'nationality',
    name: { de: 'Staatsangehörigkeit', en: 'Nationality' },
    values: [
      { id: 'SYR', name: { de: 'Syrien', en: 'Syria' } },
      { id: 'UKR', name: { de: 'Ukraine', en: 'Ukraine' } },
      { id: 'other', name: { de: 'sonstige', en: 'other' } },
    ],
  },
  {
    id: 'status',
    name: { de: 'Status', en: 'Status' },
    values: [
      { id: 'pending', name: { de: 'im Verfahren', en: 'pending' } },
      { id: 'granted', name: { de: 'anerkannt', en: 'granted' } },
      { id: 'tolerated', name: { de: 'geduldet', en: 'tolerated' } },
    ],
  },
];

export const fixtureVariables: ProfileVariables = { ...DEFAULT_PROFILE_VARIABLES, under18AgeGroups: ['0-17'] };

export const fixtureSources: Source[] = [
  { id: 'fixture', name: 'Testdaten', publisher: 'Kleinraum', stichtag: null, licence: 'none', licenceUrl: null, attribution: 'Testdaten, synthetisch', notes: '', synthetic: true, definition: '', quality: 'synthetic' },
];

export const fixtureAreas = [
  { key: '01', name: 'Stadt' },
  { key: '02', name: 'Dorf' },
];

function observation(areaKey: string, variable: string, dimensions: Record<string, string>, value: number | null, period = FIXTURE_PERIOD): Observation {
  return { areaKey, variable, dimensions, period, value, missing: value === null ? '.' : null, sourceId: 'fixture', quality: 'synthetic' };
}

/** Population [m, f] per age group, refugees per (age, sex, status), foreign per nationality, per area. */
const population: Record<string, Record<string, [number, number]>> = {
  '01': { '0-17': [100, 100], '18-64': [300, 300], '65+': [90, 110] }, // 1 000 inhabitants
  '02': { '0-17': [20, 20], '18-64': [50, 50], '65+': [30, 30] }, // 200 inhabitants
};
const refugees: Record<string, Record<string, Record<string, [number, number]>>> = {
  // age → status → [m, f]
  '01': { '0-17': { pending: [5, 5], granted: [10, 10], tolerated: [0, 0] }, '18-64': { pending: [10, 0], granted: [5, 5], tolerated: [5, 5] }, '65+': { pending: [0, 0], granted: [0, 0], tolerated: [0, 0] } },
  // The village: 2 refugees in total, both in one cell — below the threshold 3.
  '02': { '0-17': { pending: [0, 0], granted: [0, 0], tolerated: [0, 0] }, '18-64': { pending: [0, 0], granted: [2, 0], tolerated: [0, 0] }, '65+': { pending: [0, 0], granted: [0, 0], tolerated: [0, 0] } },
};
const foreign: Record<string, Record<string, number>> = {
  '01': { SYR: 40, UKR: 30, other: 30 }, // 100 foreign nationals
  '02': { SYR: 1, UKR: 9, other: 10 }, // 20, of which 1 Syrian (suppressed)
};

/** Observations of both areas; the comparison period has 20 % fewer refugees in the town and the same population. */
export function fixtureObservations(): Observation[] {
  const result: Observation[] = [];
  for (const period of [FIXTURE_PERIOD, FIXTURE_COMPARE_PERIOD]) {
    const refugeeFactor = period === FIXTURE_PERIOD ? 1 : 0.8;
    for (const { key } of fixtureAreas) {
      for (const [age, [male, female]] of Object.entries(population[key] ?? {})) {
        result.push(observation(key, 'population', { sex: 'm', age }, male, period), observation(key, 'population', { sex: 'f', age }, female, period));
        for (const [status, [refugeesMale, refugeesFemale]] of Object.entries(refugees[key]?.[age] ?? {})) {
          result.push(
            observation(key, 'refugees', { sex: 'm', age, status }, Math.round(refugeesMale * refugeeFactor), period),
            observation(key, 'refugees', { sex: 'f', age, status }, Math.round(refugeesFemale * refugeeFactor), period),
          );
        }
      }
      for (const [nationality, count] of Object.entries(foreign[key] ?? {})) result.push(observation(key, 'foreign_population', { nationality }, count, period));
    }
  }
  return result;
}

export function fixtureInput(overrides: Partial<AggregateProfilesInput> = {}): AggregateProfilesInput {
  return {
    layer: 'fixture',
    areas: fixtureAreas,
    observations: fixtureObservations(),
    period: FIXTURE_PERIOD,
    dimensions: fixtureDimensions,
    sources: fixtureSources,
    smallNumberThreshold: 3,
    variables: fixtureVariables,
    ...overrides,
  };
}
