/**
 * Sums the observations of one area that a VariableSelection picks: same variable, every filtered dimension
 * value among the listed ones, unlisted dimensions summed over. Missing values are never treated as 0: one
 * missing contributing observation makes the whole sum missing, with its reason.
 */
import type { MissingCode, Observation, QualityFlag, VariableSelection } from '../model/project';
import { pickSource } from '../sources/sourceChoice';
import { weakestQuality } from './qualityRanking';

export type SelectionSum =
  | { status: 'ok'; value: number; quality: QualityFlag | null; sourceIds: string[]; sourceRank: number }
  | { status: 'no-data' }
  | { status: 'missing'; missingCode: MissingCode | null; quality: QualityFlag | null; sourceIds: string[]; sourceRank: number };

/** True when the observation belongs to the selection (variable and dimension filter). */
export function matchesSelection(observation: Observation, selection: VariableSelection): boolean {
  if (observation.variable !== selection.variable) return false;
  if (!selection.filter) return true;
  for (const [dimension, allowedValues] of Object.entries(selection.filter)) {
    const value = observation.dimensions[dimension];
    if (value === undefined || !allowedValues.includes(value)) return false;
  }
  return true;
}

/**
 * Sums `observations` (already restricted to one area and one period) over `selection`, drawing from the
 * first source in `priority` that holds the variable there (shared/sources/sourceChoice.ts); values of
 * other sources are never added. Without a priority every observation counts (a single-source list).
 * @example sumVariableSelection([{ variable: 'pop', value: 3, … }, { variable: 'pop', value: 4, … }], { variable: 'pop' }) // { status: 'ok', value: 7, … }
 */
export function sumVariableSelection(observations: readonly Observation[], selection: VariableSelection, priority?: readonly string[]): SelectionSum {
  const picked = priority ? pickSource(observations.filter((observation) => observation.variable === selection.variable), priority) : null;
  if (priority && !picked) return { status: 'no-data' };
  const used = picked ? picked.observations : observations;
  const sourceRank = picked ? picked.rank : 0;
  let total = 0;
  let matched = 0;
  let firstMissing: Observation | null = null;
  const qualities: QualityFlag[] = [];
  const sourceIds = new Set<string>();
  for (const observation of used) {
    if (!matchesSelection(observation, selection)) continue;
    matched += 1;
    qualities.push(observation.quality);
    sourceIds.add(observation.sourceId);
    if (observation.value === null || !Number.isFinite(observation.value)) {
      firstMissing ??= observation;
      continue;
    }
    total += observation.value;
  }
  if (matched === 0) return { status: 'no-data' };
  if (firstMissing) {
    return { status: 'missing', missingCode: firstMissing.missing ?? null, quality: weakestQuality(qualities), sourceIds: [...sourceIds], sourceRank };
  }
  return { status: 'ok', value: total, quality: weakestQuality(qualities), sourceIds: [...sourceIds], sourceRank };
}
