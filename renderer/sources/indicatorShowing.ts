import type { ProjectSummary } from '../../shared/contract/api';

/**
 * The indicator that shows a variable's own count on the map: the one an import creates for it
 * (`<variable>_total`), else the first with it as numerator, else the first that draws from it. The first
 * that draws from population is "Anteil unter 18 Jahren", empty for a source without ages.
 * @example indicatorShowing(demoSummary, 'population') // "population_total"
 */
export function indicatorShowing(project: ProjectSummary, variableId: string): string | null {
  const drawing = project.indicators.filter((candidate) => candidate.variables?.includes(variableId));
  const own =
    drawing.find((candidate) => candidate.id === `${variableId}_total`) ??
    drawing.find((candidate) => candidate.variables?.[0] === variableId) ??
    drawing[0];
  return own?.id ?? null;
}
