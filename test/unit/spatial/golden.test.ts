/**
 * The spatial statistics against R spdep 1.2 on the committed golden cases (test/golden/spatial): the same
 * neighbour lists (spdep's own, cut down to the areas with values), the same values. Moran's I, its
 * moments and the local statistics agree to 1e-9; permutation p-values (999 here, 9 999 in R, other random
 * numbers) agree within Monte-Carlo error; local ones with the exact conditional permutation distribution
 * (every subset of neighbour values, enumerated in R) or, for the Stadtteile, 99 999 draws in R.
 */
import { describe, expect, it } from 'vitest';
import { globalEmpiricalBayes, spatialEmpiricalBayes } from '../../../shared/spatial/empiricalBayes';
import { globalMoran } from '../../../shared/spatial/globalMoran';
import { localMoran } from '../../../shared/spatial/localMoran';
import { adjustPValues } from '../../../shared/spatial/multipleTesting';
import { rowStandardise, subsetWeights, weightsFromNeighbourLists, type SpatialWeights } from '../../../shared/spatial/spatialWeights';
import { asNumbers, GOLDEN_CASES, goldenInput, spdepOutput, type GoldenCase, type SpdepStatistics } from './goldenFiles';

const PERMUTATIONS = 999;

function expectClose(actual: number, expected: number, tolerance: number, label: string): void {
  if (Number.isNaN(expected)) {
    expect(Number.isFinite(actual), `${label}: spdep has NaN`).toBe(false);
    return;
  }
  const scale = Math.max(1, Math.abs(expected));
  expect(Math.abs(actual - expected) / scale, `${label}: ${actual} vs spdep ${expected}`).toBeLessThanOrEqual(tolerance);
}

/** Four standard errors of a p-value from `permutations` draws, plus one step of each p's grid. */
function monteCarloTolerance(p: number): number {
  return 4 * Math.sqrt((p * (1 - p)) / PERMUTATIONS) + 1 / (PERMUTATIONS + 1) + 1 / 10_000;
}

function caseData(name: GoldenCase, weightsName: 'queen' | 'knn4') {
  const input = goldenInput(name);
  const output = spdepOutput(name);
  const kind = weightsName === 'queen' ? ({ type: 'queen' } as const) : ({ type: 'knn', k: 4 } as const);
  const layerWeights: SpatialWeights = weightsFromNeighbourLists(input.keys, output.neighbours[weightsName], kind);
  const keep = input.values.map((value) => value !== null);
  const binary = subsetWeights(layerWeights, keep);
  const values = input.values.filter((value): value is number => value !== null);
  const counts = input.counts.filter((_, index) => keep[index]);
  const populations = input.populations.filter((_, index) => keep[index]);
  return { binary, weights: rowStandardise(binary), values, counts, populations, expected: output[weightsName] as SpdepStatistics };
}

describe.each(GOLDEN_CASES)('spatial statistics vs spdep: %s', (name) => {
  describe.each(['queen', 'knn4'] as const)('%s weights', (weightsName) => {
    const { binary, weights, values, counts, populations, expected } = caseData(name, weightsName);

    it("global Moran's I, expectation, variances, z and p as moran.test (randomisation and normality)", () => {
      const result = globalMoran(values, weights, { permutations: 0 });
      const reference = expected.moranTest;
      expectClose(result.I, reference.I, 1e-9, 'I');
      expectClose(result.expectedI, reference.expectedI, 1e-12, 'E[I]');
      expectClose(result.randomisation.variance, reference.varianceRandomisation, 1e-9, 'Var[I] randomisation');
      expectClose(result.randomisation.zScore, reference.zRandomisation, 1e-9, 'z randomisation');
      expectClose(result.randomisation.pValue, reference.pRandomisation, 1e-9, 'p randomisation');
      expectClose(result.normality.variance, reference.varianceNormality, 1e-9, 'Var[I] normality');
      expectClose(result.normality.zScore, reference.zNormality, 1e-9, 'z normality');
      expectClose(result.normality.pValue, reference.pNormality, 1e-9, 'p normality');
    });

    it('the permutation pseudo p-value agrees with moran.mc within Monte-Carlo error', () => {
      const result = globalMoran(values, weights, { permutations: PERMUTATIONS, seed: 42 });
      const reference = expected.moranMc.pFolded;
      expect(Math.abs((result.pseudoPValue as number) - reference)).toBeLessThanOrEqual(monteCarloTolerance(reference));
    });

    it('local Moran I_i, E[I_i], Var[I_i], z and p as localmoran', () => {
      const result = localMoran(values, weights, { permutations: 0 });
      const reference = expected.localmoran;
      const z = asNumbers(reference.Z);
      const p = asNumbers(reference.P);
      result.areas.forEach((area, index) => {
        expectClose(area.localI, reference.Ii[index]!, 1e-9, `I_${index}`);
        expectClose(area.expectedLocalI, reference.E[index]!, 1e-9, `E[I_${index}]`);
        expectClose(area.varianceLocalI, reference.Var[index]!, 1e-9, `Var[I_${index}]`);
        expectClose(area.zScore ?? Number.NaN, z[index]!, 1e-9, `z_${index}`);
        expectClose(area.analyticalPValue ?? Number.NaN, p[index]!, 1e-9, `p_${index}`);
      });
    });

    it('local pseudo p-values agree with the conditional permutation distribution within Monte-Carlo error', () => {
      const result = localMoran(values, weights, { permutations: PERMUTATIONS, seed: 7 });
      const reference = asNumbers(expected.conditionalPermutation.pFolded);
      result.areas.forEach((area, index) => {
        const expectedP = reference[index]!;
        if (Number.isNaN(expectedP)) {
          expect(area.pseudoPValue, `area ${index} is an island`).toBeNull();
          return;
        }
        expect(Math.abs((area.pseudoPValue as number) - expectedP), `p_${index}: ${area.pseudoPValue} vs ${expectedP}`).toBeLessThanOrEqual(monteCarloTolerance(expectedP));
      });
    });

    it('Bonferroni and Benjamini–Hochberg as p.adjust', () => {
      const input = asNumbers(expected.pAdjust.input).map((p) => (Number.isNaN(p) ? null : p));
      const bonferroni = adjustPValues(input, 'bonferroni');
      const fdr = adjustPValues(input, 'fdr');
      asNumbers(expected.pAdjust.bonferroni).forEach((p, index) => expectClose(bonferroni[index] ?? Number.NaN, p, 1e-12, `bonferroni ${index}`));
      asNumbers(expected.pAdjust.BH).forEach((p, index) => expectClose(fdr[index] ?? Number.NaN, p, 1e-12, `BH ${index}`));
    });

    it('empirical-Bayes rates as EBest and EBlocal', () => {
      const global = globalEmpiricalBayes(counts, populations);
      expectClose(global.priorMean, expected.EBest.b, 1e-12, 'b');
      expectClose(global.priorVariance, expected.EBest.a, 1e-9, 'a');
      global.smoothed.forEach((rate, index) => expectClose(rate, expected.EBest.smoothed[index]!, 1e-12, `EBest ${index}`));
      const spatial = spatialEmpiricalBayes(counts, populations, binary);
      spatial.smoothed.forEach((rate, index) => expectClose(rate, expected.EBlocal.smoothed[index]!, 1e-12, `EBlocal ${index}`));
    });
  });
});
