/**
 * The SQL of origin–destination flows (table kleinraum_flows, migration 7): reading one period or all,
 * the Stichtage held, and replacing one source's flows. Callers run writes inside a transaction
 * (ProjectSession.edit / writeProjectContent), so a failed import never leaves half its flows.
 */
import type { FlowRecord } from '../../../shared/movement/flowTypes';
import { canonicalDimensionsJson } from './canonicalDimensions';
import type { SqliteDatabase } from './openDatabase';

type FlowRow = [string, string, string, number, string, string];

/** Flows of one period (or all), optionally of the given sources only, in stored order. */
export function readFlows(db: SqliteDatabase, filter: { period?: string; sourceIds?: readonly string[] } = {}): FlowRecord[] {
  const clauses: string[] = [];
  const parameters: string[] = [];
  if (filter.period !== undefined) {
    clauses.push('period = ?');
    parameters.push(filter.period);
  }
  if (filter.sourceIds !== undefined) {
    if (filter.sourceIds.length === 0) return [];
    clauses.push(`source_id IN (${filter.sourceIds.map(() => '?').join(', ')})`);
    parameters.push(...filter.sourceIds);
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  const rows = db.prepare(`SELECT from_key, to_key, period, value, dimensions, source_id FROM kleinraum_flows ${where} ORDER BY id`).raw().all(...parameters) as FlowRow[];
  return rows.map(([from, to, period, value, dimensions, sourceId]) => ({ from, to, period, value, dimensions: JSON.parse(dimensions) as Record<string, string>, sourceId }));
}

/** Stichtage with flows, ascending, with the sources holding each (in first-stored order). */
export function readFlowPeriods(db: SqliteDatabase): { period: string; sourceIds: string[] }[] {
  const rows = db.prepare('SELECT period, source_id FROM kleinraum_flows GROUP BY period, source_id ORDER BY period, MIN(id)').raw().all() as [string, string][];
  const byPeriod = new Map<string, string[]>();
  for (const [period, sourceId] of rows) byPeriod.set(period, [...(byPeriod.get(period) ?? []), sourceId]);
  return [...byPeriod].map(([period, sourceIds]) => ({ period, sourceIds }));
}

export function countFlows(db: SqliteDatabase): number {
  return db.prepare('SELECT COUNT(*) FROM kleinraum_flows').pluck().get() as number;
}

export function writeFlows(db: SqliteDatabase, flows: readonly FlowRecord[]): void {
  const insert = db.prepare('INSERT INTO kleinraum_flows (from_key, to_key, period, value, dimensions, source_id) VALUES (?, ?, ?, ?, ?, ?)');
  for (const flow of flows) insert.run(flow.from, flow.to, flow.period, flow.value, canonicalDimensionsJson(flow.dimensions), flow.sourceId);
}

/** Replaces the flows of one source for the given periods (a re-import of the same matrix replaces, never doubles). */
export function replaceSourceFlows(db: SqliteDatabase, sourceId: string, periods: readonly string[], flows: readonly FlowRecord[]): number {
  const remove = db.prepare('DELETE FROM kleinraum_flows WHERE source_id = ? AND period = ?');
  let removed = 0;
  for (const period of periods) removed += remove.run(sourceId, period).changes;
  writeFlows(db, flows);
  return removed;
}

export function clearFlows(db: SqliteDatabase): void {
  db.exec('DELETE FROM kleinraum_flows');
}
