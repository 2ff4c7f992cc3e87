/**
 * The storage side of an import commit: merging dimension values and variables, the sources that already
 * hold a variable, and replacing one source's values. All SQL of committing lives here (services call
 * these inside ProjectSession.edit, one transaction).
 */
import type { DimensionDefinition, LocalizedText, Observation } from '../../../shared/model/project';
import { canonicalDimensionsJson } from './canonicalDimensions';
import type { SqliteDatabase } from './openDatabase';
import { readDimensions, readIndicators, readObservations, readVariables } from './projectReader';
import { insertIndicator, insertVariable, writeVariableSources } from './projectWriter';

const KNOWN_DIMENSION_NAMES: Record<string, LocalizedText> = {
  sex: { de: 'Geschlecht', en: 'Sex' },
  age: { de: 'Altersgruppe', en: 'Age group' },
  status: { de: 'Schutzstatus', en: 'Protection status' },
  nationality: { de: 'Staatsangehörigkeit', en: 'Nationality' },
};
const KNOWN_VALUE_NAMES: Record<string, LocalizedText> = { m: { de: 'männlich', en: 'male' }, f: { de: 'weiblich', en: 'female' } };

/** Adds dimensions and dimension values that observations use but the project does not define yet. */
export function mergeDimensionValues(db: SqliteDatabase, used: ReadonlyMap<string, ReadonlySet<string>>): void {
  const known = new Map(readDimensions(db).map((dimension) => [dimension.id, dimension]));
  let position = known.size;
  for (const [id, values] of used) {
    const dimension = known.get(id);
    if (dimension) {
      const missing = [...values].filter((value) => !dimension.values.some((existing) => existing.id === value));
      if (missing.length === 0) continue;
      const next: DimensionDefinition['values'] = [...dimension.values, ...missing.map((value) => ({ id: value, name: KNOWN_VALUE_NAMES[value] ?? { de: value, en: value } }))];
      db.prepare('UPDATE kleinraum_dimensions SET values_json = ? WHERE dimension_id = ?').run(JSON.stringify(next), id);
    } else {
      const name = KNOWN_DIMENSION_NAMES[id] ?? { de: id, en: id };
      const valueList = [...values].map((value) => ({ id: value, name: KNOWN_VALUE_NAMES[value] ?? { de: value, en: value } }));
      db.prepare('INSERT INTO kleinraum_dimensions (dimension_id, name_de, name_en, values_json, position) VALUES (?, ?, ?, ?, ?)').run(id, name.de, name.en, JSON.stringify(valueList), position);
      position += 1;
    }
  }
}

export interface WantedVariable {
  id: string;
  name: LocalizedText;
  unit: string;
  /** Decimals of the indicator created for it (default: 1 for km², else 0). */
  decimals?: number;
  /** 'flow' for movements in the period ending at the Stichtag (default 'stock'). */
  kind?: 'stock' | 'flow';
}

/**
 * Creates missing variables (with the dimensions their observations use, drawing from `sourceId`) and,
 * when asked, an absolute indicator for each; adds newly used dimensions to existing variables.
 */
export function mergeVariables(
  db: SqliteDatabase,
  observations: readonly Observation[],
  wanted: readonly WantedVariable[],
  sourceId: string,
  createIndicators: boolean,
): { variablesCreated: string[]; indicatorsCreated: string[] } {
  const known = new Map(readVariables(db).map((variable) => [variable.id, variable]));
  const dimensionsOf = new Map<string, Set<string>>();
  for (const observation of observations) {
    const set = dimensionsOf.get(observation.variable) ?? new Set<string>();
    for (const dimension of Object.keys(observation.dimensions)) set.add(dimension);
    dimensionsOf.set(observation.variable, set);
  }
  const variablesCreated: string[] = [];
  const indicatorsCreated: string[] = [];
  let position = known.size;
  const indicatorIds = new Set(readIndicators(db).map((indicator) => indicator.id));
  for (const variable of wanted) {
    const dimensions = [...(dimensionsOf.get(variable.id) ?? [])];
    const existing = known.get(variable.id);
    if (existing) {
      const added = dimensions.filter((dimension) => !existing.dimensions.includes(dimension));
      if (added.length > 0) db.prepare('UPDATE kleinraum_variables SET dimensions_json = ? WHERE variable_id = ?').run(JSON.stringify([...existing.dimensions, ...added]), variable.id);
      continue;
    }
    insertVariable(db, { id: variable.id, name: variable.name, unit: variable.unit, dimensions, kind: variable.kind ?? 'stock', sources: [sourceId] }, position);
    position += 1;
    variablesCreated.push(variable.id);
    if (!createIndicators) continue;
    const indicatorId = uniqueId(`${variable.id}_total`, indicatorIds);
    indicatorIds.add(indicatorId);
    insertIndicator(
      db,
      {
        id: indicatorId,
        name: variable.name,
        numerator: { variable: variable.id },
        denominator: null,
        scale: 'absolute',
        unit: { de: variable.unit, en: variable.unit === 'Personen' ? 'persons' : variable.unit },
        decimals: variable.decimals ?? (variable.unit === 'km²' ? 1 : 0),
        description: { de: `${variable.name.de}, absolut (beim Import angelegt)`, en: `${variable.name.en}, absolute (created on import)` },
      },
      indicatorIds.size,
    );
    indicatorsCreated.push(indicatorId);
  }
  return { variablesCreated, indicatorsCreated };
}

/** `base`, or `base_2`, `base_3` … whichever is free. @example uniqueId('zensus', new Set(['zensus'])) // "zensus_2" */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) if (!taken.has(`${base}_${suffix}`)) return `${base}_${suffix}`;
}

/**
 * The sources that hold each of `variables`, with their Stichtage, in the project's order of sources.
 * @example sourcesHolding(db, ['refugees']).get('refugees') // [{ sourceId: 'demo-azr', periods: ['2015-12-31', …] }, …]
 */
export function sourcesHolding(db: SqliteDatabase, variables: readonly string[]): Map<string, { sourceId: string; periods: string[] }[]> {
  const result = new Map<string, { sourceId: string; periods: string[] }[]>();
  const statement = db.prepare(
    `SELECT o.source_id AS sourceId, o.period AS period FROM kleinraum_observations o LEFT JOIN kleinraum_sources s ON s.source_id = o.source_id
     WHERE o.variable = ? GROUP BY o.source_id, o.period ORDER BY s.position, o.source_id, o.period`,
  );
  for (const variable of variables) {
    const bySource = new Map<string, string[]>();
    for (const row of statement.all(variable) as { sourceId: string; period: string }[]) {
      const list = bySource.get(row.sourceId);
      if (list) list.push(row.period);
      else bySource.set(row.sourceId, [row.period]);
    }
    result.set(variable, [...bySource].map(([sourceId, periods]) => ({ sourceId, periods })));
  }
  return result;
}

/** The area keys `sourceId` holds values for at its latest Stichtag of `variables` (none when it holds none). */
export function areaKeysAtLatestPeriod(db: SqliteDatabase, sourceId: string, variables: readonly string[]): string[] {
  if (variables.length === 0) return [];
  const marks = variables.map(() => '?').join(', ');
  return db
    .prepare(
      `SELECT DISTINCT area_key FROM kleinraum_observations WHERE source_id = ? AND variable IN (${marks})
       AND period = (SELECT MAX(period) FROM kleinraum_observations WHERE source_id = ? AND variable IN (${marks}))`,
    )
    .pluck()
    .all(sourceId, ...variables, sourceId, ...variables) as string[];
}

/**
 * Puts `sourceId` last in a variable's source ranking (`ranking`: the sources it draws from now), so that
 * a joining source fills gaps only and never displaces or mixes with the ones already shown.
 */
export function appendToSourceRanking(db: SqliteDatabase, variableId: string, ranking: readonly string[], sourceId: string): void {
  writeVariableSources(db, variableId, [...ranking.filter((id) => id !== sourceId), sourceId]);
}

/** What replacing a source's values changes, counted per observation identity. */
export interface ReplacementChanges {
  added: number;
  changed: number;
  unchanged: number;
  removed: number;
  /** The area keys whose values the replacement removes, each once, sorted: a count alone leaves the planner guessing which. */
  removedKeys: string[];
}

/**
 * What replacing the values of `sourceId` for the variables and Stichtage of `incoming` would change, per
 * observation identity (variable, area, Stichtag, breakdown); reads only. The import preview uses it to see
 * that a file repeats a source's values, a replace to report what it did.
 */
export function replacementChanges(db: SqliteDatabase, sourceId: string, incoming: readonly Observation[]): ReplacementChanges {
  const variables = [...new Set(incoming.map((observation) => observation.variable))];
  const periods = [...new Set(incoming.map((observation) => observation.period))];
  const identity = (observation: Observation) => `${observation.variable}|${observation.areaKey}|${observation.period}|${canonicalDimensionsJson(observation.dimensions)}`;
  const old = new Map<string, Observation>();
  for (const period of periods) {
    for (const observation of readObservations(db, { variables, period })) if (observation.sourceId === sourceId) old.set(identity(observation), observation);
  }
  const changes: ReplacementChanges = { added: 0, changed: 0, unchanged: 0, removed: 0, removedKeys: [] };
  const seen = new Set<string>();
  for (const observation of incoming) {
    const key = identity(observation);
    seen.add(key);
    const before = old.get(key);
    if (!before) changes.added += 1;
    else if (before.value === observation.value && (before.missing ?? null) === (observation.missing ?? null)) changes.unchanged += 1;
    else changes.changed += 1;
  }
  const removedKeys = new Set<string>();
  for (const [key, observation] of old) {
    if (seen.has(key)) continue;
    changes.removed += 1;
    removedKeys.add(observation.areaKey);
  }
  changes.removedKeys = [...removedKeys].sort();
  return changes;
}

/**
 * The source whose values `incoming` repeats completely — it holds every variable at every Stichtag of
 * `incoming`, and each incoming value is already its own, unchanged — or null. Such a file was imported
 * before: as a further source it would only stand beside the original with the same figures.
 */
export function sourceRepeatedBy(db: SqliteDatabase, incoming: readonly Observation[]): string | null {
  if (incoming.length === 0) return null;
  const variables = [...new Set(incoming.map((observation) => observation.variable))];
  const periods = [...new Set(incoming.map((observation) => observation.period))];
  const holding = sourcesHolding(db, variables);
  const holdsAll = (sourceId: string) => variables.every((variable) => periods.every((period) => holding.get(variable)?.some((entry) => entry.sourceId === sourceId && entry.periods.includes(period))));
  const candidates = (holding.get(variables[0]!) ?? []).map((entry) => entry.sourceId).filter(holdsAll);
  return (
    candidates.find((sourceId) => {
      const changes = replacementChanges(db, sourceId, incoming);
      return changes.added === 0 && changes.changed === 0;
    }) ?? null
  );
}

/**
 * Replaces the values of `sourceId` for the variables and Stichtage of `incoming` with `incoming`'s: values
 * of other Stichtage stay. Returns what changed.
 */
export function replaceSourceValues(db: SqliteDatabase, sourceId: string, incoming: readonly Observation[]): ReplacementChanges {
  const changes = replacementChanges(db, sourceId, incoming);
  const variables = [...new Set(incoming.map((observation) => observation.variable))];
  const periods = [...new Set(incoming.map((observation) => observation.period))];
  const remove = db.prepare(`DELETE FROM kleinraum_observations WHERE source_id = ? AND variable = ? AND period = ?`);
  for (const variable of variables) for (const period of periods) remove.run(sourceId, variable, period);
  return changes;
}

/** Updates a source's Stichtag (after a replace or an extension with newer dates). */
export function writeSourceStichtag(db: SqliteDatabase, sourceId: string, stichtag: string | null): void {
  db.prepare('UPDATE kleinraum_sources SET stichtag = ? WHERE source_id = ?').run(stichtag, sourceId);
}
