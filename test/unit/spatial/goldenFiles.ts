/**
 * Reading the committed spatial goldens (test/golden/spatial, see its README): the inputs the reference
 * scripts used and their outputs (spdep and PySAL).
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../helpers/repoRoot';

export const GOLDEN_CASES = ['grid5x5', 'islands', 'region-hannover-21', 'hannover-stadtteile-51'] as const;
export type GoldenCase = (typeof GOLDEN_CASES)[number];

export interface GoldenInput {
  case: string;
  toleranceDegrees: number;
  keys: string[];
  names: string[];
  values: (number | null)[];
  counts: number[];
  populations: number[];
  centroids: [number, number][];
}

export interface SpdepStatistics {
  moranTest: { I: number; expectedI: number; varianceRandomisation: number; zRandomisation: number; pRandomisation: number; varianceNormality: number; zNormality: number; pNormality: number };
  moranMc: { permutations: number; pGreater: number; pFolded: number };
  localmoran: { Ii: number[]; E: number[]; Var: number[]; Z: (number | string | null)[]; P: (number | string | null)[] };
  /** The conditional permutation distribution's folded tail share (exact, or from 99 999 draws). */
  conditionalPermutation: { exact: boolean; pFolded: (number | string | null)[] };
  pAdjust: { input: (number | string | null)[]; bonferroni: (number | string | null)[]; BH: (number | string | null)[] };
  EBest: { raw: number[]; smoothed: number[]; a: number; b: number };
  EBlocal: { raw: number[]; smoothed: number[] };
}

export interface SpdepOutput {
  case: string;
  toleranceDegrees: number;
  centroidsSf: [number, number][];
  neighbours: { queen: number[][]; rook: number[][]; knn4: number[][] };
  keep: boolean[];
  queen: SpdepStatistics;
  knn4: SpdepStatistics;
}

export interface PysalOutput {
  neighbours: { queen: number[][]; rook: number[][]; knn4: number[][] };
}

const goldenDir = path.join(repoRoot, 'test', 'golden', 'spatial');

function readJson<T>(relative: string): T {
  return JSON.parse(fs.readFileSync(path.join(goldenDir, relative), 'utf8')) as T;
}

export function goldenInput(name: GoldenCase): GoldenInput {
  return readJson<GoldenInput>(`in/${name}.json`);
}

export function spdepOutput(name: GoldenCase): SpdepOutput {
  return readJson<SpdepOutput>(`out/${name}.spdep.json`);
}

export function pysalOutput(name: GoldenCase): PysalOutput {
  return readJson<PysalOutput>(`out/${name}.pysal.json`);
}

/** R writes NaN and NA as strings or null in JSON; as numbers they are NaN here. */
export function asNumbers(values: readonly (number | string | null)[]): number[] {
  return values.map((value) => (typeof value === 'number' ? value : Number.NaN));
}
