/**
 * A tiny, hand-made project for storage and service tests: two municipalities of Region Hannover as
 * rectangles (keys with leading zeros), population by sex and refugees for two Stichtage, one value
 * withheld ("."), three indicators. Small enough to check every number by hand.
 */
import type { Observation, ProjectContent } from '../../../shared/model/project';

const rectangle = (west: number, south: number, east: number, north: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});

export function createSmallProjectContent(): ProjectContent {
  const observation = (areaKey: string, variable: string, dimensions: Record<string, string>, period: string, value: number | null, extra: Partial<Observation> = {}): Observation => ({
    areaKey,
    variable,
    dimensions,
    period,
    value,
    missing: null,
    sourceId: 'test-source',
    quality: 'counted',
    ...extra,
  });
  return {
    title: 'Testprojekt Kleinraum',
    layers: [
      {
        info: {
          name: 'gemeinden',
          title: { de: 'Gemeinden', en: 'Municipalities' },
          keyField: 'key',
          nameField: 'name',
          featureCount: 2,
          sourceCrs: 'EPSG:25832',
          sourceId: 'test-boundaries',
          schematic: false,
        },
        areas: [
          { key: '03241001', name: 'Hannover', geometry: rectangle(9.6, 52.3, 9.9, 52.45) },
          {
            key: '03241002',
            name: 'Barsinghausen',
            geometry: { type: 'MultiPolygon', coordinates: [rectangle(9.3, 52.25, 9.5, 52.35).coordinates, rectangle(9.52, 52.25, 9.55, 52.28).coordinates] },
          },
        ],
      },
    ],
    sources: [
      {
        id: 'test-source',
        name: 'Testzählung',
        publisher: 'Testamt',
        stichtag: '2019-12-31',
        licence: 'dl-de/by-2-0',
        licenceUrl: 'https://www.govdata.de/dl-de/by-2-0',
        attribution: '© Testamt 2020',
        notes: 'Äöü ß – Umlaute bleiben erhalten',
        synthetic: false,
        definition: '',
        quality: 'counted',
      },
      {
        id: 'test-boundaries',
        name: 'Testgrenzen',
        publisher: 'BKG',
        stichtag: null,
        licence: 'dl-de/by-2-0',
        licenceUrl: null,
        attribution: '© GeoBasis-DE / BKG 2021',
        notes: '',
        synthetic: false,
        definition: '',
        quality: 'counted',
      },
    ],
    dimensions: [
      {
        id: 'sex',
        name: { de: 'Geschlecht', en: 'Sex' },
        values: [
          { id: 'f', name: { de: 'weiblich', en: 'female' } },
          { id: 'm', name: { de: 'männlich', en: 'male' } },
        ],
      },
    ],
    variables: [
      { id: 'population', name: { de: 'Einwohner', en: 'Population' }, unit: 'Personen', dimensions: ['sex'], kind: 'stock', sources: [] },
      { id: 'refugees', name: { de: 'Schutzsuchende', en: 'Refugees' }, unit: 'Personen', dimensions: [], kind: 'stock', sources: [] },
    ],
    indicators: [
      {
        id: 'refugees_per_1000',
        name: { de: 'Schutzsuchende je 1.000 Einwohner', en: 'Refugees per 1,000 inhabitants' },
        numerator: { variable: 'refugees' },
        denominator: { variable: 'population' },
        scale: 'per1000',
        unit: { de: 'je 1.000 Einw.', en: 'per 1,000 inh.' },
        decimals: 1,
        description: { de: 'Schutzsuchende bezogen auf die Einwohnerzahl', en: 'Refugees relative to population' },
      },
      {
        id: 'women_share',
        name: { de: 'Frauenanteil', en: 'Share of women' },
        numerator: { variable: 'population', filter: { sex: ['f'] } },
        denominator: { variable: 'population' },
        scale: 'percent',
        unit: { de: '%', en: '%' },
        decimals: 1,
        description: { de: 'Anteil der Frauen', en: 'Share of women' },
      },
      {
        id: 'refugees',
        name: { de: 'Schutzsuchende', en: 'Refugees' },
        numerator: { variable: 'refugees' },
        denominator: null,
        scale: 'absolute',
        unit: { de: 'Personen', en: 'persons' },
        decimals: 0,
        description: { de: 'Anzahl', en: 'Count' },
      },
    ],
    observations: [
      observation('03241001', 'population', { sex: 'f' }, '2019-12-31', 270000),
      observation('03241001', 'population', { sex: 'm' }, '2019-12-31', 250000),
      observation('03241002', 'population', { sex: 'f' }, '2019-12-31', 17000),
      observation('03241002', 'population', { sex: 'm' }, '2019-12-31', 16000),
      observation('03241001', 'refugees', {}, '2019-12-31', 15600),
      observation('03241002', 'refugees', {}, '2019-12-31', 2, { quality: 'estimated' }),
      observation('03241001', 'population', { sex: 'f' }, '2018-12-31', 268000),
      observation('03241001', 'population', { sex: 'm' }, '2018-12-31', 249000),
      observation('03241002', 'population', { sex: 'f' }, '2018-12-31', 16900),
      observation('03241002', 'population', { sex: 'm' }, '2018-12-31', 15900),
      observation('03241001', 'refugees', {}, '2018-12-31', 15000),
      observation('03241002', 'refugees', {}, '2018-12-31', null, { missing: '.' }),
    ],
    settings: { smallNumberThreshold: 3, defaultIndicator: 'refugees_per_1000' },
  };
}
