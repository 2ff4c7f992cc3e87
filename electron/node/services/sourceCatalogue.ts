/**
 * The open project's source catalogue (shared/sources/sourceChoice.ts): the project's order of sources,
 * each variable's chosen sources and the Stichtage each source holds, read in one go.
 */
import type { SourceCatalogue } from '../../../shared/sources/sourceChoice';
import type { SqliteDatabase } from '../storage/openDatabase';
import { readPeriodsBySource, readSources, readVariables } from '../storage/projectReader';

/** @example readSourceCatalogue(db).variables.get('refugees')?.sources // ['demo-azr'] */
export function readSourceCatalogue(db: SqliteDatabase): SourceCatalogue {
  return {
    projectOrder: readSources(db).map((source) => source.id),
    variables: new Map(readVariables(db).map((variable) => [variable.id, variable])),
    periods: readPeriodsBySource(db),
  };
}
