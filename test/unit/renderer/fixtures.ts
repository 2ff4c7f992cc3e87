/**
 * Small contract-shaped values for renderer tests, made fresh by `create…` functions (no shared mutable
 * fixtures). They follow the contract schemas; `createIndicatorValues` checks itself against them.
 */
import { indicatorValues as indicatorValuesSchema, projectSummary as projectSummarySchema } from '../../../shared/contract/api';
import type { IndicatorValue, IndicatorValues, ProjectSummary } from '../../../shared/contract/api';

export function createSource(overrides: Partial<ProjectSummary['sources'][number]> = {}): ProjectSummary['sources'][number] {
  return {
    id: 'zensus',
    name: 'Zensus 2022',
    publisher: 'Statistische Ämter des Bundes und der Länder',
    stichtag: '2022-05-15',
    licence: 'dl-de/by-2-0',
    licenceUrl: 'https://www.govdata.de/dl-de/by-2-0',
    attribution: '© Statistische Ämter des Bundes und der Länder, 2024',
    notes: '',
    synthetic: false,
    definition: '',
    quality: 'counted',
    ...overrides,
  };
}

export function createIndicator(overrides: Partial<ProjectSummary['indicators'][number]> = {}): ProjectSummary['indicators'][number] {
  return {
    id: 'refugees_per_1000',
    name: { de: 'Schutzsuchende je 1.000 Einwohner', en: 'Persons seeking protection per 1,000 inhabitants' },
    unit: { de: 'je 1.000 Einw.', en: 'per 1,000 inh.' },
    decimals: 1,
    scale: 'per1000',
    description: { de: '', en: '' },
    periods: ['2022-12-31', '2023-12-31', '2024-12-31'],
    ...overrides,
  };
}

export function createProject(overrides: Partial<ProjectSummary> = {}): ProjectSummary {
  return projectSummarySchema.parse({
    sessionId: 'session-1',
    path: null,
    title: 'Test',
    dirty: false,
    isDemo: false,
    schemaVersion: 1,
    layers: [
      {
        name: 'gemeinden',
        title: { de: 'Gemeinden', en: 'Municipalities' },
        keyField: 'key',
        nameField: 'name',
        featureCount: 3,
        sourceCrs: 'EPSG:25832',
        sourceId: 'vg250',
        schematic: false,
      },
    ],
    sources: [createSource()],
    indicators: [
      createIndicator(),
      createIndicator({ id: 'foreign_share', scale: 'percent', periods: ['2023-12-31'], unit: { de: '%', en: '%' } }),
    ],
    variables: [],
    dimensions: [],
    settings: {},
    ...overrides,
  });
}

export function createValue(key: string, name: string, value: number | null, overrides: Partial<IndicatorValue> = {}): IndicatorValue {
  return {
    key,
    name,
    value,
    numerator: value,
    denominator: value === null ? null : 1,
    quality: value === null ? null : 'counted',
    smallNumber: false,
    missingReason: value === null ? { de: 'Wert unbekannt (.)', en: 'Value unknown (.)' } : null,
    ...overrides,
  };
}

export function createIndicatorValues(values: IndicatorValue[], overrides: Partial<IndicatorValues> = {}): IndicatorValues {
  return indicatorValuesSchema.parse({
    indicator: createIndicator(),
    layer: 'gemeinden',
    period: '2024-12-31',
    values,
    sources: [createSource()],
    regionValue: 12.5,
    ...overrides,
  });
}
