/**
 * The project as the UI sees it (contract `projectSummary`), read from the working copy in one transaction.
 */
import type { ProjectSummary } from '../../../shared/contract/api';
import { computableIndicatorPeriods } from '../../../shared/indicators/computableIndicatorPeriods';
import {
  readDimensions,
  readIndicators,
  readLayers,
  readSettings,
  readSources,
  readVariables,
} from '../storage/projectReader';
import type { ProjectSession } from './projectSession';
import { selectionPeriods } from '../../../shared/sources/sourceChoice';
import { readSourceCatalogue } from './sourceCatalogue';

export function summarizeProject(session: ProjectSession): ProjectSummary {
  const db = session.db;
  return db.transaction((): ProjectSummary => {
    const catalogue = readSourceCatalogue(db);
    return {
      sessionId: session.id,
      path: session.path,
      title: session.title,
      dirty: session.dirty,
      isDemo: session.isDemo,
      schemaVersion: session.schemaVersion,
      layers: readLayers(db),
      sources: readSources(db),
      indicators: readIndicators(db).map((indicator) => ({
        id: indicator.id,
        name: indicator.name,
        unit: indicator.unit,
        decimals: indicator.decimals,
        scale: indicator.scale,
        description: indicator.description,
        periods: computableIndicatorPeriods(indicator, (selection) => selectionPeriods(catalogue, selection)),
        variables: [indicator.numerator.variable, ...(indicator.denominator ? [indicator.denominator.variable] : [])],
        numeratorFiltered: indicator.numerator.filter !== undefined && Object.keys(indicator.numerator.filter).length > 0,
      })),
      variables: readVariables(db).map((variable) => ({
        ...variable,
        periods: selectionPeriods(catalogue, { variable: variable.id }),
        availableSources: [...(catalogue.periods.get(variable.id) ?? new Map<string, readonly string[]>())].map(([id, periods]) => ({ id, periods: [...periods] })),
      })),
      dimensions: readDimensions(db),
      settings: readSettings(db),
    };
  })();
}
