/**
 * Which project variables and dimensions feed the profiles. The defaults are the names the demo project and
 * the import use; a project with other ids passes its own mapping.
 */
export interface ProfileVariables {
  /** Population by sex × age group. */
  population: string;
  /** Refugees (persons seeking protection) by sex × age group × residence status. */
  refugees: string;
  /** Foreign population by nationality group. */
  foreignPopulation: string;
  sexDimension: string;
  /** Dimension values of the two sexes as [male, female]. */
  sexValues: readonly [string, string];
  ageDimension: string;
  nationalityDimension: string;
  statusDimension: string;
  /** Age-group ids under 18 years. */
  under18AgeGroups: readonly string[];
  /** Status id of a granted protection status. */
  grantedStatus: string;
}

export const DEFAULT_PROFILE_VARIABLES: ProfileVariables = {
  population: 'population',
  refugees: 'refugees',
  foreignPopulation: 'foreign_population',
  sexDimension: 'sex',
  sexValues: ['m', 'f'],
  ageDimension: 'age',
  nationalityDimension: 'nationality',
  statusDimension: 'status',
  under18AgeGroups: ['0-2', '3-5', '6-9', '10-15', '16-17'],
  grantedStatus: 'granted',
};

/** The variable ids to read for profiles. @example profileVariableIds(DEFAULT_PROFILE_VARIABLES) // ['population', 'refugees', 'foreign_population'] */
export function profileVariableIds(variables: ProfileVariables): string[] {
  return [variables.population, variables.refugees, variables.foreignPopulation];
}
