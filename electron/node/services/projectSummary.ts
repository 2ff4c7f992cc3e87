/**
 * The project as the UI sees it (contract `projectSummary`), read from the working copy in one transaction.
 */
import type { ProjectSummary } from '../../../shared/contract/api';
import { computableIndicatorPeriods } from '../../../shared/indicators/computableIndicatorPeriods';
import {
  readDimensions,
  readIndicators,
  readLayers,
  readPeriodsByVariable,
  readSettings,
  readSources,
  readVariables,
} from '../storage/projectReader';
import type { ProjectSession } from './projectSession';

export function summarizeProject(session: ProjectSession): ProjectSummary {
  const db = session.db;
  return db.transaction((): ProjectSummary => {
    const periodsByVariable = readPeriodsByVariable(db);
    return {
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
        periods: computableIndicatorPeriods(indicator, periodsByVariable),
      })),
      variables: readVariables(db).map((variable) => ({ ...variable, periods: periodsByVariable.get(variable.id) ?? [] })),
      dimensions: readDimensions(db),
      settings: readSettings(db),
    };
  })();
}
