/**
 * The indicators of the demo project. The first, Schutzsuchende je 1.000 Einwohner, is the default map.
 * All synthetic series share the Stichtag 31.12., so numerator and denominator always meet on one date.
 */
import type { IndicatorDefinition } from '../model/project';
import { KITA_AGE_GROUPS, UNDER_18_AGE_GROUPS } from './dataDictionary';

export const DEFAULT_DEMO_INDICATOR = 'refugees_per_1000';

export const DEMO_INDICATORS: IndicatorDefinition[] = [
  {
    id: 'refugees_per_1000',
    name: { de: 'Schutzsuchende je 1.000 Einwohner', en: 'Persons seeking protection per 1,000 inhabitants' },
    numerator: { variable: 'refugees' },
    denominator: { variable: 'population' },
    scale: 'per1000',
    unit: { de: 'je 1.000 Einw.', en: 'per 1,000 inhabitants' },
    decimals: 1,
    description: {
      de: 'Schutzsuchende (alle Schutzstatus) je 1.000 Einwohner am 31.12. – Beispieldaten, synthetisch.',
      en: 'Persons seeking protection (all statuses) per 1,000 inhabitants on 31 December – synthetic example data.',
    },
  },
  {
    id: 'foreign_share',
    name: { de: 'Ausländeranteil', en: 'Share of foreign nationals' },
    numerator: { variable: 'foreign_population' },
    denominator: { variable: 'population' },
    scale: 'percent',
    unit: { de: '%', en: '%' },
    decimals: 1,
    description: {
      de: 'Ausländische Bevölkerung in % der Bevölkerung am 31.12. – Beispieldaten, synthetisch.',
      en: 'Foreign nationals as % of the population on 31 December – synthetic example data.',
    },
  },
  {
    id: 'under18_share',
    name: { de: 'Anteil unter 18 Jahren', en: 'Share under 18 years' },
    numerator: { variable: 'population', filter: { age: [...UNDER_18_AGE_GROUPS] } },
    denominator: { variable: 'population' },
    scale: 'percent',
    unit: { de: '%', en: '%' },
    decimals: 1,
    description: {
      de: 'Einwohner unter 18 Jahren in % aller Einwohner am 31.12. – Beispieldaten, synthetisch.',
      en: 'Inhabitants under 18 as % of all inhabitants on 31 December – synthetic example data.',
    },
  },
  {
    id: 'children_kita_age',
    name: { de: 'Kinder 0–5 Jahre', en: 'Children aged 0–5' },
    numerator: { variable: 'population', filter: { age: [...KITA_AGE_GROUPS] } },
    denominator: null,
    scale: 'absolute',
    unit: { de: 'Kinder', en: 'children' },
    decimals: 0,
    description: {
      de: 'Kinder im KiTa-Alter (0 bis 5 Jahre) am 31.12. – Beispieldaten, synthetisch.',
      en: 'Children of day-care age (0 to 5 years) on 31 December – synthetic example data.',
    },
  },
  {
    id: 'population_density',
    name: { de: 'Einwohner je km²', en: 'Inhabitants per km²' },
    numerator: { variable: 'population' },
    denominator: null,
    scale: 'perKm2',
    unit: { de: 'Einw. je km²', en: 'inhabitants per km²' },
    decimals: 0,
    description: {
      de: 'Einwohner am 31.12. je km² amtlicher Katasterfläche (KFL, BKG VG250-EW) – Einwohner: Beispieldaten, synthetisch.',
      en: 'Inhabitants on 31 December per km² of official land area (KFL, BKG VG250-EW) – inhabitants: synthetic example data.',
    },
  },
  {
    id: 'accommodation_occupancy',
    name: { de: 'Belegungsquote', en: 'Occupancy rate' },
    numerator: { variable: 'accommodation_occupied' },
    denominator: { variable: 'accommodation_places' },
    scale: 'percent',
    unit: { de: '%', en: '%' },
    decimals: 1,
    description: {
      de: 'Belegte Plätze in % der Plätze in Gemeinschaftsunterkünften am 31.12.; über 100 % heißt Überbelegung – Beispieldaten, synthetisch.',
      en: 'Occupied places as % of places in communal accommodation on 31 December; above 100 % means overcrowding – synthetic example data.',
    },
  },
  {
    id: 'refugees_total',
    name: { de: 'Schutzsuchende', en: 'Persons seeking protection' },
    numerator: { variable: 'refugees' },
    denominator: null,
    scale: 'absolute',
    unit: { de: 'Personen', en: 'persons' },
    decimals: 0,
    description: {
      de: 'Schutzsuchende (alle Schutzstatus) am 31.12. – Beispieldaten, synthetisch.',
      en: 'Persons seeking protection (all statuses) on 31 December – synthetic example data.',
    },
  },
  {
    id: 'population_total',
    name: { de: 'Einwohner', en: 'Inhabitants' },
    numerator: { variable: 'population' },
    denominator: null,
    scale: 'absolute',
    unit: { de: 'Personen', en: 'persons' },
    decimals: 0,
    description: {
      de: 'Einwohner am 31.12. – Beispieldaten, synthetisch. Die echten Zensus-2022-Zahlen stehen in der Variable „Bevölkerung (Zensus 2022)“.',
      en: 'Inhabitants on 31 December – synthetic example data. The real Census 2022 totals are in the variable "Population (Census 2022)".',
    },
  },
];
