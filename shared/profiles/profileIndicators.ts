/**
 * The key indicators every profile carries, with labels, units and how they compare (percentage points only
 * for shares). The ids are the contract: sort keys, CSV columns and CLI output use them.
 */
import type { ProfileIndicatorDefinition } from './profileTypes';

export const PROFILE_INDICATORS: readonly ProfileIndicatorDefinition[] = [
  { id: 'population', label: { de: 'Bevölkerung', en: 'Population' }, unit: { de: 'Personen', en: 'persons' }, decimals: 0, kind: 'count' },
  { id: 'refugees', label: { de: 'Schutzsuchende', en: 'Persons seeking protection' }, unit: { de: 'Personen', en: 'persons' }, decimals: 0, kind: 'count' },
  {
    id: 'refugeesPer1000',
    label: { de: 'Schutzsuchende je 1.000 Einw.', en: 'Persons seeking protection per 1,000 inhabitants' },
    unit: { de: 'je 1.000 Einw.', en: 'per 1,000 inh.' },
    decimals: 1,
    kind: 'per1000',
  },
  { id: 'refugeeShare', label: { de: 'Anteil Schutzsuchende', en: 'Share of persons seeking protection' }, unit: { de: '%', en: '%' }, decimals: 1, kind: 'percent' },
  { id: 'foreignShare', label: { de: 'Ausländeranteil', en: 'Share of foreign nationals' }, unit: { de: '%', en: '%' }, decimals: 1, kind: 'percent' },
  { id: 'under18Share', label: { de: 'Anteil unter 18 Jahre', en: 'Share under 18' }, unit: { de: '%', en: '%' }, decimals: 1, kind: 'percent' },
  {
    id: 'refugeesUnder18Share',
    label: { de: 'Anteil Minderjährige unter Schutzsuchenden', en: 'Share of minors among persons seeking protection' },
    unit: { de: '%', en: '%' },
    decimals: 1,
    kind: 'percent',
  },
  {
    id: 'grantedShare',
    label: { de: 'Anteil mit anerkanntem Schutzstatus', en: 'Share with protection status granted' },
    unit: { de: '%', en: '%' },
    decimals: 1,
    kind: 'percent',
  },
  {
    id: 'refugeesChange',
    label: { de: 'Veränderung Schutzsuchende seit Vergleichsstichtag', en: 'Change in persons seeking protection since comparison date' },
    unit: { de: '%', en: '%' },
    decimals: 1,
    kind: 'change',
  },
  {
    id: 'populationChange',
    label: { de: 'Veränderung Bevölkerung seit Vergleichsstichtag', en: 'Change in population since comparison date' },
    unit: { de: '%', en: '%' },
    decimals: 1,
    kind: 'change',
  },
];

/** @example profileIndicator('refugeesPer1000').decimals // 1 */
export function profileIndicator(id: string): ProfileIndicatorDefinition | undefined {
  return PROFILE_INDICATORS.find((indicator) => indicator.id === id);
}
