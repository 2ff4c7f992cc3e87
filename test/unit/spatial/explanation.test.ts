import { describe, expect, it } from 'vitest';
import type { MoranResult } from '../../../shared/analysis/analysisTypes';
import { globalExplanation } from '../../../shared/analysis/explanation';

// Only what the sentence reads; the rest of a result does not enter it.
function result(pseudoPValue: number, clusters: number, correction: 'none' | 'fdr'): MoranResult {
  return {
    indicator: { name: { de: 'Ausländeranteil', en: 'Share of foreign nationals' } },
    global: { I: 0.05, expectedI: -0.05, pseudoPValue, analyticalPValue: null },
    significanceLevel: 0.05,
    permutations: 999,
    clusterCounts: { HH: clusters, LL: 0, HL: 0, LH: 0, ns: 21 - clusters },
    correction,
  } as unknown as MoranResult;
}

describe('the sentence reading a global Moran test', () => {
  it('warns that local clusters beside a region without a pattern may be chance when no correction was chosen', () => {
    // The Analyse tab said "Kein räumliches Muster erkennbar" next to five flagged areas without a word.
    const text = globalExplanation(result(0.276, 5, 'none'), 'de');
    expect(text).toMatch(/^Kein räumliches Muster erkennbar: .*Pseudo-p = 0,276\)\. Die auffälligen Gebiete der Clusterkarte \(5\) sind deshalb mit Vorsicht zu lesen/);
    expect(globalExplanation(result(0.276, 1, 'none'), 'de')).toContain('Das auffällige Gebiet der Clusterkarte (1) ist deshalb');
    expect(globalExplanation(result(0.276, 1, 'none'), 'en')).toContain('Read the flagged area of the cluster map (1) with care');
  });

  it('says nothing more where no area is flagged or a correction was applied', () => {
    expect(globalExplanation(result(0.276, 0, 'none'), 'de')).not.toContain('Vorsicht');
    expect(globalExplanation(result(0.276, 3, 'fdr'), 'de')).not.toContain('Vorsicht');
    expect(globalExplanation(result(0.01, 3, 'none'), 'de')).toMatch(/ballen sich räumlich/);
  });
});
