/** Indicator definitions that several unit tests compute with, written once. */
import type { IndicatorDefinition } from '../../shared/model/project';

/** The population as a count of persons, as an import of a GENESIS population table defines it. */
export const populationCount: IndicatorDefinition = {
  id: 'population_total',
  name: { de: 'Bevölkerung', en: 'Population' },
  numerator: { variable: 'population' },
  denominator: null,
  scale: 'absolute',
  unit: { de: 'Personen', en: 'persons' },
  decimals: 0,
  description: { de: '', en: '' },
};
